// Tests of the mdtest matcher with hand-built diagnostics (no engine). Besides the passing cases
// they prove that wrong assertions fail: a wrong revealed type, rule, column or message, an
// unasserted diagnostic, an assertion on a line without diagnostics, one assertion for two
// diagnostics, malformed assertions, and stacks that target the wrong line.
#include "mdtest/matcher.h"

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

// A diagnostic of `rule` starting at the first occurrence of `at` in `text` (the nth when
// `occurrence` > 0).
Diagnostic Diag(Rule rule, const std::string& text, std::string_view at, std::string message,
                std::string primary = "", int occurrence = 0) {
  size_t offset = text.find(at);
  for (int i = 0; i < occurrence; ++i) offset = text.find(at, offset + 1);
  EXPECT_NE(offset, std::string::npos) << at;
  Diagnostic d = MakeDiagnostic(
      rule, FileId(0),
      TextRange{static_cast<uint32_t>(offset), static_cast<uint32_t>(offset + at.size())},
      std::move(message));
  d.primary_message = std::move(primary);
  return d;
}

Diagnostic Reveal(const std::string& text, std::string_view at, std::string_view type,
                  int occurrence = 0) {
  return Diag(Rule::RevealedType, text, at, "Revealed type", "`" + std::string(type) + "`",
              occurrence);
}

Diagnostic UndefinedReveal(const std::string& text, int occurrence = 0) {
  return Diag(Rule::UndefinedReveal, text, "reveal_type", "`reveal_type` used without importing it",
              "", occurrence);
}

struct Result {
  std::vector<std::pair<uint32_t, std::string>> failures;
  std::vector<size_t> snapshot;
};

Result Match(const std::string& text, const std::vector<Diagnostic>& diagnostics) {
  LineIndex lines(text);
  std::vector<Comment> comments = ScanComments(text);
  FileMatchResult result = MatchFile(diagnostics, comments, text, lines);
  Result out;
  for (const MatchFailure& failure : result.failures) {
    out.failures.emplace_back(failure.line, failure.message);
  }
  out.snapshot = result.snapshot_diagnostics;
  return out;
}

using Failures = std::vector<std::pair<uint32_t, std::string>>;

// ---- revealed

TEST(MatcherRevealTest, Matches) {
  std::string text = "reveal_type(x)  # revealed: Foo\n";
  EXPECT_EQ(Match(text, {Reveal(text, "x)", "Foo")}).failures, Failures{});
}

TEST(MatcherRevealTest, AlsoConsumesUndefinedReveal) {
  std::string text = "reveal_type(x)  # revealed: Foo\n";
  EXPECT_EQ(Match(text, {UndefinedReveal(text), Reveal(text, "x)", "Foo")}).failures, Failures{});
}

TEST(MatcherRevealTest, WrongTypeFailsAndNamesTheActualType) {
  std::string text = "reveal_type(result)  # revealed: int\n";
  EXPECT_EQ(Match(text, {UndefinedReveal(text), Reveal(text, "result", "Unknown")}).failures,
            (Failures{{1, "unmatched assertion: revealed: int (revealed: Unknown)"}}));
}

TEST(MatcherRevealTest, TypeIsComparedVerbatim) {
  std::string text = "reveal_type(x)  # revealed: list[int]\n";
  EXPECT_FALSE(Match(text, {Reveal(text, "x)", "list[int ]")}).failures.empty());
  EXPECT_FALSE(Match(text, {Reveal(text, "x)", "List[int]")}).failures.empty());
  // Without backticks the annotation does not match a `Revealed type` headline.
  EXPECT_FALSE(Match(text, {Diag(Rule::RevealedType, text, "x)", "Revealed type", "list[int]")})
                   .failures.empty());
}

TEST(MatcherRevealTest, WrongRule) {
  std::string text = "x  # revealed: Foo\n";
  EXPECT_EQ(Match(text, {Diag(Rule::UnresolvedReference, text, "x",
                              "Name `x` used when not "
                              "defined")})
                .failures,
            (Failures{{1, "unmatched assertion: revealed: Foo"},
                      {1,
                       "unexpected error: 1 [unresolved-reference] \"Name `x` used when not "
                       "defined\""}}));
}

