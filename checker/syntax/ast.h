// Our own immutable Python AST. One flat vector of uniform nodes per file; every node has a kind,
// a byte range, flags, one `data` word, and an ordered list of child slots. A slot may be
// NodeId::None() when the optional part is absent. The slot layout of each kind is fixed and
// documented below next to the kind; the `View` helpers at the bottom name the slots.
//
// Invariants: nodes are created bottom-up by the lowering (syntax/lower.cpp) and never change
// afterwards; a node's children have smaller ids than the node, except the Module root, which is
// node 0 (reserved when the Ast is created, filled in last) and whose range covers the whole file.
// No tree-sitter type appears here.
//
// Conventions of the lowering (what consumers can rely on):
// - Every documented slot is present; an absent optional part is NodeId::None(). A required part
//   that the source lacks (after a syntax error) is an Error node, so required slots are never None.
// - Strings are interned: within one Ast, two `data` string indexes are equal iff the texts are;
//   index 0 is the empty string. Identifiers are not NFKC-normalized.
// - Parenthesized expressions are unwrapped (node and range of the inner expression), except a
//   parenthesized Tuple, which keeps the parentheses in its range and has kParenthesized.
//   Unparenthesized tuples (`a, b = 1, 2`, `x[1, 2]`, `return a, b`) have no flag.
// - List ranges span their items (a type-parameter List: its `[...]`; a format-spec List: the
//   spec from its `:`); an empty List is zero-width where the items would be.
// - FunctionDef and ClassDef ranges start at the first decorator (like ruff).
// - A docstring is an ordinary ExprStmt holding a StringLiteral.
// - Operator precedence is Python's, also where tree-sitter-python's grammar differs
//   (`a & b ^ c` is `(a & b) ^ c`; `await x ** 2` is `(await x) ** 2`).
// - comments() holds every `#` comment of the file in source order.
// - Error nodes stand for unparseable regions (each has an `invalid-syntax` diagnostic, except
//   the contents of a string annotation: see string_annotation) and may
//   appear wherever a statement or expression is expected. Their children are statements salvaged
//   from the region (or, for a Python 2 `print x` / `exec x` statement, its expressions); visiting
//   them like ordinary statements/expressions is safe, ignoring them is too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/id.h"
#include "checker/base/text_range.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"

namespace asynctype {

// Slots are listed as [slot0, slot1, ...]; `?` marks an optional slot (may be None), `...` a
// variable tail. "List" means a child of kind List holding a sequence of nodes.
enum class NodeKind : uint8_t {
  // ----- structure
  Module,       // [statements...]
  List,         // [items...]  (statement blocks, decorator lists, type-param lists, ...)
  Identifier,   // data = name; a bare name that is not an expression (def/class names, aliases)
  Error,        // an unparseable region; [salvaged children...]

  // ----- statements
  FunctionDef,  // flags kAsync; [decorators: List, name: Identifier, type_params: List?,
                //  parameters: Parameters, returns?, body: List]
  ClassDef,     // [decorators: List, name: Identifier, type_params: List?, arguments: Arguments?,
                //  body: List]
  Return,       // [value?]
  Delete,       // [targets...]
  Assign,       // [value, targets...]   (a = b = v: targets a, b)
  AugAssign,    // data = BinaryOp; [target, value]
  AnnAssign,    // [target, annotation, value?]
  TypeAlias,    // [name: Name, type_params: List?, value]
  For,          // flags kAsync; [target, iter, body: List, orelse: List]
  While,        // [test, body: List, orelse: List]
  If,           // [test, body: List, orelse: List]   (elif: a single If inside orelse)
  With,         // flags kAsync; [items: List of WithItem, body: List]
  WithItem,     // [context_expr, optional_vars?]
  Match,        // [subject, cases: MatchCase...]
  MatchCase,    // [pattern, guard?, body: List]
  Raise,        // [exc?, cause?]
  Try,          // flags kStar (except*); [body: List, handlers: List of ExceptHandler,
                //  orelse: List, finalbody: List]
  ExceptHandler,  // [type?, name: Identifier?, body: List]
  Assert,       // [test, msg?]
  Import,       // [aliases: Alias...]
  ImportFrom,   // data = relative level; flags kStar for `import *` (then no aliases);
                // [module: Identifier? (dotted name text), aliases: Alias...]
                // (`from __future__ import x` is an ordinary ImportFrom)
  Alias,        // [name: Identifier (dotted name text), asname: Identifier?]
  Global,       // [names: Identifier...]
  Nonlocal,     // [names: Identifier...]
  ExprStmt,     // [value]
  Pass,
  Break,
  Continue,

