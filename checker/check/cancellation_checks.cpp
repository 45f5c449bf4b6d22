#include "checker/check/cancellation_checks.h"

#include <string>
#include <vector>

#include "checker/check/await_points.h"
#include "checker/database/program.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

bool IsClassNamed(const ClassInfo& cls, llvm::StringRef module_prefix, llvm::StringRef name) {
  return cls.name == name && llvm::StringRef(cls.module).startswith(module_prefix);
}

// An instance of `asyncio.Future` (a `Task` included) or of a subclass.
bool IsAsyncioFuture(Program& program, TypeId type) {
  TypeStore& store = program.types();
  if (!type.valid() || store.kind(type) != TypeKind::Instance) return false;
  for (TypeId base : ResolvedClass(program, store.ClassOf(type)).mro) {
    if (store.kind(base) != TypeKind::Instance) continue;
    const ClassInfo& cls = store.cls(store.ClassOf(base));
    if (IsClassNamed(cls, "asyncio", "Future") || IsClassNamed(cls, "_asyncio", "Future")) return true;
  }
  return false;
}

class CancellationChecker {
 public:
  explicit CancellationChecker(FileInference& inference)
      : inference_(inference), program_(inference.program()), ast_(inference.ast()) {}

  // `after`: whether an await point may run once the block completes normally (later in an
  // enclosing block, or in the next iteration of an enclosing loop).
  void Block(NodeId list, bool after) {
    if (!list.valid()) return;
    auto stmts = ast_.children(list);
    // later[i]: an await point follows statement i within this block (or after it).
    std::vector<bool> later(stmts.size(), after);
    for (size_t i = stmts.size(); i-- > 1;) later[i - 1] = later[i] || FirstAwaitPoint(ast_, stmts[i]).valid();
    for (size_t i = 0; i < stmts.size(); ++i) Statement(stmts[i], later[i]);
  }

 private:
  bool HasAwaitPoint(NodeId node) { return node.valid() && FirstAwaitPoint(ast_, node).valid(); }

  void Statement(NodeId stmt, bool after) {
    if (!stmt.valid()) return;
    switch (ast_.kind(stmt)) {
      case NodeKind::If: {
        IfView view{ast_, stmt};
        Block(view.body(), after);
        Block(view.orelse(), after);  // `elif`: a single If in orelse
        return;
      }
      case NodeKind::With: Block(WithView{ast_, stmt}.body(), after); return;
      case NodeKind::For: {
        ForView view{ast_, stmt};
        // The next iteration runs the loop's await points again.
        Block(view.body(), after || view.is_async() || HasAwaitPoint(view.iter()) || HasAwaitPoint(view.body()) ||
                               HasAwaitPoint(view.orelse()));
        Block(view.orelse(), after);
        return;
      }
      case NodeKind::While: {
        WhileView view{ast_, stmt};
        Block(view.body(), after || HasAwaitPoint(stmt));
        Block(view.orelse(), after);
        return;
      }
      case NodeKind::Match:
        for (NodeId c : MatchView{ast_, stmt}.cases()) {
          if (ast_.kind(c) == NodeKind::MatchCase) Block(MatchCaseView{ast_, c}.body(), after);
        }
        return;
      case NodeKind::Try: {
        TryView view{ast_, stmt};
        bool after_handlers = after || HasAwaitPoint(view.finalbody());
        Block(view.body(), after_handlers || HasAwaitPoint(view.orelse()));
        for (NodeId h : ast_.children(view.handlers())) {
          if (ast_.kind(h) == NodeKind::ExceptHandler) Block(ExceptHandlerView{ast_, h}.body(), after_handlers);
        }
        Block(view.orelse(), after_handlers);
        Block(view.finalbody(), after);
        if (!view.is_star()) CheckTry(stmt, after_handlers);
        return;
      }
      default: return;  // nested functions and classes: not this function's code
    }
  }

