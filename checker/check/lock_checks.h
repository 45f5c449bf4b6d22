// `lock-held-across-await`: a `threading` lock (`Lock`, `RLock`, `Semaphore`,
// `BoundedSemaphore`, `Condition`, identified by the resolved class of the expression's type,
// so aliases and `self._lock` assigned in `__init__` are found) held across an await point of an
// `async def`. While the coroutine is suspended another task on the same loop may try to take
// the lock: `acquire()` then blocks the event loop thread itself, and the holder never resumes
// to release it (a deadlock). Two structured shapes are recognised:
//   - `with lock:` whose body has an await point;
//   - `lock.acquire()` as a statement, then an await point in the following statements of the
//     same block before the `lock.release()` statement, or in the body of a following
//     `try: ... finally: lock.release()`.
// Awaits in nested functions, lambdas and generator expressions do not count.
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// An `async def` FunctionDef: its body (without nested functions, which get their own call).
void CheckLocksHeldAcrossAwait(FileInference& inference, NodeId function_def);

}  // namespace asynctype