  // ----- expressions
  BoolOp,       // data = BoolOperator; [left, right]
  NamedExpr,    // [target: Name, value]
  BinOp,        // data = BinaryOp; [left, right]
  UnaryOp,      // data = UnaryOperator; [operand]
  Lambda,       // [parameters: Parameters, body]
  IfExp,        // [body, test, orelse]
  Dict,         // [items: DictItem...]
  DictItem,     // [key?, value]   (key None: `**value`)
  Set,          // [elts...]
  ListExpr,     // [elts...]
  Tuple,        // flags kParenthesized; [elts...]
  ListComp,     // [elt, generators: Comprehension...]
  SetComp,      // [elt, generators: Comprehension...]
  DictComp,     // [key, value, generators: Comprehension...]
  GeneratorExp,  // [elt, generators: Comprehension...]
  Comprehension,  // flags kAsync; [target, iter, ifs...]
  Await,        // [value]
  Yield,        // [value?]
  YieldFrom,    // [value]
  Compare,      // data = index into Ast::compare_ops (ops for each comparator, in order);
                // [left, comparators...]
  Call,         // [func, args...]  args: expressions, Starred, Keyword
  Keyword,      // data = name; [value]. `**value`: flags kStar and data = 0 (the empty string)
  FormattedValue,  // data = conversion char ('r', 's', 'a') or 0; [value, format_spec: List?]
                   // (a `{...}` inside an f-string; format_spec holds the FormattedValues nested
                   // in the spec, empty List for a literal spec like `:>10`, None without spec)
  Attribute,    // [value, attr: Identifier]
  Subscript,    // [value, slice]
  Starred,      // [value]
  Name,         // data = name
  Slice,        // [lower?, upper?, step?]
  IntLiteral,   // data = index into Ast::ints (small values) ; flags kBig when it does not fit
                // int64 (then data = the literal's source text, a string index)
  FloatLiteral,   // `1.5`, `1e3` (value not stored)
  ComplexLiteral,  // `2j`, `1.5J` (value not stored)
  StringLiteral,  // flags kBytes / kFString; data = decoded text (when not an f-string; for
                  // kFString data = 0); [interpolations: FormattedValue...]. Implicitly
                  // concatenated literals form one StringLiteral (kFString if any part is one).
                  // Raw strings are kept verbatim, `\N{...}` escapes too.
  BoolLiteral,  // data = 0 or 1
  NoneLiteral,
  EllipsisLiteral,

  // ----- parameters and type parameters
  Parameters,   // [Parameter...]
  Parameter,    // data = name; flags = ParameterKind in kind bits; [annotation?, default?]
  Arguments,    // class bases: [args...] like a call's (expressions, Starred, Keyword)
  TypeParam,    // data = name; flags = TypeParamKind; [bound?, default?]
                // (constraints `T: (A, B)`: bound is the parenthesized Tuple)

  // ----- patterns (match statement)
  MatchValue,     // [value]  (literal, `-1`, `1 + 2j`, or dotted name `a.b`)
  MatchSingleton,  // [value: literal]
  MatchSequence,  // [patterns...]  (`[a, b]`, `(a, b)`, and `case a, b:`)
  MatchMapping,   // [keys: List, patterns: List, rest: Identifier?]
  MatchClass,     // [cls, patterns: List, kwd_names: List of Identifier, kwd_patterns: List]
  MatchStar,      // [name: Identifier?]
  MatchAs,        // [pattern?, name: Identifier?]  (both None: wildcard `_`; a bare name is
                  //  a capture [None, name]; `(p)` is just p)
  MatchOr,        // [patterns...]
};

const char* NodeKindName(NodeKind kind);

// Node flags (meaning depends on the kind).
enum NodeFlags : uint8_t {
  kAsync = 1 << 0,
  kStar = 1 << 1,
  kParenthesized = 1 << 2,
  kBytes = 1 << 3,
  kFString = 1 << 4,
  kBig = 1 << 5,
};

enum class ParameterKind : uint8_t { PositionalOnly, PositionalOrKeyword, VarArgs, KeywordOnly, KwArgs };
enum class TypeParamKind : uint8_t { TypeVar, TypeVarTuple, ParamSpec };
enum class BoolOperator : uint8_t { And, Or };
enum class UnaryOperator : uint8_t { Not, Minus, Plus, Invert };
enum class BinaryOp : uint8_t {
  Add, Sub, Mult, MatMult, Div, FloorDiv, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd
};
enum class CompareOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

const char* BinaryOpText(BinaryOp op);      // "+", "-", "*", "@", "/", "//", "%", "**", ...
const char* CompareOpText(CompareOp op);    // "==", "!=", "<", ..., "is not", "not in"
const char* UnaryOperatorText(UnaryOperator op);  // "not", "-", "+", "~"

struct Node {
  NodeKind kind;
  uint8_t flags = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t first_child = 0;
  uint32_t num_children = 0;
  uint32_t data = 0;

  TextRange range() const { return {start, end}; }
};

// A comment token (for assertion comments and suppressions).
struct Comment {
  TextRange range;
  bool own_line;  // nothing but whitespace precedes it on its line
};

class Ast {
 public:
  NodeId root() const { return NodeId(0); }
  const Node& node(NodeId id) const { return nodes_[id.index()]; }
  NodeKind kind(NodeId id) const { return nodes_[id.index()].kind; }
  TextRange range(NodeId id) const { return nodes_[id.index()].range(); }
  bool Has(NodeId id, NodeFlags flag) const { return (nodes_[id.index()].flags & flag) != 0; }
  size_t size() const { return nodes_.size(); }
  size_t child_slots() const { return children_.size(); }

