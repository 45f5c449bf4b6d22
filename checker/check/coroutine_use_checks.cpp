#include "checker/check/coroutine_use_checks.h"

#include <string>

#include "checker/check/async_checks.h"
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

std::string Code(const std::string& text) { return "`" + text + "`"; }

const char kForgot[] = "The coroutine never runs unless it is awaited: did you forget `await`?";

// A coroutine made here: a call, or a value of type `types.CoroutineType` (what calling an
// `async def` gives). A value declared `Coroutine[...]` (a parameter, `self._coro`) is often
// formatted on purpose: to name or `repr` a coroutine that is stored for later.
bool MadeHere(FileInference& inference, NodeId operand) {
  if (inference.ast().kind(operand) == NodeKind::Call) return true;
  Program& program = inference.program();
  TypeStore& store = program.types();
  TypeId type = inference.ExprType(operand);
  return store.kind(type) == TypeKind::Instance &&
         store.ClassOf(type) == GetKnownClass(program, KnownClass::CoroutineType);
}

void ReportFormatted(FileInference& inference, NodeId operand) {
  if (!IsCertainCoroutine(inference, operand) || !MadeHere(inference, operand)) return;
  Diagnostic d = MakeDiagnostic(Rule::FormattedCoroutine, inference.file(), inference.ast().range(operand),
                                "Coroutine object of type " + Code(inference.Display(inference.ExprType(operand))) +
                                    " is formatted as text: it reads `<coroutine object ...>`, not its result");
  d.infos.push_back(kForgot);
  inference.Report(std::move(d));
}

// A truth-tested operand: an `and` / `or` reports its last operand here (its other operands are
// tested by the BoolOp itself), `not x` by the UnaryOp.
void TruthTest(FileInference& inference, NodeId operand) {
  const Ast& ast = inference.ast();
  while (operand.valid() && ast.kind(operand) == NodeKind::BoolOp) operand = BoolOpView{ast, operand}.right();
  if (!operand.valid() || ast.kind(operand) == NodeKind::UnaryOp) return;
  if (!IsCertainCoroutine(inference, operand)) return;
  Diagnostic d = MakeDiagnostic(Rule::TruthyCoroutine, inference.file(), ast.range(operand),
                                "Coroutine object of type " + Code(inference.Display(inference.ExprType(operand))) +
                                    " used as a condition is always true");
  d.infos.push_back(kForgot);
  inference.Report(std::move(d));
}

// The function a callee type calls (a bound method's function, an overloaded function's first
// overload), or null.
const FunctionInfo* CalleeFunction(TypeStore& store, TypeId callee) {
  if (store.kind(callee) == TypeKind::BoundMethod) callee = BoundMethodTypeView{store, callee}.function();
  if (store.kind(callee) == TypeKind::Overloaded) {
    auto overloads = OverloadedTypeView{store, callee}.overloads();
    if (overloads.empty()) return nullptr;
    callee = overloads.front();
    if (store.kind(callee) == TypeKind::BoundMethod) callee = BoundMethodTypeView{store, callee}.function();
  }
  if (store.kind(callee) != TypeKind::Function) return nullptr;
  return &store.function(FunctionTypeView{store, callee}.function());
}

bool FromModule(Program& program, FileId file, llvm::StringRef module) {
  ModuleId id = program.resolver().Resolve(module.str());
  return id.valid() && program.modules()[id].file.valid() && program.modules()[id].file == file;
}

bool IsStr(Program& program, TypeId type) {
  TypeStore& store = program.types();
  if (store.kind(type) == TypeKind::StringLiteral) return true;
  return store.kind(type) == TypeKind::Instance && store.ClassOf(type) == GetKnownClass(program, KnownClass::Str);
}

bool IsLoggingName(llvm::StringRef name) {
  return name == "debug" || name == "info" || name == "warning" || name == "warn" || name == "error" ||
         name == "exception" || name == "critical" || name == "fatal" || name == "log";
}

