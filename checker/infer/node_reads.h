// Positional reads of a TAIL member of a typed AST view (a call's arguments, an assignment's
// targets) that may hold fewer nodes than asked: the node at `index`, or None, exactly as
// Ast::child answers for a missing slot. Named reads go through the views in ast.h.
#pragma once

#include <cstddef>

#include "checker/syntax/ast.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

inline NodeId NthOrNone(llvm::ArrayRef<NodeId> nodes, size_t index) {
  return index < nodes.size() ? nodes[index] : NodeId::None();
}

}  // namespace asynctype
