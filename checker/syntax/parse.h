// The syntax phase's entry point: source text -> tree-sitter-python CST -> our Ast. Syntax errors
// (tree-sitter ERROR and MISSING nodes, nesting beyond kMaxNestingDepth, invalid constructs the
// grammar accepts such as Python 2 `print` statements) become `invalid-syntax` diagnostics with a
// precise range; the rest of the file is still lowered so later phases check it.
#pragma once

#include <vector>

#include "checker/diagnostics/diagnostic.h"
#include "checker/syntax/ast.h"
#include "checker/syntax/source_file.h"

namespace asynctype {

// Deeper syntax than this is cut off with an `invalid-syntax` diagnostic (CPython itself rejects
// far shallower nesting). Every later phase recurses over the AST, so this bound keeps their stack
// use bounded too.
inline constexpr uint32_t kMaxNestingDepth = 1000;

struct ParsedFile {
  Ast ast;
  std::vector<Diagnostic> syntax_errors;
};

ParsedFile Parse(const SourceFile& source);

}  // namespace asynctype
