// Lowering infrastructure: symbol tables, child enumeration, comments, syntax-error reporting,
// the module and statement blocks, salvage of ERROR regions, and the indentation check.
#include "checker/syntax/lower.h"

#include "checker/base/utf8.h"
#include "checker/syntax/pieces.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <string_view>

namespace asynctype::lowering {
namespace {

struct SymEntry {
  std::string_view name;
  bool named;
  Sym sym;
};

constexpr auto kSortedSyms = [] {
  std::array entries = std::to_array<SymEntry>({
#define ASYNCTYPE_NAMED_ENTRY(e, s) {s, true, Sym::e},
#define ASYNCTYPE_TOKEN_ENTRY(e, s) {s, false, Sym::e},
      ASYNCTYPE_CST_NAMED(ASYNCTYPE_NAMED_ENTRY) ASYNCTYPE_CST_TOKENS(ASYNCTYPE_TOKEN_ENTRY)
#undef ASYNCTYPE_NAMED_ENTRY
#undef ASYNCTYPE_TOKEN_ENTRY
  });
  std::sort(entries.begin(), entries.end(), [](const SymEntry& a, const SymEntry& b) {
    return a.name != b.name ? a.name < b.name : a.named < b.named;
  });
  return entries;
}();

struct FieldEntry {
  std::string_view name;
  Field field;
};

constexpr auto kSortedFields = [] {
  std::array entries = std::to_array<FieldEntry>({
#define ASYNCTYPE_FIELD_ENTRY(e, s) {s, Field::e},
      ASYNCTYPE_CST_FIELDS(ASYNCTYPE_FIELD_ENTRY)
#undef ASYNCTYPE_FIELD_ENTRY
  });
  std::sort(entries.begin(), entries.end(),
            [](const FieldEntry& a, const FieldEntry& b) { return a.name < b.name; });
  return entries;
}();

bool IsStatementSym(Sym s) {
  switch (s) {
    case Sym::ExpressionStatement:
    case Sym::ReturnStatement:
    case Sym::DeleteStatement:
    case Sym::RaiseStatement:
    case Sym::PassStatement:
    case Sym::BreakStatement:
    case Sym::ContinueStatement:
    case Sym::GlobalStatement:
    case Sym::NonlocalStatement:
    case Sym::ImportStatement:
    case Sym::ImportFromStatement:
    case Sym::FutureImportStatement:
    case Sym::AssertStatement:
    case Sym::PrintStatement:
    case Sym::ExecStatement:
    case Sym::TypeAliasStatement:
    case Sym::IfStatement:
    case Sym::ForStatement:
    case Sym::WhileStatement:
    case Sym::TryStatement:
    case Sym::WithStatement:
    case Sym::FunctionDefinition:
    case Sym::ClassDefinition:
    case Sym::DecoratedDefinition:
    case Sym::MatchStatement:
      return true;
    default:
      return false;
  }
}

// A token's text for a message: its first line, at most ~30 bytes (cut at a UTF-8 boundary).
std::string TokenForMessage(llvm::StringRef text) {
  size_t newline = text.find_first_of("\r\n");
  bool cut = false;
  if (newline != llvm::StringRef::npos) {
    text = text.substr(0, newline);
    cut = true;
  }
  if (text.size() > 30) {
    text = text.substr(0, utf8::FloorBoundary(text, 30));
    cut = true;
  }
  std::string s = text.str();
  if (cut) s += "...";
  return s;
}

// Builds a message from parts (avoids `"literal" + std::string`, which trips GCC 12's
// -Wrestrict false positive).
std::string Concat(std::initializer_list<llvm::StringRef> parts) {
  std::string s;
  for (llvm::StringRef part : parts) s.append(part.data(), part.size());
  return s;
}

bool IsIndentSpace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Node types whose children the lowering looks up by field (node-types.json lists the fields;
// `block` has one too, `alternative`, which the lowering does not use). For the others,
// Enumerate skips ts_tree_cursor_current_field_id, which is comparatively slow.
bool UsesFields(Sym s) {
  switch (s) {
    case Sym::AliasedImport: case Sym::AsPattern: case Sym::Assignment: case Sym::Attribute:
    case Sym::AugmentedAssignment: case Sym::BinaryOperator: case Sym::BooleanOperator:
    case Sym::Call: case Sym::CaseClause: case Sym::ClassDefinition:
    case Sym::ComparisonOperator: case Sym::DecoratedDefinition: case Sym::DefaultParameter:
    case Sym::DictPattern: case Sym::DictionaryComprehension: case Sym::ElifClause:
    case Sym::ElseClause: case Sym::ExceptClause: case Sym::ExecStatement: case Sym::ForInClause:
    case Sym::ForStatement: case Sym::FormatExpression: case Sym::FunctionDefinition:
    case Sym::FutureImportStatement: case Sym::GeneratorExpression: case Sym::IfStatement:
    case Sym::ImportFromStatement: case Sym::ImportStatement: case Sym::Interpolation:
    case Sym::KeywordArgument: case Sym::Lambda: case Sym::ListComprehension:
    case Sym::MatchStatement: case Sym::NamedExpression: case Sym::NotOperator: case Sym::Pair:
    case Sym::PrintStatement: case Sym::RaiseStatement: case Sym::SetComprehension:
    case Sym::Subscript: case Sym::TryStatement: case Sym::TypeAliasStatement:
    case Sym::TypedDefaultParameter: case Sym::TypedParameter: case Sym::UnaryOperator:
    case Sym::WhileStatement: case Sym::WithItem: case Sym::WithStatement:
      return true;
    default:
      return false;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Setup

Lowerer::Lowerer(const SourceFile& source, TSParser* parser, TSTree* tree, ParsedFile& out)
    : source_(source),
      text_(source.text()),
      parser_(parser),
      tree_(tree),
      ast_(out.ast),
      errors_(out.syntax_errors) {
  if (tree != nullptr) MakeCursors(tree);
  BuildTables(tree != nullptr ? ts_tree_language(tree) : ts_parser_language(parser));
  kids_.reserve(256);
  ids_.reserve(256);
}

Lowerer::~Lowerer() {
  if (have_cursors_) {
    ts_tree_cursor_delete(&cursor_);
    ts_tree_cursor_delete(&walk_cursor_);
  }
  for (TSTree* tree : extra_trees_) ts_tree_delete(tree);
}

void Lowerer::MakeCursors(TSTree* tree) {
  // (Every use resets them to the node it walks, in whichever tree.)
  if (have_cursors_) return;
  TSNode root = ts_tree_root_node(tree);
  cursor_ = ts_tree_cursor_new(root);
  walk_cursor_ = ts_tree_cursor_new(root);
  have_cursors_ = true;
}

void Lowerer::BuildTables(const TSLanguage* language) {
  // Symbols are resolved lazily (see SymOf): a small file meets only a few dozen of them.
  language_ = language;
  sym_table_.assign(ts_language_symbol_count(language), Sym::NotLookedUp);
  uint32_t field_count = ts_language_field_count(language);
  field_table_.assign(field_count + 1, Field::None);
  for (uint32_t i = 1; i <= field_count; ++i) {
    const char* name = ts_language_field_name_for_id(language, static_cast<TSFieldId>(i));
    if (name == nullptr) continue;
    std::string_view key(name);
    auto it = std::lower_bound(kSortedFields.begin(), kSortedFields.end(), key,
                               [](const FieldEntry& a, std::string_view b) { return a.name < b; });
    if (it != kSortedFields.end() && it->name == key) field_table_[i] = it->field;
    if (field_table_[i] == Field::Operator) operator_field_ = static_cast<TSFieldId>(i);
  }
}

Sym Lowerer::SymOf(TSNode n) {
  TSSymbol s = ts_node_symbol(n);
  if (s >= sym_table_.size()) return s == static_cast<TSSymbol>(-1) ? Sym::Error : Sym::Unknown;
  Sym& entry = sym_table_[s];
  if (entry == Sym::NotLookedUp) entry = LookUpSymbol(s);
  return entry;
}

Sym Lowerer::LookUpSymbol(TSSymbol symbol) const {
  TSSymbolType type = ts_language_symbol_type(language_, symbol);
  if (type == TSSymbolTypeAuxiliary) return Sym::Unknown;
  const char* name = ts_language_symbol_name(language_, symbol);
  if (name == nullptr) return Sym::Unknown;
  SymEntry key{name, type == TSSymbolTypeRegular, Sym::Unknown};
  auto it = std::lower_bound(kSortedSyms.begin(), kSortedSyms.end(), key,
                             [](const SymEntry& a, const SymEntry& b) {
                               return a.name != b.name ? a.name < b.name : a.named < b.named;
                             });
  if (it != kSortedSyms.end() && it->name == key.name && it->named == key.named) return it->sym;
  return Sym::Unknown;
}

llvm::StringRef Lowerer::TextOf(TSNode n) const {
  uint32_t start = std::min<uint32_t>(ts_node_start_byte(n), text_.size());
  uint32_t end = std::min<uint32_t>(ts_node_end_byte(n), text_.size());
  return text_.substr(start, end > start ? end - start : 0);
}

// ---------------------------------------------------------------------------------------------
// Children

Lowerer::Kids::Kids(Lowerer& l, TSNode node)
    : l_(l), begin_(static_cast<uint32_t>(l.kids_.size())) {
  l.Enumerate(node);
  end_ = static_cast<uint32_t>(l.kids_.size());
}

Child Lowerer::Kids::Get(Field f) const {
  for (uint32_t i = begin_; i < end_; ++i) {
    if (l_.kids_[i].field == f) return l_.kids_[i];
  }
  return Child();
}

Child Lowerer::Kids::Find(Sym s) const {
  for (uint32_t i = begin_; i < end_; ++i) {
    if (l_.kids_[i].sym == s) return l_.kids_[i];
  }
  return Child();
}

Child Lowerer::Kids::Named(uint32_t index) const {
  for (uint32_t i = begin_; i < end_; ++i) {
    const Child& c = l_.kids_[i];
    if (c.named && c.sym != Sym::Error && index-- == 0) return c;
  }
  return Child();
}

uint32_t Lowerer::Kids::NamedCount() const {
  uint32_t n = 0;
  for (uint32_t i = begin_; i < end_; ++i) {
    if (l_.kids_[i].named && l_.kids_[i].sym != Sym::Error) ++n;
  }
  return n;
}

void Lowerer::Enumerate(TSNode n) {
  if (ts_node_child_count(n) == 0) return;
  bool fields = UsesFields(SymOf(n));
  ts_tree_cursor_reset(&cursor_, n);
  if (!ts_tree_cursor_goto_first_child(&cursor_)) return;
  do {
    TSNode c = ts_tree_cursor_current_node(&cursor_);
    Sym s = SymOf(c);
    if (s == Sym::Comment) {
      RecordComment(c);
      continue;
    }
    if (s == Sym::LineContinuation) continue;
    bool named = ts_node_is_named(c);
    // Subtrees the lowering does not descend into: collect their comments now.
    if (s == Sym::Error || (!named && ts_node_child_count(c) > 0)) CollectComments(c);
    TSFieldId field = fields ? ts_tree_cursor_current_field_id(&cursor_) : 0;
    kids_.push_back(
        Child{c, s, field < field_table_.size() ? field_table_[field] : Field::None, named});
  } while (ts_tree_cursor_goto_next_sibling(&cursor_));
}

// ---------------------------------------------------------------------------------------------
// Comments

void Lowerer::RecordComment(TSNode c) {
  if (suppress_comments_ > 0) return;
  TextRange r = RangeOf(c);
  uint32_t i = std::min<uint32_t>(r.start, text_.size());
  while (i > 0 && IsIndentSpace(text_[i - 1])) --i;
  bool own_line = i == 0 || text_[i - 1] == '\n' || text_[i - 1] == '\r';
  if (i == 3 && text_.startswith("\xEF\xBB\xBF")) own_line = true;  // after a BOM
  comments_.push_back(Comment{r, own_line});
}

void Lowerer::CollectComments(TSNode n) {
  if (suppress_comments_ > 0 || ts_node_child_count(n) == 0) return;
  ts_tree_cursor_reset(&walk_cursor_, n);
  if (!ts_tree_cursor_goto_first_child(&walk_cursor_)) return;
  for (;;) {
    TSNode c = ts_tree_cursor_current_node(&walk_cursor_);
    if (SymOf(c) == Sym::Comment) {
      RecordComment(c);
    } else if (ts_tree_cursor_goto_first_child(&walk_cursor_)) {
      continue;
    }
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&walk_cursor_)) break;
      if (!ts_tree_cursor_goto_parent(&walk_cursor_)) return;
    }
  }
}

void Lowerer::FinishComments() {
  // Enumeration follows lowering order, which is source order except in a few places (e.g. the
  // elif chain is built from the end): restore source order and drop duplicates.
  auto by_start = [](const Comment& a, const Comment& b) { return a.range.start < b.range.start; };
  bool strictly_sorted =
      std::adjacent_find(comments_.begin(), comments_.end(), [](const Comment& a,
                                                                 const Comment& b) {
        return a.range.start >= b.range.start;
      }) == comments_.end();
  if (!strictly_sorted) {
    std::sort(comments_.begin(), comments_.end(), by_start);
    comments_.erase(std::unique(comments_.begin(), comments_.end(),
                                [](const Comment& a, const Comment& b) {
                                  return a.range.start == b.range.start;
                                }),
                    comments_.end());
  }
  for (const Comment& c : comments_) ast_.AddComment(c);
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

void Lowerer::Report(TextRange range, llvm::StringRef message) {
  if (suppress_errors_ > 0) return;
  errors_.push_back(MakeDiagnostic(Rule::InvalidSyntax, source_.id(), range, message.str()));
}

void Lowerer::ReportTooDeep(TextRange range) {
  Report(range, Concat({"Too deeply nested: this code exceeds the nesting limit of ",
                        std::to_string(kMaxNestingDepth)}));
}

void Lowerer::ReportError(TSNode error, uint32_t limit) {
  TextRange range = ClipTo(RangeOf(error), limit);
  // Unwrap ERROR nodes that only wrap another ERROR.
  TSNode n = error;
  while (ts_node_child_count(n) == 1) {
    TSNode only = ts_node_child(n, 0);
    if (SymOf(only) != Sym::Error) break;
    n = only;
  }
  // The region's tokens (before `limit`): an opening bracket that is never closed is the likely
  // culprit; a region of one token is an unexpected token.
  TSNode unclosed{}, first{};
  uint32_t count = 0;
  {
    // (A cursor of its own: ReportSyntaxErrors is walking with walk_cursor_. Error path only.)
    std::vector<TSNode> open;
    TSTreeCursor cursor = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        TSNode c = ts_tree_cursor_current_node(&cursor);
        if (ts_node_start_byte(c) >= limit) break;
        if (count++ == 0) first = c;
        if (ts_node_is_named(c) || ts_node_child_count(c) != 0) continue;
        llvm::StringRef t = TextOf(c);
        if (t == "(" || t == "[" || t == "{") {
          open.push_back(c);
        } else if (!open.empty() && (t == ")" || t == "]" || t == "}")) {
          open.pop_back();
        }
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    if (!open.empty()) unclosed = open.front();
  }
  if (!ts_node_is_null(unclosed)) {
    Report(RangeOf(unclosed), Concat({"`", TextOf(unclosed), "` was never closed"}));
  } else if (count == 0) {  // an ERROR leaf: characters no token matches
    Report(range, Concat({"Unexpected token `", TokenForMessage(TextOf(n)), "`"}));
  } else if (count == 1 && ts_node_child_count(first) == 0) {
    if (SymOf(first) == Sym::StringStart) {
      Report(range, "Unterminated string literal");
    } else {
      Report(range, Concat({"Unexpected token `", TokenForMessage(TextOf(first)), "`"}));
    }
  } else {
    Report(range, "Invalid syntax");
  }
}

void Lowerer::ReportMissing(TSNode missing, Sym parent, Field field) {
  TextRange at = At(ts_node_start_byte(missing));
  if (!ts_node_is_named(missing)) {
    Report(at, Concat({"Expected `", ts_node_type(missing), "`"}));
    return;
  }
  Sym s = SymOf(missing);
  if (s == Sym::StringEnd) {
    Report(at, "Unterminated string literal");
    return;
  }
  bool identifier = false;
  if (s == Sym::Identifier) {
    switch (parent) {
      case Sym::DottedName:
      case Sym::GlobalStatement:
      case Sym::NonlocalStatement:
      case Sym::AliasedImport:
      case Sym::FunctionDefinition:
      case Sym::ClassDefinition:
      case Sym::KeywordArgument:
      case Sym::Attribute:
      case Sym::SplatType:
      case Sym::SplatPattern:
      case Sym::ListSplatPattern:
      case Sym::DictionarySplatPattern:
      case Sym::TypedParameter:
      case Sym::DefaultParameter:
      case Sym::TypedDefaultParameter:
      case Sym::Parameters:
      case Sym::LambdaParameters:
        identifier = true;
        break;
      default:
        identifier = field == Field::Name || field == Field::Alias || field == Field::Attribute;
    }
  }
  Report(at, identifier ? "Expected an identifier" : "Expected an expression");
}

// An ERROR node with ERROR or MISSING nodes inside: those pinpoint the problem better than the
// (often large) recovery region around them, so they are reported instead of it.
bool Lowerer::HasNestedError(TSNode error, uint32_t limit) {
  bool nested = false;
  TSTreeCursor cursor = ts_tree_cursor_new(error);  // walk_cursor_ is busy; error path only
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cursor);
      nested = ts_node_start_byte(c) < limit && (ts_node_has_error(c) || ts_node_is_missing(c));
    } while (!nested && ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return nested;
}

void Lowerer::ReportSyntaxErrors(TSNode root, uint32_t limit) {
  if (!ts_node_has_error(root)) return;
  if (SymOf(root) == Sym::Error && !HasNestedError(root, limit)) {
    ReportError(root, limit);
    return;
  }
  size_t reported_before = errors_.size();
  std::vector<Sym> parents{SymOf(root)};  // parents.back() is the current node's parent
  TSNode deepest = root;
  ts_tree_cursor_reset(&walk_cursor_, root);
  if (ts_tree_cursor_goto_first_child(&walk_cursor_)) {
    for (;;) {
      TSNode c = ts_tree_cursor_current_node(&walk_cursor_);
      Sym s = SymOf(c);
      bool descend = false;
      if (ts_node_start_byte(c) >= limit) {
        // beyond this tree's part of the file (see Run)
      } else if (s == Sym::Error && !HasNestedError(c, limit)) {
        ReportError(c, limit);
      } else if (s == Sym::Error) {
        descend = true;
        deepest = c;
      } else if (ts_node_is_missing(c)) {
        TSFieldId f = ts_tree_cursor_current_field_id(&walk_cursor_);
        ReportMissing(c, parents.back(), f < field_table_.size() ? field_table_[f] : Field::None);
      } else if (ts_node_has_error(c)) {
        descend = true;
        deepest = c;
      }
      if (descend && ts_tree_cursor_goto_first_child(&walk_cursor_)) {
        parents.push_back(s);
        continue;
      }
      bool done = false;
      for (;;) {
        if (ts_tree_cursor_goto_next_sibling(&walk_cursor_)) break;
        if (!ts_tree_cursor_goto_parent(&walk_cursor_)) {
          done = true;
          break;
        }
        parents.pop_back();
      }
      if (done) break;
    }
  }
  // An error hidden from the cursor (e.g. a missing invisible token): report where it must be.
  if (errors_.size() == reported_before) Report(At(ts_node_end_byte(deepest)), "Invalid syntax");
}

// ---------------------------------------------------------------------------------------------
// Module, blocks, salvage

void Lowerer::Run() {
  // Roughly one AST node (and one child slot) per 10 bytes of source.
  ast_.Reserve(text_.size() / 8 + 16, text_.size() / 8 + 16);
  IdScope statements(*this);
  LowerModule(tree_, static_cast<uint32_t>(text_.size()), statements);
  Finish(statements);
}

void Lowerer::RunInPieces(llvm::ArrayRef<uint32_t> starts) {
  ast_.Reserve(kPieceBytes / 4, kPieceBytes / 4);
  IdScope statements(*this);
  uint32_t size = static_cast<uint32_t>(text_.size());
  uint32_t begin = 0;
  for (size_t k = 0; k <= starts.size(); ++k) {
    uint32_t end = k < starts.size() ? starts[k] : size;
    TSTree* tree = ParseRange(begin, end);
    if (tree != nullptr && end < size && ts_node_has_error(ts_tree_root_node(tree))) {
      // The piece does not parse on its own (a syntax error, or a cut the scan got wrong): it is
      // parsed again with the rest of the file, as one last piece.
      ts_tree_delete(tree);
      end = size;
      k = starts.size();
      tree = ParseRange(begin, end);
    }
    if (tree == nullptr) {
      Report(At(begin), "The parser failed");
      break;
    }
    MakeCursors(tree);
    LowerModule(tree, end, statements);
    if (k == 0 && end < size) {
      // The first piece tells how many nodes the file needs: room for them at once (growing by
      // doubling would hold twice the Ast for a moment, and keep up to twice what it needs).
      double scale = 1.1 * size / end;
      ast_.Reserve(static_cast<size_t>(scale * ast_.size()) + 1024, static_cast<size_t>(scale * ast_.child_slots()) + 1024);
    }
    // (Nothing refers to a piece's trees once it is lowered.)
    ts_tree_delete(tree);
    for (TSTree* extra : extra_trees_) ts_tree_delete(extra);
    extra_trees_.clear();
    begin = end;
  }
  Finish(statements);
}

TSTree* Lowerer::ParseRange(uint32_t begin, uint32_t end) {
  LineCol start = source_.lines().ByteLineCol(begin);
  LineCol stop = source_.lines().ByteLineCol(end);
  TSRange range{{start.line, start.column}, {stop.line, stop.column}, begin, end};
  if (!ts_parser_set_included_ranges(parser_, &range, 1)) return nullptr;
  TSTree* tree = ts_parser_parse_string(parser_, nullptr, text_.data(), static_cast<uint32_t>(text_.size()));
  ts_parser_set_included_ranges(parser_, nullptr, 0);
  return tree;
}

void Lowerer::LowerModule(TSTree* tree, uint32_t end, IdScope& statements) {
  for (uint32_t restarts = 0;; ++restarts) {
    TSNode root = ts_tree_root_node(tree);
    // A top-level ERROR that swallowed the following top-level lines ends this tree's part.
    TSNode swallowing{};
    uint32_t restart = 0;
    if (restarts < kMaxRestarts && ts_node_has_error(root)) {
      restart = FindModuleRestart(root, swallowing);
    }
    ReportSyntaxErrors(root, restart ? restart : std::numeric_limits<uint32_t>::max());
    if (SymOf(root) == Sym::Error) {
      CollectComments(root);
      statements.Push(Salvage(root, restart ? restart : std::numeric_limits<uint32_t>::max()));
    } else {
      Kids kids(*this, root);
      for (uint32_t i = 0; i < kids.size(); ++i) {
        Child c = kids[i];
        if (restart && ts_node_eq(c.node, swallowing)) {
          statements.Push(Salvage(c.node, restart));
          break;
        }
        if (c.sym == Sym::Error) {
          statements.Push(Salvage(c.node));
        } else if (c.named && IsStatementSym(c.sym)) {
          statements.Push(Stmt(c.node));
        }
      }
    }
    if (!restart) break;
    // Parse again from the restart line to the end of this part of the file (same offsets).
    tree = Reparse(restart, end);
    if (tree == nullptr) break;
  }
}

void Lowerer::Finish(const IdScope& statements) {
  CheckIndentation(statements.ids(), /*module=*/true);
  ast_.SetModule({0, static_cast<uint32_t>(text_.size())}, statements.ids());
  FinishComments();
  std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.range.start < b.range.start;
  });
}

