#include "checker/infer/blocking_calls.h"

#include <cstdlib>
#include <iterator>
#include <string>

#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

constexpr const char* kToThread = "run it in a worker thread: `await asyncio.to_thread(...)`";
constexpr const char* kSubprocess =
    "use `await asyncio.create_subprocess_exec(...)` (or `create_subprocess_shell`), or run it in a "
    "worker thread: `await asyncio.to_thread(...)`";
constexpr const char* kFile =
    "read and write files in a worker thread: `await asyncio.to_thread(...)` (or use an async file "
    "library)";
constexpr const char* kSocket =
    "use asyncio streams (`asyncio.open_connection`) or the loop's `sock_*` methods "
    "(`await loop.sock_recv(...)`)";
constexpr const char* kThreadSync =
    "use the asyncio primitive (`asyncio.Lock`, `asyncio.Event`...) with `await`, or run it in a "
    "worker thread: `await asyncio.to_thread(...)`";
constexpr const char* kHttp = "use an async HTTP client (`httpx.AsyncClient`, `aiohttp`), or `await asyncio.to_thread(...)`";
constexpr const char* kRunsLoop =
    "`await` the coroutine instead: the event loop that runs this function is already running";

// The table. Rows are matched in order; indices are stored in memoized summaries, so a row's
// position is its identity for the length of a run only (nothing persists them).
const BlockingCallee kBlocking[] = {
    {CallEffect::Blocks, "time", "", "sleep", "time.sleep", "use `await asyncio.sleep(...)`"},
    {CallEffect::Blocks, "subprocess", "", "run", "subprocess.run", kSubprocess},
    {CallEffect::Blocks, "subprocess", "", "call", "subprocess.call", kSubprocess},
    {CallEffect::Blocks, "subprocess", "", "check_call", "subprocess.check_call", kSubprocess},
    {CallEffect::Blocks, "subprocess", "", "check_output", "subprocess.check_output", kSubprocess},
    {CallEffect::Blocks, "subprocess", "", "getoutput", "subprocess.getoutput", kSubprocess},
    {CallEffect::Blocks, "subprocess", "", "getstatusoutput", "subprocess.getstatusoutput", kSubprocess},
    {CallEffect::Blocks, "subprocess", "Popen", "wait", "subprocess.Popen.wait",
     "use `asyncio.create_subprocess_exec` and `await proc.wait()`", nullptr, -1, "timeout", 0, true},
    {CallEffect::Blocks, "subprocess", "Popen", "communicate", "subprocess.Popen.communicate",
     "use `asyncio.create_subprocess_exec` and `await proc.communicate()`", nullptr, -1, "timeout", 1, true},
    {CallEffect::Blocks, "os", "", "system", "os.system", kSubprocess},
    {CallEffect::Blocks, "os", "", "wait", "os.wait", kToThread},
    {CallEffect::Blocks, "os", "", "waitpid", "os.waitpid", kToThread},
    {CallEffect::Blocks, "os", "", "wait3", "os.wait3", kToThread},
    {CallEffect::Blocks, "os", "", "wait4", "os.wait4", kToThread},
    {CallEffect::Blocks, "os", "", "waitid", "os.waitid", kToThread},
    {CallEffect::Blocks, "urllib.request", "", "urlopen", "urllib.request.urlopen", kHttp},
    {CallEffect::Blocks, "socket", "", "create_connection", "socket.create_connection",
     "use `await asyncio.open_connection(...)`"},
    {CallEffect::Blocks, "builtins", "", "open", "open",
     kFile},
    {CallEffect::Blocks, "builtins", "", "input", "input", kToThread},
    // Reads and writes of the file objects `open()` returns (not of `io.StringIO` / `BytesIO`).
    {CallEffect::Blocks, "_io|io", "TextIOWrapper", "read", "TextIOWrapper.read", kFile},
    {CallEffect::Blocks, "_io|io", "TextIOWrapper", "readline", "TextIOWrapper.readline", kFile},
    {CallEffect::Blocks, "_io|io", "TextIOWrapper", "readlines", "TextIOWrapper.readlines", kFile},
    {CallEffect::Blocks, "_io|io", "TextIOWrapper", "write", "TextIOWrapper.write", kFile},
    {CallEffect::Blocks, "_io|io", "TextIOWrapper", "writelines", "TextIOWrapper.writelines", kFile},
    {CallEffect::Blocks, "_io|io", "BufferedReader", "read", "BufferedReader.read", kFile},
    {CallEffect::Blocks, "_io|io", "BufferedReader", "readline", "BufferedReader.readline", kFile},
    {CallEffect::Blocks, "_io|io", "BufferedReader", "readlines", "BufferedReader.readlines", kFile},
    {CallEffect::Blocks, "_io|io", "BufferedReader", "readinto", "BufferedReader.readinto", kFile},
    {CallEffect::Blocks, "_io|io", "BufferedWriter", "write", "BufferedWriter.write", kFile},
    {CallEffect::Blocks, "_io|io", "BufferedWriter", "writelines", "BufferedWriter.writelines", kFile},
    {CallEffect::Blocks, "_io|io", "BufferedRandom", "read", "BufferedRandom.read", kFile},
    {CallEffect::Blocks, "_io|io", "BufferedRandom", "write", "BufferedRandom.write", kFile},
    {CallEffect::Blocks, "_io|io", "FileIO", "read", "FileIO.read", kFile},
    {CallEffect::Blocks, "_io|io", "FileIO", "readall", "FileIO.readall", kFile},
    {CallEffect::Blocks, "_io|io", "FileIO", "write", "FileIO.write", kFile},
    {CallEffect::Blocks, "pathlib", "Path", "read_text", "pathlib.Path.read_text", kFile},
    {CallEffect::Blocks, "pathlib", "Path", "read_bytes", "pathlib.Path.read_bytes", kFile},
    {CallEffect::Blocks, "pathlib", "Path", "write_text", "pathlib.Path.write_text", kFile},
    {CallEffect::Blocks, "pathlib", "Path", "write_bytes", "pathlib.Path.write_bytes", kFile},
    {CallEffect::Blocks, "pathlib", "Path", "open", "pathlib.Path.open", kFile},
    // Blocking sockets (`socket.socket` derives from `_socket.socket`, which declares most).
    {CallEffect::Blocks, "_socket|socket", "socket", "recv", "socket.socket.recv", kSocket, nullptr, -1, nullptr, -1, true},
    {CallEffect::Blocks, "_socket|socket", "socket", "recv_into", "socket.socket.recv_into", kSocket, nullptr, -1, nullptr, -1, true},
    {CallEffect::Blocks, "_socket|socket", "socket", "recvfrom", "socket.socket.recvfrom", kSocket, nullptr, -1, nullptr, -1, true},
    {CallEffect::Blocks, "_socket|socket", "socket", "recvfrom_into", "socket.socket.recvfrom_into", kSocket, nullptr, -1, nullptr, -1, true},
    {CallEffect::Blocks, "_socket|socket", "socket", "send", "socket.socket.send", kSocket, nullptr, -1, nullptr, -1, true},
    {CallEffect::Blocks, "_socket|socket", "socket", "sendall", "socket.socket.sendall", kSocket, nullptr, -1, nullptr, -1, true},
    {CallEffect::Blocks, "_socket|socket", "socket", "sendto", "socket.socket.sendto", kSocket, nullptr, -1, nullptr, -1, true},
    {CallEffect::Blocks, "_socket|socket", "socket", "accept", "socket.socket.accept", kSocket, nullptr, -1, nullptr, -1, true},
    {CallEffect::Blocks, "_socket|socket", "socket", "connect", "socket.socket.connect", kSocket, nullptr, -1, nullptr, -1, true},
    // Thread synchronisation, in their blocking forms. A mutex's `acquire` (Lock, RLock, Condition)
    // is not here: it is a short critical section, like `with lock:`; held across an `await` it is
    // lock-held-across-await.
    {CallEffect::Blocks, "threading", "Condition", "wait", "threading.Condition.wait", kThreadSync, nullptr, -1,
     "timeout", 0, false, true},
    {CallEffect::Blocks, "threading", "Semaphore", "acquire", "threading.Semaphore.acquire", kThreadSync,
     "blocking", 0, "timeout", 1, false, true},
    {CallEffect::Blocks, "threading", "Event", "wait", "threading.Event.wait", kThreadSync, nullptr, -1,
     "timeout", 0, false, true},
    {CallEffect::Blocks, "threading", "Thread", "join", "threading.Thread.join", kToThread, nullptr, -1,
     "timeout", 0, true},
    {CallEffect::Blocks, "queue", "Queue", "get", "queue.Queue.get",
     "use an `asyncio.Queue` (`await queue.get()`), or `get_nowait()`", "block", 0, "timeout", 1, false, true},
    {CallEffect::Blocks, "queue", "Queue", "put", "queue.Queue.put",
     "use an `asyncio.Queue` (`await queue.put(...)`), or `put_nowait(...)`", "block", 1, "timeout", 2, false, true},
    {CallEffect::Blocks, "_queue|queue", "SimpleQueue", "get", "queue.SimpleQueue.get",
     "use an `asyncio.Queue` (`await queue.get()`), or `get_nowait()`", "block", 0, "timeout", 1, false, true},
    {CallEffect::Blocks, "concurrent.futures._base", "Future", "result", "concurrent.futures.Future.result",
     "`await asyncio.wrap_future(future)` instead", nullptr, -1, "timeout", 0, true},
    {CallEffect::Blocks, "concurrent.futures._base", "Future", "exception",
     "concurrent.futures.Future.exception", "`await asyncio.wrap_future(future)` instead", nullptr, -1, "timeout", 0, true},
    // Third-party HTTP clients, when installed (typed by their stubs or their own annotations).
    {CallEffect::Blocks, "requests.api", "", "request", "requests.request", kHttp},
    {CallEffect::Blocks, "requests.api", "", "get", "requests.get", kHttp},
    {CallEffect::Blocks, "requests.api", "", "options", "requests.options", kHttp},
    {CallEffect::Blocks, "requests.api", "", "head", "requests.head", kHttp},
    {CallEffect::Blocks, "requests.api", "", "post", "requests.post", kHttp},
    {CallEffect::Blocks, "requests.api", "", "put", "requests.put", kHttp},
    {CallEffect::Blocks, "requests.api", "", "patch", "requests.patch", kHttp},
    {CallEffect::Blocks, "requests.api", "", "delete", "requests.delete", kHttp},
    {CallEffect::Blocks, "requests.sessions", "Session", "request", "requests.Session.request", kHttp},
    {CallEffect::Blocks, "requests.sessions", "Session", "get", "requests.Session.get", kHttp},
    {CallEffect::Blocks, "requests.sessions", "Session", "post", "requests.Session.post", kHttp},
    {CallEffect::Blocks, "requests.sessions", "Session", "put", "requests.Session.put", kHttp},
    {CallEffect::Blocks, "requests.sessions", "Session", "patch", "requests.Session.patch", kHttp},
    {CallEffect::Blocks, "requests.sessions", "Session", "delete", "requests.Session.delete", kHttp},
    {CallEffect::Blocks, "requests.sessions", "Session", "head", "requests.Session.head", kHttp},
    {CallEffect::Blocks, "requests.sessions", "Session", "send", "requests.Session.send", kHttp},
    {CallEffect::Blocks, "httpx._api", "", "request", "httpx.request", kHttp},
    {CallEffect::Blocks, "httpx._api", "", "get", "httpx.get", kHttp},
    {CallEffect::Blocks, "httpx._api", "", "post", "httpx.post", kHttp},
    {CallEffect::Blocks, "httpx._api", "", "put", "httpx.put", kHttp},
    {CallEffect::Blocks, "httpx._api", "", "patch", "httpx.patch", kHttp},
    {CallEffect::Blocks, "httpx._api", "", "delete", "httpx.delete", kHttp},
    {CallEffect::Blocks, "httpx._api", "", "head", "httpx.head", kHttp},
    {CallEffect::Blocks, "httpx._api", "", "options", "httpx.options", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "request", "httpx.Client.request", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "send", "httpx.Client.send", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "get", "httpx.Client.get", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "post", "httpx.Client.post", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "put", "httpx.Client.put", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "patch", "httpx.Client.patch", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "delete", "httpx.Client.delete", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "head", "httpx.Client.head", kHttp},
    {CallEffect::Blocks, "httpx._client", "Client", "options", "httpx.Client.options", kHttp},
    // Running an event loop.
    {CallEffect::RunsLoop, "asyncio.runners", "", "run", "asyncio.run", kRunsLoop},
    {CallEffect::RunsLoop, "asyncio.runners", "Runner", "run", "asyncio.Runner.run", kRunsLoop},
    {CallEffect::RunsLoop, "asyncio.events", "AbstractEventLoop", "run_until_complete", "loop.run_until_complete",
     kRunsLoop},
    {CallEffect::RunsLoop, "asyncio.events", "AbstractEventLoop", "run_forever", "loop.run_forever", kRunsLoop},
    // Asking for the loop.
    {CallEffect::GetEventLoop, "_asyncio|asyncio.events", "", "get_event_loop", "asyncio.get_event_loop",
     "use `asyncio.get_running_loop()`"},
    // Asking whether a loop runs.
    {CallEffect::ChecksLoop, "_asyncio|asyncio.events", "", "get_running_loop", "asyncio.get_running_loop", ""},
    {CallEffect::ChecksLoop, "_asyncio|asyncio.events", "", "_get_running_loop", "asyncio._get_running_loop", ""},
    {CallEffect::ChecksLoop, "asyncio.events", "AbstractEventLoop", "is_running", "loop.is_running", ""},
    {CallEffect::SetsEventLoop, "asyncio.events", "", "set_event_loop", "asyncio.set_event_loop", ""},
};

