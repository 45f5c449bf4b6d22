#include "checker/check/event_loop_checks.h"

#include <string>
#include <vector>

#include "checker/database/program.h"
#include "checker/infer/blocking_calls.h"
#include "checker/infer/file_inference.h"

namespace asynctype {
namespace {

std::string Code(llvm::StringRef text) { return "`" + text.str() + "`"; }

// The `async def` (not an async generator) a callback argument's type is, or null.
const FunctionInfo* AsyncFunction(TypeStore& store, TypeId type) {
  if (store.kind(type) == TypeKind::BoundMethod) type = BoundMethodTypeView{store, type}.function();
  if (store.kind(type) != TypeKind::Function) return nullptr;
  const FunctionInfo& info = store.function(FunctionTypeView{store, type}.function());
  return info.is_async && !info.is_generator ? &info : nullptr;
}

void CheckAsyncCallback(FileInference& inference, NodeId call) {
  std::optional<CallbackArgument> callback = MatchCallbackCall(inference, call);
  if (!callback) return;
  TypeStore& store = inference.program().types();
  const FunctionInfo* fn = AsyncFunction(store, inference.ExprType(callback->argument));
  if (fn == nullptr) return;
  const CallbackTaker& taker = *callback->taker;
  Diagnostic d = MakeDiagnostic(Rule::AsyncCallback, inference.file(), inference.ast().range(callback->argument),
                                "The coroutine returned by " + Code(fn->name) + " is never awaited: " +
                                    Code(taker.shown) + " " + taker.what);
  d.infos.push_back(Code(fn->name) + " is an `async def`: calling it only creates a coroutine object");
  if (llvm::StringRef(taker.what).contains("worker")) {
    // A thread pool for an `async def`: it needs no thread.
    d.infos.push_back("It is already asynchronous: `await " + fn->name + "(...)` instead of running it in a thread");
  } else {
    d.infos.push_back("Schedule it instead: `lambda: asyncio.create_task(" + fn->name +
                      "())` on the loop's thread, `asyncio.run_coroutine_threadsafe(" + fn->name +
                      "(), loop)` from another thread, or `asyncio.run(" + fn->name + "())` in a new thread");
  }
  inference.Report(std::move(d));
}

// Whether a module-level call of `asyncio.set_event_loop(...)` comes before `call` (then a loop
// may well be set; only the top level is looked at, where the order is the source order).
bool SetsEventLoopBefore(FileInference& inference, NodeId call) {
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  const uint32_t before = ast.range(call).start;
  std::vector<NodeId> stack;
  for (NodeId stmt : ast.children(ast.root())) {
    if (stmt.valid() && ast.range(stmt).start < before) stack.push_back(stmt);
  }
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (!n.valid() || ast.range(n).start >= before) continue;
    const NodeKind kind = ast.kind(n);
    if (kind == NodeKind::FunctionDef || kind == NodeKind::ClassDef || kind == NodeKind::Lambda) continue;
    if (kind == NodeKind::Call && index.ScopeOf(n).valid() &&
        index.scope(index.ScopeOf(n)).kind == ScopeKind::Module) {
      int row = MatchBlockingCall(inference, n);
      if (row >= 0 && BlockingCalleeAt(row).effect == CallEffect::SetsEventLoop) return true;
    }
    for (NodeId child : ast.children(n)) stack.push_back(child);
  }
  return false;
}

void CheckModuleLevelGetEventLoop(FileInference& inference, NodeId call) {
  const ProgramOptions& options = inference.program().options();
  if (options.python_version < PythonVersion{3, 12}) return;
  const SemanticIndex& index = inference.index();
  ScopeId scope = index.ScopeOf(call);
  if (!scope.valid() || index.scope(scope).kind != ScopeKind::Module) return;
  int row = MatchBlockingCall(inference, call);
  if (row < 0 || BlockingCalleeAt(row).effect != CallEffect::GetEventLoop) return;
  if (SetsEventLoopBefore(inference, call)) return;
  const bool raises = options.python_version >= PythonVersion{3, 14};
  Diagnostic d = MakeDiagnostic(
      Rule::DeprecatedGetEventLoop, inference.file(), inference.ast().range(call),
      raises ? "`asyncio.get_event_loop()` in module-level code raises `RuntimeError` on Python " +
                   options.python_version.ToString() + ": no event loop is set yet"
             : "`asyncio.get_event_loop()` in module-level code is deprecated on Python " +
                   options.python_version.ToString() +
                   ": with no event loop set it emits a `DeprecationWarning` (a `RuntimeError` from 3.14)");
  d.infos.push_back(
      "Run the program with `asyncio.run(main())` and call `asyncio.get_running_loop()` inside it, or create the "
      "loop explicitly: `loop = asyncio.new_event_loop()` then `asyncio.set_event_loop(loop)`");
  inference.Report(std::move(d));
}

}  // namespace

void CheckEventLoopCall(FileInference& inference, NodeId call) {
  CheckAsyncCallback(inference, call);
  CheckModuleLevelGetEventLoop(inference, call);
}

}  // namespace asynctype
