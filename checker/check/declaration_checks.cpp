#include "checker/check/declaration_checks.h"

#include <string>

#include "checker/database/program.h"
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

}  // namespace

void CheckAsyncProtocolMethod(FileInference& inference, NodeId function_def) {
  if (!function_def.valid() || inference.ast().kind(function_def) != NodeKind::FunctionDef) return;
  DeclarationChecker(inference, function_def).Run();
}

}  // namespace asynctype
