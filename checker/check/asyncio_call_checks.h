// Calls of asyncio functions that the signatures alone do not reject: `asyncio.wait` given bare
// coroutines. typeshed declares `wait(fs: Iterable[_FT])` with `_FT` bound to `Future[Any]` from
// Python 3.11 on, where passing coroutines raises `TypeError` ("Passing coroutines is forbidden,
// use tasks explicitly"); the call checker does not check TypeVar bounds, so this check reports
// it as `invalid-argument-type`, with the `info:` lines of infer/asyncio_call_hints.h. Before
// 3.11 the call works (deprecated since 3.8) and stays silent.
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// A Call expression.
void CheckAsyncioCall(FileInference& inference, NodeId call);

}  // namespace asynctype
