// Checks of operators and subscripts, run in the check phase on top of inference (which types
// an unsupported operation as Unknown and says nothing):
//   unsupported-operator  "Operator `>=` is not supported between objects of type `L` and `R`"
//                         (binary arithmetic / bitwise operators, and `<` `<=` `>` `>=`; `==`
//                         and `!=` always work through `object`)
//   non-subscriptable     "Cannot subscript object of type `T` with no `__getitem__` method"
// An operation is reported only when Python certainly raises TypeError: neither the left
// operand's dunder nor the right operand's reflected one accepts the other operand, for every
// combination of union members. Operands with dynamic parts, TypeVars, class objects and classes
// whose members the checker may not see (dataclass `order=True`, `@total_ordering`, unknown
// bases) stay silent. When an operand is awaitable and its awaited type would have worked, an
// `info:` line asks "did you forget `await`?".
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// A BinOp expression (`a + b`, `a | b`, ...).
void CheckBinaryOperator(FileInference& inference, NodeId binop);
// A Compare expression: each ordering comparison of its chain (`a < b <= c`).
void CheckComparison(FileInference& inference, NodeId compare);
// A Subscript expression read for its value (not an assignment or `del` target).
void CheckSubscript(FileInference& inference, NodeId subscript);

}  // namespace asynctype
