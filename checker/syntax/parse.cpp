#include "checker/syntax/parse.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <limits>

#include "llvm/ADT/StringRef.h"

#include "checker/syntax/bracket_guard.h"
#include "checker/syntax/lower.h"
#include "checker/syntax/pieces.h"

namespace asynctype {

namespace {

// The point (row, byte column) of a byte offset.
TSPoint PointAt(const std::string& text, uint32_t offset) {
  TSPoint point{0, 0};
  uint32_t line_start = 0;
  for (uint32_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++point.row;
      line_start = i + 1;
    }
  }
  point.column = offset - line_start;
  return point;
}

// A copy of `previous`'s tree edited to the change from its text to `text` (the differing span
// between their common prefix and suffix); null when there is nothing to reuse.
TSTree* EditedTree(::TSTree* tree, const std::string& old_text, const std::string& text) {
  size_t limit = std::min(old_text.size(), text.size());
  size_t prefix = 0;
  while (prefix < limit && old_text[prefix] == text[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < limit - prefix && old_text[old_text.size() - 1 - suffix] == text[text.size() - 1 - suffix]) ++suffix;
  TSInputEdit edit;
  edit.start_byte = static_cast<uint32_t>(prefix);
  edit.old_end_byte = static_cast<uint32_t>(old_text.size() - suffix);
  edit.new_end_byte = static_cast<uint32_t>(text.size() - suffix);
  edit.start_point = PointAt(old_text, edit.start_byte);
  edit.old_end_point = PointAt(old_text, edit.old_end_byte);
  edit.new_end_point = PointAt(text, edit.new_end_byte);
  TSTree* copy = ts_tree_copy(tree);
  ts_tree_edit(copy, &edit);
  return copy;
}

}  // namespace

SyntaxTree::SyntaxTree() = default;

SyntaxTree::~SyntaxTree() {
  if (tree_ != nullptr) ts_tree_delete(tree_);
}

SyntaxTree::SyntaxTree(SyntaxTree&& other) noexcept : tree_(other.tree_), text_(std::move(other.text_)) {
  other.tree_ = nullptr;
}

SyntaxTree& SyntaxTree::operator=(SyntaxTree&& other) noexcept {
  if (this != &other) {
    if (tree_ != nullptr) ts_tree_delete(tree_);
    tree_ = other.tree_;
    text_ = std::move(other.text_);
    other.tree_ = nullptr;
  }
  return *this;
}

ParsedFile Parse(const SourceFile& source) { return Parse(source, nullptr, nullptr); }

ParsedFile Parse(const SourceFile& source, Pieces pieces) { return Parse(source, nullptr, nullptr, pieces); }

ParsedFile Parse(const SourceFile& source, const SyntaxTree* previous, SyntaxTree* next, Pieces pieces) {
  if (next != nullptr) *next = SyntaxTree();
  ParsedFile out;
  const std::string& text = source.text();
  uint32_t size = static_cast<uint32_t>(text.size());
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    out.syntax_errors.push_back(MakeDiagnostic(Rule::InvalidSyntax, source.id(), {0, 0},
                                               "File too large to parse (4 GiB or more)"));
    out.ast.SetModule({0, 0}, {});
    return out;
  }
  // Brackets nested beyond any real program's depth are hidden from tree-sitter (see
  // bracket_guard.h); the copy is made only when needed.
  std::string guarded;
  const std::string* parsed_text = &text;
  std::optional<TextRange> over_deep = FindOverDeepBrackets(text);
  if (over_deep) {
    guarded = text;
    BlankOverDeepBrackets(guarded);
    parsed_text = &guarded;
  }
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_python());
  // A big file is parsed in pieces (its tree would take some 60 times its size; see pieces.h).
  // Such a file is not parsed incrementally either: no tree is kept for the next parse.
  if (!over_deep && pieces == Pieces::IfBig && size > kPiecesAbove) {
    std::vector<uint32_t> starts = PieceStarts(text);
    if (!starts.empty()) {
      {
        lowering::Lowerer lowerer(source, parser, nullptr, out);
        lowerer.RunInPieces(starts);
      }
      ts_parser_delete(parser);
      return out;
    }
  }
  TSTree* old_tree = nullptr;
  if (!over_deep && previous != nullptr && !previous->empty() && previous->text_) {
    old_tree = EditedTree(previous->tree_, *previous->text_, text);
  }
  TSTree* tree = ts_parser_parse_string(parser, old_tree, parsed_text->data(), size);
  if (old_tree != nullptr) {
    ts_tree_delete(old_tree);
    // Error recovery depends on the parse's history: a text with syntax errors is parsed afresh,
    // so its diagnostics never depend on the edits that led to it (by a new parser: one that
    // has parsed incrementally can recover differently).
    if (tree != nullptr && ts_node_has_error(ts_tree_root_node(tree))) {
      ts_tree_delete(tree);
      ts_parser_delete(parser);
      parser = ts_parser_new();
      ts_parser_set_language(parser, tree_sitter_python());
      tree = ts_parser_parse_string(parser, nullptr, parsed_text->data(), size);
    }
  }
  if (tree == nullptr) {
    out.syntax_errors.push_back(
        MakeDiagnostic(Rule::InvalidSyntax, source.id(), {0, 0}, "The parser failed"));
    out.ast.SetModule({0, size}, {});
  } else {
    lowering::Lowerer lowerer(source, parser, tree, out);
    lowerer.Run();
  }
  if (tree != nullptr && next != nullptr && !over_deep) {
    next->tree_ = tree;
    next->text_ = source.shared_text();
  } else if (tree != nullptr) {
    ts_tree_delete(tree);
  }
  ts_parser_delete(parser);
  if (over_deep) {
    // One diagnostic for the nesting, at the first hidden bracket (the lowering may have found
    // the same nesting too deep as well).
    // Errors inside the blanked region only echo the blanking.
    constexpr llvm::StringLiteral kTooDeep = "Too deeply nested";
    auto& errors = out.syntax_errors;
    errors.erase(std::remove_if(errors.begin(), errors.end(),
                                [&](const Diagnostic& d) {
                                  return llvm::StringRef(d.message).startswith(kTooDeep) ||
                                         (d.range.start >= over_deep->start - 1 && d.range.start < over_deep->end);
                                }),
                 errors.end());
    uint32_t first = over_deep->start;
    errors.insert(errors.begin(), MakeDiagnostic(Rule::InvalidSyntax, source.id(), {first, first + 1},
                                                 "Too deeply nested: this code exceeds the nesting limit of " +
                                                     std::to_string(kMaxBracketDepth)));
  }
  return out;
}

}  // namespace asynctype