// Which arguments of this call are formatted: `str(x)`, `print(...)`, `"{}".format(...)`,
// `logger.info("%s", x)`.
void CheckFormattingCall(FileInference& inference, NodeId call) {
  const Ast& ast = inference.ast();
  Program& program = inference.program();
  TypeStore& store = program.types();
  CallView view{ast, call};
  TypeId callee = inference.ExprType(view.func());
  bool formats = false;
  bool logging_call = false;
  if (store.kind(callee) == TypeKind::ClassLiteral) {
    formats = store.ClassOf(callee) == GetKnownClass(program, KnownClass::Str) && view.args().size() == 1;
  } else if (const FunctionInfo* fn = CalleeFunction(store, callee)) {
    if (!fn->owner.valid()) {
      // (`repr()` / `ascii()` are how a coroutine is shown on purpose: not reported.)
      if (fn->name == "print" || fn->name == "format") {
        formats = FromModule(program, fn->file, "builtins");
      } else if (IsLoggingName(fn->name)) {
        formats = FromModule(program, fn->file, "logging");
      }
    } else if (fn->name == "format") {
      formats = ast.kind(view.func()) == NodeKind::Attribute && IsStr(program, inference.ExprType(AttributeView{ast, view.func()}.value()));
    } else if (IsLoggingName(fn->name)) {
      const ClassInfo& owner = ResolvedClass(program, fn->owner);
      formats = owner.module == "logging" && (owner.name == "Logger" || owner.name == "LoggerAdapter");
    }
    // A log line may name a coroutine held in a variable on purpose (`log.debug("scheduling
    // %r", coro)`): only a coroutine made by the call itself (`log.info("%s", fetch())`) is
    // reported there.
    if (formats && IsLoggingName(fn->name)) logging_call = true;
  }
  if (!formats) return;
  for (NodeId arg : view.args()) {
    if (!arg.valid()) continue;
    if (ast.kind(arg) == NodeKind::Keyword) {
      if (KeywordView{ast, arg}.is_double_star()) continue;
      // `print(x, sep=...)`, `logger.info(..., exc_info=...)`: keywords are options (but
      // `"{x}".format(x=coro)` formats them).
      if (ast.kind(view.func()) == NodeKind::Attribute && ast.str(AttributeView{ast, view.func()}.attr()) == "format") {
        ReportFormatted(inference, KeywordView{ast, arg}.value());
      }
      continue;
    }
    if (ast.kind(arg) == NodeKind::Starred) continue;
    if (logging_call && ast.kind(arg) != NodeKind::Call) continue;
    ReportFormatted(inference, arg);
  }
}

}  // namespace

void CheckCoroutineValueUse(FileInference& inference, NodeId expr) {
  const Ast& ast = inference.ast();
  switch (ast.kind(expr)) {
    case NodeKind::FormattedValue:
      // `{coro!r}` shows the coroutine on purpose.
      if (ast.node(expr).data != 'r' && ast.node(expr).data != 'a') {
        ReportFormatted(inference, FormattedValueView{ast, expr}.value());
      }
      return;
    case NodeKind::Call: CheckFormattingCall(inference, expr); return;
    case NodeKind::BinOp: {
      if (static_cast<BinaryOp>(ast.node(expr).data) != BinaryOp::Mod) return;
      BinOpView op{ast, expr};
      if (!IsStr(inference.program(), inference.ExprType(op.left()))) return;
      if (ast.kind(op.right()) == NodeKind::Tuple) {
        for (NodeId e : ast.children(op.right())) ReportFormatted(inference, e);
      } else {
        ReportFormatted(inference, op.right());
      }
      return;
    }
    case NodeKind::BoolOp: TruthTest(inference, BoolOpView{ast, expr}.left()); return;
    case NodeKind::UnaryOp:
      if (static_cast<UnaryOperator>(ast.node(expr).data) == UnaryOperator::Not) {
        TruthTest(inference, UnaryOpView{ast, expr}.operand());
      }
      return;
    case NodeKind::IfExp: TruthTest(inference, IfExpView{ast, expr}.test()); return;
    case NodeKind::Comprehension:
      for (NodeId test : ComprehensionView{ast, expr}.ifs()) TruthTest(inference, test);
      return;
    default: return;
  }
}

void CheckCoroutineCondition(FileInference& inference, NodeId statement) {
  const Ast& ast = inference.ast();
  switch (ast.kind(statement)) {
    case NodeKind::If: TruthTest(inference, IfView{ast, statement}.test()); return;
    case NodeKind::While: TruthTest(inference, WhileView{ast, statement}.test()); return;
    case NodeKind::Assert: TruthTest(inference, AssertView{ast, statement}.test()); return;
    default: return;
  }
}

}  // namespace asynctype
