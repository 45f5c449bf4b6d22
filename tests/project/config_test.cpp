// Unit tests of checker/config: globs, rule levels, suppression comments.
#include <gtest/gtest.h>

#include "checker/check/suppressions.h"
#include "checker/diagnostics/rule_levels.h"
#include "checker/project/project_config.h"
#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

TEST(GlobTest, ComponentsAndFolders) {
  EXPECT_TRUE(MatchesGlob("tests", "tests/unit/a.py"));
  EXPECT_TRUE(MatchesGlob("tests", "pkg/tests/a.py"));  // a bare name matches any folder
  EXPECT_FALSE(MatchesGlob("tests", "pkg/testsuite/a.py"));
  EXPECT_TRUE(MatchesGlob("*.pyi", "pkg/mod.pyi"));
  EXPECT_FALSE(MatchesGlob("*.pyi", "pkg/mod.py"));
  EXPECT_TRUE(MatchesGlob("src/app/**", "src/app/x/y.py"));
  EXPECT_FALSE(MatchesGlob("src/app/**", "lib/src/app/y.py"));  // a pattern with '/' is anchored
  EXPECT_TRUE(MatchesGlob("**/gen_*.py", "a/b/gen_x.py"));
  EXPECT_TRUE(MatchesGlob("**/gen_*.py", "gen_x.py"));
  EXPECT_TRUE(MatchesGlob("a/?.py", "a/b.py"));
  EXPECT_FALSE(MatchesGlob("a/?.py", "a/bc.py"));
}

Diagnostic At(Rule rule, uint32_t offset) { return MakeDiagnostic(rule, FileId(0), TextRange{offset, offset + 1}, "m"); }

TEST(RuleLevelsTest, AllThenNamedRules) {
  RuleLevels levels;
  EXPECT_EQ(levels.SeverityOf(Rule::InvalidAwait), Severity::Error);
  EXPECT_EQ(levels.SeverityOf(Rule::PossiblyUnresolvedReference), std::nullopt);  // off by default
  levels.Set("all", RuleLevel::Warn);
  levels.Set("invalid-await", RuleLevel::Ignore);
  EXPECT_EQ(levels.SeverityOf(Rule::InvalidAwait), std::nullopt);
  EXPECT_EQ(levels.SeverityOf(Rule::NotIterable), Severity::Warning);
  EXPECT_EQ(levels.SeverityOf(Rule::PossiblyUnresolvedReference), Severity::Warning);
  EXPECT_EQ(levels.SeverityOf(Rule::InvalidSyntax), Severity::Error);  // not a lint: fixed
  std::vector<Diagnostic> ds = {At(Rule::InvalidAwait, 0), At(Rule::NotIterable, 1), At(Rule::InvalidSyntax, 2)};
  levels.Apply(&ds);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].rule, Rule::NotIterable);
  EXPECT_EQ(ds[0].severity, Severity::Warning);
  EXPECT_FALSE(IsKnownRuleSelector("no-such-rule"));
  EXPECT_EQ(ParseRuleLevel("loud"), std::nullopt);
}

struct Suppressed {
  explicit Suppressed(const char* text) : source(FileId(0), "t.py", text), parsed(Parse(source)) {}
  std::vector<Diagnostic> Run(std::vector<Diagnostic> ds) {
    ApplySuppressions(parsed.ast, source, RuleLevels(), &ds);
    return ds;
  }
  SourceFile source;
  ParsedFile parsed;
};

TEST(SuppressionTest, CodesAndBlanket) {
  Suppressed s("a = 1  # asynctype: ignore[invalid-await]\nb = 2  # type: ignore[whatever]\nc = 3\n");
  auto out = s.Run({At(Rule::InvalidAwait, 0), At(Rule::NotIterable, 1), At(Rule::NotIterable, 45),
                    At(Rule::NotIterable, 80)});
  ASSERT_EQ(out.size(), 2u);  // the not-iterable of line 1, and line 3's
  EXPECT_EQ(out[0].rule, Rule::NotIterable);
  EXPECT_EQ(out[0].range.start, 1u);
  EXPECT_EQ(out[1].range.start, 80u);
}

TEST(SuppressionTest, UnusedAndUnknown) {
  Suppressed s("a = 1  # asynctype: ignore[not-a-rule, invalid-await]\n");
  auto out = s.Run({});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].rule, Rule::UnknownRule);
  EXPECT_EQ(out[1].rule, Rule::UnusedIgnoreComment);
  EXPECT_EQ(out[1].message, "Unused `asynctype: ignore` directive: `invalid-await`");
}

TEST(SuppressionTest, ProseIsNotADirective) {
  Suppressed s("a = 1  # the type: ignored here\n");
  auto out = s.Run({At(Rule::InvalidAwait, 0)});
  EXPECT_EQ(out.size(), 1u);
}

TEST(SuppressionTest, FileLevelTypeIgnore) {
  Suppressed s("# type: ignore\nimport x\nx.y = 1\n");
  auto out = s.Run({At(Rule::UnresolvedImport, 22), At(Rule::InvalidSyntax, 23)});
  ASSERT_EQ(out.size(), 1u);  // syntax errors are never suppressed
  EXPECT_EQ(out[0].rule, Rule::InvalidSyntax);
}

}  // namespace
}  // namespace asynctype