void Lowerer::StatementsInto(const Kids& kids, IdScope& out) {
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.sym == Sym::Error) {
      out.Push(Salvage(c.node));
    } else if (c.named && IsStatementSym(c.sym)) {
      out.Push(Stmt(c.node));
    }
  }
}

NodeId Lowerer::Block(const Child& block, uint32_t empty_offset, TSNode owner) {
  if (!block.ok()) return EmptyList(empty_offset);
  IdScope items(*this);
  bool has_error = false;
  {
    Kids kids(*this, block.node);
    for (uint32_t i = 0; i < kids.size(); ++i) has_error |= kids[i].sym == Sym::Error;
    StatementsInto(kids, items);
  }
  uint32_t start = ts_node_start_byte(block.node);
  if (items.size() == 0) {
    if (!has_error && !ts_node_has_error(owner)) Report(At(start), "Expected an indented block");
    return EmptyList(start);
  }
  CheckIndentation(items.ids(), /*module=*/false);
  return ListOf(items, start);
}

NodeId Lowerer::ElseBody(const Child& else_clause, uint32_t empty_offset, TSNode owner) {
  if (!else_clause.ok()) return EmptyList(empty_offset);
  Kids kids(*this, else_clause.node);
  Child body = kids.Get(Field::Body);
  if (!body.ok()) body = kids.Find(Sym::Block);
  return Block(body, ts_node_end_byte(else_clause.node), owner);
}

