#include "checker/syntax/ast.h"

#include <cstring>

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
  switch (kind) {
    case NodeKind::Module: return "Module";
    case NodeKind::List: return "List";
    case NodeKind::Identifier: return "Identifier";
    case NodeKind::Error: return "Error";
    case NodeKind::FunctionDef: return "FunctionDef";
    case NodeKind::ClassDef: return "ClassDef";
    case NodeKind::Return: return "Return";
    case NodeKind::Delete: return "Delete";
    case NodeKind::Assign: return "Assign";
    case NodeKind::AugAssign: return "AugAssign";
    case NodeKind::AnnAssign: return "AnnAssign";
    case NodeKind::TypeAlias: return "TypeAlias";
    case NodeKind::For: return "For";
    case NodeKind::While: return "While";
    case NodeKind::If: return "If";
    case NodeKind::With: return "With";
    case NodeKind::WithItem: return "WithItem";
    case NodeKind::Match: return "Match";
    case NodeKind::MatchCase: return "MatchCase";
    case NodeKind::Raise: return "Raise";
    case NodeKind::Try: return "Try";
    case NodeKind::ExceptHandler: return "ExceptHandler";
    case NodeKind::Assert: return "Assert";
    case NodeKind::Import: return "Import";
    case NodeKind::ImportFrom: return "ImportFrom";
    case NodeKind::Alias: return "Alias";
    case NodeKind::Global: return "Global";
    case NodeKind::Nonlocal: return "Nonlocal";
    case NodeKind::ExprStmt: return "ExprStmt";
    case NodeKind::Pass: return "Pass";
    case NodeKind::Break: return "Break";
    case NodeKind::Continue: return "Continue";
    case NodeKind::BoolOp: return "BoolOp";
    case NodeKind::NamedExpr: return "NamedExpr";
    case NodeKind::BinOp: return "BinOp";
    case NodeKind::UnaryOp: return "UnaryOp";
    case NodeKind::Lambda: return "Lambda";
    case NodeKind::IfExp: return "IfExp";
    case NodeKind::Dict: return "Dict";
    case NodeKind::DictItem: return "DictItem";
    case NodeKind::Set: return "Set";
    case NodeKind::ListExpr: return "ListExpr";
    case NodeKind::Tuple: return "Tuple";
    case NodeKind::ListComp: return "ListComp";
    case NodeKind::SetComp: return "SetComp";
    case NodeKind::DictComp: return "DictComp";
    case NodeKind::GeneratorExp: return "GeneratorExp";
    case NodeKind::Comprehension: return "Comprehension";
    case NodeKind::Await: return "Await";
    case NodeKind::Yield: return "Yield";
    case NodeKind::YieldFrom: return "YieldFrom";
    case NodeKind::Compare: return "Compare";
    case NodeKind::Call: return "Call";
    case NodeKind::Keyword: return "Keyword";
    case NodeKind::FormattedValue: return "FormattedValue";
    case NodeKind::Attribute: return "Attribute";
    case NodeKind::Subscript: return "Subscript";
    case NodeKind::Starred: return "Starred";
    case NodeKind::Name: return "Name";
    case NodeKind::Slice: return "Slice";
    case NodeKind::IntLiteral: return "IntLiteral";
    case NodeKind::FloatLiteral: return "FloatLiteral";
    case NodeKind::ComplexLiteral: return "ComplexLiteral";
    case NodeKind::StringLiteral: return "StringLiteral";
    case NodeKind::BoolLiteral: return "BoolLiteral";
    case NodeKind::NoneLiteral: return "NoneLiteral";
    case NodeKind::EllipsisLiteral: return "EllipsisLiteral";
    case NodeKind::Parameters: return "Parameters";
    case NodeKind::Parameter: return "Parameter";
    case NodeKind::Arguments: return "Arguments";
    case NodeKind::TypeParam: return "TypeParam";
    case NodeKind::MatchValue: return "MatchValue";
    case NodeKind::MatchSingleton: return "MatchSingleton";
    case NodeKind::MatchSequence: return "MatchSequence";
    case NodeKind::MatchMapping: return "MatchMapping";
    case NodeKind::MatchClass: return "MatchClass";
    case NodeKind::MatchStar: return "MatchStar";
    case NodeKind::MatchAs: return "MatchAs";
    case NodeKind::MatchOr: return "MatchOr";
  }
  return "?";
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
  return "?";
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
  return "?";
}

const char* UnaryOperatorText(UnaryOperator op) {
  switch (op) {
    case UnaryOperator::Not: return "not";
    case UnaryOperator::Minus: return "-";
    case UnaryOperator::Plus: return "+";
    case UnaryOperator::Invert: return "~";
  }
  return "?";
}

}  // namespace asynctype