constexpr const char* kCoroutineDropped = "calls it and drops the coroutine it returns";

const CallbackTaker kCallbackTakers[] = {
    {"asyncio.events", "AbstractEventLoop", "call_soon", "loop.call_soon", "callback", 0, kCoroutineDropped},
    {"asyncio.events", "AbstractEventLoop", "call_soon_threadsafe", "loop.call_soon_threadsafe", "callback", 0,
     kCoroutineDropped},
    {"asyncio.events", "AbstractEventLoop", "call_later", "loop.call_later", "callback", 1, kCoroutineDropped},
    {"asyncio.events", "AbstractEventLoop", "call_at", "loop.call_at", "callback", 1, kCoroutineDropped},
    {"asyncio.events", "AbstractEventLoop", "add_signal_handler", "loop.add_signal_handler", "callback", 1,
     kCoroutineDropped},
    {"asyncio.events", "AbstractEventLoop", "add_reader", "loop.add_reader", "callback", 1, kCoroutineDropped},
    {"asyncio.events", "AbstractEventLoop", "add_writer", "loop.add_writer", "callback", 1, kCoroutineDropped},
    {"asyncio.events", "AbstractEventLoop", "run_in_executor", "loop.run_in_executor", "func", 1,
     "calls it in a worker thread, so the future's result is an un-awaited coroutine"},
    {"asyncio.threads", "", "to_thread", "asyncio.to_thread", "func", 0,
     "calls it in a worker thread, so the result is an un-awaited coroutine"},
    {"_asyncio|asyncio.futures", "Future", "add_done_callback", "Future.add_done_callback", "fn", 0,
     kCoroutineDropped},
    {"concurrent.futures._base", "Future", "add_done_callback", "Future.add_done_callback", "fn", 0,
     kCoroutineDropped},
    {"threading", "Thread", "__init__", "threading.Thread", "target", 1, "calls it in the new thread and drops the coroutine it returns"},
    {"threading", "Timer", "__init__", "threading.Timer", "function", 1, "calls it in the new thread and drops the coroutine it returns"},
    {"atexit", "", "register", "atexit.register", "func", 0, "calls it at exit and drops the coroutine it returns"},
    {"signal", "", "signal", "signal.signal", "handler", 1, "calls it on the signal and drops the coroutine it returns"},
    {"concurrent.futures._base", "Executor", "submit", "Executor.submit", "fn", 0,
     "calls it in a worker, so the future's result is an un-awaited coroutine"},
    {"concurrent.futures._base", "Executor", "map", "Executor.map", "fn", 0,
     "calls it in a worker, so the results are un-awaited coroutines"},
    {"anyio.to_thread", "", "run_sync", "anyio.to_thread.run_sync", "func", 0,
     "calls it in a worker thread, so the result is an un-awaited coroutine"},
};

