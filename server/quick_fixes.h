// The quick fixes that rewrite code rather than insert a word, as plain text edits (byte offsets
// into the document); features.cpp turns them into LSP code actions:
//   unused-task    "Keep a reference to the task": the task is bound to a name and kept in a
//                  module-level set until it is done (the recipe of asyncio's documentation for
//                  `create_task`, since the event loop keeps only a weak reference)
//   blocking-call  "Wrap in `asyncio.to_thread`": `f(a, k=v)` becomes
//                  `await asyncio.to_thread(f, a, k=v)`, parenthesized where the call is an operand
// Both add `import asyncio` when the module does not import it. Each returns no edit when the
// code is not in the simple shape the fix needs (e.g. two statements on the line).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "checker/base/text_range.h"
#include "checker/syntax/ast.h"

namespace asynctype::lsp {

struct TextEdit {
  uint32_t start = 0, end = 0;  // the replaced bytes (start == end: an insertion)
  std::string text;
};

// `diagnostic`: the range of the unused-task diagnostic (the dropped expression).
std::vector<TextEdit> KeepTaskReferenceEdits(const Ast& ast, const std::string& text, TextRange diagnostic);

// `diagnostic`: the range of the blocking-call diagnostic (the whole call expression).
std::vector<TextEdit> WrapInToThreadEdits(const Ast& ast, const std::string& text, TextRange diagnostic);

}  // namespace asynctype::lsp
