// The one table of calls that misbehave inside a coroutine, and how a call is matched against
// it: functions that block the event loop (`time.sleep`, `open`, `socket.recv`...), functions
// that run an event loop (`asyncio.run`, `loop.run_until_complete`), `asyncio.get_event_loop`,
// and the functions that call a callback they are given and drop its result (`loop.call_soon`,
// `threading.Thread(target=...)`...). Callees are identified by what the call resolves to (the
// stub function, or the stub class of the receiver), never by the name written at the call, so
// aliases (`from time import sleep as zz`, `import time as t`) and bound methods of typed
// instances match, and a user's own `sleep` does not.
#pragma once

#include <optional>

#include "checker/base/id.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

class FileInference;

enum class CallEffect : uint8_t {
  Blocks,        // blocks the thread, hence the event loop (blocking-call)
  RunsLoop,      // runs an event loop: a RuntimeError inside a running one (nested-event-loop)
  GetEventLoop,  // `asyncio.get_event_loop()` (deprecated-get-event-loop)
  ChecksLoop,    // asks whether a loop runs (`get_running_loop()`, `loop.is_running()`): a helper
                 // that does so guards its `asyncio.run()` and is not summarized as running a loop
  SetsEventLoop, // `asyncio.set_event_loop(...)`: a module that sets a loop may then get it
};

struct BlockingCallee {
  CallEffect effect;
  // The defining module(s) of the function or of the receiver's class, `|`-separated (typeshed
  // moves definitions between a module and its C accelerator: `_io|io`).
  const char* module;
  const char* cls;   // the receiver's class (matched in its MRO); "" for a module-level function
  const char* name;  // the function or method
  const char* shown; // how the message names it: `time.sleep`
  const char* fix;   // the `info:` line saying what to do instead
  // A flag argument that makes the call non-blocking unless it is `True` (`blocking`, `block`),
  // by keyword or position (among the arguments after the receiver; -1: keyword only).
  const char* flag = nullptr;
  int8_t flag_pos = -1;
  // A timeout argument whose value 0 makes the call non-blocking.
  const char* timeout = nullptr;
  int8_t timeout_pos = -1;
  // Whether the call blocks depends on the receiver's state, which only its creator knows: a
  // socket may be non-blocking (`setblocking(False)`), a process may have exited, a future may
  // be done, a thread may have ended. Reported only where the receiver is a local made by a call
  // in the same function with no `await` in between (other tasks may have changed its state:
  // finished the process or the future), for sockets only if the function never calls
  // `setblocking` / `settimeout`, and never through helpers.
  bool state_dependent = false;
  // Not followed through helpers: a thread primitive a helper waits on is usually held or set
  // for a moment by design (`Thread.start()` waits for the thread to start); reported only where
  // the coroutine itself waits on it.
  bool direct_only = false;
};

// The row `index` of the table (a stable index, for memoized summaries), and the row count.
const BlockingCallee& BlockingCalleeAt(int index);
int BlockingCalleeCount();
// The table row the call `call` of `inference`'s file resolves to, in a blocking form (a
// `Lock.acquire(blocking=False)` or `Queue.get(timeout=0)` is not); -1 when none.
int MatchBlockingCall(FileInference& inference, NodeId call);

// A function that calls a callback it is given and drops what the callback returns.
struct CallbackTaker {
  const char* module;  // defining module(s), `|`-separated, of the function or class
  const char* cls;     // the receiver's class; for `name` "__init__", the class constructed
  const char* name;    // the function or method ("__init__": a constructor call)
  const char* shown;   // `loop.call_soon`
  const char* param;   // the callback parameter's name
  int8_t pos;          // its position among the arguments after the receiver (-1: keyword only)
  const char* what;    // what happens to the callback's result, for the message
};

// The callback argument of `call` when the call resolves to a function of the callback table:
// {row, argument expression}; None otherwise.
struct CallbackArgument {
  const CallbackTaker* taker;
  NodeId argument;
};
std::optional<CallbackArgument> MatchCallbackCall(FileInference& inference, NodeId call);
// The callback table's rows (for tests).
llvm::ArrayRef<CallbackTaker> CallbackTakers();

}  // namespace asynctype
