#include "checker/types/substitute.h"

namespace asynctype {

TypeId Substitute(TypeStore& store, TypeId type, const Substitution& subst) {
  if (subst.empty() || !type.valid()) return type;
  const TypeData d = store.data(type);
  auto map_list = [&](TypeListId list, bool* changed) {
    llvm::SmallVector<TypeId, 4> out;
    for (TypeId t : store.list(list)) {
      TypeId s = Substitute(store, t, subst);
      *changed |= s != t;
      out.push_back(s);
    }
    return out;
  };
  switch (d.kind) {
    case TypeKind::TypeVar: {
      TypeId r = subst.Lookup(type);
      return r.valid() ? r : type;
    }
    case TypeKind::Instance:
    case TypeKind::ClassLiteral: {
      if (d.b == TypeListId::kNoneValue) return type;
      bool changed = false;
      auto args = map_list(TypeListId(d.b), &changed);
      if (!changed) return type;
      return d.kind == TypeKind::Instance ? store.Instance(ClassId(d.a), args)
                                          : store.ClassLiteral(ClassId(d.a), args);
    }
    case TypeKind::SubclassOf:
      return store.SubclassOf(Substitute(store, TypeId(d.a), subst));
    case TypeKind::Union: {
      bool changed = false;
      auto members = map_list(TypeListId(d.a), &changed);
      return changed ? store.Union(members) : type;
    }
    case TypeKind::Tuple: {
      bool changed = false;
      auto elements = map_list(TypeListId(d.a), &changed);
      if (!changed) return type;
      // Substituting a TypeVarTuple's unpacked tuple into a tuple splices it in.
      return d.b ? store.HomogeneousTuple(elements[0]) : store.Tuple(elements);
    }
    case TypeKind::Callable: {
      Signature sig = SubstituteSignature(store, store.signature(d.a), subst);
      return store.Callable(sig);
    }
    case TypeKind::BoundMethod:
      return store.BoundMethod(TypeId(d.a), Substitute(store, TypeId(d.b), subst));
    default:
      return type;
  }
}

Signature SubstituteSignature(TypeStore& store, const Signature& sig, const Substitution& subst) {
  Signature out = sig;
  if (sig.param_spec.valid()) {
    TypeId solved = subst.Lookup(sig.param_spec);
    if (solved.valid()) {
      // P solved to a concrete parameter list (a Callable), or to nothing known (gradual).
      out.param_spec = TypeId::None();
      if (store.kind(solved) == TypeKind::Callable) {
        const Signature& from = store.signature(store.data(solved).a);
        out.params = from.params;
        out.gradual = from.gradual;
        out.param_spec = from.param_spec;
      } else {
        out.params.clear();
        out.gradual = true;
      }
    }
  }
  for (Param& p : out.params) p.type = Substitute(store, p.type, subst);
  out.return_type = Substitute(store, sig.return_type, subst);
  if (sig.guard.valid()) out.guard = Substitute(store, sig.guard, subst);
  // TypeVars that were replaced are no longer parameters of the signature.
  out.type_params.clear();
  for (TypeId tv : sig.type_params) {
    if (!subst.Lookup(tv).valid()) out.type_params.push_back(tv);
  }
  return out;
}

Substitution ClassSubstitution(const TypeStore& store, TypeId instance) {
  Substitution subst;
  const TypeData& d = store.data(instance);
  if (d.kind != TypeKind::Instance && d.kind != TypeKind::ClassLiteral) return subst;
  const ClassInfo& info = store.cls(ClassId(d.a));
  auto args = store.TypeArgs(instance);
  for (size_t i = 0; i < info.type_params.size() && i < args.size(); ++i) {
    subst.Add(info.type_params[i], args[i]);
  }
  return subst;
}

}  // namespace asynctype

namespace asynctype {

TypeId Upcast(TypeStore& store, TypeId instance, ClassId target) {
  if (store.kind(instance) != TypeKind::Instance) return TypeId::None();
  ClassId cls = store.ClassOf(instance);
  if (cls == target) return instance;
  Substitution subst = ClassSubstitution(store, instance);
  // Copy: Substitute may add classes' lists but never touches MROs.
  std::vector<TypeId> mro = store.cls(cls).mro;
  for (TypeId base : mro) {
    if (store.kind(base) == TypeKind::Instance && store.ClassOf(base) == target) {
      return Substitute(store, base, subst);
    }
  }
  return TypeId::None();
}

}  // namespace asynctype