  // `after`: an await point may run after a handler that falls through.
  void CheckTry(NodeId try_stmt, bool after) {
    // Otherwise falling through the handler soon ends the task, as a `return` would.
    if (!after) return;
    TryView view{ast_, try_stmt};
    std::vector<NodeId> points;
    CollectAwaitPoints(view.body(), points);
    if (points.empty()) return;
    // The await point the cancellation certainly may arrive at: an `async for` / `async with`,
    // or an `await` of a known type that is not a future (a coroutine, most often).
    NodeId point = NodeId::None();
    for (NodeId p : points) {
      if (ast_.kind(p) == NodeKind::Await) {
        TypeId awaited = inference_.ExprType(AwaitView{ast_, p}.value());
        if (!FullyKnown(program_, awaited) || IsAsyncioFuture(program_, awaited)) continue;
      }
      point = p;
      break;
    }
    if (!point.valid()) return;
    if (Exits(view.finalbody(), {})) return;
    if (CallsCancel(view.body())) return;  // the body cancels (itself, a child): expected there
    for (NodeId h : ast_.children(view.handlers())) {
      if (ast_.kind(h) != NodeKind::ExceptHandler) continue;
      ExceptHandlerView handler{ast_, h};
      bool unknown = false;
      std::string what = Catches(handler.type(), &unknown);
      if (unknown) return;  // a dynamic exception type may catch it first
      if (what.empty()) continue;
      // The first handler that catches it is the one that runs.
      llvm::StringRef bound = handler.name().valid() ? ast_.str(handler.name()) : llvm::StringRef();
      bool names_cancellation = what == "`except asyncio.CancelledError`";
      if (!Exits(handler.body(), bound, names_cancellation)) Report(h, handler.type(), what, point);
      return;
    }
  }

  // What the handler's type catches of the cancellation, as the message names it; empty when it
  // does not catch it. `unknown`: the type is not known (it might catch it).
  std::string Catches(NodeId type, bool* unknown) {
    if (!type.valid()) return "bare `except:`";
    if (ast_.kind(type) == NodeKind::Tuple) {
      for (NodeId e : TupleView{ast_, type}.elts()) {
        std::string what = Catches(e, unknown);
        if (!what.empty()) return what;
      }
      return "";
    }
    TypeStore& store = program_.types();
    TypeId t = ast_.kind(type) == NodeKind::Error ? TypeId::None() : inference_.ExprType(type);
    if (!t.valid() || store.kind(t) != TypeKind::ClassLiteral) {
      *unknown = true;
      return "";
    }
    const ClassInfo& cls = store.cls(store.ClassOf(t));
    if (IsClassNamed(cls, "asyncio", "CancelledError")) return "`except asyncio.CancelledError`";
    if (IsClassNamed(cls, "builtins", "BaseException")) return "`except BaseException`";
    if (IsClassNamed(cls, "builtins", "Exception") && program_.options().python_version < PythonVersion{3, 8}) {
      return "`except Exception` (before Python 3.8, `CancelledError` derives from `Exception`)";
    }
    return "";
  }

