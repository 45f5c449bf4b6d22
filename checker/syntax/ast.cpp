#include "checker/syntax/ast.h"

#include <cstring>

#include "llvm/Support/ErrorHandling.h"

namespace asynctype {

Ast::Ast() {
  nodes_.push_back(Node{NodeKind::Module});  // the root, filled in by SetModule
  strings_.push_back(llvm::StringRef());     // string 0 is the empty string
  string_index_.try_emplace(llvm::StringRef(), 0);
}

void Ast::Reserve(size_t nodes, size_t children) {
  nodes_.reserve(nodes);
  children_.reserve(children);
}

NodeId Ast::Add(NodeKind kind, TextRange range, llvm::ArrayRef<NodeId> children, uint32_t data,
                uint8_t flags) {
  Node n;
  n.kind = kind;
  n.flags = flags;
  n.start = range.start;
  n.end = range.end;
  n.first_child = static_cast<uint32_t>(children_.size());
  n.num_children = static_cast<uint32_t>(children.size());
  n.data = data;
  children_.insert(children_.end(), children.begin(), children.end());
  nodes_.push_back(n);
  return NodeId(static_cast<uint32_t>(nodes_.size() - 1));
}

void Ast::SetModule(TextRange range, llvm::ArrayRef<NodeId> statements) {
  Node& root = nodes_[0];
  root.kind = NodeKind::Module;
  root.flags = 0;
  root.start = range.start;
  root.end = range.end;
  root.first_child = static_cast<uint32_t>(children_.size());
  root.num_children = static_cast<uint32_t>(statements.size());
  root.data = 0;
  children_.insert(children_.end(), statements.begin(), statements.end());
}

uint32_t Ast::InternView(llvm::StringRef text) {
  if (text.empty()) return 0;
  auto [it, inserted] =
      string_index_.try_emplace(text, static_cast<uint32_t>(strings_.size()));
  if (inserted) strings_.push_back(text);
  return it->second;
}

uint32_t Ast::InternCopy(llvm::StringRef text) {
  if (text.empty()) return 0;
  auto it = string_index_.find(text);
  if (it != string_index_.end()) return it->second;
  char* copy = static_cast<char*>(arena_.Allocate(text.size(), 1));
  std::memcpy(copy, text.data(), text.size());
  llvm::StringRef owned(copy, text.size());
  uint32_t index = static_cast<uint32_t>(strings_.size());
  strings_.push_back(owned);
  string_index_.try_emplace(owned, index);
  return index;
}

uint32_t Ast::InternString(std::string text) { return InternCopy(text); }

uint32_t Ast::AddInt(int64_t value) {
  ints_.push_back(value);
  return static_cast<uint32_t>(ints_.size() - 1);
}

uint32_t Ast::AddCompareOps(llvm::ArrayRef<CompareOp> ops) {
  uint32_t start = static_cast<uint32_t>(compare_ops_.size());
  compare_ops_.insert(compare_ops_.end(), ops.begin(), ops.end());
  return start;
}

llvm::ArrayRef<CompareOp> Ast::compare_ops(NodeId id) const {
  const Node& n = nodes_[id.index()];
  if (n.kind != NodeKind::Compare || n.num_children == 0) return {};
  return llvm::ArrayRef<CompareOp>(compare_ops_).slice(n.data, n.num_children - 1);
}

const char* NodeKindName(NodeKind kind) {
  static constexpr const char* kNames[] = {
#define NODE(kind, category, members) #kind,
#include "checker/syntax/node_kinds.def"
#undef NODE
  };
  return kNames[static_cast<size_t>(kind)];
}

NodeCategory Category(NodeKind kind) {
  static constexpr NodeCategory kCategories[] = {
#define NODE(kind, category, members) NodeCategory::category,
#include "checker/syntax/node_kinds.def"
#undef NODE
  };
  return kCategories[static_cast<size_t>(kind)];
}

const char* BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mult: return "*";
    case BinaryOp::MatMult: return "@";
    case BinaryOp::Div: return "/";
    case BinaryOp::FloorDiv: return "//";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "**";
    case BinaryOp::LShift: return "<<";
    case BinaryOp::RShift: return ">>";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::BitAnd: return "&";
  }
  llvm_unreachable("every operator is handled");
}

const char* CompareOpText(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "==";
    case CompareOp::NotEq: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::LtE: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::GtE: return ">=";
    case CompareOp::Is: return "is";
    case CompareOp::IsNot: return "is not";
    case CompareOp::In: return "in";
    case CompareOp::NotIn: return "not in";
  }
  llvm_unreachable("every operator is handled");
}

const char* UnaryOperatorText(UnaryOperator op) {
  switch (op) {
    case UnaryOperator::Not: return "not";
    case UnaryOperator::Minus: return "-";
    case UnaryOperator::Plus: return "+";
    case UnaryOperator::Invert: return "~";
  }
  llvm_unreachable("every operator is handled");
}

}  // namespace asynctype
