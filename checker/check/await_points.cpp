#include "checker/check/await_points.h"

#include <vector>

#include "checker/syntax/ast.h"

namespace asynctype {

NodeId AsyncFunctionBody(const Ast& ast, NodeId function_def) {
  if (!function_def.valid() || ast.kind(function_def) != NodeKind::FunctionDef) return NodeId::None();
  FunctionDefView fn{ast, function_def};
  return fn.is_async() ? fn.body() : NodeId::None();
}

bool IsAwaitPoint(const Ast& ast, NodeId node) {
  switch (ast.kind(node)) {
    case NodeKind::Await: return true;
    case NodeKind::For: return ForView{ast, node}.is_async();
    case NodeKind::With: return WithView{ast, node}.is_async();
    case NodeKind::Comprehension: return ComprehensionView{ast, node}.is_async();
    default: return false;
  }
}

NodeId FirstAwaitPoint(const Ast& ast, NodeId node) {
  if (!node.valid()) return NodeId::None();
  // Depth first, children in source order (pushed reversed).
  std::vector<NodeId> stack = {node};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (!n.valid()) continue;
    switch (ast.kind(n)) {
      case NodeKind::FunctionDef:
      case NodeKind::ClassDef:
      case NodeKind::Lambda:
      case NodeKind::GeneratorExp:
        if (n != node) continue;
        break;
      default: break;
    }
    if (IsAwaitPoint(ast, n)) return n;
    auto children = ast.children(n);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return NodeId::None();
}

}  // namespace asynctype
