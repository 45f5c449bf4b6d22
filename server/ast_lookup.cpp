#include "server/ast_lookup.h"

namespace asynctype::lsp {

std::vector<NodeId> Parents(const Ast& ast) {
  std::vector<NodeId> parents(ast.size(), NodeId::None());
  for (uint32_t i = 0; i < ast.size(); ++i) {
    for (NodeId c : ast.children(NodeId(i))) {
      if (c.valid() && c.index() < parents.size()) parents[c.index()] = NodeId(i);
    }
  }
  return parents;
}

}  // namespace asynctype::lsp
