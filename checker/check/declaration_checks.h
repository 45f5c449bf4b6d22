// Declaration checks for hand-written awaitables and async protocol methods (what C extensions
// and their `.pyi` stubs declare), reported at the definition as `invalid-async-protocol-method`:
//   - `__await__` whose declared return is not an iterator (or that is an `async def`);
//   - `async def __aiter__` (not a generator): it returns a coroutine, which `async for` does not
//     await, so the loop fails at run time;
//   - `__anext__` / `__aenter__` / `__aexit__` whose declared return is not awaitable.
// Silent unless the declared type is fully known: no Any / Unknown (nor a union member of them),
// no unannotated return, no unbounded TypeVar. Runs for `.py` and `.pyi` files alike.
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// A FunctionDef: checked when it is a method (directly in a class body) with one of the names above.
void CheckAsyncProtocolMethod(FileInference& inference, NodeId function_def);

// `invalid-async-declaration`, the declaration traps of `async def`:
//   - a method directly in a class body, declared `async def`, whose name is a dunder the
//     interpreter calls without awaiting (`__init__`, `__new__`, `__enter__` / `__exit__`,
//     `__iter__` / `__next__`, `__len__`, `__bool__`, `__hash__`, `__str__`, the comparisons,
//     `__setattr__`, ... — the set in SyncOnlyDunder): the caller gets a coroutine it never
//     awaits, and most of them fail with `TypeError`. Dunders that may legitimately return an
//     awaitable (`__call__`, `__getitem__`, `__getattr__`) are not in the set;
//   - `@contextlib.contextmanager` on an `async def` (an async generator), and
//     `@contextlib.asynccontextmanager` on a plain generator function, by the decorator's resolved
//     identity (aliases included).
void CheckAsyncDeclarationTrap(FileInference& inference, NodeId function_def);

}  // namespace asynctype
