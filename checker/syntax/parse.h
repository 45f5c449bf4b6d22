// The syntax phase's entry point: source text -> tree-sitter-python CST -> our Ast. Syntax errors
// (tree-sitter ERROR and MISSING nodes, nesting beyond kMaxNestingDepth, invalid constructs the
// grammar accepts such as Python 2 `print` statements) become `invalid-syntax` diagnostics with a
// precise range; the rest of the file is still lowered so later phases check it.
//
// Incremental reparsing: a caller that keeps a SyntaxTree from the previous parse of the same
// file passes it back; the edit between the two texts (their common prefix and suffix) is applied
// to the old tree-sitter tree and tree-sitter reuses its unchanged parts. A text with syntax
// errors is parsed afresh (tree-sitter's error recovery depends on the history), so the result
// never depends on the edits. The lowering to our Ast still runs over the whole tree.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "checker/diagnostics/diagnostic.h"
#include "checker/syntax/ast.h"
#include "checker/syntax/source_file.h"

struct TSTree;

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

// Files over kPiecesAbove bytes are parsed in pieces, one stretch of top-level statements after
// the other, to bound the memory the parser takes (pieces.h). The result is the same as a parse
// in one go (tests compare the two), except that the parser's recovery from a syntax error no
// longer reaches back into the pieces before the one holding it.
enum class Pieces : uint8_t { IfBig, Never };
ParsedFile Parse(const SourceFile& source, Pieces pieces);

// The tree-sitter tree of one parse and the text it was parsed from, kept for reparsing the next
// version of the file. Empty when the parse cannot be reused (nesting too deep, parser failure).
class SyntaxTree {
 public:
  SyntaxTree();
  ~SyntaxTree();
  SyntaxTree(SyntaxTree&& other) noexcept;
  SyntaxTree& operator=(SyntaxTree&& other) noexcept;
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;
  bool empty() const { return tree_ == nullptr; }

 private:
  friend ParsedFile Parse(const SourceFile& source, const SyntaxTree* previous, SyntaxTree* next, Pieces pieces);
  ::TSTree* tree_ = nullptr;
  std::shared_ptr<const std::string> text_;
};

// Parses `source`, reusing `previous` (the tree of an earlier version of the same file; may be
// null or empty), and stores this parse's tree in `next` (may be null). The result equals
// Parse(source).
ParsedFile Parse(const SourceFile& source, const SyntaxTree* previous, SyntaxTree* next,
                 Pieces pieces = Pieces::IfBig);

}  // namespace asynctype
