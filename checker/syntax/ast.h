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

#include <cassert>
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

// Every kind, its category and its slot layout: node_kinds.def (one row each). A slot may be
// None where the row says OPT; a TAIL is the rest of the children.
enum class NodeKind : uint8_t {
#define NODE(kind, category, members) kind,
#include "checker/syntax/node_kinds.def"
#undef NODE
};

enum class NodeCategory : uint8_t { Structure, Statement, StatementPart, Expression, ExpressionPart, Pattern };

const char* NodeKindName(NodeKind kind);
NodeCategory Category(NodeKind kind);
inline bool IsStatement(NodeKind kind) { return Category(kind) == NodeCategory::Statement; }
inline bool IsExpression(NodeKind kind) { return Category(kind) == NodeCategory::Expression; }
inline bool IsPattern(NodeKind kind) { return Category(kind) == NodeCategory::Pattern; }

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

// ---- Views: one per kind, generated from node_kinds.def (`AnnAssignView{ast, id}.target()`).
// A view is two words, made on the spot; callers switch on the node's kind, and its accessors
// assert it (a view of the wrong kind would read another kind's slots).

#define ONE(slot, name) NodeId name() const { assert(ast.kind(id) == kKind); return ast.child(id, slot); }
#define OPT(slot, name) NodeId name() const { assert(ast.kind(id) == kKind); return ast.child(id, slot); }
#define TAIL(slot, name) \
  llvm::ArrayRef<NodeId> name() const { assert(ast.kind(id) == kKind); return ast.tail(id, slot); }
#define FLAG(name, flag) bool name() const { assert(ast.kind(id) == kKind); return ast.Has(id, flag); }
#define NODE(kind, category, members)                   \
  struct kind##View {                                   \
    static constexpr NodeKind kKind = NodeKind::kind;   \
    const Ast& ast;                                     \
    NodeId id;                                          \
    members                                             \
  };
#include "checker/syntax/node_kinds.def"
#undef NODE
#undef FLAG
#undef TAIL
#undef OPT
#undef ONE

inline ParameterKind GetParameterKind(const Ast& ast, NodeId param) {
  return static_cast<ParameterKind>(ast.node(param).flags);
}
inline TypeParamKind GetTypeParamKind(const Ast& ast, NodeId param) {
  return static_cast<TypeParamKind>(ast.node(param).flags);
}

}  // namespace asynctype