  llvm::ArrayRef<NodeId> children(NodeId id) const {
    const Node& n = nodes_[id.index()];
    return llvm::ArrayRef<NodeId>(children_).slice(n.first_child, n.num_children);
  }
  NodeId child(NodeId id, uint32_t slot) const {
    const Node& n = nodes_[id.index()];
    return slot < n.num_children ? children_[n.first_child + slot] : NodeId::None();
  }
  // Children from `slot` to the end.
  llvm::ArrayRef<NodeId> tail(NodeId id, uint32_t slot) const {
    auto all = children(id);
    return slot < all.size() ? all.drop_front(slot) : llvm::ArrayRef<NodeId>();
  }

  // The name / string carried in `data` (Identifier, Name, Parameter, TypeParam, Keyword,
  // Attribute's Identifier, StringLiteral text).
  llvm::StringRef str(NodeId id) const { return strings_[nodes_[id.index()].data]; }
  // Value of a small IntLiteral.
  int64_t int_value(NodeId id) const { return ints_[nodes_[id.index()].data]; }
  llvm::ArrayRef<CompareOp> compare_ops(NodeId id) const;

  const std::vector<Comment>& comments() const { return comments_; }

  // The type expression parsed from the contents of a StringLiteral in an annotation (a forward
  // reference such as `x: "list[Foo]"`; an Error node when the contents are not one expression),
  // or None. Its nodes are in this Ast, with ranges inside
  // the literal, but are nobody's children: only type-expression evaluation reaches them.
  NodeId string_annotation(NodeId literal) const {
    auto it = string_annotations_.find(literal.index());
    return it == string_annotations_.end() ? NodeId::None() : it->second;
  }

  // Building (used only by the lowering).
  NodeId Add(NodeKind kind, TextRange range, llvm::ArrayRef<NodeId> children, uint32_t data = 0,
             uint8_t flags = 0);
  uint32_t InternString(std::string text);
  // Like InternString, without taking ownership: copies `text` into the Ast's arena if new.
  uint32_t InternCopy(llvm::StringRef text);
  // Interns text that outlives the Ast (a slice of the SourceFile's text) without copying it.
  uint32_t InternView(llvm::StringRef text);
  void Reserve(size_t nodes, size_t children);
  uint32_t AddInt(int64_t value);
  uint32_t AddCompareOps(llvm::ArrayRef<CompareOp> ops);
  void AddComment(Comment c) { comments_.push_back(c); }
  void SetStringAnnotation(NodeId literal, NodeId expr) { string_annotations_[literal.index()] = expr; }
  // Fills in the reserved root node 0 (kind Module).
  void SetModule(TextRange range, llvm::ArrayRef<NodeId> statements);

  Ast();
  // Move-only: strings_ point into arena_ (stable across moves) and into the source text.
  Ast(Ast&&) = default;
  Ast& operator=(Ast&&) = default;
  Ast(const Ast&) = delete;
  Ast& operator=(const Ast&) = delete;

 private:
  std::vector<Node> nodes_;
  std::vector<NodeId> children_;
  llvm::BumpPtrAllocator arena_;  // owned decoded text; some strings_ point into it
  std::vector<llvm::StringRef> strings_;
  llvm::DenseMap<llvm::StringRef, uint32_t> string_index_;  // interning
  std::vector<int64_t> ints_;
  std::vector<CompareOp> compare_ops_;
  std::vector<Comment> comments_;
  llvm::DenseMap<uint32_t, NodeId> string_annotations_;  // StringLiteral -> parsed expression
};

// ---- Views: named accessors for the slot layouts above.

struct FunctionDefView {
  const Ast& ast;
  NodeId id;
  bool is_async() const { return ast.Has(id, kAsync); }
  NodeId decorators() const { return ast.child(id, 0); }
  NodeId name() const { return ast.child(id, 1); }
  NodeId type_params() const { return ast.child(id, 2); }
  NodeId parameters() const { return ast.child(id, 3); }
  NodeId returns() const { return ast.child(id, 4); }
  NodeId body() const { return ast.child(id, 5); }
};

struct ClassDefView {
  const Ast& ast;
  NodeId id;
  NodeId decorators() const { return ast.child(id, 0); }
  NodeId name() const { return ast.child(id, 1); }
  NodeId type_params() const { return ast.child(id, 2); }
  NodeId arguments() const { return ast.child(id, 3); }
  NodeId body() const { return ast.child(id, 4); }
};

inline ParameterKind GetParameterKind(const Ast& ast, NodeId param) {
  return static_cast<ParameterKind>(ast.node(param).flags);
}
inline TypeParamKind GetTypeParamKind(const Ast& ast, NodeId param) {
  return static_cast<TypeParamKind>(ast.node(param).flags);
}

}  // namespace asynctype