TEST(MatcherRevealTest, OnlyUndefinedRevealIsNotEnough) {
  std::string text = "reveal_type(x)  # revealed: Foo\n";
  EXPECT_EQ(Match(text, {UndefinedReveal(text)}).failures,
            (Failures{{1, "unmatched assertion: revealed: Foo"}}));
}

TEST(MatcherRevealTest, NoDiagnosticOnTheLine) {
  std::string text = "x = 1  # revealed: int\n";
  EXPECT_EQ(Match(text, {}).failures, (Failures{{1, "unmatched assertion: revealed: int"}}));
}

TEST(MatcherRevealTest, UnassertedRevealAndUndefinedReveal) {
  std::string text = "reveal_type(1)\n";
  EXPECT_EQ(Match(text, {UndefinedReveal(text), Reveal(text, "1)", "Literal[1]")}).failures,
            (Failures{{1,
                       "used built-in `reveal_type`: add a `# revealed` assertion on this line "
                       "(original diagnostic: [undefined-reveal] \"`reveal_type` used without "
                       "importing it\")"},
                      {1, "unexpected error: [revealed-type] \"Revealed type: `Literal[1]`\""}}));
}

TEST(MatcherRevealTest, UndefinedRevealWithAWrongErrorAssertion) {
  std::string text = "reveal_type(1) # error: [something-else]\n";
  EXPECT_EQ(
      Match(text, {UndefinedReveal(text), Reveal(text, "1)", "Literal[1]")}).failures,
      (Failures{{1, "unmatched assertion: error: [something-else]"},
                {1,
                 "used built-in `reveal_type`: add a `# revealed` assertion on this line "
                 "(original diagnostic: 1 [undefined-reveal] \"`reveal_type` used "
                 "without importing it\")"},
                {1, "unexpected error: 13 [revealed-type] \"Revealed type: `Literal[1]`\""}}));
}

TEST(MatcherRevealTest, MultiLineRevealIsAssertedOnTheArgumentLine) {
  std::string text =
      "from typing import reveal_type\nreveal_type(\n    awaitable  # revealed: int\n)\n";
  EXPECT_EQ(Match(text, {Reveal(text, "awaitable", "int")}).failures, Failures{});
  // Asserting on the call line instead fails.
  std::string wrong = "reveal_type(  # revealed: int\n    awaitable\n)\n";
  EXPECT_EQ(Match(wrong, {Reveal(wrong, "awaitable", "int")}).failures,
            (Failures{{1, "unmatched assertion: revealed: int"},
                      {2, "unexpected error: [revealed-type] \"Revealed type: `int`\""}}));
}

TEST(MatcherRevealTest, TodoMetadataIsDiscarded) {
  EXPECT_EQ(DiscardTodoMetadata("list[@Todo(generics)]"), "list[@Todo]");
  EXPECT_EQ(DiscardTodoMetadata("@Todo(StarredExpression) | @Todo(x)"),
            "@Todo(StarredExpression) | @Todo");
  std::string text = "reveal_type(x)  # revealed: @Todo(some reason)\n";
  EXPECT_EQ(Match(text, {Reveal(text, "x)", "@Todo")}).failures, Failures{});
}

// ---- error

TEST(MatcherErrorTest, RuleMatches) {
  std::string text = "x # error: [invalid-await]\n";
  EXPECT_EQ(Match(text, {Diag(Rule::InvalidAwait, text, "x", "Any message")}).failures, Failures{});
}

TEST(MatcherErrorTest, WrongRuleFails) {
  std::string text = "x # error: [invalid-await]\n";
  EXPECT_EQ(Match(text, {Diag(Rule::UnresolvedImport, text, "x", "Any message")}).failures,
            (Failures{{1, "unmatched assertion: error: [invalid-await]"},
                      {1, "unexpected error: 1 [unresolved-import] \"Any message\""}}));
}

TEST(MatcherErrorTest, NonLintIdsMatchByName) {
  std::string text = "reveal_type(1)  # error: [revealed-type] \"Literal[1]\"\n";
  EXPECT_EQ(Match(text, {Reveal(text, "1)", "Literal[1]")}).failures, Failures{});
  std::string syntax = "x = (  # error: [invalid-syntax]\n";
  EXPECT_EQ(Match(syntax, {Diag(Rule::InvalidSyntax, syntax, "(", "Expected `)`")}).failures,
            Failures{});
}

