// Checks of the calls an `async def` makes that misbehave inside a running event loop, on top
// of the blocking-call table (infer/blocking_calls.h) and the per-function summaries
// (infer/blocking_summary.h):
//   blocking-call              a call that blocks the event loop, directly or through helpers
//                              ("Blocking call `time.sleep` in async function `handler` ...")
//   nested-event-loop          `asyncio.run()` / `loop.run_until_complete()` in a coroutine
//   deprecated-get-event-loop  `asyncio.get_event_loop()` in a coroutine
// The diagnostic's range is the whole call expression (the server's "Wrap in
// asyncio.to_thread" quick fix replaces it).
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// An `async def` (a FunctionDef; other functions are ignored): the calls of its own body.
void CheckCoroutineCalls(FileInference& inference, NodeId function_def);

}  // namespace asynctype
