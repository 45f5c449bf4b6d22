#include "checker/infer/asyncio_call_hints.h"

#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

// The function a callee type calls (a bound method's function, an overload set's first
// overload), or null.
const FunctionInfo* CalleeFunctionOf(TypeStore& store, TypeId callee) {
  if (store.kind(callee) == TypeKind::BoundMethod) callee = BoundMethodTypeView{store, callee}.function();
  if (store.kind(callee) == TypeKind::Overloaded) {
    auto overloads = OverloadedTypeView{store, callee}.overloads();
    if (overloads.empty()) return nullptr;
    callee = overloads.front();
  }
  if (store.kind(callee) != TypeKind::Function) return nullptr;
  return &store.function(FunctionTypeView{store, callee}.function());
}

bool IsCoroutineInstance(Program& program, TypeId type) {
  TypeStore& store = program.types();
  if (!type.valid() || store.kind(type) != TypeKind::Instance) return false;
  ClassId cls = store.ClassOf(type);
  return cls == GetKnownClass(program, KnownClass::CoroutineType) || cls == GetKnownClass(program, KnownClass::Coroutine);
}

}  // namespace

bool IsAsyncioFunction(Program& program, const FunctionInfo& fn, const char* name) {
  if (fn.name != name || fn.owner.valid()) return false;
  ModuleId asyncio = program.resolver().Resolve("asyncio");
  if (!asyncio.valid() || !program.modules()[asyncio].file.valid()) return false;
  std::optional<TypeId> exported = program.inference(program.modules()[asyncio].file).ModuleSymbolType(name);
  if (!exported) return false;
  const FunctionInfo* asyncio_fn = CalleeFunctionOf(program.types(), *exported);
  return asyncio_fn != nullptr && asyncio_fn->file == fn.file && asyncio_fn->node == fn.node;
}

std::string AsyncioCallee(FileInference& inference, NodeId call) {
  const Ast& ast = inference.ast();
  if (!call.valid() || ast.kind(call) != NodeKind::Call) return "";
  Program& program = inference.program();
  const FunctionInfo* fn = CalleeFunctionOf(program.types(), inference.ExprType(CallView{ast, call}.func()));
  if (fn == nullptr) return "";
  if (fn->name != "gather" && fn->name != "wait") return "";
  return IsAsyncioFunction(program, *fn, fn->name.c_str()) ? fn->name : "";
}

bool IsIterableOfCoroutines(Program& program, TypeId type, TypeId* element) {
  TypeStore& store = program.types();
  if (!type.valid() || !FullyKnown(program, type)) return false;
  if (store.kind(type) != TypeKind::Instance && store.kind(type) != TypeKind::Tuple) return false;
  std::optional<TypeId> item = IterationType(program, type, /*is_async=*/false);
  if (!item) return false;
  std::vector<TypeId> members;
  if (store.kind(*item) == TypeKind::Union) {
    members.assign(store.UnionMembers(*item).begin(), store.UnionMembers(*item).end());
  } else {
    members.push_back(*item);
  }
  for (TypeId m : members) {
    if (!IsCoroutineInstance(program, m)) return false;
  }
  if (element) *element = *item;
  return true;
}

std::vector<std::string> AsyncioCallHints(FileInference& inference, NodeId call) {
  std::string callee = AsyncioCallee(inference, call);
  if (callee.empty()) return {};
  const Ast& ast = inference.ast();
  Program& program = inference.program();
  TypeStore& store = program.types();
  auto args = CallView{ast, call}.args();
  if (callee == "gather") {
    // One positional argument that is a collection, not an awaitable.
    int positional = 0;
    NodeId collection = NodeId::None();
    for (NodeId arg : args) {
      if (ast.kind(arg) == NodeKind::Keyword) continue;
      if (ast.kind(arg) == NodeKind::Starred) return {};
      ++positional;
      collection = arg;
    }
    if (positional != 1) return {};
    TypeId type = inference.ExprType(collection);
    if (!FullyKnown(program, type) || TryAwait(program, type).error == AwaitError::None) return {};
    if (!IterationType(program, type, /*is_async=*/false)) return {};
    if (store.kind(type) != TypeKind::Instance && store.kind(type) != TypeKind::Tuple) return {};
    std::string text = ast.kind(collection) == NodeKind::Name ? ast.str(collection).str() : "...";
    return {"`asyncio.gather` takes each awaitable as a separate argument; `" + inference.Display(type) +
                "` is not awaitable, so the call raises `TypeError` at run time",
            "Did you mean `asyncio.gather(*" + text + ")`?"};
  }
  // `asyncio.wait`: bare coroutines (rejected since 3.11).
  NodeId first = args.empty() ? NodeId::None() : args.front();
  if (!first.valid() || ast.kind(first) == NodeKind::Keyword || ast.kind(first) == NodeKind::Starred) return {};
  if (!IsIterableOfCoroutines(program, inference.ExprType(first), nullptr)) return {};
  return {"`asyncio.wait` accepts tasks and futures only: passing coroutines raises `TypeError` since Python 3.11 "
          "(\"Passing coroutines is forbidden, use tasks explicitly\")",
          "Wrap each in `asyncio.create_task(...)` first, or use `asyncio.gather`"};
}

}  // namespace asynctype
