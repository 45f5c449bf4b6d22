// The lowering of a tree-sitter-python 0.23 CST into our Ast. Internal to the syntax layer: only
// parse.cpp includes this header, and it is the one place (with parse.cpp) where tree-sitter
// types appear.
//
// How it works: one recursive walk over the CST. Children are enumerated with a reused
// TSTreeCursor into a stack-disciplined scratch vector (`kids_`), node ids are gathered on a second
// stack (`ids_`), so lowering a node allocates nothing beyond amortized vector growth. Every
// enumeration records the `comment` children it meets; subtrees that are not lowered (ERROR nodes,
// subtrees cut by the depth limit, anonymous nodes with children such as `not in`) are walked
// iteratively for their comments, so Ast::comments() is complete (duplicates are dropped at the
// end). The recursion depth is bounded by kMaxNestingDepth: deeper subtrees become Error nodes.
//
// Syntax errors: ERROR and MISSING nodes are reported by a walk that only descends into subtrees
// with errors, reporting the innermost ERROR nodes; the lowering itself reports what the grammar
// accepts but Python does not (Python 2 forms, argument order, indentation, ...). Statements that
// tree-sitter keeps inside an ERROR node are salvaged into the Error node. When a top-level ERROR
// swallows the following top-level lines (tree-sitter's recovery does that after e.g. `x = f(1,`
// or `for x in y` without a colon), the rest of the file is parsed again from the next top-level
// line with ts_parser_set_included_ranges (same byte offsets), so later statements survive.
//
// Grammar quirks corrected here: `^` binds tighter than `&` in the grammar (Python: the reverse);
// `await x ** y` is `await (x ** y)` in the grammar (Python: `(await x) ** y`); `type(x).a = v`
// parses as a type alias statement; `(x)` targets parse as one-element tuple patterns.
//
// Nodes are created bottom-up with `ast_.Add(kind, range, {children...})`: the children go in the
// slot order of the kind's row in node_kinds.def (readers use the generated views).
//
// The code is split by topic: lower.cpp (infrastructure, module, blocks, errors, comments,
// recovery), lower_stmt.cpp, lower_expr.cpp, lower_literal.cpp (strings, numbers) and
// lower_pattern.cpp.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "checker/syntax/ast.h"
#include "checker/syntax/parse.h"
#include "checker/syntax/source_file.h"

extern "C" const TSLanguage* tree_sitter_python();

