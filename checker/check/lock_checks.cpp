#include "checker/check/lock_checks.h"

#include <optional>
#include <string>
#include <vector>

#include "checker/check/await_points.h"
#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

// The user-facing name of the `threading` lock class an instance type is (or derives from), or
// None. typeshed declares `threading.Lock` as `_thread.LockType` (`_thread.lock` in newer
// stubs) and `threading.RLock` as `_thread.RLock` (the Python version as `threading._RLock`).
std::optional<std::string> ThreadingLockName(Program& program, TypeId type) {
  TypeStore& store = program.types();
  if (!type.valid() || store.kind(type) != TypeKind::Instance) return std::nullopt;
  const ClassInfo& info = ResolvedClass(program, store.ClassOf(type));
  for (TypeId base : info.mro) {
    if (store.kind(base) != TypeKind::Instance) continue;
    const ClassInfo& cls = store.cls(store.ClassOf(base));
    llvm::StringRef module = cls.module, name = cls.name;
    if (module == "_thread") {
      if (name == "LockType" || name == "lock") return std::string("threading.Lock");
      if (name == "RLock") return std::string("threading.RLock");
    } else if (module == "threading") {
      if (name == "_RLock") return std::string("threading.RLock");
      if (name == "Semaphore" || name == "BoundedSemaphore" || name == "Condition" || name == "Lock" ||
          name == "RLock") {
        return "threading." + name.str();
      }
    }
  }
  return std::nullopt;
}

// `a` and `b` name the same thing: the same name, or the same attribute chain on it.
bool SameReference(const Ast& ast, NodeId a, NodeId b) {
  if (!a.valid() || !b.valid() || ast.kind(a) != ast.kind(b)) return false;
  if (ast.kind(a) == NodeKind::Name) return ast.str(a) == ast.str(b);
  if (ast.kind(a) == NodeKind::Attribute) {
    AttributeView x{ast, a}, y{ast, b};
    return ast.str(x.attr()) == ast.str(y.attr()) && SameReference(ast, x.value(), y.value());
  }
  return false;
}

// `self._lock` for a name or an attribute chain; empty for other expressions.
std::string ReferenceText(const Ast& ast, NodeId expr) {
  if (ast.kind(expr) == NodeKind::Name) return ast.str(expr).str();
  if (ast.kind(expr) == NodeKind::Attribute) {
    AttributeView view{ast, expr};
    std::string base = ReferenceText(ast, view.value());
    if (base.empty()) return "";
    return base + "." + ast.str(view.attr()).str();
  }
  return "";
}

const char* AwaitPointText(const Ast& ast, NodeId point) {
  switch (ast.kind(point)) {
    case NodeKind::For:
    case NodeKind::Comprehension: return "async for";
    case NodeKind::With: return "async with";
    default: return "await";
  }
}

class LockChecker {
 public:
  explicit LockChecker(FileInference& inference) : inference_(inference), ast_(inference.ast()) {}

