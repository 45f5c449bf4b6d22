#include "checker/check/override_checks.h"

#include <optional>
#include <string>

#include "checker/database/program.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/decorators.h"

namespace asynctype {
namespace {

std::string Code(const std::string& text) { return "`" + text + "`"; }

// Names whose overrides follow other rules (constructors, hooks called on the class).
bool Exempt(llvm::StringRef name) {
  if (name.startswith("__") && !name.endswith("__")) return true;  // name-mangled: not an override
  return name == "__init__" || name == "__new__" || name == "__init_subclass__" || name == "__post_init__" ||
         name == "__class_getitem__" || name == "__subclasshook__";
}

// Whether a method's decorators leave it a plain instance method.
bool PlainMethodDecorators(const Ast& ast, NodeId function_def) {
  NodeId decorators = FunctionDefView{ast, function_def}.decorators();
  if (!decorators.valid()) return true;
  for (NodeId dec : ast.children(decorators)) {
    Decorator d = ClassifyDecorator(ast, dec);
    if (d.calls > 0) return false;
    switch (d.kind) {
      case KnownDecorator::AbstractMethod:
      case KnownDecorator::Override:
      case KnownDecorator::Final: break;
      default: return false;
    }
  }
  return true;
}

// Whether `type` mentions a TypeVar, or something assignability compares leniently (callables).
bool MentionsTypeVar(const TypeStore& store, TypeId type, int depth = 0) {
  if (!type.valid() || depth > 8) return true;
  switch (store.kind(type)) {
    case TypeKind::TypeVar:
    case TypeKind::Callable:
    case TypeKind::TypeVarObject: return true;
    case TypeKind::Instance:
    case TypeKind::ClassLiteral:
      for (TypeId arg : store.TypeArgs(type)) {
        if (MentionsTypeVar(store, arg, depth + 1)) return true;
      }
      return false;
    case TypeKind::Union:
      for (TypeId m : store.UnionMembers(type)) {
        if (MentionsTypeVar(store, m, depth + 1)) return true;
      }
      return false;
    case TypeKind::Tuple:
      for (TypeId e : TupleTypeView{store, type}.elements()) {
        if (MentionsTypeVar(store, e, depth + 1)) return true;
      }
      return false;
    case TypeKind::SubclassOf: return MentionsTypeVar(store, SubclassOfTypeView{store, type}.instance(), depth + 1);
    default: return false;
  }
}

// A declared type the comparison can trust: no dynamic part at the top or inside, no TypeVar,
// no class whose members the checker may not see.
bool Comparable(Program& program, TypeId type) {
  TypeStore& store = program.types();
  if (!type.valid() || HasUnmodelledPart(program, type) || MentionsTypeVar(store, type)) return false;
  if (store.kind(type) == TypeKind::Instance || store.kind(type) == TypeKind::Union) {
    if (!FullyKnown(program, type)) return false;
  }
  // No dynamic type argument anywhere (`list[Any]` is compared leniently by assignability).
  std::vector<TypeId> stack = {type};
  while (!stack.empty()) {
    TypeId t = stack.back();
    stack.pop_back();
    if (store.IsDynamic(t)) return false;
    if (store.kind(t) == TypeKind::Instance) {
      for (TypeId arg : store.TypeArgs(t)) stack.push_back(arg);
    } else if (store.kind(t) == TypeKind::Union) {
      for (TypeId m : store.UnionMembers(t)) stack.push_back(m);
    } else if (store.kind(t) == TypeKind::Tuple) {
      for (TypeId e : TupleTypeView{store, t}.elements()) stack.push_back(e);
    }
  }
  return true;
}

// The result type an `async def`'s coroutine gives (`R` of `CoroutineType[Any, Any, R]`).
TypeId AwaitedResult(Program& program, TypeId coroutine) {
  TypeStore& store = program.types();
  if (store.kind(coroutine) != TypeKind::Instance) return TypeId::None();
  auto args = store.TypeArgs(coroutine);
  return args.size() == 3 ? args[2] : TypeId::None();
}

struct MethodSide {
  const FunctionInfo* info = nullptr;
  bool declared = false;  // the `def` has a return annotation
  TypeId returns;         // the call's result (`CoroutineType[...]` for an `async def`)
  bool is_async() const { return info->is_async; }
};

// The method `fn` of a class, when it is a plain instance method defined once.
std::optional<MethodSide> PlainMethod(Program& program, const FunctionInfo& info) {
  if (info.is_overload || info.is_property || info.is_staticmethod || info.is_classmethod || info.is_generator) {
    return std::nullopt;
  }
  if (!info.file.valid() || !info.node.valid()) return std::nullopt;
  const Ast& ast = program.inference(info.file).ast();
  if (ast.kind(info.node) != NodeKind::FunctionDef || !PlainMethodDecorators(ast, info.node)) return std::nullopt;
  MethodSide side;
  side.info = &info;
  side.declared = FunctionDefView{ast, info.node}.returns().valid();
  return side;
}

const FunctionInfo* FunctionInfoOf(const TypeStore& store, TypeId type) {
  if (store.kind(type) == TypeKind::BoundMethod) type = BoundMethodTypeView{store, type}.function();
  if (store.kind(type) != TypeKind::Function) return nullptr;
  return &store.function(FunctionTypeView{store, type}.function());
}

}  // namespace

void CheckMethodOverride(FileInference& inference, NodeId function_def) {
  const Ast& ast = inference.ast();
  if (!function_def.valid() || ast.kind(function_def) != NodeKind::FunctionDef) return;
  NodeId name_node = FunctionDefView{ast, function_def}.name();
  if (!name_node.valid()) return;
  ScopeId scope = inference.index().ScopeOf(function_def);
  if (!scope.valid() || inference.index().scope(scope).kind != ScopeKind::Class) return;
  llvm::StringRef name = ast.str(name_node);
  if (Exempt(name)) return;
  Program& program = inference.program();
  TypeStore& store = program.types();
  FunctionId fn = inference.FunctionFor(function_def);
  if (!fn.valid()) return;
  const FunctionInfo& sub_info = store.function(fn);
  ClassId cls = sub_info.owner;
  if (!cls.valid()) return;
  const ClassInfo& cls_info = ResolvedClass(program, cls);
  if (cls_info.has_unknown_base || cls_info.mro.size() < 2) return;

  // The class's own binding of the name must be this very function (not redefined, not wrapped).
  Member own = LookupMember(program, SelfInstance(program, cls), name);
  const FunctionInfo* own_fn = own.type.valid() ? FunctionInfoOf(store, own.type) : nullptr;
  if (own.owner != cls || own_fn != &sub_info) return;
  std::optional<MethodSide> sub = PlainMethod(program, sub_info);
  if (!sub) return;

  // The overridden method: the next class of the MRO that defines the name.
  Member base_member;
  ClassId base_cls;
  for (size_t i = 1; i < cls_info.mro.size(); ++i) {
    TypeId entry = cls_info.mro[i];
    if (store.kind(entry) != TypeKind::Instance) return;
    ClassId entry_cls = store.ClassOf(entry);
    const ClassInfo& entry_info = ResolvedClass(program, entry_cls);
    if (entry_info.has_unknown_base) return;
    if (entry_info.known == KnownClass::Object) return;
    Member m = LookupMember(program, entry, name);
    if (!m.type.valid()) continue;
    if (m.owner != entry_cls) continue;
    base_member = m;
    base_cls = entry_cls;
    break;
  }
  if (!base_cls.valid() || store.IsDynamic(base_member.type)) return;
  const FunctionInfo* base_info = FunctionInfoOf(store, base_member.type);
  if (base_info == nullptr) return;
  std::optional<MethodSide> base = PlainMethod(program, *base_info);
  if (!base) return;
  std::optional<Signature> base_sig = PlainSignature(program, base_member.type);
  std::optional<Signature> sub_sig = PlainSignature(program, own.type);
  if (!base_sig || !sub_sig) return;
  base->returns = base_sig->return_type;
  sub->returns = sub_sig->return_type;

  const std::string base_name = ResolvedClass(program, base_cls).name + "." + name.str();
  std::vector<std::string> infos;
  if (sub->is_async() && base->is_async()) {
    if (!sub->declared || !base->declared) return;
    TypeId sub_result = AwaitedResult(program, sub->returns), base_result = AwaitedResult(program, base->returns);
    if (!Comparable(program, sub_result) || !Comparable(program, base_result)) return;
    if (IsAssignable(program, sub_result, base_result)) return;
    infos.push_back("The override's coroutine gives " + Code(inference.Display(sub_result)) + ", which is not assignable to " +
                    Code(inference.Display(base_result)) + ", what " + Code(base_name) + "'s gives");
  } else if (sub->is_async()) {
    // `async def` over a plain `def`: what the base promises must accept a coroutine.
    if (!base->declared || !Comparable(program, base->returns)) return;
    if (IsAssignable(program, sub->returns, base->returns)) return;
    if (TryAwait(program, base->returns).error == AwaitError::None) {
      // The base returns an awaitable, just another one: an ordinary return type mismatch.
      TypeId sub_result = AwaitedResult(program, sub->returns);
      if (!sub->declared || !Comparable(program, sub_result)) return;
      infos.push_back("The override returns " + Code(inference.Display(sub->returns)) + ", which is not assignable to " +
                      Code(inference.Display(base->returns)) + ", the return type of " + Code(base_name));
    } else {
      infos.push_back(Code(base_name) + " is a plain `def` returning " + Code(inference.Display(base->returns)) +
                      "; this override is an `async def`, whose coroutine its callers do not await");
    }
  } else if (base->is_async()) {
    // A plain `def` over an `async def`: callers await what it returns.
    if (!sub->declared || !Comparable(program, sub->returns)) return;
    AwaitResult awaited = TryAwait(program, sub->returns);
    if (awaited.error == AwaitError::None) {
      TypeId base_result = AwaitedResult(program, base->returns);
      if (!base->declared || !Comparable(program, base_result) || !Comparable(program, awaited.type)) return;
      if (IsAssignable(program, awaited.type, base_result)) return;
      infos.push_back("Awaiting the override's result gives " + Code(inference.Display(awaited.type)) +
                      ", which is not assignable to " + Code(inference.Display(base_result)) + ", what " +
                      Code(base_name) + "'s coroutine gives");
    } else {
      infos.push_back(Code(base_name) + " is an `async def`, whose callers await its result; this override is a " +
                      "plain `def` returning " + Code(inference.Display(sub->returns)) + ", which is not awaitable");
    }
  } else {
    if (!sub->declared || !base->declared) return;
    if (!Comparable(program, sub->returns) || !Comparable(program, base->returns)) return;
    if (IsAssignable(program, sub->returns, base->returns)) return;
    infos.push_back("The override returns " + Code(inference.Display(sub->returns)) + ", which is not assignable to " +
                    Code(inference.Display(base->returns)) + ", the return type of " + Code(base_name));
  }
  Diagnostic d = MakeDiagnostic(Rule::InvalidMethodOverride, inference.file(), ast.range(name_node),
                                "Invalid override of method " + Code(name.str()) + ": Definition is incompatible with " +
                                    Code(base_name));
  for (std::string& info : infos) d.infos.push_back(std::move(info));
  inference.Report(std::move(d));
}

}  // namespace asynctype