TEST(MatcherErrorTest, ColumnMatchesAndWrongColumnFails) {
  std::string text = "    await f()  # error: 5 [invalid-await]\n";
  EXPECT_EQ(Match(text, {Diag(Rule::InvalidAwait, text, "await", "m")}).failures, Failures{});
  std::string wrong = "    await f()  # error: 11 [invalid-await]\n";
  EXPECT_EQ(Match(wrong, {Diag(Rule::InvalidAwait, wrong, "await", "m")}).failures,
            (Failures{{1, "unmatched assertion: error: 11 [invalid-await]"},
                      {1, "unexpected error: 5 [invalid-await] \"m\""}}));
}

TEST(MatcherErrorTest, ColumnCountsCharactersNotBytes) {
  std::string text = "é = await f()  # error: 5 [invalid-await]\n";
  EXPECT_EQ(Match(text, {Diag(Rule::InvalidAwait, text, "await", "m")}).failures, Failures{});
  std::string bytes = "é = await f()  # error: 6 [invalid-await]\n";
  EXPECT_FALSE(Match(bytes, {Diag(Rule::InvalidAwait, bytes, "await", "m")}).failures.empty());
}

TEST(MatcherErrorTest, MessageSubstringOfTheConciseMessage) {
  std::string text =
      "await x  # error: [invalid-await] \"`int` is not awaitable\"\n"
      "await y  # error: \"Headline: `str`\"\n";
  std::vector<Diagnostic> diagnostics = {
      Diag(Rule::InvalidAwait, text, "await x", "`int` is not awaitable"),
      Diag(Rule::InvalidAwait, text, "await y", "Headline", "`str` is not awaitable")};
  EXPECT_EQ(Match(text, diagnostics).failures, Failures{});
}

TEST(MatcherErrorTest, WrongMessageFails) {
  std::string text = "await x  # error: [invalid-await] \"`str` is not awaitable\"\n";
  EXPECT_EQ(
      Match(text, {Diag(Rule::InvalidAwait, text, "await", "`int` is not awaitable")}).failures,
      (Failures{{1, "unmatched assertion: error: [invalid-await] \"`str` is not awaitable\""},
                {1, "unexpected error: 1 [invalid-await] \"`int` is not awaitable\""}}));
}

TEST(MatcherErrorTest, ConciseOverrideReplacesHeadlineAndPrimaryMessage) {
  std::string text = "yield 'a'  # error: [invalid-await] \"Yield expression type\"\n";
  Diagnostic d =
      Diag(Rule::InvalidAwait, text, "yield", "Yield expression type does not match", "primary");
  d.concise_override = "Yield type `str` does not match annotated yield type `int`";
  EXPECT_FALSE(Match(text, {d}).failures.empty());
  std::string right = "yield 'a'  # error: [invalid-await] \"Yield type `str`\"\n";
  Diagnostic d2 = Diag(Rule::InvalidAwait, right, "yield", "Yield expression type", "primary");
  d2.concise_override = "Yield type `str` does not match annotated yield type `int`";
  EXPECT_EQ(Match(right, {d2}).failures, Failures{});
}

TEST(MatcherErrorTest, AllPartsMustHold) {
  std::string text = "x # error: 1 [invalid-await] \"contains this\"\n";
  EXPECT_EQ(Match(text, {Diag(Rule::InvalidAwait, text, "x", "message contains this")}).failures,
            Failures{});
  EXPECT_FALSE(Match(text, {Diag(Rule::UnresolvedImport, text, "x", "message contains this")})
                   .failures.empty());
  EXPECT_FALSE(Match(text, {Diag(Rule::InvalidAwait, text, "x", "other")}).failures.empty());
  EXPECT_FALSE(
      Match(text, {Diag(Rule::InvalidAwait, text, "#", "message contains this")}).failures.empty());
}

// ---- completeness

TEST(MatcherCompletenessTest, UnassertedDiagnosticFails) {
  std::string text = "x = 1\nawait y\n";
  EXPECT_EQ(Match(text, {Diag(Rule::InvalidAwait, text, "await", "msg")}).failures,
            (Failures{{2, "unexpected error: [invalid-await] \"msg\""}}));
}

