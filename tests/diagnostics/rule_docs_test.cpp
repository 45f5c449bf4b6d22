// Unit tests for the rules' documentation (rule_docs.def): every rule of rules.def has exactly one
// row, every row names a rule, and each row has all its parts (the examples themselves are checked
// by tests/cli/rule_examples.sh). Also "did you mean" and the command line's override of levels.
#include "checker/diagnostics/rule_docs.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "checker/diagnostics/did_you_mean.h"
#include "checker/diagnostics/rule_levels.h"

namespace asynctype {
namespace {

TEST(RuleDocsTest, EveryRuleHasItsDocumentation) {
  for (const RuleInfo& info : AllRules()) {
    const RuleDoc* doc = GetRuleDoc(info.rule);
    ASSERT_NE(doc, nullptr) << "rule_docs.def has no DOC row for `" << info.name << "`";
    EXPECT_EQ(doc->name, info.name);
    EXPECT_FALSE(doc->what.empty()) << info.name;
    EXPECT_FALSE(doc->why.empty()) << info.name;
    EXPECT_FALSE(doc->example.empty()) << info.name;
    EXPECT_FALSE(doc->fix.empty()) << info.name;
    EXPECT_NE(doc->example, doc->fix) << info.name;
    EXPECT_EQ(doc->example.back(), '\n') << info.name;
    EXPECT_EQ(doc->fix.back(), '\n') << info.name;
  }
}

TEST(RuleDocsTest, EveryRowNamesARuleOnce) {
  std::map<std::string_view, int> rows;
  for (const RuleDoc& doc : AllRuleDocs()) {
    EXPECT_TRUE(FindRule(doc.name).has_value()) << "DOC row for unknown rule `" << doc.name << "`";
    EXPECT_EQ(++rows[doc.name], 1) << "two DOC rows for `" << doc.name << "`";
  }
  EXPECT_EQ(rows.size(), AllRules().size());
}

TEST(DidYouMeanTest, SuggestsTheClosestLikelyTypo) {
  const std::string_view subcommands[] = {"check", "mdtest", "rules", "rule", "server"};
  EXPECT_EQ(ClosestName("chek", subcommands), "check");
  EXPECT_EQ(ClosestName("serve", subcommands), "server");
  EXPECT_EQ(ClosestName("rulez", subcommands), "rules");
  EXPECT_EQ(ClosestName("zzzzzzzzzz", subcommands), std::nullopt);
  EXPECT_EQ(ClosestName("check", subcommands), std::nullopt);  // never the name itself
  EXPECT_EQ(DidYouMean("warning", RuleLevelNames()), " (did you mean `warn`?)");
  EXPECT_EQ(DidYouMean("invalid-awiat", RuleSelectorNames()), " (did you mean `invalid-await`?)");
  EXPECT_EQ(DidYouMean("alll", RuleSelectorNames()), " (did you mean `all`?)");
  EXPECT_EQ(DidYouMean("something-else-entirely", RuleSelectorNames()), "");
}

TEST(RuleLevelsTest, OnlyTysLevelNames) {
  EXPECT_EQ(ParseRuleLevel("warn"), RuleLevel::Warn);
  EXPECT_EQ(ParseRuleLevel("warning"), std::nullopt);
  EXPECT_EQ(ParseRuleLevel("error"), RuleLevel::Error);
  EXPECT_EQ(ParseRuleLevel("ignore"), RuleLevel::Ignore);
}

TEST(RuleLevelsTest, CommandLineOverridesTheConfiguration) {
  RuleLevels config;
  config.Set("all", RuleLevel::Warn);
  config.Set("invalid-await", RuleLevel::Error);
  config.Set("unused-awaitable", RuleLevel::Error);  // off by default, enabled by the configuration

  // `--ignore all` silences everything, the configured rules included.
  RuleLevels silenced = config;
  RuleLevels ignore_all;
  ignore_all.Set("all", RuleLevel::Ignore);
  silenced.OverrideWith(ignore_all);
  EXPECT_EQ(silenced.SeverityOf(Rule::InvalidAwait), std::nullopt);
  EXPECT_EQ(silenced.SeverityOf(Rule::UnusedAwaitable), std::nullopt);
  EXPECT_EQ(silenced.SeverityOf(Rule::UnusedCoroutine), std::nullopt);
  EXPECT_EQ(silenced.SeverityOf(Rule::Io), Severity::Error);  // always on

  // A named rule on the command line overrides the configured one; the rest stay configured.
  RuleLevels named = config;
  RuleLevels warn_await;
  warn_await.Set("invalid-await", RuleLevel::Warn);
  named.OverrideWith(warn_await);
  EXPECT_EQ(named.SeverityOf(Rule::InvalidAwait), Severity::Warning);
  EXPECT_EQ(named.SeverityOf(Rule::UnusedAwaitable), Severity::Error);

  // The command line's own named rules beat its `all`.
  RuleLevels mixed = config;
  RuleLevels flags;
  flags.Set("all", RuleLevel::Ignore);
  flags.Set("invalid-await", RuleLevel::Error);
  mixed.OverrideWith(flags);
  EXPECT_EQ(mixed.SeverityOf(Rule::InvalidAwait), Severity::Error);
  EXPECT_EQ(mixed.SeverityOf(Rule::UnusedCoroutine), std::nullopt);
}

}  // namespace
}  // namespace asynctype
