// Unit tests for the rule registry (rules.def): the table describes the enum in order, names are
// unique kebab-case and found by FindRule, and every row has its summary and README text.
#include "checker/diagnostics/rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace asynctype {
namespace {

TEST(RulesTest, TableFollowsTheEnumAndNamesRoundTrip) {
  std::set<std::string_view> names;
  size_t i = 0;
  for (const RuleInfo& info : AllRules()) {
    EXPECT_EQ(static_cast<size_t>(info.rule), i++);
    EXPECT_EQ(&GetRuleInfo(info.rule), &info);
    EXPECT_EQ(FindRule(info.name), info.rule);
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    for (char c : info.name) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << info.name;
    EXPECT_FALSE(info.summary.empty()) << info.name;
    EXPECT_FALSE(info.readme.empty()) << info.name;
  }
  EXPECT_FALSE(FindRule("all").has_value());
  EXPECT_FALSE(FindRule("Invalid-Await").has_value());
}

TEST(RulesTest, AlwaysOnAndOffByDefault) {
  EXPECT_FALSE(GetRuleInfo(Rule::InvalidSyntax).is_lint);
  EXPECT_FALSE(GetRuleInfo(Rule::RevealedType).is_lint);
  EXPECT_FALSE(GetRuleInfo(Rule::Io).is_lint);
  EXPECT_TRUE(GetRuleInfo(Rule::InvalidAwait).is_lint);
  EXPECT_EQ(GetRuleInfo(Rule::RevealedType).default_severity, Severity::Info);
  EXPECT_FALSE(GetRuleInfo(Rule::PossiblyUnresolvedReference).enabled_by_default);
  EXPECT_TRUE(GetRuleInfo(Rule::UnresolvedReference).enabled_by_default);
}

}  // namespace
}  // namespace asynctype