namespace asynctype::lowering {

// Named CST node types of tree-sitter-python (see its node-types.json).
#define ASYNCTYPE_CST_NAMED(X)                                                                  \
  X(AliasedImport, "aliased_import") X(ArgumentList, "argument_list")                           \
  X(AsPattern, "as_pattern") X(AsPatternTarget, "as_pattern_target")                            \
  X(AssertStatement, "assert_statement") X(Assignment, "assignment") X(Attribute, "attribute")  \
  X(AugmentedAssignment, "augmented_assignment") X(Await, "await")                              \
  X(BinaryOperator, "binary_operator") X(Block, "block")                                        \
  X(BooleanOperator, "boolean_operator") X(BreakStatement, "break_statement") X(Call, "call")   \
  X(CaseClause, "case_clause") X(CasePattern, "case_pattern") X(Chevron, "chevron")             \
  X(ClassDefinition, "class_definition") X(ClassPattern, "class_pattern")                       \
  X(ComparisonOperator, "comparison_operator") X(ComplexPattern, "complex_pattern")             \
  X(ConcatenatedString, "concatenated_string")                                                  \
  X(ConditionalExpression, "conditional_expression") X(ConstrainedType, "constrained_type")     \
  X(ContinueStatement, "continue_statement") X(DecoratedDefinition, "decorated_definition")     \
  X(Decorator, "decorator") X(DefaultParameter, "default_parameter")                            \
  X(DeleteStatement, "delete_statement") X(DictPattern, "dict_pattern")                         \
  X(Dictionary, "dictionary") X(DictionaryComprehension, "dictionary_comprehension")            \
  X(DictionarySplat, "dictionary_splat")                                                        \
  X(DictionarySplatPattern, "dictionary_splat_pattern") X(DottedName, "dotted_name")            \
  X(ElifClause, "elif_clause") X(ElseClause, "else_clause") X(ExceptClause, "except_clause")     \
  X(ExceptGroupClause, "except_group_clause") X(ExecStatement, "exec_statement")                \
  X(ExpressionList, "expression_list") X(ExpressionStatement, "expression_statement")           \
  X(FinallyClause, "finally_clause") X(ForInClause, "for_in_clause")                            \
  X(ForStatement, "for_statement") X(FormatExpression, "format_expression")                     \
  X(FormatSpecifier, "format_specifier") X(FunctionDefinition, "function_definition")           \
  X(FutureImportStatement, "future_import_statement")                                           \
  X(GeneratorExpression, "generator_expression") X(GenericType, "generic_type")                 \
  X(GlobalStatement, "global_statement") X(IfClause, "if_clause")                               \
  X(IfStatement, "if_statement") X(ImportFromStatement, "import_from_statement")                \
  X(ImportPrefix, "import_prefix") X(ImportStatement, "import_statement")                       \
  X(Interpolation, "interpolation") X(KeywordArgument, "keyword_argument")                      \
  X(KeywordPattern, "keyword_pattern") X(KeywordSeparator, "keyword_separator")                 \
  X(Lambda, "lambda") X(LambdaParameters, "lambda_parameters") X(List, "list")                  \
  X(ListComprehension, "list_comprehension") X(ListPattern, "list_pattern")                     \
  X(ListSplat, "list_splat") X(ListSplatPattern, "list_splat_pattern")                          \
  X(MatchStatement, "match_statement") X(MemberType, "member_type") X(Module, "module")         \
  X(NamedExpression, "named_expression") X(NonlocalStatement, "nonlocal_statement")             \
  X(NotOperator, "not_operator") X(Pair, "pair") X(Parameters, "parameters")                    \
  X(ParenthesizedExpression, "parenthesized_expression")                                        \
  X(ParenthesizedListSplat, "parenthesized_list_splat") X(PassStatement, "pass_statement")      \
  X(PatternList, "pattern_list") X(PositionalSeparator, "positional_separator")                 \
  X(PrintStatement, "print_statement") X(RaiseStatement, "raise_statement")                     \
  X(RelativeImport, "relative_import") X(ReturnStatement, "return_statement") X(Set, "set")     \
  X(SetComprehension, "set_comprehension") X(Slice, "slice") X(SplatPattern, "splat_pattern")   \
  X(SplatType, "splat_type") X(String, "string") X(StringContent, "string_content")             \
  X(Subscript, "subscript") X(TryStatement, "try_statement") X(Tuple, "tuple")                  \
  X(TuplePattern, "tuple_pattern") X(Type, "type") X(TypeAliasStatement, "type_alias_statement") \
  X(TypeParameter, "type_parameter") X(TypedDefaultParameter, "typed_default_parameter")        \
  X(TypedParameter, "typed_parameter") X(UnaryOperator, "unary_operator")                       \
  X(UnionPattern, "union_pattern") X(UnionType, "union_type")                                   \
  X(WhileStatement, "while_statement") X(WildcardImport, "wildcard_import")                     \
  X(WithClause, "with_clause") X(WithItem, "with_item") X(WithStatement, "with_statement")      \
  X(Yield, "yield") X(Comment, "comment") X(Ellipsis, "ellipsis")                               \
  X(EscapeInterpolation, "escape_interpolation") X(EscapeSequence, "escape_sequence")           \
  X(False, "false") X(Float, "float") X(Identifier, "identifier") X(Integer, "integer")         \
  X(LineContinuation, "line_continuation") X(None, "none") X(StringEnd, "string_end")           \
  X(StringStart, "string_start") X(True, "true") X(TypeConversion, "type_conversion")

// Anonymous tokens the lowering looks at.
#define ASYNCTYPE_CST_TOKENS(X)                                                                 \
  X(TAsync, "async") X(TFrom, "from") X(TAs, "as") X(TIn, "in") X(TIs, "is") X(TNot, "not")     \
  X(TAnd, "and") X(TOr, "or") X(TNotIn, "not in") X(TIsNot, "is not") X(TFuture, "__future__")  \
  X(TPrint, "print") X(TLambda, "lambda") X(TLParen, "(") X(TRParen, ")") X(TLBracket, "[")    \
  X(TRBracket, "]") X(TComma, ",") X(TColon, ":") X(TDot, ".") X(TAssign, "=")                 \
  X(TUnderscore, "_") X(TStar, "*") X(TDoubleStar, "**") X(TSlash, "/") X(TMinus, "-")         \
  X(TPlus, "+") X(TTilde, "~") X(TPipe, "|") X(TAmp, "&") X(TCaret, "^") X(TLShift, "<<")      \
  X(TRShift, ">>") X(TAt, "@") X(TDoubleSlash, "//") X(TPercent, "%") X(TLt, "<")              \
  X(TLtE, "<=") X(TEq, "==") X(TNotEq, "!=") X(TGtE, ">=") X(TGt, ">") X(TLtGt, "<>")          \
  X(TPlusEq, "+=") X(TMinusEq, "-=") X(TStarEq, "*=") X(TSlashEq, "/=") X(TAtEq, "@=")         \
  X(TDoubleSlashEq, "//=") X(TPercentEq, "%=") X(TDoubleStarEq, "**=") X(TRShiftEq, ">>=")     \
  X(TLShiftEq, "<<=") X(TAmpEq, "&=") X(TCaretEq, "^=") X(TPipeEq, "|=")

#define ASYNCTYPE_CST_FIELDS(X)                                                                 \
  X(Alias, "alias") X(Alternative, "alternative") X(Argument, "argument")                      \
  X(Arguments, "arguments") X(Attribute, "attribute") X(Body, "body") X(Cause, "cause")        \
  X(Code, "code") X(Condition, "condition") X(Consequence, "consequence")                      \
  X(Definition, "definition") X(Expression, "expression")                                      \
  X(FormatSpecifier, "format_specifier") X(Function, "function") X(Guard, "guard")             \
  X(Key, "key") X(Left, "left") X(ModuleName, "module_name") X(Name, "name")                   \
  X(Object, "object") X(Operator, "operator") X(Operators, "operators")                        \
  X(Parameters, "parameters") X(Right, "right") X(ReturnType, "return_type")                   \
  X(Subject, "subject") X(Subscript, "subscript") X(Superclasses, "superclasses")              \
  X(Type, "type") X(TypeConversion, "type_conversion") X(TypeParameters, "type_parameters")    \
  X(Value, "value")

#define ASYNCTYPE_CST_ENUMERATOR(e, s) e,
enum class Sym : uint8_t {
  NotLookedUp,  // (sym_table_ entries not resolved yet)
  Unknown,
  Error,  // tree-sitter's ERROR node
  ASYNCTYPE_CST_NAMED(ASYNCTYPE_CST_ENUMERATOR) ASYNCTYPE_CST_TOKENS(ASYNCTYPE_CST_ENUMERATOR)
};
enum class Field : uint8_t { None, ASYNCTYPE_CST_FIELDS(ASYNCTYPE_CST_ENUMERATOR) };
#undef ASYNCTYPE_CST_ENUMERATOR

// One enumerated CST child.
struct Child {
  TSNode node{};
  Sym sym = Sym::Unknown;
  Field field = Field::None;
  bool named = false;