NodeId Lowerer::ListOf(const IdScope& items, uint32_t empty_offset) {
  if (items.size() == 0) return EmptyList(empty_offset);
  TextRange range = Span(ast_.range(items[0]), ast_.range(items[items.size() - 1]));
  return ast_.Add(NodeKind::List, range, items.ids());
}

NodeId Lowerer::Salvage(TSNode error, uint32_t limit) {
  size_t base = salvage_.size();
  if (ts_node_child_count(error) > 0) {
    ts_tree_cursor_reset(&walk_cursor_, error);
    if (ts_tree_cursor_goto_first_child(&walk_cursor_)) {
      for (;;) {
        TSNode c = ts_tree_cursor_current_node(&walk_cursor_);
        Sym s = SymOf(c);
        if (ts_node_start_byte(c) >= limit) {
          // (after the restart point: lowered from the re-parse)
        } else if (ts_node_is_named(c) && IsStatementSym(s) && ts_node_end_byte(c) <= limit) {
          salvage_.push_back(c);
        } else if (ts_tree_cursor_goto_first_child(&walk_cursor_)) {
          continue;
        }
        bool done = false;
        for (;;) {
          if (ts_tree_cursor_goto_next_sibling(&walk_cursor_)) break;
          if (!ts_tree_cursor_goto_parent(&walk_cursor_)) {
            done = true;
            break;
          }
        }
        if (done) break;
      }
    }
  }
  Suppress suppress(*this);
  IdScope items(*this);
  for (size_t i = base; i < salvage_.size(); ++i) {
    TSNode statement = salvage_[i];
    items.Push(Stmt(statement));
  }
  salvage_.resize(base);
  return ast_.Add(NodeKind::Error, ClipTo(RangeOf(error), limit), items.ids());
}