bool InModules(llvm::StringRef modules, llvm::StringRef module) {
  llvm::SmallVector<llvm::StringRef, 2> parts;
  modules.split(parts, '|');
  for (llvm::StringRef m : parts) {
    if (m == module) return true;
  }
  return false;
}

// Whether `file` is the stub of one of `modules`.
bool FileOfModules(Program& program, FileId file, llvm::StringRef modules) {
  llvm::SmallVector<llvm::StringRef, 2> parts;
  modules.split(parts, '|');
  for (llvm::StringRef m : parts) {
    ModuleId id = program.resolver().Resolve(m.str());
    if (id.valid() && program.modules()[id].file == file) return true;
  }
  return false;
}

// Whether `cls` or a base of it is the class `name` of one of `modules`.
bool DerivesFrom(Program& program, ClassId cls, llvm::StringRef modules, llvm::StringRef name) {
  TypeStore& store = program.types();
  for (TypeId base : ResolvedClass(program, cls).mro) {
    if (store.kind(base) != TypeKind::Instance) continue;
    const ClassInfo& info = store.cls(store.ClassOf(base));
    if (info.name == name && InModules(modules, info.module)) return true;
  }
  return false;
}

// What a call's callee resolves to: a stub function (module-level), a stub method bound to an
// instance, or a class being constructed.
struct ResolvedCallee {
  const FunctionInfo* function = nullptr;
  ClassId receiver;     // the instance's class, for a bound method
  ClassId constructed;  // the class, for a constructor call
};