  bool ok() const { return node.id != nullptr; }
};

class Lowerer {
 public:
  // `parser` (which produced `tree`) is used again for recovery re-parses.
  Lowerer(const SourceFile& source, TSParser* parser, TSTree* tree, ParsedFile& out);
  ~Lowerer();
  Lowerer(const Lowerer&) = delete;
  Lowerer& operator=(const Lowerer&) = delete;

  // Lowers the whole tree into out.ast and reports syntax errors into out.syntax_errors.
  void Run();
  // The same for a big file, without a tree (`tree` null): parses and lowers it piece by piece,
  // the pieces starting at `starts` (see pieces.h), keeping one piece's trees at a time.
  void RunInPieces(llvm::ArrayRef<uint32_t> starts);

 private:
  // The children of one node, enumerated into kids_ for the lifetime of the scope. Children are
  // returned by value: kids_ may grow (and move) while nested scopes are alive.
  class Kids {
   public:
    Kids(Lowerer& l, TSNode node);
    ~Kids() { l_.kids_.resize(begin_); }
    Kids(const Kids&) = delete;
    Kids& operator=(const Kids&) = delete;
    uint32_t size() const { return end_ - begin_; }
    Child operator[](uint32_t i) const { return l_.kids_[begin_ + i]; }
    Child Get(Field f) const;  // the first child in field f, or a null Child
    Child Find(Sym s) const;   // the first child of type s, or a null Child
    bool Has(Sym s) const { return Find(s).ok(); }
    // The i-th named child that is not an ERROR node, or a null Child.
    Child Named(uint32_t i) const;
    uint32_t NamedCount() const;