NodeId Lowerer::TooDeep(TSNode n) {
  CollectComments(n);
  TextRange range = RangeOf(n);
  ReportTooDeep(range);
  return ErrorNode(range);
}

NodeId Lowerer::Ident(TSNode n) {
  uint32_t name = ts_node_is_missing(n) ? 0 : ast_.InternView(TextOf(n));
  return ast_.Add(NodeKind::Identifier, RangeOf(n), {}, name);
}

void Lowerer::CheckIndentation(llvm::ArrayRef<NodeId> statements, bool module) {
  bool have_first = false;
  uint32_t first_col = 0, first_alt = 0;
  NodeId previous = NodeId::None();
  for (NodeId id : statements) {
    if (ast_.kind(id) == NodeKind::Error) continue;
    uint32_t start = ast_.range(id).start;
    if (start > text_.size()) continue;
    uint32_t line_start = start;
    while (line_start > 0 && IsIndentSpace(text_[line_start - 1])) --line_start;
    if (line_start > 0 && text_[line_start - 1] != '\n' && text_[line_start - 1] != '\r') {
      continue;  // not the first token on its line (`a; b`, `if x: y`, after a BOM)
    }
    // After a backslash continuation the column is arbitrary.
    if (line_start > 0) {
      uint32_t p = line_start - 1;
      if (text_[p] == '\n' && p > 0 && text_[p - 1] == '\r') --p;
      if (p > 0 && text_[p - 1] == '\\') continue;
    }
    // CPython's two measures: columns with tab stops of 8, and with tabs counted as 1.
    uint32_t col = 0, alt = 0;
    for (uint32_t i = line_start; i < start; ++i) {
      char c = text_[i];
      if (c == '\t') {
        col = (col / 8 + 1) * 8;
        ++alt;
      } else if (c == '\f') {
        col = alt = 0;
      } else {
        ++col;
        ++alt;
      }
    }
    if (!have_first) {
      have_first = true;
      first_col = module ? 0 : col;
      first_alt = module ? 0 : alt;
    }
    if (col == first_col && alt == first_alt) {
      previous = id;
      continue;
    }
    // Deeper than the block but after a nested block: a dedent to no enclosing level.
    bool after_body = false;
    if (previous) {
      switch (ast_.kind(previous)) {
        case NodeKind::FunctionDef: case NodeKind::ClassDef: case NodeKind::If:
        case NodeKind::For: case NodeKind::While: case NodeKind::With: case NodeKind::Try:
        case NodeKind::Match:
          after_body = true;
          break;
        default:
          break;
      }
    }
    const char* message =
        col < first_col || (col > first_col && after_body)
            ? "Unindent does not match any outer indentation level"
        : col > first_col ? "Unexpected indentation"
                          : "Inconsistent use of tabs and spaces in indentation";
    Report({line_start, start}, message);
    return;  // one diagnostic per block
  }
}

