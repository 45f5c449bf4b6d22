// Assignability, first slice: gradual types, literals and their classes, None, unions, nominal
// classes through the MRO (type arguments compared leniently), tuples, the numeric promotions
// int -> float -> complex, and structural protocols by member presence. Anything not
// understood is treated as assignable: the checker must not invent errors.
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/program/program.h"

namespace asynctype {
namespace {

bool Assignable(Program& program, TypeId value, TypeId target, int depth, bool strict);

bool MentionsTypeVar(const TypeStore& store, TypeId type, int depth = 0) {
  if (!type.valid() || depth > 20) return false;
  const TypeData& d = store.data(type);
  switch (d.kind) {
    case TypeKind::TypeVar: return true;
    case TypeKind::Instance:
    case TypeKind::ClassLiteral:
      for (TypeId t : store.TypeArgs(type)) {
        if (MentionsTypeVar(store, t, depth + 1)) return true;
      }
      return false;
    case TypeKind::Union:
    case TypeKind::Tuple:
      for (TypeId t : store.list(TypeListId(d.a))) {
        if (MentionsTypeVar(store, t, depth + 1)) return true;
      }
      return false;
    case TypeKind::SubclassOf: return MentionsTypeVar(store, TypeId(d.a), depth + 1);
    case TypeKind::Callable: return true;  // (not looked into)
    default: return false;
  }
}

// The return type a callable value is known to have (a plain function, bound method or
// `Callable` type without TypeVars); None when not known.
TypeId KnownReturnType(Program& program, TypeId callable) {
  TypeStore& store = program.types();
  const TypeData& d = store.data(callable);
  TypeId ret;
  if (d.kind == TypeKind::Callable) {
    ret = store.signature(d.a).return_type;
  } else if (d.kind == TypeKind::Function || (d.kind == TypeKind::BoundMethod && store.kind(TypeId(d.a)) == TypeKind::Function)) {
    FunctionId fn(d.kind == TypeKind::Function ? d.a : store.data(TypeId(d.a)).a);
    const Signature& sig = GetSignature(program, fn);
    if (!sig.type_params.empty()) return TypeId::None();
    ret = sig.return_type;
  }
  if (!ret.valid() || store.IsDynamic(ret) || MentionsTypeVar(store, ret)) return TypeId::None();
  return ret;
}

bool ArgsAssignable(Program& program, llvm::ArrayRef<TypeId> values, llvm::ArrayRef<TypeId> targets,
                    int depth, bool strict) {
  for (size_t i = 0; i < values.size() && i < targets.size(); ++i) {
    // Variance is not modelled yet: accept either direction.
    if (!Assignable(program, values[i], targets[i], depth + 1, strict) &&
        !Assignable(program, targets[i], values[i], depth + 1, strict)) {
      return false;
    }
  }
  return true;
}

bool ProtocolSatisfied(Program& program, TypeId value, ClassId protocol) {
  const ClassInfo& info = ResolvedClass(program, protocol);
  // Only protocols and classes both described by the bundled stubs are compared member by
  // member for now; anything else is given the benefit of the doubt.
  TypeStore& store = program.types();
  if (!program.source(info.file).is_stub()) return true;
  if (store.kind(value) == TypeKind::Instance &&
      !program.source(store.cls(store.ClassOf(value)).file).is_stub()) {
    return true;
  }
  FileInference& inference = program.inference(info.file);
  ScopeId scope = inference.index().ScopeOpenedBy(info.node);
  if (!scope.valid()) return true;
  for (const auto& entry : inference.index().scope(scope).symbols) {
    llvm::StringRef name = entry.getKey();
    if (name == "__slots__" || name == "__class_getitem__" || name == "__init__") continue;
    if (!LookupMember(program, value, name).type.valid()) return false;
  }
  return true;
}

bool Assignable(Program& program, TypeId value, TypeId target, int depth, bool strict) {
  TypeStore& store = program.types();
  if (depth > 16 || value == target) return true;
  const TypeData v = store.data(value);
  const TypeData t = store.data(target);
  if (store.IsDynamic(value) || store.IsDynamic(target)) return true;
  if (v.kind == TypeKind::Never) return true;
  if (t.kind == TypeKind::TypeVar) return true;  // solved separately
  if (v.kind == TypeKind::TypeVar) {
    const TypeVarInfo& tv = store.typevar(TypeVarId(v.a));
    return tv.bound.valid() ? Assignable(program, tv.bound, target, depth + 1, strict) : true;
  }
  if (v.kind == TypeKind::Union) {
    for (TypeId m : store.UnionMembers(value)) {
      if (!Assignable(program, m, target, depth + 1, strict)) return false;
    }
    return true;
  }
  if (t.kind == TypeKind::Union) {
    for (TypeId m : store.UnionMembers(target)) {
      if (Assignable(program, value, m, depth + 1, strict)) return true;
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
      auto elements = store.list(TypeListId(store.data(promoted).a));
      promoted = KnownInstance(program, KnownClass::Tuple,
                               {elements.empty() ? store.Never() : store.Union(elements)});
    }
    if (store.kind(promoted) == TypeKind::Instance) {
      ClassId value_cls = store.ClassOf(promoted);
      const ClassInfo& value_info = ResolvedClass(program, value_cls);
      // Numeric promotion.
      if ((target_info.known == KnownClass::Float || target_info.known == KnownClass::Complex) &&
          (value_info.known == KnownClass::Int || value_info.known == KnownClass::Bool ||
           value_info.known == KnownClass::Float)) {
        return true;
      }
      if (value_info.has_unknown_base) return true;
      if (TypeId up = Upcast(store, promoted, target_cls); up.valid()) {
        return ArgsAssignable(program, store.TypeArgs(up), store.TypeArgs(target), depth, strict);
      }
      if (target_info.is_protocol) return ProtocolSatisfied(program, promoted, target_cls);
      return false;
    }
    if (target_info.is_protocol) return ProtocolSatisfied(program, value, target_cls);
    switch (store.kind(promoted)) {
      case TypeKind::NoneType: return false;
      case TypeKind::ClassLiteral:
        return target_info.known == KnownClass::Type;
      default: return true;  // functions, modules, ...: not modelled yet
    }
  }
  if (t.kind == TypeKind::Tuple) {
    if (v.kind != TypeKind::Tuple) return v.kind != TypeKind::NoneType && v.kind != TypeKind::IntLiteral &&
                                         v.kind != TypeKind::StringLiteral;
    auto te = store.list(TypeListId(t.a));
    auto ve = store.list(TypeListId(v.a));
    if (t.b) {
      for (TypeId e : ve) {
        if (!Assignable(program, e, te[0], depth + 1, strict)) return false;
      }
      return true;
    }
    if (v.b) return true;
    if (te.size() != ve.size()) return false;
    for (size_t i = 0; i < te.size(); ++i) {
      if (!Assignable(program, ve[i], te[i], depth + 1, strict)) return false;
    }
    return true;
  }
  if (t.kind == TypeKind::SubclassOf) {
    if (v.kind == TypeKind::ClassLiteral || v.kind == TypeKind::SubclassOf) return true;
    // An instance of `type` (or of a metaclass) is some class: a `type[Any]`.
    if (v.kind == TypeKind::Instance && store.IsDynamic(TypeId(t.a))) {
      ClassId type_class = GetKnownClass(program, KnownClass::Type);
      ResolvedClass(program, store.ClassOf(value));
      return type_class.valid() && Upcast(store, value, type_class).valid();
    }
    return false;
  }
  if (t.kind == TypeKind::Callable) {
    if (v.kind == TypeKind::NoneType || v.kind == TypeKind::IntLiteral || v.kind == TypeKind::StringLiteral ||
        v.kind == TypeKind::BytesLiteral || v.kind == TypeKind::BoolLiteral || v.kind == TypeKind::Tuple) {
      return false;
    }
    // `strict`: return types are compared when both are known (parameters are not, yet).
    if (!strict) return true;
    TypeId target_return = KnownReturnType(program, target);
    TypeId value_return = target_return.valid() ? KnownReturnType(program, value) : TypeId::None();
    return !value_return.valid() || Assignable(program, value_return, target_return, depth + 1, strict);
  }
  return true;
}

}  // namespace

bool IsAssignable(Program& program, TypeId value, TypeId target, bool strict_callables) {
  return Assignable(program, value, target, 0, strict_callables);
}

}  // namespace asynctype
