#include "checker/check/blocking_checks.h"

#include <string>

#include "checker/database/program.h"
#include "checker/infer/blocking_summary.h"
#include "checker/infer/file_inference.h"
#include "llvm/ADT/DenseSet.h"

namespace asynctype {
namespace {

std::string Code(llvm::StringRef text) { return "`" + text.str() + "`"; }

std::string JoinChain(const std::vector<std::string>& chain) {
  std::string text;
  for (size_t i = 0; i < chain.size(); ++i) {
    if (i > 0) text += " \u2192 ";
    text += chain[i];
  }
  return text;
}

}  // namespace

void CheckCoroutineCalls(FileInference& inference, NodeId function_def) {
  const Ast& ast = inference.ast();
  FunctionDefView def{ast, function_def};
  if (!def.is_async() || !def.name().valid()) return;
  const std::string function = Code(ast.str(def.name()));
  // Calls reported as blocking: a method called on one (`open(p).read()`) is not reported again.
  llvm::DenseSet<uint32_t> blocking;
  ForEachOwnCall(inference, function_def, [&](NodeId call) {
    const TextRange range = ast.range(call);
    if (CallEffectFinding f = FindCallEffect(inference, function_def, call, CallEffect::Blocks); f.row >= 0) {
      blocking.insert(call.index());
      NodeId func = CallView{ast, call}.func();
      if (ast.kind(func) == NodeKind::Attribute) {
        NodeId receiver = AttributeView{ast, func}.value();
        if (receiver.valid() && blocking.contains(receiver.index())) return;
      }
      const BlockingCallee& row = BlockingCalleeAt(f.row);
      if (!f.helper.valid()) {
        Diagnostic d = MakeDiagnostic(Rule::BlockingCall, inference.file(), range,
                                      "Blocking call " + Code(row.shown) + " in async function " + function +
                                          ": it blocks the event loop");
        d.infos.push_back(std::string("While it waits, no other task runs; ") + row.fix);
        inference.Report(std::move(d));
      } else {
        const std::string helper = inference.program().types().function(f.helper).name;
        Diagnostic d = MakeDiagnostic(Rule::BlockingCall, inference.file(), range,
                                      "Call of " + Code(helper) + " in async function " + function +
                                          " blocks the event loop: " + JoinChain(f.chain));
        if (f.site_file.valid()) d.secondary.push_back({f.site_file, f.site, Code(row.shown) + " is called here"});
        d.infos.push_back(Code(row.shown) + " blocks the thread, so no other task runs meanwhile; " + row.fix);
        d.infos.push_back("Or run the helper in a worker thread: `await asyncio.to_thread(" + helper + ", ...)`");
        inference.Report(std::move(d));
      }
      return;
    }
    if (CallEffectFinding f = FindCallEffect(inference, function_def, call, CallEffect::RunsLoop); f.row >= 0) {
      const BlockingCallee& row = BlockingCalleeAt(f.row);
      std::string message =
          f.helper.valid()
              ? "Call of " + Code(inference.program().types().function(f.helper).name) + " in async function " +
                    function + " runs an event loop: " + JoinChain(f.chain)
              : Code(std::string(row.shown) + "()") + " called in async function " + function;
      message += ": it raises `RuntimeError` because an event loop is already running in this thread";
      Diagnostic d = MakeDiagnostic(Rule::NestedEventLoop, inference.file(), range, std::move(message));
      if (f.site_file.valid()) d.secondary.push_back({f.site_file, f.site, Code(row.shown) + " is called here"});
      d.infos.push_back(row.fix);
      inference.Report(std::move(d));
      return;
    }
    if (CallEffectFinding f = FindCallEffect(inference, function_def, call, CallEffect::GetEventLoop); f.row >= 0) {
      Diagnostic d = MakeDiagnostic(Rule::GetEventLoopInCoroutine, inference.file(), range,
                                    "`asyncio.get_event_loop()` in async function " + function +
                                        ": use `asyncio.get_running_loop()`");
      d.infos.push_back(
          "In a coroutine both return the running loop, but `get_event_loop()` falls back to the event loop "
          "policy's loop where none runs (a `DeprecationWarning` on Python 3.12 and 3.13, a `RuntimeError` from "
          "3.14); `get_running_loop()` says what it means");
      inference.Report(std::move(d));
    }
  });
}

}  // namespace asynctype
