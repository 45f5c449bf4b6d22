// Why a call of an asyncio function fails, in asyncio's own terms: the `info:` lines added to a
// call diagnostic when the callee is (by resolved identity, under any alias) one of
//   - `asyncio.gather` given one list / tuple / set of awaitables instead of the awaitables
//     themselves (`gather(coros)`: at run time a `TypeError`, "An asyncio.Future, a coroutine or
//     an awaitable is required"): "did you mean `asyncio.gather(*coros)`?";
//   - `asyncio.wait` given bare coroutines (a `TypeError` since Python 3.11, "Passing coroutines
//     is forbidden, use tasks explicitly"): "wrap each in `asyncio.create_task`".
#pragma once

#include <string>
#include <vector>

#include "checker/base/id.h"

namespace asynctype {

class FileInference;
class Program;
struct FunctionInfo;

// Whether `fn` is the function the `asyncio` package exports as `name`.
bool IsAsyncioFunction(Program& program, const FunctionInfo& fn, const char* name);

// The asyncio function a call's callee is ("gather", "wait"), or empty.
std::string AsyncioCallee(FileInference& inference, NodeId call);

// The `info:` lines explaining why the call `call` of an asyncio function fails (empty when
// none applies).
std::vector<std::string> AsyncioCallHints(FileInference& inference, NodeId call);

// Whether the element type of the iterable `type` (a list, set, tuple, or other instance of an
// `Iterable`) is a coroutine object; `*element` receives the element type.
bool IsIterableOfCoroutines(Program& program, TypeId type, TypeId* element);

}  // namespace asynctype
