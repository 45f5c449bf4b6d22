// The language features, each computed from one Analysis of the document (results in LSP JSON):
// diagnostics, hover, go to definition, code actions and inlay hints.
#pragma once

#include <string>

#include "nlohmann/json.hpp"
#include "server/analysis.h"
#include "server/lsp_params.h"

namespace asynctype::lsp {

using json = nlohmann::json;

// The document's diagnostics as LSP `Diagnostic[]` (UTF-16 ranges, severity error 1 / warning 2
// / info 3, `code` = rule name, `source` = "asynctype").
json DiagnosticsJson(Analysis& analysis);

// `Hover | null`: the type of the innermost expression at `position`, as a Python code block;
// for an awaitable (a coroutine, task, future, ...) also what awaiting it produces.
json Hover(Analysis& analysis, const json& position);

// `Location[] | null`: where the name (or imported module, or attribute) at `position` is defined.
json GoToDefinition(Analysis& analysis, const json& position);

// `InlayHint[]`: `: <type>` after the target of unannotated single-name assignments in `range`.
json InlayHints(Analysis& analysis, const json& range);

// `CodeAction[]` for the diagnostics in the request's context (or, when it names none, the
// document's diagnostics overlapping the range): add `await`, make the function `async`, keep a
// reference to a dropped task, wrap a blocking call in `asyncio.to_thread` (quick_fixes.h),
// ignore the rule on this line.
json CodeActions(Analysis& analysis, const CodeActionParams& params);

}  // namespace asynctype::lsp
