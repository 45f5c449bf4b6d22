// Unit tests of the bracket guard in front of tree-sitter.
#include "checker/syntax/bracket_guard.h"

#include <gtest/gtest.h>

namespace asynctype {
namespace {

TEST(BracketGuardTest, OrdinaryTextIsUntouched) {
  std::string text = "x = [(1, {2: 3})]\ns = '((((('  # ]]]]\n";
  EXPECT_EQ(FindOverDeepBrackets(text), std::nullopt);
}

TEST(BracketGuardTest, BracketsInStringsAndCommentsDoNotCount) {
  std::string deep(kMaxBracketDepth + 10, '(');
  std::string text = "a = '" + deep + "'\nb = \"\"\"" + deep + "\n\"\"\"\n# " + deep + "\nc = rb'" + deep + "'\n";
  EXPECT_EQ(FindOverDeepBrackets(text), std::nullopt);
}

TEST(BracketGuardTest, OverDeepBracketsAndTheirClosersAreBlanked) {
  size_t n = kMaxBracketDepth + 5;
  std::string text = "x = " + std::string(n, '[') + std::string(n, ']') + "\n";
  std::optional<TextRange> first = FindOverDeepBrackets(text);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->start, 4 + kMaxBracketDepth);
  EXPECT_EQ(first->end, 4 + n + n - kMaxBracketDepth);
  std::string blanked = text;
  BlankOverDeepBrackets(blanked);
  EXPECT_EQ(blanked.size(), text.size());
  EXPECT_EQ(FindOverDeepBrackets(blanked), std::nullopt);
  std::string expected = "x = " + std::string(kMaxBracketDepth, '[') + std::string(10, ' ') +
                         std::string(kMaxBracketDepth, ']') + "\n";
  EXPECT_EQ(blanked, expected);
}


TEST(BracketGuardTest, CommentsEndAtTheirLineOrTheFile) {
  std::string deep(kMaxBracketDepth + 10, '(');
  // A comment that ends the file without a newline hides its brackets.
  EXPECT_EQ(FindOverDeepBrackets("x = 1  # " + deep), std::nullopt);
  // Brackets on the line after a comment count again.
  std::string text = "# ]]]\nx = " + deep;
  std::optional<TextRange> found = FindOverDeepBrackets(text);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->start, 10 + kMaxBracketDepth);
}
}  // namespace
}  // namespace asynctype
