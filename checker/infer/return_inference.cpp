// Return types of functions without a return annotation, inferred from their bodies (as pyright
// and ty do): the union of the values of the reachable `return` statements, with `None` for a
// bare `return` and for an end of the body that control can reach. An `async def` returns
// `CoroutineType[Any, Any, <that>]`; a generator `GeneratorType[<yielded>, Any, <returned>]`,
// an async generator `AsyncGeneratorType[<yielded>, Any]`. A plain function (not a method, not async)
// that never returns (every path raises) returns `Never`, so that its calls end the paths they
// are on; anything else that never returns is Unknown.
//
// Left Unknown, as before: stubs and installed packages (their unannotated code stays silent),
// `@overload` declarations, abstract methods, bodies that only declare the function (`...`, a
// docstring, `raise NotImplementedError`), `@types.coroutine` generators. A recursive call (the
// function's own return type while it is being inferred) is Unknown, so a recursive function's
// type has an Unknown part and stays silent. Functions whose decorators are not understood by
// name are called through what the decorator returns, as before (the decorator's type wins).
//
// A method returning its receiver (`return self`, a classmethod's `return cls(...)`) returns the
// class's `Self`, bound to the receiver's type at the call (a subclass instance stays one).
#include "checker/database/program.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/recursion.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/declaring_bodies.h"
#include "checker/semantic/decorators.h"

namespace asynctype {

bool IsInstalledSource(Program& program, FileId file) {
  llvm::StringRef path = program.source(file).path();
  for (const std::string& folder : program.options().site_packages) {
    if (folder.empty()) continue;
    if (path.startswith(folder) && path.size() > folder.size() &&
        (folder.back() == '/' || path[folder.size()] == '/')) {
      return true;
    }
  }
  return false;
}

TypeId FileInference::InferReturnType(FunctionId fn) {
  const FunctionInfo& info = store_.function(fn);
  const NodeId node = info.node;
  const ClassId owner = info.owner;
  const bool is_async = info.is_async, is_generator = info.is_generator;
  const bool is_method = owner.valid() && !info.is_staticmethod;
  const bool is_classmethod = info.is_classmethod;
  if (is_stub_ || info.is_overload || IsInstalledSource(program_, file_)) return store_.Unknown();
  FunctionDefView view{ast_, node};
  ScopeId scope = index_.ScopeOpenedBy(node);
  if (!scope.valid() || BodyOnlyDeclares(ast_, view.body(), /*pass_declares=*/false)) return store_.Unknown();
  if (view.decorators().valid()) {
    for (NodeId dec : ast_.children(view.decorators())) {
      KnownDecorator kind = ClassifyDecorator(ast_, dec).kind;
      if (kind == KnownDecorator::AbstractMethod || kind == KnownDecorator::AbstractProperty) return store_.Unknown();
    }
  }
  if (is_generator && IsIterableCoroutine(node)) return store_.Unknown();

  // The receiver's name (`self`, `cls`): returning it (or calling `cls`) returns `Self`.
  llvm::StringRef receiver;
  if (is_method && view.parameters().valid() && !ast_.children(view.parameters()).empty()) {
    NodeId first = ast_.children(view.parameters()).front();
    ParameterKind kind = GetParameterKind(ast_, first);
    if (kind == ParameterKind::PositionalOnly || kind == ParameterKind::PositionalOrKeyword) receiver = ast_.str(first);
  }
  const TypeId self_type = owner.valid() ? store_.cls(owner).self_typevar : TypeId::None();
  auto is_receiver = [&](NodeId expr) {
    if (receiver.empty() || !self_type.valid() || !expr.valid() || ast_.kind(expr) != NodeKind::Name ||
        ast_.str(expr) != receiver) {
      return false;
    }
    const UseRecord* use = index_.UseOf(expr);
    if (!use || use->bindings.empty()) return false;
    for (const Binding& b : use->bindings) {
      if (!b.def.valid() || IsPlaceAssignment(b.def) || index_.definition(b.def).kind != DefinitionKind::Parameter) {
        return false;
      }
    }
    return true;
  };
  auto returned_type = [&](NodeId value) {
    if (!is_classmethod && is_receiver(value)) return self_type;
    if (is_classmethod && value.valid() && ast_.kind(value) == NodeKind::Call && is_receiver(CallView{ast_, value}.func())) {
      TypeId made = ExprType(value);
      if (store_.kind(made) == TypeKind::Instance && store_.ClassOf(made) == owner) return self_type;
      return made;
    }
    return ExprType(value);
  };

  // The `return` statements and `yield` expressions of this function's own body (not of nested
  // functions, lambdas or classes), outside code that is never reached.
  std::vector<TypeId> returned, yielded;
  std::vector<std::pair<NodeId, bool>> stack;  // node, inside unreachable code (source order)
  auto body = ast_.children(view.body());
  for (auto it = body.rbegin(); it != body.rend(); ++it) stack.push_back({*it, false});
  while (!stack.empty()) {
    auto [n, dead] = stack.back();
    stack.pop_back();
    if (!n.valid()) continue;
    NodeKind kind = ast_.kind(n);
    if (kind == NodeKind::FunctionDef || kind == NodeKind::ClassDef || kind == NodeKind::Lambda) continue;
    if (IsStatement(kind) && !dead) dead = index_.IsUnreachable(n) || !StatementReachable(n);
    if (dead) continue;
    if (kind == NodeKind::Return) {
      NodeId value = ReturnView{ast_, n}.value();
      returned.push_back(value.valid() ? returned_type(value) : store_.None());
    } else if (kind == NodeKind::Yield) {
      NodeId value = YieldView{ast_, n}.value();
      yielded.push_back(value.valid() ? ExprType(value) : store_.None());
    } else if (kind == NodeKind::YieldFrom) {
      std::optional<GeneratorTypes> inner = GetGeneratorTypes(program_, ExprType(YieldFromView{ast_, n}.value()));
      yielded.push_back(inner ? inner->yield_type : store_.Unknown());
    }
    auto children = ast_.children(n);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, dead});
  }
  if (EndReachable(scope)) returned.push_back(store_.None());

  // A parameter without annotation (besides the receiver) is Unknown, and what the body returns
  // may depend on it in ways the inference does not follow (the path taken, `return self` only
  // when `not args`): the result keeps an Unknown part, so it is never reported as wrong.
  bool unannotated_parameter = false;
  if (view.parameters().valid()) {
    auto params = ast_.children(view.parameters());
    for (size_t i = 0; i < params.size(); ++i) {
      if (i == 0 && !receiver.empty()) continue;
      if (!ParameterView{ast_, params[i]}.annotation().valid()) unannotated_parameter = true;
    }
  }
  if (unannotated_parameter) {
    returned.push_back(store_.Unknown());
    if (!yielded.empty()) yielded.push_back(store_.Unknown());
  }

  TypeId any = store_.AnyType();
  if (is_generator) {
    TypeId yield_type = yielded.empty() ? store_.Never() : store_.Union(yielded);
    // (the run-time classes: `gi_frame`, `ag_running`... are theirs)
    if (is_async) return KnownInstance(program_, KnownClass::AsyncGeneratorType, {yield_type, any});
    TypeId result = returned.empty() ? store_.Unknown() : store_.Union(returned);
    return KnownInstance(program_, KnownClass::GeneratorType, {yield_type, any, result});
  }
  TypeId result;
  if (!returned.empty()) {
    result = store_.Union(returned);
  } else {
    result = (is_async || owner.valid()) ? store_.Unknown() : store_.Never();
  }
  if (is_async) return KnownInstance(program_, KnownClass::CoroutineType, {any, any, result});
  return result;
}

