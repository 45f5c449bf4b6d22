#include "checker/syntax/parse.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <limits>

#include "llvm/ADT/StringRef.h"

#include "checker/syntax/bracket_guard.h"
#include "checker/syntax/lower.h"

namespace asynctype {

ParsedFile Parse(const SourceFile& source) {
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
  TSTree* tree = ts_parser_parse_string(parser, nullptr, parsed_text->data(), size);
  if (tree == nullptr) {
    out.syntax_errors.push_back(
        MakeDiagnostic(Rule::InvalidSyntax, source.id(), {0, 0}, "The parser failed"));
    out.ast.SetModule({0, size}, {});
  } else {
    lowering::Lowerer lowerer(source, parser, tree, out);
    lowerer.Run();
  }
  if (tree != nullptr) ts_tree_delete(tree);
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
