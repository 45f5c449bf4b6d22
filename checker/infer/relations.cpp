// Assignability, first slice: gradual types, literals and their classes, None, unions, nominal
// classes through the MRO (type arguments compared by the variance of the class's parameters),
// tuples, the numeric promotions
// int -> float -> complex, and structural protocols by member presence. Anything not
// understood is treated as assignable: the checker must not invent errors.
#include "checker/database/program.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/infer/typevar_solver.h"

namespace asynctype {
namespace {

bool Assignable(Program& program, TypeId value, TypeId target, int depth);

// TypedDict classes are not modelled (a dict display may well be one): never reported.
bool IsTypedDict(Program& program, TypeId type) {
  TypeStore& store = program.types();
  return store.kind(type) == TypeKind::Instance && ResolvedClass(program, store.ClassOf(type)).is_typed_dict;
}

// A TypedDict on either side together with a dict-like type on the other (a dict display, a
// mapping, another TypedDict): not modelled, so accepted. `None` or an `int` still is no TypedDict.
bool TypedDictInvolved(Program& program, TypeId value, TypeId target) {
  bool value_td = IsTypedDict(program, value), target_td = IsTypedDict(program, target);
  if (!value_td && !target_td) return false;
  TypeStore& store = program.types();
  ClassId dict_cls = GetKnownClass(program, KnownClass::Dict);
  if (!dict_cls.valid()) return true;
  TypeId plain_dict = DefaultInstance(program, dict_cls);
  auto dict_like = [&](TypeId t) {
    if (store.kind(t) != TypeKind::Instance) return false;
    if (IsTypedDict(program, t)) return true;
    ResolvedClass(program, store.ClassOf(t));
    // a dict, or a base of dict (`Mapping`, `MutableMapping`, ...)
    return Upcast(store, t, dict_cls).valid() || Upcast(store, plain_dict, store.ClassOf(t)).valid();
  };
  return dict_like(value) && dict_like(target) &&
         (value_td || store.ClassOf(target) != GetKnownClass(program, KnownClass::Object));
}

// Type arguments of two specializations of the class `cls`, compared by the variance of its
// type parameters: covariant ones like the values themselves, contravariant ones the other way,
// invariant ones both ways (dynamic arguments are compatible either way), and parameters whose
// variance is neither declared nor inferred (or that are not plain TypeVars) in either direction.
// An argument with a dynamic member was partly not understood: compatible with anything (the
// checks treat Unknown members the same way at the top level).
bool ArgsAssignable(Program& program, ClassId cls, llvm::ArrayRef<TypeId> values, llvm::ArrayRef<TypeId> targets,
                    int depth) {
  TypeStore& store = program.types();
  std::vector<TypeId> params = ResolvedClass(program, cls).type_params;
  for (size_t i = 0; i < values.size() && i < targets.size(); ++i) {
    if (store.HasDynamicMember(values[i]) || store.HasDynamicMember(targets[i])) continue;
    Variance variance = Variance::Bivariant;
    if (values.size() == params.size() && store.kind(params[i]) == TypeKind::TypeVar) {
      const TypeVarInfo& tv = store.typevar(TypeVarTypeView{store, params[i]}.typevar());
      if (tv.flavor == TypeVarFlavor::TypeVar) variance = tv.variance;
      if (tv.flavor == TypeVarFlavor::TypeVar && variance == Variance::Bivariant) {
        variance = InferredVariance(program, cls, i);
      }
    }
    // A union argument is what the inference makes of a display of several classes
    // (`[A(), B()]` is a `list[A | B]`), where the user means their common base (mypy infers the
    // join): compared covariantly, so that it passes where `list[Base]` is expected.
    if (variance == Variance::Invariant && store.kind(values[i]) == TypeKind::Union) variance = Variance::Covariant;
    bool forward = variance == Variance::Contravariant || Assignable(program, values[i], targets[i], depth + 1);
    bool backward = variance == Variance::Covariant || Assignable(program, targets[i], values[i], depth + 1);
    bool ok = variance == Variance::Bivariant ? forward || backward : forward && backward;
    if (!ok) return false;
  }
  return true;
}

// Whether the members of `value` are all known: not for a class that is not fully modelled
// (Unknown base, member-synthesizing decorator, metaclass) or that has a `__getattr__`.
bool MembersKnown(Program& program, TypeId value) {
  TypeStore& store = program.types();
  if (store.kind(value) != TypeKind::Instance) return true;
  if (!ClassFullyModelled(program, store.ClassOf(value))) return false;
  for (llvm::StringRef dunder : {"__getattr__", "__getattribute__"}) {
    Member found = LookupMember(program, value, dunder);
    if (found.type.valid() && found.owner.valid() &&
        ResolvedClass(program, found.owner).known != KnownClass::Object) {
      return false;
    }
  }
  return true;
}

// Whether `value` has the protocol member `name` of `protocol`, and, for a data member the
// protocol declares with a type free of TypeVars (`_is_async_client: Literal[True]`), one of a type
// assignable to it. Methods are compared by name only.
bool MemberFits(Program& program, TypeId value, ClassId protocol, llvm::StringRef name) {
  TypeStore& store = program.types();
  Member found = LookupMember(program, value, name);
  if (!found.type.valid()) return false;
  if (store.IsDynamic(found.type)) return true;
  Member wanted = LookupMember(program, store.Instance(protocol), name);
  if (!wanted.type.valid() || store.IsDynamic(wanted.type)) return true;
  switch (store.kind(wanted.type)) {
    case TypeKind::Function:
    case TypeKind::BoundMethod:
    case TypeKind::Overloaded:
    case TypeKind::Callable:
      return true;
    default:
      break;
  }
  std::vector<TypeId> typevars;
  CollectTypeVars(store, wanted.type, &typevars);
  if (!typevars.empty()) return true;
  return IsAssignable(program, found.type, wanted.type);
}

// Every member (with `dunders_only`, every dunder method) the protocol class and its protocol
// bases declare, except the implicit ones.
// The dunder methods `@dataclass` may add to a class (by its options): a dataclass is known to
// have or lack every other one, as a plain class is.
bool DataclassSynthesizes(llvm::StringRef name) {
  static constexpr llvm::StringLiteral kSynthesized[] = {
      "__init__", "__repr__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
      "__setattr__", "__delattr__", "__match_args__", "__replace__", "__getstate__", "__setstate__",
      "__slots__", "__dataclass_fields__", "__dataclass_params__", "__post_init__", "__weakref__"};
  for (llvm::StringRef s : kSynthesized) {
    if (s == name) return true;
  }
  return false;
}

bool HasProtocolMembers(Program& program, TypeId value, ClassId protocol, bool dunders_only = false,
                        bool skip_dataclass_dunders = false) {
  TypeStore& store = program.types();
  for (TypeId base : ResolvedClass(program, protocol).mro) {
    ClassId cls = store.ClassOf(base);
    if (!cls.valid()) return true;  // an Unknown base: not every member is known
    const ClassInfo& info = ResolvedClass(program, cls);
    if (!info.is_protocol) continue;
    FileInference& inference = program.inference(info.file);
    ScopeId scope = inference.index().ScopeOpenedBy(info.node);
    if (!scope.valid()) continue;
    for (const auto& entry : inference.index().scope(scope).symbols) {
      llvm::StringRef name = entry.getKey();
      if (dunders_only && !(name.startswith("__") && name.endswith("__"))) continue;
      if (skip_dataclass_dunders && DataclassSynthesizes(name)) continue;
      if (name == "__slots__" || name == "__class_getitem__" || name == "__init__" || name == "__doc__" ||
          name == "__module__" || name == "__qualname__" || name == "__annotations__") {
        continue;
      }
      if (!MemberFits(program, value, cls, name)) return false;
    }
  }
  return true;
}

// Structural assignability, by member names (and the types of data members, see MemberFits). Compared:
// stub classes against stub protocols, and instances of fully modelled user classes against
// user protocols. Given the benefit of the doubt: user classes against the stubs' protocols
// (mixins use `len(self)`, the legacy `__getitem__` iteration), and functions against callback
// protocols (`__call__` is not modelled on functions).
bool ProtocolSatisfied(Program& program, TypeId value, ClassId protocol) {
  const ClassInfo& info = ResolvedClass(program, protocol);
  TypeStore& store = program.types();
  bool user_value = store.kind(value) == TypeKind::Instance &&
                    !program.source(store.cls(store.ClassOf(value)).file).is_stub();
  if (!program.source(info.file).is_stub()) {
    if (!user_value || !MembersKnown(program, value)) return true;
    return HasProtocolMembers(program, value, protocol);
  }
  if (user_value) return true;
  FileInference& inference = program.inference(info.file);
  ScopeId scope = inference.index().ScopeOpenedBy(info.node);
  if (!scope.valid()) return true;
  for (const auto& entry : inference.index().scope(scope).symbols) {
    llvm::StringRef name = entry.getKey();
    if (name == "__slots__" || name == "__class_getitem__" || name == "__init__") continue;
    if (!MemberFits(program, value, protocol, name)) return false;
  }
  return true;
}

bool IsPositional(ParamKind k) { return k == ParamKind::PositionalOnly || k == ParamKind::PositionalOrKeyword; }

// A function with signature `value` where a `Callable` with signature `target` is expected: the
// return type covariantly, each positional parameter of the target contravariantly against the
// value's parameter that takes it (or its `*args`), and no further required positional
// parameter in the value. The parameters of gradual and ParamSpec signatures, keyword parameters
// and unannotated parts are not compared.
bool SignatureAssignable(Program& program, const Signature& value, const Signature& target, int depth) {
  // The return type is compared even when the parameters are not (`Callable[..., Coroutine]`).
  if (value.return_type.valid() && target.return_type.valid() &&
      !Assignable(program, value.return_type, target.return_type, depth + 1)) {
    return false;
  }
  if (value.gradual || target.gradual || value.param_spec.valid() || target.param_spec.valid()) return true;
  size_t positional = 0;
  for (const Param& p : target.params) {
    if (p.kind == ParamKind::VarArgs || p.kind == ParamKind::KwArgs) return true;  // not compared
    if (!IsPositional(p.kind)) continue;
    const Param* taker = nullptr;
    size_t seen = 0;
    for (const Param& q : value.params) {
      if (q.kind == ParamKind::VarArgs) {
        taker = &q;
        break;
      }
      if (!IsPositional(q.kind)) break;
      if (seen++ == positional) {
        taker = &q;
        break;
      }
    }
    if (!taker) return false;  // the value takes fewer positional arguments
    if (p.type.valid() && taker->type.valid() && !Assignable(program, p.type, taker->type, depth + 1)) return false;
    ++positional;
  }
  // Positional parameters of the value beyond the target's must have defaults.
  size_t seen = 0;
  for (const Param& q : value.params) {
    if (!IsPositional(q.kind)) continue;
    if (seen++ >= positional && !q.has_default) return false;
  }
  for (const Param& q : value.params) {
    if (q.kind == ParamKind::KeywordOnly && !q.has_default) return false;
  }
  return true;
}

bool Assignable(Program& program, TypeId value, TypeId target, int depth) {
  TypeStore& store = program.types();
  if (depth > 16 || value == target) return true;
  const TypeData v = store.data(value);
  const TypeData t = store.data(target);
  if (store.IsDynamic(value) || store.IsDynamic(target)) return true;
  if (v.kind == TypeKind::Never) return true;
  // Special forms used as values (`{"x": Any}`) are not modelled.
  if (v.kind == TypeKind::SpecialForm || t.kind == TypeKind::SpecialForm) return true;
  if (TypedDictInvolved(program, value, target)) return true;
  if (t.kind == TypeKind::TypeVar) return true;  // solved separately
  if (v.kind == TypeKind::TypeVar) {
    const TypeVarInfo& tv = store.typevar(TypeVarTypeView{store, value}.typevar());
    return tv.bound.valid() ? Assignable(program, tv.bound, target, depth + 1) : true;
  }
  if (v.kind == TypeKind::Union) {
    for (TypeId m : store.UnionMembers(value)) {
      if (!Assignable(program, m, target, depth + 1)) return false;
    }
    return true;
  }
  if (t.kind == TypeKind::Union) {
    for (TypeId m : store.UnionMembers(target)) {
      if (Assignable(program, value, m, depth + 1)) return true;
    }
    return false;
  }
  // Literal targets accept only the same literal.
  if (t.kind == TypeKind::IntLiteral || t.kind == TypeKind::BoolLiteral ||
      t.kind == TypeKind::StringLiteral || t.kind == TypeKind::BytesLiteral) {
    return false;
  }
  if (t.kind == TypeKind::NoneType) return false;
  if (t.kind == TypeKind::Instance) {
    ClassId target_cls = store.ClassOf(target);
    const ClassInfo& target_info = ResolvedClass(program, target_cls);
    if (target_info.known == KnownClass::Object) return true;
    TypeId promoted = PromoteLiteral(program, value);
    if (store.kind(promoted) == TypeKind::Tuple) {
      auto elements = TupleTypeView{store, promoted}.elements();
      promoted = KnownInstance(program, KnownClass::Tuple,
                               {elements.empty() ? store.Never() : store.Union(elements)});
    }
    if (store.kind(promoted) == TypeKind::Instance) {
      ClassId value_cls = store.ClassOf(promoted);
      const ClassInfo& value_info = ResolvedClass(program, value_cls);
      // Numeric promotion, for subclasses too (`class Celsius(int)` is an `int`, so a `float`).
      if (target_info.known == KnownClass::Float || target_info.known == KnownClass::Complex) {
        auto derives = [&](KnownClass known) {
          ClassId cls = GetKnownClass(program, known);
          return cls.valid() && Upcast(store, promoted, cls).valid();
        };
        if (derives(KnownClass::Int) || (target_info.known == KnownClass::Complex && derives(KnownClass::Float))) {
          return true;
        }
      }
      if (value_info.has_unknown_base) return true;
      if (TypeId up = Upcast(store, promoted, target_cls); up.valid()) {
        return ArgsAssignable(program, target_cls, store.TypeArgs(up), store.TypeArgs(target), depth);
      }
      if (target_info.is_protocol) return ProtocolSatisfied(program, promoted, target_cls);
      return false;
    }
    if (target_info.is_protocol) return ProtocolSatisfied(program, value, target_cls);
    // A function is a `types.FunctionType`, a bound method a `types.MethodType`, a module a
    // `types.ModuleType` (so that a function does not match an overload's `int` parameter).
    KnownClass runtime_class = KnownClass::Object;
    switch (store.kind(promoted)) {
      case TypeKind::NoneType: return false;
      case TypeKind::ClassLiteral:
        return target_info.known == KnownClass::Type;
      case TypeKind::Function: runtime_class = KnownClass::FunctionType; break;
      case TypeKind::BoundMethod: runtime_class = KnownClass::MethodType; break;
      case TypeKind::Module: runtime_class = KnownClass::ModuleType; break;
      default: return true;  // other callables, ...: not modelled yet
    }
    ClassId runtime_cls = GetKnownClass(program, runtime_class);
    if (!runtime_cls.valid()) return true;
    const ClassInfo& runtime_info = ResolvedClass(program, runtime_cls);
    if (runtime_info.has_unknown_base || !ClassFullyModelled(program, target_cls)) return true;
    if (Upcast(store, store.Instance(runtime_cls), target_cls).valid()) return true;
    // A class that declares `__call__` (`collections.abc.Callable` read from its source) may
    // stand for any callable.
    if (runtime_class != KnownClass::ModuleType) {
      Member call = LookupMember(program, target, "__call__");
      if (call.type.valid() && call.owner.valid() && ResolvedClass(program, call.owner).known != KnownClass::Object) {
        return true;
      }
    }
    return false;
  }
  if (t.kind == TypeKind::Tuple) {
    if (v.kind != TypeKind::Tuple) return v.kind != TypeKind::NoneType && v.kind != TypeKind::IntLiteral &&
                                         v.kind != TypeKind::StringLiteral;
    auto te = TupleTypeView{store, target}.elements();
    auto ve = TupleTypeView{store, value}.elements();
    if (TupleTypeView{store, target}.homogeneous()) {
      for (TypeId e : ve) {
        if (!Assignable(program, e, te[0], depth + 1)) return false;
      }
      return true;
    }
    if (TupleTypeView{store, value}.homogeneous()) return true;
    if (te.size() != ve.size()) return false;
    for (size_t i = 0; i < te.size(); ++i) {
      if (!Assignable(program, ve[i], te[i], depth + 1)) return false;
    }
    return true;
  }
  if (t.kind == TypeKind::SubclassOf) {
    if (v.kind == TypeKind::Instance) {
      // An instance of `type` (or of a metaclass) is some class.
      ClassId type_cls = GetKnownClass(program, KnownClass::Type);
      for (TypeId base : ResolvedClass(program, store.ClassOf(value)).mro) {
        if (store.ClassOf(base) == type_cls) return true;
      }
      return false;
    }
    return v.kind == TypeKind::ClassLiteral || v.kind == TypeKind::SubclassOf;
  }
  if (t.kind == TypeKind::Callable) {
    if (std::optional<Signature> sig = PlainSignature(program, value)) {
      // A lambda's return type is inferred from its body, more precisely than meant (`lambda:
      // True` returns `Literal[True]`): its parameters are compared, its return type is not.
      bool lambda_like = v.kind == TypeKind::Callable &&
                         std::none_of(sig->params.begin(), sig->params.end(), [](const Param& p) { return p.type.valid(); });
      if (lambda_like) sig->return_type = TypeId::None();
      return SignatureAssignable(program, *sig, CallableTypeView{store, target}.signature(), depth);
    }
    // An instance of a fully known class without `__call__` is not callable.
    if (v.kind == TypeKind::Instance && MembersKnown(program, value) &&
        !LookupMember(program, value, "__call__").type.valid()) {
      return false;
    }
    return v.kind != TypeKind::NoneType && v.kind != TypeKind::IntLiteral &&
           v.kind != TypeKind::StringLiteral && v.kind != TypeKind::BytesLiteral &&
           v.kind != TypeKind::BoolLiteral && v.kind != TypeKind::Tuple;
  }
  return true;
}

}  // namespace

bool LacksProtocolMember(Program& program, TypeId value, ClassId protocol, bool dataclass_ok) {
  if (!ResolvedClass(program, protocol).is_protocol) return false;
  if (!dataclass_ok) {
    if (!MembersKnown(program, value)) return false;
    return !HasProtocolMembers(program, value, protocol, /*dunders_only=*/true);
  }
  // A `@dataclass` is known to have or lack every dunder it never synthesizes.
  TypeStore& store = program.types();
  if (store.kind(value) != TypeKind::Instance || !ClassModelled(program, store.ClassOf(value), /*dataclass_ok=*/true)) {
    return false;
  }
  for (llvm::StringRef dunder : {"__getattr__", "__getattribute__"}) {
    Member found = LookupMember(program, value, dunder);
    if (found.type.valid() && found.owner.valid() && ResolvedClass(program, found.owner).known != KnownClass::Object) {
      return false;
    }
  }
  return !HasProtocolMembers(program, value, protocol, /*dunders_only=*/true, /*skip_dataclass_dunders=*/true);
}

bool IsAssignable(Program& program, TypeId value, TypeId target) {
  return Assignable(program, value, target, 0);
}

}  // namespace asynctype
