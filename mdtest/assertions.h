// Assertion comments of one checked file, as ty's mdtest reads them: `# revealed: T`,
// `# error: [COLUMN] [[RULE]] ["MESSAGE"]` and `# snapshot[: RULE]`, one per comment token.
//
// Extraction keeps every comment whose keyword is one of the three (parsing the body is
// deferred to matching, so a malformed assertion is reported as `invalid assertion: ...` on its
// line). Placement: a trailing comment targets its own line; own-line comments on consecutive
// lines form a stack that targets the line after the stack, unless a trailing assertion comment
// on the next line continues the stack, which ends it and makes it target that line.
// Lines here are 1-based. Nothing here throws or prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/line_index.h"
#include "checker/syntax/ast.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype::mdtest {

enum class AssertionKind : uint8_t { Revealed, Error, Snapshot };

// An attempted assertion: the keyword and the trimmed body after the colon.
struct UnparsedAssertion {
  AssertionKind kind = AssertionKind::Error;
  std::string body;
  uint32_t comment_line = 0;  // 1-based line of the comment itself

  // "revealed: BODY", "error: BODY", "snapshot: BODY" (ty's display of unparsed assertions).
  std::string ToString() const;
};

struct ErrorAssertion {
  std::optional<std::string> rule;
  std::optional<uint32_t> column;  // 1-based character column
  std::optional<std::string> message_contains;

  // "error: 3 [rule] "message"" with the absent parts left out.
  std::string ToString() const;
};

struct ParsedAssertion {
  AssertionKind kind = AssertionKind::Error;
  std::string revealed_type;                 // Revealed
  ErrorAssertion error;                      // Error
  std::optional<std::string> snapshot_rule;  // Snapshot (none: any diagnostic)

  std::string ToString() const;
};

// All assertions that target one line of the file.
struct LineAssertions {
  uint32_t line = 0;  // 1-based target line
  std::vector<UnparsedAssertion> assertions;
};

// Classifies one comment's text (including its `#`); nullopt for ordinary comments.
std::optional<UnparsedAssertion> ClassifyComment(std::string_view comment_text);

// Parses the body of an `# error:` assertion; on failure returns nullopt and sets `error` to
// ty's message (e.g. "no rule or message text").
std::optional<ErrorAssertion> ParseErrorAssertion(std::string_view body, std::string* error);

// Parses an attempted assertion; on failure returns nullopt and sets `error` (e.g. "Must specify
// which type should be revealed").
std::optional<ParsedAssertion> ParseAssertion(const UnparsedAssertion& assertion,
                                              std::string* error);

// The assertions of a file grouped by target line, in comment order. `comments` are the file's
// comment tokens (any order), `text` its source and `lines` the index of `text`.
std::vector<LineAssertions> ExtractAssertions(llvm::ArrayRef<Comment> comments,
                                              std::string_view text, const LineIndex& lines);

// True when `line` (1-based) lies past the end of `text`: an own-line assertion stack at the end
// of the file with no statement after it.
bool IsDanglingLine(uint32_t line, const LineIndex& lines);

inline constexpr std::string_view kDanglingAssertionMessage =
    "Found a trailing assertion comment (e.g., `# revealed:` or `# error:`) not followed by any "
    "statement.";

}  // namespace asynctype::mdtest
