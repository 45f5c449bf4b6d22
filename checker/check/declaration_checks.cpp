#include "checker/check/declaration_checks.h"

#include <string>
#include <utility>

#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

// The statement that uses the method, for the `info:` line.
const char* UsedBy(llvm::StringRef name) {
  if (name == "__anext__") return "`async for` awaits the result of `__anext__`";
  if (name == "__aenter__") return "`async with` awaits the result of `__aenter__`";
  return "`async with` awaits the result of `__aexit__`";
}

class DeclarationChecker {
 public:
  DeclarationChecker(FileInference& inference, NodeId function_def)
      : inference_(inference),
        program_(inference.program()),
        store_(program_.types()),
        ast_(inference.ast()),
        fn_{ast_, function_def} {}

  void Run() {
    NodeId name_node = fn_.name();
    if (!name_node.valid()) return;
    ScopeId scope = inference_.index().ScopeOf(fn_.id);
    if (!scope.valid() || inference_.index().scope(scope).kind != ScopeKind::Class) return;
    llvm::StringRef name = ast_.str(name_node);
    if (name != "__await__" && name != "__aiter__" && name != "__anext__" && name != "__aenter__" &&
        name != "__aexit__") {
      return;
    }
    FunctionId fn = inference_.FunctionFor(fn_.id);
    if (!fn.valid()) return;
    const FunctionInfo& info = store_.function(fn);
    bool is_async = info.is_async, is_generator = info.is_generator;
    if (name == "__await__") {
      if (is_async) {
        Report(name_node, "`__await__` is an `async def`, so it returns a coroutine, which is not a valid iterator",
               "Declare `__await__` with `def` and return an iterator, such as a generator");
        return;
      }
      TypeId ret = DeclaredReturn(fn);
      if (!ret.valid() || store_.kind(ret) == TypeKind::TypeVar) return;
      if (GeneratorReturnType(program_, ret).valid()) return;
      Report(fn_.returns(), "`__await__` returns `" + inference_.Display(ret) + "`, which is not a valid iterator",
             "`await` iterates over the object that `__await__` returns");
      return;
    }
    if (name == "__aiter__") {
      if (is_async && !is_generator) {
        Report(name_node, "`__aiter__` is an `async def`, so it returns a coroutine, not an asynchronous iterator",
               "`async for` does not await the result of `__aiter__`: declare it with `def`");
      }
      return;
    }
    // `__anext__`, `__aenter__`, `__aexit__`: an `async def` returns a coroutine, which is
    // awaitable; an async generator or a plain `def` must declare an awaitable.
    if (is_async && !is_generator) return;
    TypeId ret = DeclaredReturn(fn);
    if (!ret.valid()) return;
    if (TryAwait(program_, ret).error == AwaitError::None) return;
    Report(fn_.returns(), "`" + name.str() + "` returns `" + inference_.Display(ret) + "`, which is not awaitable",
           UsedBy(name));
  }

 private:
  // The declared return type of the call, when it is fully known; None otherwise.
  TypeId DeclaredReturn(FunctionId fn) {
    if (!fn_.returns().valid()) return TypeId::None();
    TypeId ret = GetSignature(program_, fn).return_type;
    if (!ret.valid() || HasUnmodelledPart(program_, ret)) return TypeId::None();
    return ret;
  }

  void Report(NodeId at, std::string message, const char* info) {
    if (!at.valid()) at = fn_.name();
    Diagnostic d = MakeDiagnostic(Rule::InvalidAsyncProtocolMethod, inference_.file(), ast_.range(at), std::move(message));
    d.infos.push_back(info);
    inference_.Report(std::move(d));
  }

  FileInference& inference_;
  Program& program_;
  TypeStore& store_;
  const Ast& ast_;
  FunctionDefView fn_;
};

// What goes wrong when the interpreter calls a dunder declared `async def`, or null when the
// dunder may be an `async def` (it is awaited, or its result may be an awaitable by design).
const char* SyncOnlyDunder(llvm::StringRef name) {
  static constexpr std::pair<const char*, const char*> kDunders[] = {
      {"__init__", "instantiating the class raises `TypeError` (`__init__()` should return None, not 'coroutine')"},
      {"__new__", "instantiating the class returns that coroutine instead of an instance, and `__init__` never runs"},
      {"__init_subclass__", "Python drops it without awaiting: its body never runs"},
      {"__del__", "Python drops it without awaiting: its body never runs"},
      {"__enter__", "`with` binds that coroutine instead of awaiting it (`async with` needs `__aenter__`)"},
      {"__exit__",
       "`with` never awaits it: the exit code never runs, and the coroutine object, being true, suppresses "
       "every exception"},
      {"__iter__", "`for` and `iter()` fail with `TypeError` (`async for` needs `__aiter__`)"},
      {"__next__", "`for` never awaits it: the loop yields coroutine objects and never ends (`async for` needs `__anext__`)"},
      {"__len__", "`len()` fails with `TypeError`"},
      {"__length_hint__", "`operator.length_hint()` fails with `TypeError`"},
      {"__bool__", "`bool()`, `if` and `while` fail with `TypeError`"},
      {"__hash__", "`hash()`, sets and dict keys fail with `TypeError`"},
      {"__index__", "indexing and `operator.index()` fail with `TypeError`"},
      {"__int__", "`int()` fails with `TypeError`"},
      {"__float__", "`float()` fails with `TypeError`"},
      {"__complex__", "`complex()` fails with `TypeError`"},
      {"__str__", "`str()`, `print()` and f-strings fail with `TypeError`"},
      {"__repr__", "`repr()` fails with `TypeError`"},
      {"__bytes__", "`bytes()` fails with `TypeError`"},
      {"__format__", "`format()` and f-strings fail with `TypeError`"},
      {"__contains__", "`in` tests the coroutine object's truth: always true"},
      {"__eq__", "`==` gives the coroutine object, which is always true"},
      {"__ne__", "`!=` gives the coroutine object, which is always true"},
      {"__lt__", "`<` gives the coroutine object, which is always true"},
      {"__le__", "`<=` gives the coroutine object, which is always true"},
      {"__gt__", "`>` gives the coroutine object, which is always true"},
      {"__ge__", "`>=` gives the coroutine object, which is always true"},
      {"__setattr__", "attribute assignment drops it without awaiting: the assignment never happens"},
      {"__delattr__", "`del obj.attr` drops it without awaiting: the deletion never happens"},
      {"__setitem__", "item assignment drops it without awaiting: the assignment never happens"},
      {"__delitem__", "`del obj[key]` drops it without awaiting: the deletion never happens"},
      {"__set__", "assignment through the descriptor drops it without awaiting: the assignment never happens"},
      {"__delete__", "deletion through the descriptor drops it without awaiting: the deletion never happens"},
      {"__set_name__", "class creation drops it without awaiting: its body never runs"},
  };
  for (const auto& [dunder, consequence] : kDunders) {
    if (name == dunder) return consequence;
  }
  return nullptr;
}