std::optional<ResolvedCallee> Resolve(Program& program, TypeId callee) {
  TypeStore& store = program.types();
  ResolvedCallee r;
  if (store.kind(callee) == TypeKind::ClassLiteral) {
    r.constructed = store.ClassOf(callee);
    return r;
  }
  if (store.kind(callee) == TypeKind::BoundMethod) {
    TypeId self = BoundMethodTypeView{store, callee}.self();
    if (store.kind(self) != TypeKind::Instance) return std::nullopt;
    r.receiver = store.ClassOf(self);
    callee = BoundMethodTypeView{store, callee}.function();
  }
  if (store.kind(callee) == TypeKind::Overloaded) {
    auto overloads = OverloadedTypeView{store, callee}.overloads();
    if (overloads.empty()) return std::nullopt;
    callee = overloads.front();
  }
  if (store.kind(callee) != TypeKind::Function) return std::nullopt;
  r.function = &store.function(FunctionTypeView{store, callee}.function());
  // Only what the stubs and installed packages declare: a user's own override of `recv` may well
  // not block.
  if (!r.function->file.valid()) return std::nullopt;
  if (!program.source(r.function->file).is_stub() && !IsInstalledSource(program, r.function->file)) {
    return std::nullopt;
  }
  return r;
}

bool Matches(Program& program, const ResolvedCallee& callee, llvm::StringRef modules, llvm::StringRef cls,
             llvm::StringRef name) {
  if (name == "__init__") {
    return callee.constructed.valid() && DerivesFrom(program, callee.constructed, modules, cls);
  }
  if (callee.function == nullptr || callee.function->name != name) return false;
  if (cls.empty()) {
    return !callee.receiver.valid() && !callee.function->owner.valid() &&
           FileOfModules(program, callee.function->file, modules);
  }
  return callee.receiver.valid() && DerivesFrom(program, callee.receiver, modules, cls);
}

