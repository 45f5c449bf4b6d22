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

}  // namespace asynctype
