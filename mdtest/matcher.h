// Matches one checked file's diagnostics against its assertion comments, exactly as ty's mdtest
// matcher does: diagnostics are grouped by the line of their primary range start, assertions by
// their target line, and both are walked in line order. On a shared line each assertion consumes
// at most one diagnostic (the first that matches, with ty's swap-remove order); every diagnostic,
// whatever its severity, must be consumed, and every assertion must consume one.
//
//  - `# revealed: T` needs a `revealed-type` diagnostic headed "Revealed type" whose primary
//    message is exactly "`T`"; it also consumes one `undefined-reveal` on the line.
//  - `# error:` checks the rule name, the 1-based character column of the primary range start,
//    and a substring of the concise message; all present parts must hold.
//  - `# snapshot[: rule]` consumes the first diagnostic (of that rule) like an `# error:`.
//
// Failure texts follow ty (`unmatched assertion: ...`, `unexpected error: [rule] "..."`,
// `invalid assertion: ...`); an unmatched `revealed` assertion additionally names what was
// revealed on its line, e.g. `unmatched assertion: revealed: int (revealed: Unknown)`.
// Lines are 1-based lines of the checked file. Nothing here throws or prints.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/line_index.h"
#include "checker/diagnostics/diagnostic.h"
#include "checker/syntax/ast.h"
#include "llvm/ADT/ArrayRef.h"
#include "mdtest/assertions.h"

namespace asynctype::mdtest {

struct MatchFailure {
  uint32_t line = 0;  // 1-based line of the checked file
  std::string message;
};

struct FileMatchResult {
  std::vector<MatchFailure> failures;  // in line order
  // Indices (into the matched diagnostics) of the diagnostics consumed by `# snapshot`
  // assertions, in source order.
  std::vector<size_t> snapshot_diagnostics;
  bool ok() const { return failures.empty(); }
};

// Extracts the file's assertions from its comments and matches them.
FileMatchResult MatchFile(llvm::ArrayRef<Diagnostic> diagnostics, llvm::ArrayRef<Comment> comments,
                          std::string_view text, const LineIndex& lines);

// Matches already extracted assertions.
FileMatchResult MatchAssertions(llvm::ArrayRef<Diagnostic> diagnostics,
                                const std::vector<LineAssertions>& assertions,
                                std::string_view text, const LineIndex& lines);

// 1-based line of the diagnostic's primary range start.
uint32_t DiagnosticLine(const Diagnostic& diagnostic, const LineIndex& lines);
// 1-based character column of the diagnostic's primary range start (a BOM is not counted).
uint32_t DiagnosticColumn(const Diagnostic& diagnostic, std::string_view text,
                          const LineIndex& lines);

// ty's release-build normalisation of expected types: `@Todo(reason)` becomes `@Todo`.
std::string DiscardTodoMetadata(std::string_view type);

}  // namespace asynctype::mdtest
