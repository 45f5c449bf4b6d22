// Unit tests of checker/project/check_for_user: load, check, rule levels, suppressions, the `io`
// diagnostic, the parse-only and mdtest variants.
#include "checker/project/check_for_user.h"

#include <gtest/gtest.h>

namespace asynctype {
namespace {

std::vector<Rule> RulesOf(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Rule> rules;
  for (const Diagnostic& d : diagnostics) rules.push_back(d.rule);
  return rules;
}

class CheckForUserTest : public ::testing::Test {
 protected:
  CheckForUserTest() {
    files_.Write("/p/m.py",
                 "x: int = 'a'\n"
                 "y: int = 'b'  # asynctype: ignore[invalid-assignment]\n"
                 "for _ in 1: pass\n");
    files_.Write("/p/broken.py", "def (:\nz: int = 'c'\n");
    options_.roots = {"/p"};
  }
  MemoryFileSystem files_;
  ProgramOptions options_;
};

TEST_F(CheckForUserTest, LevelsThenSuppressions) {
  Program program(options_, files_);
  RuleLevels levels;
  levels.Set("not-iterable", RuleLevel::Warn);
  UserFileCheck check = CheckFileForUser(program, "/p/m.py", levels);
  ASSERT_TRUE(check.file.valid());
  EXPECT_EQ(RulesOf(check.diagnostics), (std::vector<Rule>{Rule::InvalidAssignment, Rule::NotIterable}));
  EXPECT_EQ(check.diagnostics[0].severity, Severity::Error);
  EXPECT_EQ(check.diagnostics[1].severity, Severity::Warning);
}

TEST_F(CheckForUserTest, UnreadableFileIsAnIoDiagnostic) {
  Program program(options_, files_);
  UserFileCheck check = CheckFileForUser(program, "/p/missing.py", RuleLevels{});
  EXPECT_FALSE(check.file.valid());
  ASSERT_EQ(check.diagnostics.size(), 1u);
  EXPECT_EQ(check.diagnostics[0].rule, Rule::Io);
  EXPECT_EQ(check.diagnostics[0].message, "Failed to read `/p/missing.py`: No such file or directory");
}

TEST_F(CheckForUserTest, ParseOnlyReportsSyntaxErrorsOnly) {
  Program program(options_, files_);
  UserFileCheck check = CheckFileForUser(program, "/p/broken.py", RuleLevels{}, {.parse_only = true});
  ASSERT_FALSE(check.diagnostics.empty());
  for (const Diagnostic& d : check.diagnostics) EXPECT_EQ(d.rule, Rule::InvalidSyntax);
  Program fresh(options_, files_);
  UserFileCheck full = CheckFileForUser(fresh, "/p/broken.py", RuleLevels{});
  EXPECT_GT(full.diagnostics.size(), check.diagnostics.size());
}

TEST_F(CheckForUserTest, DisabledRulesAsInfoForMdtests) {
  files_.Write("/p/u.py", "print(undefined_name_here)\nif int(): v = 1\nprint(v)\n");
  // A fresh Program each: a program's inference reports a diagnostic once.
  auto check = [&](UserCheckOptions options) {
    Program program(options_, files_);
    FileId file = program.LoadFile("/p/u.py", nullptr);
    EXPECT_TRUE(file.valid());
    return CheckLoadedFileForUser(program, file, RuleLevels{}, options);
  };
  std::vector<Diagnostic> plain = check({});
  std::vector<Diagnostic> mdtest = check({.disabled_as_info = true});
  auto has_info = [](const std::vector<Diagnostic>& ds) {
    for (const Diagnostic& d : ds) {
      if (d.rule == Rule::PossiblyUnresolvedReference) return d.severity == Severity::Info;
    }
    return false;
  };
  EXPECT_FALSE(has_info(plain));  // off by default: dropped
  EXPECT_TRUE(has_info(mdtest));
}

}  // namespace
}  // namespace asynctype
