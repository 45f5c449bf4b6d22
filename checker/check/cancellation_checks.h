// `swallowed-cancellation`: in an `async def`, a `try` whose body has an await point (the only
// place `asyncio.CancelledError` arrives) with a handler that catches the cancellation and lets
// the task go on, so `task.cancel()` is silently ignored. A handler catches it when it is bare
// (`except:`), or names `asyncio.CancelledError` or `BaseException` (also in a tuple, by
// resolved class), or `Exception` when the target `python-version` is below 3.8 (where
// CancelledError derived from Exception). `concurrent.futures.CancelledError` is a different
// class since 3.8 and does not catch it. `except*` handlers are not checked.
//
// Reported only when the task certainly goes on and nothing suggests deliberate handling:
//   - the handler contains no `raise`, `return` or `break`, no call that never returns, no
//     `cancel()` / `uncancel()` / `cancelling()` call, no assignment (a flag recorded for a
//     later `raise`, as asyncio's own `Condition.wait` does) and no use of the caught
//     exception's name (handed on to be re-raised later, as aiohttp's cleanup and trio's
//     nursery do);
//   - an await point may run after the handler falls through (later in the function, or in
//     the next iteration of an enclosing loop): the task goes on waiting for things; otherwise
//     it soon ends, as a `return` in the handler would make it;
//   - the `try` body does not call `.cancel()` (a task cancelling itself, or a child, expects
//     the error there);
//   - the body has an `async for`, an `async with`, or an `await` of a fully known type that is
//     not an `asyncio.Future` / `Task` (in `task.cancel(); try: await task; except
//     CancelledError: pass` the error is most likely the awaited task's own).
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// An `async def` FunctionDef: the `try` statements of its body (not of nested functions).
void CheckSwallowedCancellation(FileInference& inference, NodeId function_def);

}  // namespace asynctype
