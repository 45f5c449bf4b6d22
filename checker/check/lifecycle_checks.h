// The coroutine lifecycle of one function body, flow-sensitive: what happens to each coroutine
// object bound to a local name (`c = fetch()`) or collected in a local list / set / dict
// (`coros = [fetch(u) for u in urls]`, `coros.append(fetch(u))`) on every path to the end of the
// function.
//   unawaited-coroutine      on some path the object is neither awaited nor passed on before the
//                            function ends (or before the name is rebound)
//   coroutine-awaited-twice  `await c` where `c`'s object was already awaited on every path to it
//                            (also by the previous iteration of a loop)
//
// Design: a small forward dataflow pass over the function's statements (linear in the body, no
// fixpoint): the state maps each tracked name to the bindings that may reach the point, each with
// bits saying whether it is still pending (on some path nothing consumed it), was awaited, or
// was handled some other way. Branches copy the state and merge it (union of bits); `return`
// sends it to the function's exit, `break` / `continue` to their loop, `raise` drops it (an
// exception path needs no `await`), a loop's exit merges its entry with its back edges (and its
// breaks), `except` handlers (exception paths too) start from the `try`'s entry state with every
// pending coroutine counted as handled, a `with` whose manager may swallow exceptions also
// continues from its entry with what its body touched counted as handled, and `finally` bodies
// run on the normal path and once per kind of abrupt exit (`return`, `break`, `continue`).
// Only bindings whose value is certainly a coroutine object (a call with a fully known coroutine
// type) are tracked; names captured by a nested function, declared `global` / `nonlocal`, or
// bodies using `locals()` / `vars()` / `eval` / `exec` are not. Any read of a tracked name other
// than `await name` (passing it to a call, returning, yielding, storing, formatting, `del`)
// counts as handled: precision first. Functions without a tracked binding cost one scan; with
// them, one walk of the body where each branch or merge costs the number of tracked names
// (5,000 coroutine names each awaited in an `if`/`else` check in well under a second).
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// A FunctionDef (sync or async): its body's coroutine objects.
void CheckCoroutineLifecycle(FileInference& inference, NodeId function_def);

}  // namespace asynctype