  // Whether the block may leave other than by falling through, or handles the cancellation
  // deliberately: a `raise`, `return` or `break`, a call that never returns, a
  // `cancel()` / `uncancel()` / `cancelling()` call, a use of the caught exception `bound` (handed
  // on, to be re-raised later), or — in a handler that names `CancelledError` — an assignment (a
  // flag or state recorded for later: `cancelled = True`, then a `raise` after a retry loop),
  // anywhere in it (nested functions aside). A bare `except:` or `except BaseException` that only
  // counts or records (`self.errors += 1`) catches the cancellation by accident and is reported.
  bool Exits(NodeId block, llvm::StringRef bound, bool names_cancellation = false) {
    if (!block.valid()) return false;
    std::vector<NodeId> stack = {block};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (!n.valid()) continue;
      switch (ast_.kind(n)) {
        case NodeKind::FunctionDef:
        case NodeKind::ClassDef:
        case NodeKind::Lambda: continue;
        case NodeKind::Raise:
        case NodeKind::Return:
        case NodeKind::Break: return true;
        case NodeKind::Assign:
        case NodeKind::AugAssign:
        case NodeKind::AnnAssign:
        case NodeKind::NamedExpr:
          if (names_cancellation) return true;
          break;
        case NodeKind::Name:
          if (!bound.empty() && ast_.str(n) == bound) return true;
          break;
        case NodeKind::Call: {
          NodeId func = CallView{ast_, n}.func();
          if (ast_.kind(func) == NodeKind::Attribute) {
            llvm::StringRef name = ast_.str(AttributeView{ast_, func}.attr());
            if (name == "cancel" || name == "uncancel" || name == "cancelling") return true;
          }
          TypeId result = inference_.ExprType(n);
          if (result.valid() && program_.types().kind(result) == TypeKind::Never) return true;
          break;
        }
        default: break;
      }
      for (NodeId child : ast_.children(n)) stack.push_back(child);
    }
    return false;
  }

  // A `.cancel()` call in the block (nested functions aside).
  bool CallsCancel(NodeId block) {
    std::vector<NodeId> stack = {block};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (!n.valid()) continue;
      switch (ast_.kind(n)) {
        case NodeKind::FunctionDef:
        case NodeKind::ClassDef:
        case NodeKind::Lambda: continue;
        case NodeKind::Call: {
          NodeId func = CallView{ast_, n}.func();
          if (ast_.kind(func) == NodeKind::Attribute && ast_.str(AttributeView{ast_, func}.attr()) == "cancel") {
            return true;
          }
          break;
        }
        default: break;
      }
      for (NodeId child : ast_.children(n)) stack.push_back(child);
    }
    return false;
  }

  void CollectAwaitPoints(NodeId node, std::vector<NodeId>& points) {
    std::vector<NodeId> stack = {node};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (!n.valid()) continue;
      switch (ast_.kind(n)) {
        case NodeKind::FunctionDef:
        case NodeKind::ClassDef:
        case NodeKind::Lambda:
        case NodeKind::GeneratorExp: continue;
        default: break;
      }
      if (IsAwaitPoint(ast_, n)) points.push_back(n);
      auto children = ast_.children(n);
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
    }
  }

  void Report(NodeId handler, NodeId type, const std::string& what, NodeId point) {
    TextRange range = type.valid() ? ast_.range(type) : ast_.range(handler);
    if (!type.valid()) range.end = range.start + 6;  // `except`
    Diagnostic d = MakeDiagnostic(
        Rule::SwallowedCancellation, inference_.file(), range,
        "This " + what + " catches the task's cancellation and lets it go on: `cancel()` is ignored");
    d.secondary.push_back(Annotation{inference_.file(), ast_.range(point), "cancellation arrives here"});
    d.infos.push_back(
        "`task.cancel()` raises `asyncio.CancelledError` at the `await` where the task is suspended; this "
        "handler neither re-raises it nor returns, so the coroutine keeps running");
    d.infos.push_back(what.rfind("`except asyncio", 0) == 0
                          ? "Re-raise it (`raise`) after cleaning up, or return from the coroutine"
                          : "Re-raise it (`raise`) after cleaning up, or catch `Exception`, which does not catch "
                            "`CancelledError` (it derives from `BaseException` since Python 3.8)");
    inference_.Report(std::move(d));
  }

  FileInference& inference_;
  Program& program_;
  const Ast& ast_;
};

}  // namespace

void CheckSwallowedCancellation(FileInference& inference, NodeId function_def) {
  NodeId body = AsyncFunctionBody(inference.ast(), function_def);
  if (body.valid()) CancellationChecker(inference).Block(body, false);
}

}  // namespace asynctype