// Whether `decorator`'s type is the function `module.name` (under any alias).
bool IsModuleFunction(FileInference& inference, NodeId decorator, llvm::StringRef module, llvm::StringRef name) {
  Program& program = inference.program();
  TypeStore& store = program.types();
  TypeId type = inference.ExprType(decorator);
  if (store.kind(type) == TypeKind::Overloaded) {
    auto overloads = OverloadedTypeView{store, type}.overloads();
    if (overloads.empty()) return false;
    type = overloads.front();
  }
  if (store.kind(type) != TypeKind::Function) return false;
  const FunctionInfo& fn = store.function(FunctionTypeView{store, type}.function());
  if (fn.name != name || fn.owner.valid()) return false;
  ModuleId id = program.resolver().Resolve(module.str());
  return id.valid() && program.modules()[id].file.valid() && program.modules()[id].file == fn.file;
}

void CheckContextManagerDecorators(FileInference& inference, NodeId function_def, const FunctionInfo& info) {
  const Ast& ast = inference.ast();
  NodeId decorators = FunctionDefView{ast, function_def}.decorators();
  if (!decorators.valid()) return;
  for (NodeId decorator : ast.children(decorators)) {
    if (!decorator.valid() || ast.kind(decorator) == NodeKind::Error) continue;
    std::string message;
    const char* fix = nullptr;
    if (info.is_async && IsModuleFunction(inference, decorator, "contextlib", "contextmanager")) {
      message = std::string("`@contextmanager` decorates ") +
                (info.is_generator ? "an async generator" : "an `async def`") +
                ": entering it with `with` fails with `TypeError` (it is not a generator)";
      fix = "Use `@contextlib.asynccontextmanager` and enter it with `async with`";
    } else if (!info.is_async && info.is_generator &&
               IsModuleFunction(inference, decorator, "contextlib", "asynccontextmanager")) {
      message = "`@asynccontextmanager` decorates a plain generator: entering it with `async with` fails with "
                "`TypeError` (it is not an async generator)";
      fix = "Use `@contextlib.contextmanager` and `with`, or declare it `async def`";
    } else {
      continue;
    }
    Diagnostic d = MakeDiagnostic(Rule::InvalidAsyncDeclaration, inference.file(), ast.range(decorator), message);
    d.infos.push_back(fix);
    inference.Report(std::move(d));
  }
}

}  // namespace

void CheckAsyncDeclarationTrap(FileInference& inference, NodeId function_def) {
  const Ast& ast = inference.ast();
  if (!function_def.valid() || ast.kind(function_def) != NodeKind::FunctionDef) return;
  FunctionId fn = inference.FunctionFor(function_def);
  if (!fn.valid()) return;
  const FunctionInfo& info = inference.program().types().function(fn);
  CheckContextManagerDecorators(inference, function_def, info);
  if (!info.is_async) return;
  FunctionDefView view{ast, function_def};
  NodeId name_node = view.name();
  if (!name_node.valid()) return;
  ScopeId scope = inference.index().ScopeOf(function_def);
  if (!scope.valid() || inference.index().scope(scope).kind != ScopeKind::Class) return;
  llvm::StringRef name = ast.str(name_node);
  const char* consequence = SyncOnlyDunder(name);
  if (consequence == nullptr) return;
  std::string message = "`";
  message += name;
  message += "` is an `async def`, so it returns ";
  message += info.is_generator ? "an async generator" : "a coroutine";
  message += ": ";
  message += consequence;
  Diagnostic d = MakeDiagnostic(Rule::InvalidAsyncDeclaration, inference.file(), ast.range(name_node),
                                std::move(message));
  if (name == "__init__" || name == "__new__") {
    d.infos.push_back(
        "Declare it with `def`, and do the asynchronous setup in an `async def` factory (a classmethod such as "
        "`async def create(cls)`) that awaits it");
  } else {
    d.infos.push_back("Python calls `" + name.str() + "` without awaiting it: declare it with `def`");
  }
  inference.Report(std::move(d));
}

void CheckAsyncProtocolMethod(FileInference& inference, NodeId function_def) {
  if (!function_def.valid() || inference.ast().kind(function_def) != NodeKind::FunctionDef) return;
  DeclarationChecker(inference, function_def).Run();
}

}  // namespace asynctype
