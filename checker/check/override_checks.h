// Method override checks, reported at the overriding method's name as `invalid-method-override`
// (ty's name): "Invalid override of method `m`: Definition is incompatible with `Base.m`". Narrow
// on purpose, the return side only:
//   - an `async def` overriding a plain `def` whose declared result is not a coroutine (callers
//     of the base do not await, so the override's body never runs);
//   - a plain `def` overriding an `async def` and returning something that is not awaitable, or
//     whose awaited type does not fit the base's;
//   - both `async def`: the awaited (declared) types must be assignable;
//   - both plain: the declared return types must be assignable.
// Parameters are not compared. Silent unless both sides are fully known: plain instance methods
// (no property, overload, static/class method, generator, or decorator other than
// `@abstractmethod` / `@override` / `@final`), one definition of the name in the class, declared
// types without dynamic parts, TypeVars or unmodelled classes, and no class with an unknown base
// in the MRO. Only `.py` files are checked (stubs describe, they do not implement).
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// A FunctionDef: checked when it is a method that overrides a base class's method.
void CheckMethodOverride(FileInference& inference, NodeId function_def);

}  // namespace asynctype
