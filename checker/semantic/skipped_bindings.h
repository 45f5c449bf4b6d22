// The names a branch skipped by a static condition would bind (`if sys.version_info >= (3, 12):
// from x import y`): assignment, `for` and `with` targets, imports, and the names of functions
// and classes (whose bodies are not entered), for SemanticIndex::BoundInSkippedBranch.
#pragma once

#include "checker/base/id.h"
#include "checker/syntax/ast.h"
#include "llvm/ADT/StringSet.h"

namespace asynctype {

// Adds to `names` the names `node` (a statement, a block, any part of one) would bind.
void CollectSkippedBindings(const Ast& ast, NodeId node, llvm::StringSet<>& names);

}  // namespace asynctype
