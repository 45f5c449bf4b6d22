// Checks of generator functions against their annotation, worded as ty does:
//   invalid-return-type  an annotation that is not a supertype of `types.GeneratorType`
//                        (`types.AsyncGeneratorType` for `async def`), reported on the annotation
//   invalid-yield        a yielded value (or a `yield from` element) that does not match the
//                        yield type; a `yield from` whose inner generator does not accept the
//                        outer send type
// Returned values of generators are checked by checks.cpp against GeneratorReturnExpectation.
// Everything stays silent unless the types involved are fully known.
#pragma once

#include <optional>

#include "checker/base/id.h"
#include "checker/types/type_store.h"

namespace asynctype {

class FileInference;

// A FunctionDef: a generator function's annotation must accept the generator object.
void CheckGeneratorFunction(FileInference& inference, NodeId function_def);
// A `yield` or `yield from` expression (other nodes are ignored).
void CheckYieldExpression(FileInference& inference, NodeId expr);
// What `return` in a synchronous generator function is checked against: `R` of its (valid)
// `Generator[Y, S, R]` annotation, `None` for `Iterator` / `Iterable`. None when the function is
// not a generator, unannotated, or the annotation is dynamic or invalid.
std::optional<TypeId> GeneratorReturnExpectation(FileInference& inference, NodeId function_def);

}  // namespace asynctype