// ---------------------------------------------------------------------------------------------
// Recovery from ERROR nodes that swallow the rest of the file

TextRange Lowerer::ClipTo(TextRange range, uint32_t limit) const {
  if (range.end <= limit) return range;
  uint32_t end = std::max(range.start, limit);
  while (end > range.start && static_cast<unsigned char>(text_[end - 1]) <= ' ') --end;
  return {range.start, end};
}

// tree-sitter sometimes folds a broken statement and everything after it into one top-level ERROR
// (e.g. after `x = f(1,` or `for x in y` without its colon). Returns the start of the first line
// inside such an ERROR (after its first line) that can start a new top-level statement, or 0.
uint32_t Lowerer::FindModuleRestart(TSNode root, TSNode& swallowing) {
  auto restart_in = [&](TSNode error) -> uint32_t {
    TextRange r = RangeOf(error);
    // Where the trouble starts: tree-sitter may also wrap complete statements into the ERROR
    // (when the real problem comes later); a restart only makes sense after the first part
    // that is not one.
    uint32_t trouble = r.end;
    TSTreeCursor cursor = ts_tree_cursor_new(error);  // error path only
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        TSNode c = ts_tree_cursor_current_node(&cursor);
        Sym s = SymOf(c);
        if (s == Sym::Comment || (IsStatementSym(s) && !ts_node_has_error(c))) continue;
        trouble = ts_node_start_byte(c);
        break;
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    size_t i = text_.find_first_of("\r\n", trouble);
    while (i != llvm::StringRef::npos && i + 1 < r.end) {
      size_t line = i + 1;
      if (text_[i] == '\r' && text_[line] == '\n') ++line;
      i = text_.find_first_of("\r\n", line);
      if (line >= r.end) break;
      char c = text_[line];
      if (IsIndentSpace(c) || c == '\n' || c == '\r' || c == '#' || c == ')' || c == ']' ||
          c == '}' || c == '.' || c == ',') {
        continue;
      }
      // A clause of the broken compound statement (`else:`) cannot start a statement.
      llvm::StringRef rest = text_.substr(line, 8);
      bool clause = false;
      for (llvm::StringRef keyword : {"else", "elif", "except", "finally"}) {
        if (!rest.startswith(keyword)) continue;
        char next = rest.size() > keyword.size() ? rest[keyword.size()] : ' ';
        clause |= !std::isalnum(static_cast<unsigned char>(next)) && next != '_';
      }
      if (clause) continue;
      // Not inside a multi-line token (a string): a token must start right there.
      TSNode token = ts_node_descendant_for_byte_range(error, line, line + 1);
      if (ts_node_start_byte(token) != line) continue;
      return static_cast<uint32_t>(line);
    }
    return 0;
  };
  if (SymOf(root) == Sym::Error) {
    swallowing = root;
    return restart_in(root);
  }
  Kids kids(*this, root);  // (module children; their comments are recorded again when lowered)
  for (uint32_t i = 0; i < kids.size(); ++i) {
    if (kids[i].sym != Sym::Error) continue;
    uint32_t restart = restart_in(kids[i].node);
    if (restart) {
      swallowing = kids[i].node;
      return restart;
    }
  }
  return 0;
}

TSTree* Lowerer::Reparse(uint32_t from, uint32_t end) {
  // A budget against pathological files (each re-parse reads the rest of the file).
  if (reparsed_bytes_ > 4 * text_.size() + 65536) return nullptr;
  reparsed_bytes_ += end - from;
  TSTree* tree = ParseRange(from, end);
  if (tree != nullptr) extra_trees_.push_back(tree);
  return tree;
}

}  // namespace asynctype::lowering
