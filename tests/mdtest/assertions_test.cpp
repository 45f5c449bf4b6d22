// Tests of assertion-comment extraction: keyword classification, the `# error:` grammar with
// its error messages, and placement (trailing, own-line stacks, stacks ended by a trailing
// comment, chains broken by blank lines or plain comments, dangling stacks).
#include "mdtest/assertions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace asynctype::mdtest {
namespace {

// Finds the comment tokens of simple Python test sources ('#' outside '...' / "..." strings).
std::vector<Comment> ScanComments(std::string_view text) {
  std::vector<Comment> comments;
  size_t line_start = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      line_start = i + 1;
      quote = 0;
    } else if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      bool own_line = text.substr(line_start, i - line_start).find_first_not_of(" \t") ==
                      std::string_view::npos;
      comments.push_back(Comment{{static_cast<uint32_t>(i), static_cast<uint32_t>(end)}, own_line});
      i = end - 1;
    }
  }
  return comments;
}

std::vector<LineAssertions> Extract(std::string_view text, const LineIndex& lines) {
  return ExtractAssertions(ScanComments(text), text, lines);
}

std::vector<std::string> Strings(const LineAssertions& group) {
  std::vector<std::string> out;
  for (const UnparsedAssertion& assertion : group.assertions) out.push_back(assertion.ToString());
  return out;
}

std::string ErrorOf(std::string_view body) {
  std::string error;
  EXPECT_FALSE(ParseErrorAssertion(body, &error).has_value()) << body;
  return error;
}

TEST(AssertionKeywordTest, Classification) {
  auto revealed = ClassifyComment("# revealed: Literal[1]");
  ASSERT_TRUE(revealed);
  EXPECT_EQ(revealed->kind, AssertionKind::Revealed);
  EXPECT_EQ(revealed->body, "Literal[1]");

  auto error = ClassifyComment("#error:[some-rule]");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind, AssertionKind::Error);
  EXPECT_EQ(error->body, "[some-rule]");

  auto spaced = ClassifyComment("#  error  :  [ some-rule ]");
  ASSERT_TRUE(spaced);
  EXPECT_EQ(spaced->body, "[ some-rule ]");

  auto bare = ClassifyComment("# error");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->kind, AssertionKind::Error);
  EXPECT_EQ(bare->body, "");

  auto snapshot = ClassifyComment("# snapshot");
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->kind, AssertionKind::Snapshot);
  auto snapshot_rule = ClassifyComment("# snapshot: invalid-await");
  ASSERT_TRUE(snapshot_rule);
  EXPECT_EQ(snapshot_rule->body, "invalid-await");

  // Nested pragmas: only the text before the second '#' counts.
  auto nested = ClassifyComment("# error: [x]  # fmt:skip");
  ASSERT_TRUE(nested);
  EXPECT_EQ(nested->body, "[x]");
  auto nested_reveal = ClassifyComment("# revealed: int  # type: ignore");
  ASSERT_TRUE(nested_reveal);
  EXPECT_EQ(nested_reveal->body, "int");

  EXPECT_FALSE(ClassifyComment("# error raised by the call"));
  EXPECT_FALSE(ClassifyComment("# TODO: should be `int`"));
  EXPECT_FALSE(ClassifyComment("# Revealed: int"));
  EXPECT_FALSE(ClassifyComment("# type: ignore"));
  EXPECT_FALSE(ClassifyComment("not a comment"));
}

TEST(AssertionKeywordTest, ParseRevealedAndSnapshot) {
  std::string error;
  auto empty = ParseAssertion(*ClassifyComment("# revealed: "), &error);
  EXPECT_FALSE(empty);
  EXPECT_EQ(error, "Must specify which type should be revealed");

  auto revealed = ParseAssertion(*ClassifyComment("# revealed:   list[int]  "), &error);
  ASSERT_TRUE(revealed);
  EXPECT_EQ(revealed->revealed_type, "list[int]");
  EXPECT_EQ(revealed->ToString(), "revealed: list[int]");

  auto snapshot = ParseAssertion(*ClassifyComment("# snapshot"), &error);
  ASSERT_TRUE(snapshot);
  EXPECT_FALSE(snapshot->snapshot_rule);
  EXPECT_EQ(snapshot->ToString(), "snapshot");
  auto with_rule = ParseAssertion(*ClassifyComment("# snapshot: revealed-type"), &error);
  ASSERT_TRUE(with_rule);
  EXPECT_EQ(with_rule->snapshot_rule, "revealed-type");
}

TEST(ErrorAssertionTest, Grammar) {
  std::string error;
  auto rule = ParseErrorAssertion("[unbound-name]", &error);
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->rule, "unbound-name");
  EXPECT_FALSE(rule->column);
  EXPECT_FALSE(rule->message_contains);
  EXPECT_EQ(rule->ToString(), "error: [unbound-name]");

  auto all = ParseErrorAssertion(
      "15 [invalid-argument-type] \"Expected `str`, found `Literal[2]`\"", &error);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->column, 15u);
  EXPECT_EQ(all->rule, "invalid-argument-type");
  EXPECT_EQ(all->message_contains, "Expected `str`, found `Literal[2]`");
  EXPECT_EQ(all->ToString(),
            "error: 15 [invalid-argument-type] \"Expected `str`, found `Literal[2]`\"");

  auto message_only = ParseErrorAssertion("1 \"`x` is unbound\"", &error);
  ASSERT_TRUE(message_only);
  EXPECT_FALSE(message_only->rule);
  EXPECT_EQ(message_only->message_contains, "`x` is unbound");

  // Internal quotes are fine: the message runs to the last character.
  auto quotes =
      ParseErrorAssertion("[x] \"Unknown key \"misspelled\" for TypedDict `Person`\"", &error);
  ASSERT_TRUE(quotes);
  EXPECT_EQ(quotes->message_contains, "Unknown key \"misspelled\" for TypedDict `Person`");

  auto trimmed_rule = ParseErrorAssertion("[ some-rule ]", &error);
  ASSERT_TRUE(trimmed_rule);
  EXPECT_EQ(trimmed_rule->rule, "some-rule");
}

