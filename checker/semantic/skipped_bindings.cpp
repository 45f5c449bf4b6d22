#include "checker/semantic/skipped_bindings.h"

namespace asynctype {
namespace {

// A binding target: names bind, unpacking recurses; attributes and subscripts bind no name.
void CollectTarget(const Ast& ast, NodeId target, llvm::StringSet<>& names) {
  if (!target.valid()) return;
  NodeKind k = ast.kind(target);
  if (k == NodeKind::Name) names.insert(ast.str(target));
  if (k == NodeKind::Tuple || k == NodeKind::ListExpr || k == NodeKind::Starred) {
    for (NodeId e : ast.children(target)) CollectTarget(ast, e, names);
  }
}

}  // namespace

void CollectSkippedBindings(const Ast& ast, NodeId node, llvm::StringSet<>& names) {
  if (!node.valid()) return;
  switch (ast.kind(node)) {
    case NodeKind::FunctionDef: {
      NodeId name = FunctionDefView{ast, node}.name();
      if (name.valid()) names.insert(ast.str(name));
      return;
    }
    case NodeKind::ClassDef: {
      NodeId name = ClassDefView{ast, node}.name();
      if (name.valid()) names.insert(ast.str(name));
      return;
    }
    case NodeKind::Assign:
      for (NodeId target : AssignView{ast, node}.targets()) CollectTarget(ast, target, names);
      return;
    case NodeKind::AnnAssign:
      CollectTarget(ast, AnnAssignView{ast, node}.target(), names);
      return;
    case NodeKind::AugAssign:
      CollectTarget(ast, AugAssignView{ast, node}.target(), names);
      return;
    case NodeKind::For:
      CollectTarget(ast, ForView{ast, node}.target(), names);
      break;  // and the body
    case NodeKind::WithItem:
      CollectTarget(ast, WithItemView{ast, node}.optional_vars(), names);
      return;
    case NodeKind::Import:
    case NodeKind::ImportFrom:
      for (NodeId alias : ast.kind(node) == NodeKind::Import ? ImportView{ast, node}.aliases()
                                                             : ImportFromView{ast, node}.aliases()) {
        if (!alias.valid() || ast.kind(alias) != NodeKind::Alias) continue;
        NodeId name = AliasView{ast, alias}.name();
        NodeId asname = AliasView{ast, alias}.asname();
        if (asname.valid()) {
          names.insert(ast.str(asname));
        } else if (name.valid()) {
          names.insert(ast.str(name).split('.').first);
        }
      }
      return;
    default:
      break;
  }
  if (ast.kind(node) == NodeKind::Lambda) return;
  for (NodeId child : ast.children(node)) CollectSkippedBindings(ast, child, names);
}

}  // namespace asynctype
