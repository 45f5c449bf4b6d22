// Event-loop misuse found at any call, wherever it is written:
//   async-callback             an `async def` function passed as a callback that is called and
//                              whose result is dropped (`loop.call_soon(f)`, `Thread(target=f)`)
//   deprecated-get-event-loop  `asyncio.get_event_loop()` in a module's top-level code for a
//                              Python 3.12+ target (inside `async def` see blocking_checks.h)
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// A Call expression.
void CheckEventLoopCall(FileInference& inference, NodeId call);

}  // namespace asynctype