TEST(ErrorAssertionTest, ErrorMessages) {
  EXPECT_EQ(ErrorOf(""), "no rule or message text");
  EXPECT_EQ(ErrorOf("1"), "no rule or message text");
  EXPECT_EQ(ErrorOf("3.14 [some-rule] \"Some message\""), "bad column number `3.14`");
  EXPECT_EQ(ErrorOf("0 [some-rule]"), "bad column number `0`");
  EXPECT_EQ(ErrorOf("3 14 [some-rule] \"Some message\""),
            "multiple column numbers in one assertion");
  EXPECT_EQ(ErrorOf("3 [some-rule] 14 \"Some message\""),
            "multiple column numbers in one assertion");
  EXPECT_EQ(ErrorOf("[rule1] 4 \"Some message\""), "column number must precede the rule code");
  EXPECT_EQ(ErrorOf("[rule1] [rule2] \"Some message\""),
            "cannot use multiple rule codes in one assertion");
  EXPECT_EQ(ErrorOf("42 [some-rule \"Some message\""), "expected ']' to close rule code");
  EXPECT_EQ(ErrorOf("\"Some message\" 0"),
            "expected '\"' to be the final character in an assertion with an error message");
  EXPECT_EQ(ErrorOf("[some-rule] \"Some message"),
            "expected '\"' to be the final character in an assertion with an error message");
  EXPECT_EQ(ErrorOf("[some-rule]\""), "expected message text and closing '\"' after opening '\"'");
  EXPECT_EQ(ErrorOf("invalid-await"),
            "unexpected character `i` at offset 1 (relative to the `:` in the assertion comment)");
  EXPECT_EQ(ErrorOf("[x] y"),
            "unexpected character `y` at offset 5 (relative to the `:` in the assertion comment)");

  std::string error;
  EXPECT_FALSE(ParseAssertion(*ClassifyComment("# error:"), &error));
  EXPECT_EQ(error, "no rule or message text");
}

TEST(AssertionPlacementTest, TrailingCommentTargetsItsOwnLine) {
  std::string text = "\nreveal_type(1)  # revealed: Literal[1]\n";
  LineIndex lines(text);
  auto groups = Extract(text, lines);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].line, 2u);
  EXPECT_EQ(Strings(groups[0]), std::vector<std::string>{"revealed: Literal[1]"});
  EXPECT_EQ(groups[0].assertions[0].comment_line, 2u);
}

TEST(AssertionPlacementTest, OwnLineCommentTargetsTheNextLine) {
  std::string text = "\n# revealed: Literal[1]\nreveal_type(1)\n";
  LineIndex lines(text);
  auto groups = Extract(text, lines);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].line, 3u);
}

TEST(AssertionPlacementTest, OwnLineStack) {
  std::string text = "\n# revealed: Unbound\n# error: [unbound-name]\nreveal_type(x)\n";
  LineIndex lines(text);
  auto groups = Extract(text, lines);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].line, 4u);
  EXPECT_EQ(Strings(groups[0]),
            (std::vector<std::string>{"revealed: Unbound", "error: [unbound-name]"}));
}

TEST(AssertionPlacementTest, TrailingCommentEndsAStack) {
  std::string text =
      "# error: 15 [invalid-argument-type]\n# error: 20 [invalid-argument-type]\n"
      "reveal_type(f(y=2, x=\"bar\"))  # revealed: int\ny  # error: [unbound-name]\n";
  LineIndex lines(text);
  auto groups = Extract(text, lines);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].line, 3u);
  EXPECT_EQ(groups[0].assertions.size(), 3u);
  EXPECT_EQ(groups[1].line, 4u);
  EXPECT_EQ(Strings(groups[1]), std::vector<std::string>{"error: [unbound-name]"});
}

TEST(AssertionPlacementTest, TrailingCommentsAreNeverGrouped) {
  std::string text = "foo  # error: [a]\nbar  # error: [b]\n";
  LineIndex lines(text);
  auto groups = Extract(text, lines);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].line, 1u);
  EXPECT_EQ(groups[1].line, 2u);
}

TEST(AssertionPlacementTest, BlankLineOrPlainCommentBreaksTheChain) {
  std::string blank = "# error: [a]\n\nx\n";
  LineIndex blank_lines(blank);
  auto groups = Extract(blank, blank_lines);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].line, 2u);  // the blank line, where nothing is reported

  std::string plain = "# error: [a]\n# a plain comment\n# error: [b]\nx\n";
  LineIndex plain_lines(plain);
  groups = Extract(plain, plain_lines);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].line, 2u);  // the plain comment line
  EXPECT_EQ(groups[1].line, 4u);
}

TEST(AssertionPlacementTest, StringsAndPlainCommentsAreNotAssertions) {
  std::string text = "x = \"# error: [a]\"\ny = 1  # just a note\n";
  LineIndex lines(text);
  EXPECT_TRUE(Extract(text, lines).empty());
}

TEST(AssertionPlacementTest, DanglingStackAtEndOfFile) {
  std::string text = "x = 1\n# revealed: int";
  LineIndex lines(text);
  auto groups = Extract(text, lines);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].line, 3u);
  EXPECT_TRUE(IsDanglingLine(groups[0].line, lines));
  EXPECT_FALSE(IsDanglingLine(2, lines));
}

}  // namespace
}  // namespace asynctype::mdtest
