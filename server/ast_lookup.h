// Position look-ups on an Ast for the language features: parent links (the Ast stores children
// only) and the innermost node at an offset.
#pragma once

#include <cstdint>
#include <vector>

#include "checker/syntax/ast.h"

namespace asynctype::lsp {

// Parent links of an Ast: parents[id] is the node holding id as a child (None for the Module).
std::vector<NodeId> Parents(const Ast& ast);

// The innermost node at `offset` for which `accept` holds (the smallest range; on ties the
// child, which has the smaller id).
template <typename Accept>
NodeId InnermostAt(const Ast& ast, uint32_t offset, Accept accept) {
  NodeId best = NodeId::None();
  uint32_t best_len = UINT32_MAX;
  for (uint32_t i = 1; i < ast.size(); ++i) {
    const Node& n = ast.node(NodeId(i));
    if (offset < n.start || offset >= n.end) continue;
    if (n.end - n.start >= best_len) continue;
    if (!accept(NodeId(i))) continue;
    best = NodeId(i);
    best_len = n.end - n.start;
  }
  return best;
}

}  // namespace asynctype::lsp