   private:
    Lowerer& l_;
    uint32_t begin_;
    uint32_t end_;
  };

  // A scope on ids_: node ids pushed after its creation are dropped when it ends.
  class IdScope {
   public:
    explicit IdScope(Lowerer& l) : l_(l), base_(l.ids_.size()) {}
    ~IdScope() { l_.ids_.resize(base_); }
    IdScope(const IdScope&) = delete;
    IdScope& operator=(const IdScope&) = delete;
    void Push(NodeId id) { l_.ids_.push_back(id); }
    void Set(size_t i, NodeId id) { l_.ids_[base_ + i] = id; }
    size_t size() const { return l_.ids_.size() - base_; }
    NodeId operator[](size_t i) const { return l_.ids_[base_ + i]; }
    llvm::ArrayRef<NodeId> ids() const {
      return llvm::ArrayRef<NodeId>(l_.ids_).drop_front(base_);
    }

   private:
    Lowerer& l_;
    size_t base_;
  };

  // Increments depth_ for the lifetime of the scope.
  class DepthScope {
   public:
    DepthScope(Lowerer& l, uint32_t by = 1) : l_(l), by_(by) { l_.depth_ += by; }
    ~DepthScope() { l_.depth_ -= by_; }
    DepthScope(const DepthScope&) = delete;
    DepthScope& operator=(const DepthScope&) = delete;

   private:
    Lowerer& l_;
    uint32_t by_;
  };

  // Suppresses comment recording and/or diagnostics for its lifetime (while lowering statements
  // salvaged from an ERROR node, whose comments were already recorded and whose region already
  // has a diagnostic).
  class Suppress {
   public:
    explicit Suppress(Lowerer& l) : l_(l) {
      ++l_.suppress_comments_;
      ++l_.suppress_errors_;
    }
    ~Suppress() {
      --l_.suppress_comments_;
      --l_.suppress_errors_;
    }
    Suppress(const Suppress&) = delete;
    Suppress& operator=(const Suppress&) = delete;

   private:
    Lowerer& l_;
  };

  // ---- lower.cpp: infrastructure
  void BuildTables(const TSLanguage* language);
  Sym SymOf(TSNode n);
  Sym LookUpSymbol(TSSymbol symbol) const;
  void Enumerate(TSNode n);
  void RecordComment(TSNode c);
  void CollectComments(TSNode n);  // all comments of a subtree that is not lowered
  void FinishComments();
  // Reports ERROR and MISSING nodes that start before `limit` (the rest of the file is re-parsed).
  void ReportSyntaxErrors(TSNode root, uint32_t limit);
  void ReportError(TSNode error, uint32_t limit);
  bool HasNestedError(TSNode error, uint32_t limit);
  void ReportMissing(TSNode missing, Sym parent, Field field);
  // (Takes a StringRef so that recursive lowering functions hold no std::string temporaries.)
  void Report(TextRange range, llvm::StringRef message);
  void ReportTooDeep(TextRange range);
  TextRange RangeOf(TSNode n) const {
    return {ts_node_start_byte(n), ts_node_end_byte(n)};
  }
  TextRange RangeOf(const Child& c) const { return RangeOf(c.node); }
  llvm::StringRef TextOf(TSNode n) const;
  llvm::StringRef TextOf(TextRange r) const { return text_.substr(r.start, r.length()); }
  static TextRange Span(TextRange a, TextRange b) { return {a.start, b.end}; }
  static TextRange At(uint32_t offset) { return {offset, offset}; }
  NodeId ErrorNode(TextRange range) { return ast_.Add(NodeKind::Error, range, {}); }
  // An Error node for a subtree deeper than kMaxNestingDepth (with its diagnostic).
  NodeId TooDeep(TSNode n);
  bool AtDepthLimit() const { return depth_ >= kMaxNestingDepth; }
  // An Error node holding the statements salvaged from an ERROR node (those before `limit`).
  NodeId Salvage(TSNode error, uint32_t limit = std::numeric_limits<uint32_t>::max());
  TextRange ClipTo(TextRange range, uint32_t limit) const;
  uint32_t FindModuleRestart(TSNode root, TSNode& swallowing);
  // Lowers the module statements of `tree`, which covers the file up to `end` (re-parsing after
  // a top-level ERROR that swallows the rest, up to `end`), into `statements`.
  void LowerModule(TSTree* tree, uint32_t end, IdScope& statements);
  void Finish(const IdScope& statements);  // the module node, comments, errors in order
  void MakeCursors(TSTree* tree);
  // Parses the bytes [begin, end) of the file (offsets stay the file's).
  TSTree* ParseRange(uint32_t begin, uint32_t end);
  TSTree* Reparse(uint32_t from, uint32_t end);
  static constexpr uint32_t kMaxRestarts = 32;
  NodeId Ident(TSNode n);  // an Identifier (empty name when the token is missing)
  NodeId EmptyList(uint32_t offset) { return ast_.Add(NodeKind::List, At(offset), {}); }
  NodeId ListOf(const IdScope& items, uint32_t empty_offset);
  void CheckIndentation(llvm::ArrayRef<NodeId> statements, bool module);