TEST(MatcherCompletenessTest, WarningsAndInfosMustBeAssertedToo) {
  std::string text = "reveal_type(1)  # revealed: Literal[1]\nx = 1\n";
  Diagnostic warning = Diag(Rule::UnresolvedImport, text, "x", "warned");
  warning.severity = Severity::Warning;
  EXPECT_EQ(Match(text, {Reveal(text, "1)", "Literal[1]"), warning}).failures,
            (Failures{{2, "unexpected error: [unresolved-import] \"warned\""}}));
}

TEST(MatcherCompletenessTest, AssertionOnALineWithoutDiagnosticsFails) {
  std::string text = "x = 1  # error: [invalid-await]\n";
  EXPECT_EQ(Match(text, {}).failures,
            (Failures{{1, "unmatched assertion: error: [invalid-await]"}}));
}

TEST(MatcherCompletenessTest, OneAssertionForTwoDiagnosticsFails) {
  std::string text = "await a, await b  # error: [invalid-await]\n";
  std::vector<Diagnostic> diagnostics = {Diag(Rule::InvalidAwait, text, "await a", "first"),
                                         Diag(Rule::InvalidAwait, text, "await b", "second")};
  EXPECT_EQ(Match(text, diagnostics).failures,
            (Failures{{1, "unexpected error: 10 [invalid-await] \"second\""}}));
}

TEST(MatcherCompletenessTest, TwoAssertionsForOneDiagnosticFails) {
  std::string text = "# error: [invalid-await]\nawait a  # error: [invalid-await]\n";
  EXPECT_EQ(Match(text, {Diag(Rule::InvalidAwait, text, "await a", "first")}).failures,
            (Failures{{2, "unmatched assertion: error: [invalid-await]"}}));
}

TEST(MatcherCompletenessTest, InterspersedMatchesAndMismatches) {
  std::string text =
      "1 # error: [invalid-await]\n2\n3 # error: [unresolved-import]\n4 # error: [invalid-await]\n"
      "5\n6: # error: [invalid-syntax]\n";
  std::vector<Diagnostic> diagnostics = {Diag(Rule::UnresolvedReference, text, "2", "msg"),
                                         Diag(Rule::UnresolvedImport, text, "3", "msg"),
                                         Diag(Rule::InvalidAwait, text, "5", "msg")};
  EXPECT_EQ(Match(text, diagnostics).failures,
            (Failures{{1, "unmatched assertion: error: [invalid-await]"},
                      {2, "unexpected error: [unresolved-reference] \"msg\""},
                      {4, "unmatched assertion: error: [invalid-await]"},
                      {5, "unexpected error: [invalid-await] \"msg\""},
                      {6, "unmatched assertion: error: [invalid-syntax]"}}));
}

// ---- stacking

TEST(MatcherStackTest, StackedAssertionsShareTheNextLine) {
  std::string text =
      "# error: 15 [invalid-await]\n# error: 24 [unresolved-reference]\n"
      "reveal_type(f(await a, b))  # revealed: int\n";
  std::vector<Diagnostic> diagnostics = {Diag(Rule::InvalidAwait, text, "await a", "m"),
                                         Diag(Rule::UnresolvedReference, text, "b)", "m"),
                                         UndefinedReveal(text), Reveal(text, "f(", "int")};
  EXPECT_EQ(Match(text, diagnostics).failures, Failures{});
}

TEST(MatcherStackTest, SameRuleStackedTwice) {
  std::string text = "# error: [invalid-await]\n# error: [invalid-await]\nawait a, await b\n";
  std::vector<Diagnostic> diagnostics = {Diag(Rule::InvalidAwait, text, "await a", "m"),
                                         Diag(Rule::InvalidAwait, text, "await b", "m")};
  EXPECT_EQ(Match(text, diagnostics).failures, Failures{});
}

