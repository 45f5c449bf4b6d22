// The parts of a comprehension node whatever its kind (ListComp, SetComp, GeneratorExp:
// `elt`; DictComp: `key` and `value`), for the walks that treat the four alike: the element
// expressions, evaluated in the comprehension's scope, and the generators (Comprehension nodes),
// the first of whose iterables is evaluated in the enclosing scope.
#pragma once

#include "checker/syntax/ast.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace asynctype {

struct ComprehensionParts {
  llvm::SmallVector<NodeId, 2> elements;  // in source order
  llvm::ArrayRef<NodeId> generators;
};

inline ComprehensionParts ComprehensionPartsOf(const Ast& ast, NodeId node) {
  switch (ast.kind(node)) {
    case NodeKind::DictComp: {
      DictCompView dict{ast, node};
      return {{dict.key(), dict.value()}, dict.generators()};
    }
    case NodeKind::ListComp: return {{ListCompView{ast, node}.elt()}, ListCompView{ast, node}.generators()};
    case NodeKind::SetComp: return {{SetCompView{ast, node}.elt()}, SetCompView{ast, node}.generators()};
    default: return {{GeneratorExpView{ast, node}.elt()}, GeneratorExpView{ast, node}.generators()};
  }
}

}  // namespace asynctype