// The argument bound to the parameter `keyword` / position `pos` (after the receiver). `unsure`
// is set when `*args` / `**kwargs` may bind it.
NodeId FindArgument(const Ast& ast, NodeId call, const char* keyword, int pos, bool* unsure) {
  int index = 0;
  NodeId found;
  for (NodeId arg : CallView{ast, call}.args()) {
    if (!arg.valid()) continue;
    switch (ast.kind(arg)) {
      case NodeKind::Starred: *unsure = true; break;
      case NodeKind::Keyword:
        if (KeywordView{ast, arg}.is_double_star()) {
          *unsure = true;
        } else if (keyword != nullptr && ast.str(arg) == keyword) {
          found = KeywordView{ast, arg}.value();
        }
        break;
      default:
        if (index++ == pos && pos >= 0) found = arg;
    }
  }
  return found;
}

// Whether the arguments make the call non-blocking (or may: precision first).
bool NonBlockingForm(FileInference& inference, NodeId call, const BlockingCallee& row) {
  const Ast& ast = inference.ast();
  TypeStore& store = inference.program().types();
  bool unsure = false;
  if (row.flag != nullptr) {
    NodeId flag = FindArgument(ast, call, row.flag, row.flag_pos, &unsure);
    if (flag.valid()) {
      TypeId t = inference.ExprType(flag);
      if (!(store.kind(t) == TypeKind::BoolLiteral && BoolLiteralTypeView{store, t}.value())) return true;
    }
  }
  if (row.timeout != nullptr) {
    NodeId timeout = FindArgument(ast, call, row.timeout, row.timeout_pos, &unsure);
    if (timeout.valid()) {
      // `timeout=None` waits for ever; a positive number still blocks for that long. Anything
      // else (0, a variable) may not block.
      TypeId t = inference.ExprType(timeout);
      bool blocks = store.kind(t) == TypeKind::NoneType ||
                    (store.kind(t) == TypeKind::IntLiteral && IntLiteralTypeView{store, t}.value() > 0);
      if (!blocks && ast.kind(timeout) == NodeKind::FloatLiteral) {
        TextRange r = ast.range(timeout);
        const std::string& text = inference.program().source(inference.file()).text();
        blocks = std::strtod(text.substr(r.start, r.end - r.start).c_str(), nullptr) > 0;
      }
      if (!blocks) return true;
    }
  }
  return unsure && (row.flag != nullptr || row.timeout != nullptr);
}

}  // namespace