TEST(MatcherStackTest, StackWithAThirdUnassertedDiagnosticFails) {
  std::string text = "# error: [invalid-await]\n# error: [unresolved-import]\nx\n";
  std::vector<Diagnostic> diagnostics = {Diag(Rule::InvalidAwait, text, "x", "msg", "", 0),
                                         Diag(Rule::UnresolvedImport, text, "x", "msg"),
                                         Diag(Rule::UnresolvedReference, text, "x", "msg")};
  EXPECT_EQ(Match(text, diagnostics).failures,
            (Failures{{3, "unexpected error: 1 [unresolved-reference] \"msg\""}}));
}

TEST(MatcherStackTest, StackSeparatedByABlankLineTargetsTheBlankLine) {
  std::string text = "# error: [invalid-await]\n\nawait a\n";
  EXPECT_EQ(Match(text, {Diag(Rule::InvalidAwait, text, "await a", "m")}).failures,
            (Failures{{2, "unmatched assertion: error: [invalid-await]"},
                      {3, "unexpected error: [invalid-await] \"m\""}}));
}

TEST(MatcherStackTest, StackFollowedByAPlainCommentTargetsTheComment) {
  std::string text = "# revealed: int\n# TODO: should be `int`\nreveal_type(x)\n";
  EXPECT_EQ(Match(text, {Reveal(text, "x)", "int")}).failures,
            (Failures{{2, "unmatched assertion: revealed: int"},
                      {3, "unexpected error: [revealed-type] \"Revealed type: `int`\""}}));
}

TEST(MatcherStackTest, TrailingAssertionsOnConsecutiveLinesStaySeparate) {
  std::string text =
      "# error: [invalid-await]\nawait a  # error: [unresolved-import]\nb  # error: "
      "[unresolved-reference]\n";
  std::vector<Diagnostic> diagnostics = {Diag(Rule::InvalidAwait, text, "await a", "m"),
                                         Diag(Rule::UnresolvedImport, text, "a  #", "m"),
                                         Diag(Rule::UnresolvedReference, text, "b  #", "m")};
  EXPECT_EQ(Match(text, diagnostics).failures, Failures{});
}

TEST(MatcherStackTest, DanglingAssertionAtEndOfFile) {
  std::string text = "x = 1\n# revealed: int";
  EXPECT_EQ(Match(text, {}).failures, (Failures{{2, std::string(kDanglingAssertionMessage)}}));
}

// ---- invalid assertions

TEST(MatcherInvalidTest, MalformedAssertionsFailAndLeaveTheDiagnostic) {
  struct Case {
    std::string comment;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {"# error:", "no rule or message text"},
           {"# error: 1", "no rule or message text"},
           {"# revealed: ", "Must specify which type should be revealed"},
           {"# error: 42 [invalid-await \"Some message\"", "expected ']' to close rule code"},
           {"# error: 3.14 [invalid-await]", "bad column number `3.14`"},
           {"# error: [invalid-await] [x]", "cannot use multiple rule codes in one assertion"},
       }) {
    std::string text = "x  " + c.comment + "\n";
    EXPECT_EQ(Match(text, {Diag(Rule::InvalidAwait, text, "x", "some message")}).failures,
              (Failures{{1, "invalid assertion: " + c.error},
                        {1, "unexpected error: 1 [invalid-await] \"some message\""}}))
        << c.comment;
  }
}

// ---- snapshot

TEST(MatcherSnapshotTest, SnapshotConsumesLikeAnError) {
  std::string text =
      "await a  # snapshot\nawait b  # snapshot: invalid-await\nc  # snapshot: revealed-type\n";
  std::vector<Diagnostic> diagnostics = {Diag(Rule::UnresolvedImport, text, "await a", "m"),
                                         Diag(Rule::InvalidAwait, text, "await b", "m"),
                                         Reveal(text, "c", "int")};
  Result result = Match(text, diagnostics);
  EXPECT_EQ(result.failures, Failures{});
  EXPECT_EQ(result.snapshot, (std::vector<size_t>{0, 1, 2}));
}

TEST(MatcherSnapshotTest, SnapshotWithWrongRuleFails) {
  std::string text = "await b  # snapshot: invalid-await\n";
  EXPECT_EQ(Match(text, {Diag(Rule::UnresolvedImport, text, "await", "m")}).failures,
            (Failures{{1, "unmatched assertion: snapshot: invalid-await"},
                      {1, "unexpected error: 1 [unresolved-import] \"m\""}}));
}

}  // namespace
}  // namespace asynctype::mdtest