  // ---- lower_stmt.cpp
  NodeId Stmt(TSNode n);
  NodeId StmtInner(TSNode n, Sym sym);
  // Lowers the statements among `kids` (statement-list children of a module or block).
  void StatementsInto(const Kids& kids, IdScope& out);
  NodeId Block(const Child& block, uint32_t empty_offset, TSNode owner);
  NodeId ElseBody(const Child& else_clause, uint32_t empty_offset, TSNode owner);
  NodeId ExpressionStatement(TSNode n);
  NodeId Assignment(TSNode n, TextRange range);
  NodeId AugmentedAssignment(TSNode n, TextRange range);
  NodeId Return(TSNode n);
  NodeId Delete(TSNode n);
  NodeId Raise(TSNode n);
  NodeId NameList(TSNode n, NodeKind kind);
  NodeId Import(TSNode n);
  NodeId ImportFrom(TSNode n, bool future);
  NodeId DottedIdentifier(TSNode dotted_name);
  NodeId ImportAlias(const Child& c);
  NodeId Assert(TSNode n);
  NodeId Print(TSNode n);
  NodeId Exec(TSNode n);
  NodeId TypeAlias(TSNode n);
  NodeId If(TSNode n);
  NodeId For(TSNode n);
  NodeId While(TSNode n);
  NodeId Try(TSNode n);
  NodeId ExceptHandler(TSNode n, bool group);
  NodeId With(TSNode n);
  NodeId WithItem(TSNode n);
  NodeId Decorated(TSNode n);
  NodeId FunctionDef(TSNode n, NodeId decorators, uint32_t start);
  NodeId ClassDef(TSNode n, NodeId decorators, uint32_t start);
  NodeId Match(TSNode n);
  NodeId MatchCase(TSNode n);

  // ---- lower_expr.cpp
  NodeId Expr(TSNode n);  // any expression-like node (also targets, `type` wrappers)
  NodeId ExprInner(TSNode n, Sym sym);
  NodeId ExprOrError(const Child& c, uint32_t offset);  // Error node when c is absent
  NodeId Name(TSNode identifier);
  NodeId Sequence(TSNode n, NodeKind kind, uint8_t flags);  // tuple/list/set and their patterns
  NodeId Attribute(TSNode n);
  NodeId Subscript(TSNode n);
  NodeId SubscriptSlice(const Kids& subscript_kids, TextRange range);
  NodeId TypeCallTarget(TSNode n, TSNode type_keyword);
  NodeId Slice(TSNode n);
  NodeId Call(TSNode n);
  // `callee`: the called name (`cast`, `TypeVar`, ...), whose type-expression arguments are
  // lowered as annotations.
  void ArgumentsInto(TSNode argument_list, IdScope& out, llvm::StringRef callee = {});
  NodeId Unary(TSNode n);
  NodeId Binary(TSNode n);
  NodeId Binary(TSNode n, const Kids& kids);
  // tree-sitter-python gives `^` a higher precedence than `&` (Python: the reverse), so chains of
  // `&` and `^` are flattened in source order and rebuilt with Python's precedence.
  bool IsBitChainOp(TSNode n);
  void FlattenBitChain(const Kids& kids);
  NodeId BitChain(TSNode root, const Kids& root_kids);
  // tree-sitter-python parses `await x ** 2` as `await (x ** 2)`; Python: `(await x) ** 2`.
  NodeId AwaitExpr(TSNode n);
  NodeId Boolean(TSNode n);
  NodeId Comparison(TSNode n);
  NodeId Lambda(TSNode n);
  NodeId Conditional(TSNode n);
  NodeId Named(TSNode n);
  NodeId AsPatternInExpression(TSNode n);
  NodeId Parenthesized(TSNode n);
  NodeId Dictionary(TSNode n);
  NodeId Comprehension(TSNode n, NodeKind kind);
  // One `for` clause with the `if` clauses kids[first_if, end) that follow it.
  NodeId ComprehensionClause(const Child& for_clause, const Kids& kids, uint32_t first_if,
                             uint32_t end);
  NodeId UnparenthesizedIterable(const Kids& for_clause_kids);
  NodeId YieldExpr(TSNode n);
  NodeId Starred(TSNode n);
  NodeId TypeExpr(TSNode n, Sym sym);  // `type` and the type-only node kinds
  NodeId TypeParams(const Child& type_parameter);
  NodeId TypeParam(TSNode type);
  NodeId Parameters(const Child& params, uint32_t empty_offset);
  NodeId DottedNameExpr(TSNode dotted_name);
  // An annotation (parameter, return, `x: T`, type alias value): string literals in it get their
  // contents parsed as a type expression (Ast::string_annotation).
  NodeId AnnotationExpr(TSNode n);

