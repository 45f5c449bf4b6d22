#include "checker/semantic/dunder_all.h"

namespace asynctype {

// Adds a `__all__` value to the module's: the string literals of a list / tuple, `sub.__all__`
// (recorded as a module whose `__all__` is included), and `+` of these. Anything else leaves
// `__all__` not understood (None) until it is assigned again.
void DunderAllCollector::Add(NodeId value) {
  if (opaque_) return;
  if (!names_) names_.emplace();
  if (!Collect(value)) {
    opaque_ = true;
    names_.reset();
    modules_.clear();
  }
}

bool DunderAllCollector::Collect(NodeId value) {
  if (!value.valid()) return false;
  switch (ast_.kind(value)) {
    case NodeKind::ListExpr:
    case NodeKind::Tuple: {
      auto elements =
          ast_.kind(value) == NodeKind::Tuple ? TupleView{ast_, value}.elts() : ListExprView{ast_, value}.elts();
      for (NodeId e : elements) {
        if (!e.valid() || ast_.kind(e) != NodeKind::StringLiteral || StringLiteralView{ast_, e}.is_fstring()) {
          return false;
        }
        names_->push_back(ast_.str(e).str());
      }
      return true;
    }
    case NodeKind::StringLiteral:  // `__all__.append("x")`
      if (StringLiteralView{ast_, value}.is_fstring()) return false;
      names_->push_back(ast_.str(value).str());
      return true;
    case NodeKind::Attribute: {
      NodeId object = AttributeView{ast_, value}.value();
      NodeId attr = AttributeView{ast_, value}.attr();
      if (!object.valid() || !attr.valid() || ast_.str(attr) != "__all__") return false;
      modules_.push_back(object);
      return true;
    }
    case NodeKind::BinOp:
      return static_cast<BinaryOp>(ast_.node(value).data) == BinaryOp::Add &&
             Collect(BinOpView{ast_, value}.left()) && Collect(BinOpView{ast_, value}.right());
    default:
      return false;
  }
}

void DunderAllCollector::Record(NodeId stmt) {
  auto is_all = [&](NodeId n) { return n.valid() && ast_.kind(n) == NodeKind::Name && ast_.str(n) == "__all__"; };
  auto reassign = [&](NodeId value) {
    opaque_ = false;
    names_.reset();
    modules_.clear();
    Add(value);
  };
  switch (ast_.kind(stmt)) {
    case NodeKind::Assign: {
      AssignView assign{ast_, stmt};
      if (assign.targets().size() == 1 && is_all(assign.targets()[0])) reassign(assign.value());
      return;
    }
    case NodeKind::AnnAssign:
      if (is_all(AnnAssignView{ast_, stmt}.target())) reassign(AnnAssignView{ast_, stmt}.value());
      return;
    case NodeKind::AugAssign:
      if (is_all(AugAssignView{ast_, stmt}.target())) Add(AugAssignView{ast_, stmt}.value());
      return;
    case NodeKind::ExprStmt: {
      NodeId call = ExprStmtView{ast_, stmt}.value();
      if (!call.valid() || ast_.kind(call) != NodeKind::Call) return;
      CallView call_view{ast_, call};
      NodeId func = call_view.func();
      if (!func.valid() || ast_.kind(func) != NodeKind::Attribute || !is_all(AttributeView{ast_, func}.value())) return;
      llvm::StringRef method = ast_.str(AttributeView{ast_, func}.attr());
      NodeId arg = call_view.args().empty() ? NodeId::None() : call_view.args()[0];
      bool string = arg.valid() && ast_.kind(arg) == NodeKind::StringLiteral;
      if (method == "extend") Add(string ? NodeId::None() : arg);  // a string's characters
      if (method == "append" && string) Add(arg);
      return;
    }
    default:
      return;
  }
}

}  // namespace asynctype