TypeId InferredReturnType(Program& program, FunctionId fn) {
  TypeStore& store = program.types();
  {
    const FunctionInfo& info = store.function(fn);
    if (info.return_inference == 2) return info.inferred_return;
    if (info.return_inference == 1) return store.Unknown();  // a recursive call
  }
  RecursionGuard guard(program.recursion());
  if (guard.exceeded()) return store.Unknown();
  store.function(fn).return_inference = 1;
  TypeId type = program.inference(store.function(fn).file).InferReturnType(fn);
  FunctionInfo& done = store.function(fn);
  done.inferred_return = type;
  done.return_inference = 2;
  return type;
}

Signature SignatureForCall(Program& program, FunctionId fn, bool bound) {
  Signature sig = GetSignature(program, fn);
  TypeStore& store = program.types();
  const FunctionInfo& info = store.function(fn);
  if (!info.file.valid() || !info.node.valid()) return sig;
  FileInference& inference = program.inference(info.file);
  if (inference.ast().kind(info.node) != NodeKind::FunctionDef ||
      FunctionDefView{inference.ast(), info.node}.returns().valid()) {
    return sig;
  }
  TypeId inferred = InferredReturnType(program, fn);
  const FunctionInfo& after = store.function(fn);
  if (!bound && after.owner.valid()) {
    // Called through the class (`C.method(obj)`): `Self` is the class's own instance.
    const ClassInfo& owner = store.cls(after.owner);
    if (owner.self_typevar.valid()) {
      Substitution subst;
      subst.Add(owner.self_typevar, SelfInstance(program, after.owner));
      inferred = Substitute(store, inferred, subst);
    }
  }
  sig.return_type = inferred;
  return sig;
}

}  // namespace asynctype
