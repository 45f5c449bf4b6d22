#include "checker/check/asyncio_call_checks.h"

#include <string>

#include "checker/database/program.h"
#include "checker/infer/asyncio_call_hints.h"
#include "checker/infer/file_inference.h"

namespace asynctype {

void CheckAsyncioCall(FileInference& inference, NodeId call) {
  const Ast& ast = inference.ast();
  if (!call.valid() || ast.kind(call) != NodeKind::Call) return;
  Program& program = inference.program();
  if (program.options().python_version < PythonVersion{3, 11}) return;
  // By the callee's identity (aliases included); only functions named `wait` are looked up.
  if (AsyncioCallee(inference, call) != "wait") return;
  auto args = CallView{ast, call}.args();
  if (args.empty()) return;
  NodeId first = args.front();
  if (ast.kind(first) == NodeKind::Keyword || ast.kind(first) == NodeKind::Starred) return;
  TypeId type = inference.ExprType(first);
  if (!IsIterableOfCoroutines(program, type, nullptr)) return;
  Diagnostic d = MakeDiagnostic(Rule::InvalidArgumentType, inference.file(), ast.range(first),
                                "Argument to function `wait` is incorrect");
  d.primary_message = "Expected an iterable of tasks or futures, found `" + inference.Display(type) + "`";
  for (std::string& hint : AsyncioCallHints(inference, call)) d.infos.push_back(std::move(hint));
  inference.Report(std::move(d));
}

}  // namespace asynctype