  // ---- lower_literal.cpp
  // State of one (possibly implicitly concatenated) string literal being lowered.
  struct StringState {
    size_t text_base = 0;  // where its decoded text starts in text_buf_
    uint32_t parts = 0;
    bool any_bytes = false, any_text = false, any_fstring = false;
    bool simple = true;  // one part needing no decoding: a view into the source text
    TextRange simple_text;
  };
  NodeId StringLit(TSNode n);  // string or concatenated_string
  void StringPart(TSNode string, StringState& st, IdScope& interpolations);
  NodeId Interpolation(TSNode n);
  // The contents of a string literal in an annotation (source bytes `content`), parsed as one
  // expression; an Error node when they are not exactly one expression (no diagnostic here: the
  // string may be metadata, as in `Annotated[int, "..."]`, or a `Literal["..."]` member); None
  // for contents not parsed (empty, several lines).
  NodeId StringAnnotation(TextRange content);
  NodeId Number(TSNode n, bool is_float);
  void DecodeEscapes(llvm::StringRef raw, bool bytes);

  // ---- lower_pattern.cpp
  NodeId Pattern(TSNode case_pattern);
  // One pattern from kids [from, to) of a node: an optional `-` and a simple pattern.
  NodeId SimplePattern(const Kids& kids, uint32_t from, uint32_t to);
  NodeId PatternFromKid(const Child& c, bool negative, TextRange range);
  NodeId MatchOr(TSNode n);
  NodeId MatchSequence(TSNode n);
  NodeId MatchMapping(TSNode n);
  NodeId MatchClass(TSNode n);
  NodeId PatternValueExpr(const Child& c, bool negative, TextRange range);
  NodeId ComplexValue(TSNode n, TextRange range);

  const SourceFile& source_;
  llvm::StringRef text_;
  TSParser* parser_;
  TSTree* tree_;
  std::vector<TSTree*> extra_trees_;  // from recovery re-parses; deleted with the Lowerer
  size_t reparsed_bytes_ = 0;
  Ast& ast_;
  std::vector<Diagnostic>& errors_;

  const TSLanguage* language_ = nullptr;
  std::vector<Sym> sym_table_;      // indexed by TSSymbol, filled lazily
  std::vector<Field> field_table_;  // indexed by TSFieldId
  TSFieldId operator_field_ = 0;
  TSTreeCursor cursor_;             // for Enumerate
  TSTreeCursor walk_cursor_;        // for iterative subtree walks
  bool have_cursors_ = false;

  std::vector<Comment> comments_;  // in recording order; sorted by FinishComments
  std::vector<Child> kids_;
  std::vector<NodeId> ids_;
  std::vector<CompareOp> compare_scratch_;
  std::vector<TSNode> salvage_;
  std::vector<TSNode> chain_operands_;  // BitChain scratch (stack-disciplined)
  std::vector<Sym> chain_ops_;
  std::vector<TextRange> chain_ranges_;
  std::string text_buf_;  // decoded string text (stack-disciplined like ids_)

  uint32_t depth_ = 0;
  uint32_t annotation_depth_ = 0;  // > 0 while lowering an annotation
  uint32_t suppress_comments_ = 0;
  uint32_t suppress_errors_ = 0;
};

}  // namespace asynctype::lowering
