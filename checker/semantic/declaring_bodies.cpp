#include "checker/semantic/declaring_bodies.h"

namespace asynctype {

bool BodyOnlyDeclares(const Ast& ast, NodeId body, bool pass_declares) {
  if (!body.valid()) return true;
  for (NodeId stmt : ast.children(body)) {
    switch (ast.kind(stmt)) {
      case NodeKind::Pass:
        if (pass_declares) continue;
        return false;
      case NodeKind::ExprStmt: {
        NodeKind k = ast.kind(ExprStmtView{ast, stmt}.value());
        if (k == NodeKind::EllipsisLiteral || k == NodeKind::StringLiteral) continue;
        return false;
      }
      case NodeKind::Raise: {
        NodeId exc = RaiseView{ast, stmt}.exc();
        if (exc.valid() && ast.kind(exc) == NodeKind::Call) exc = CallView{ast, exc}.func();
        if (exc.valid() && ast.kind(exc) == NodeKind::Name && ast.str(exc) == "NotImplementedError") continue;
        return false;
      }
      default:
        return false;
    }
  }
  return true;
}

}  // namespace asynctype