const BlockingCallee& BlockingCalleeAt(int index) { return kBlocking[index]; }

int BlockingCalleeCount() { return static_cast<int>(std::size(kBlocking)); }

llvm::ArrayRef<CallbackTaker> CallbackTakers() { return kCallbackTakers; }

int MatchBlockingCall(FileInference& inference, NodeId call) {
  const Ast& ast = inference.ast();
  if (ast.kind(call) != NodeKind::Call) return -1;
  Program& program = inference.program();
  std::optional<ResolvedCallee> callee = Resolve(program, inference.ExprType(CallView{ast, call}.func()));
  if (!callee || callee->function == nullptr) return -1;
  for (size_t i = 0; i < std::size(kBlocking); ++i) {
    const BlockingCallee& row = kBlocking[i];
    if (callee->function->name != row.name) continue;
    if (!Matches(program, *callee, row.module, row.cls, row.name)) continue;
    if (NonBlockingForm(inference, call, row)) return -1;
    return static_cast<int>(i);
  }
  return -1;
}

std::optional<CallbackArgument> MatchCallbackCall(FileInference& inference, NodeId call) {
  const Ast& ast = inference.ast();
  if (ast.kind(call) != NodeKind::Call) return std::nullopt;
  Program& program = inference.program();
  TypeStore& store = program.types();
  TypeId callee_type = inference.ExprType(CallView{ast, call}.func());
  const TypeKind kind = store.kind(callee_type);
  if (kind != TypeKind::ClassLiteral && kind != TypeKind::BoundMethod && kind != TypeKind::Function &&
      kind != TypeKind::Overloaded) {
    return std::nullopt;
  }
  std::optional<ResolvedCallee> callee = Resolve(program, callee_type);
  if (!callee) return std::nullopt;
  for (const CallbackTaker& row : kCallbackTakers) {
    llvm::StringRef name = row.name;
    if (name == "__init__" ? !callee->constructed.valid()
                           : callee->function == nullptr || callee->function->name != name) {
      continue;
    }
    if (!Matches(program, *callee, row.module, row.cls, row.name)) continue;
    bool unsure = false;
    NodeId argument = FindArgument(ast, call, row.param, row.pos, &unsure);
    if (!argument.valid()) return std::nullopt;
    return CallbackArgument{&row, argument};
  }
  return std::nullopt;
}

}  // namespace asynctype