  void Run(NodeId body) {
    std::vector<NodeId> stack = {body};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (!n.valid()) continue;
      switch (ast_.kind(n)) {
        case NodeKind::FunctionDef:
        case NodeKind::ClassDef:
        case NodeKind::Lambda: continue;
        case NodeKind::With: CheckWith(n); break;
        case NodeKind::List: CheckBlock(n); break;
        default: break;
      }
      for (NodeId child : ast_.children(n)) stack.push_back(child);
    }
  }

 private:
  void CheckWith(NodeId with) {
    WithView view{ast_, with};
    if (view.is_async() || !view.items().valid()) return;
    auto items = ast_.children(view.items());
    for (size_t i = 0; i < items.size(); ++i) {
      if (ast_.kind(items[i]) != NodeKind::WithItem) continue;
      NodeId lock = WithItemView{ast_, items[i]}.context_expr();
      std::optional<std::string> name = LockName(lock);
      if (!name) continue;
      // The later items of the same statement are entered with the lock held.
      NodeId point = NodeId::None();
      for (size_t j = i + 1; j < items.size() && !point.valid(); ++j) point = FirstAwaitPoint(ast_, items[j]);
      if (!point.valid()) point = FirstAwaitPoint(ast_, view.body());
      if (point.valid()) Report(lock, lock, *name, point, "with");
      return;  // one report per statement
    }
  }

  // `lock.acquire()` statements of a block, and what runs before the matching release.
  void CheckBlock(NodeId list) {
    auto stmts = ast_.children(list);
    for (size_t i = 0; i < stmts.size(); ++i) {
      NodeId receiver = LockMethodCall(stmts[i], "acquire");
      if (!receiver.valid()) continue;
      std::optional<std::string> name = LockName(receiver);
      if (!name) continue;
      for (size_t j = i + 1; j < stmts.size(); ++j) {
        NodeId stmt = stmts[j];
        if (SameReference(ast_, LockMethodCall(stmt, "release"), receiver)) break;
        if (ast_.kind(stmt) == NodeKind::Try && ReleasesInFinally(stmt, receiver)) {
          TryView view{ast_, stmt};
          NodeId point = FirstAwaitPoint(ast_, view.body());
          if (!point.valid()) point = FirstAwaitPoint(ast_, view.handlers());
          if (!point.valid()) point = FirstAwaitPoint(ast_, view.orelse());
          if (point.valid()) Report(stmts[i], receiver, *name, point, "acquire");
          break;
        }
        // A release somewhere inside (in a branch, a handler): the structure is not simple.
        if (ContainsRelease(stmt, receiver)) break;
        NodeId point = FirstAwaitPoint(ast_, stmt);
        if (point.valid()) {
          Report(stmts[i], receiver, *name, point, "acquire");
          break;
        }
        if (!Continues(stmt)) break;
      }
    }
  }

  // Whether the statement after `stmt` runs when `stmt` completes: not after a `return`,
  // `raise`, `break` or `continue`.
  bool Continues(NodeId stmt) {
    switch (ast_.kind(stmt)) {
      case NodeKind::Return:
      case NodeKind::Raise:
      case NodeKind::Break:
      case NodeKind::Continue: return false;
      default: return true;
    }
  }

  // The receiver of `receiver.method()` as an expression statement, or None.
  NodeId LockMethodCall(NodeId stmt, llvm::StringRef method) {
    if (!stmt.valid() || ast_.kind(stmt) != NodeKind::ExprStmt) return NodeId::None();
    NodeId call = ExprStmtView{ast_, stmt}.value();
    if (ast_.kind(call) != NodeKind::Call) return NodeId::None();
    NodeId func = CallView{ast_, call}.func();
    if (ast_.kind(func) != NodeKind::Attribute) return NodeId::None();
    AttributeView attr{ast_, func};
    if (ast_.str(attr.attr()) != method) return NodeId::None();
    return attr.value();
  }

  bool ReleasesInFinally(NodeId try_stmt, NodeId receiver) {
    NodeId finalbody = TryView{ast_, try_stmt}.finalbody();
    if (!finalbody.valid()) return false;
    for (NodeId stmt : ast_.children(finalbody)) {
      if (SameReference(ast_, LockMethodCall(stmt, "release"), receiver)) return true;
    }
    return false;
  }

  bool ContainsRelease(NodeId stmt, NodeId receiver) {
    std::vector<NodeId> stack = {stmt};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (!n.valid()) continue;
      if (ast_.kind(n) == NodeKind::Call) {
        NodeId func = CallView{ast_, n}.func();
        if (ast_.kind(func) == NodeKind::Attribute && ast_.str(AttributeView{ast_, func}.attr()) == "release" &&
            SameReference(ast_, AttributeView{ast_, func}.value(), receiver)) {
          return true;
        }
      }
      for (NodeId child : ast_.children(n)) stack.push_back(child);
    }
    return false;
  }

  std::optional<std::string> LockName(NodeId expr) {
    if (!expr.valid() || ast_.kind(expr) == NodeKind::Error) return std::nullopt;
    return ThreadingLockName(inference_.program(), inference_.ExprType(expr));
  }

  void Report(NodeId at, NodeId lock, const std::string& lock_class, NodeId point, const char* how) {
    std::string text = ReferenceText(ast_, lock);
    std::string point_text = AwaitPointText(ast_, point);
    std::string message = "`" + lock_class + "`" + (text.empty() ? "" : " `" + text + "`") +
                          " is held across `" + point_text +
                          "`: another task acquiring it blocks the event loop thread (deadlock)";
    Diagnostic d = MakeDiagnostic(Rule::LockHeldAcrossAwait, inference_.file(), ast_.range(at), std::move(message));
    d.secondary.push_back(Annotation{inference_.file(), ast_.range(point), "the lock is still held here"});
    d.infos.push_back(std::string("While the coroutine is suspended at `") + point_text +
                      "`, other tasks run on the same thread; one that calls `acquire()` blocks the whole "
                      "event loop, so this coroutine never resumes to release the lock");
    d.infos.push_back(std::string(how[0] == 'w' ? "Use `asyncio.Lock` with `async with`"
                                                : "Use `asyncio.Lock` (`await lock.acquire()`)") +
                      ", or release the lock before awaiting");
    inference_.Report(std::move(d));
  }

  FileInference& inference_;
  const Ast& ast_;
};

}  // namespace

void CheckLocksHeldAcrossAwait(FileInference& inference, NodeId function_def) {
  NodeId body = AsyncFunctionBody(inference.ast(), function_def);
  if (body.valid()) LockChecker(inference).Run(body);
}

}  // namespace asynctype
