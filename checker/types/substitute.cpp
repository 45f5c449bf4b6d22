#include "checker/types/substitute.h"

#include "llvm/ADT/DenseMap.h"

namespace asynctype {

namespace {

// One substitution over a type: parts shared inside it (`tuple[A, A]`, with A such a tuple again)
// are substituted once, so the work is linear in the type's size in memory, not in its written
// length.
class Substituter {
 public:
  Substituter(TypeStore& store, const Substitution& subst) : store_(store), subst_(subst) {}

  TypeId Type(TypeId type) {
    if (!type.valid()) return type;
    const TypeKind kind = store_.kind(type);
    switch (kind) {
      case TypeKind::TypeVar: {
        TypeId r = subst_.Lookup(type);
        return r.valid() ? r : type;
      }
      case TypeKind::Instance:
      case TypeKind::ClassLiteral:
        if (InstanceTypeView{store_, type}.args().empty()) return type;
        break;
      case TypeKind::SubclassOf:
      case TypeKind::Union:
      case TypeKind::Tuple:
      case TypeKind::Callable:
      case TypeKind::BoundMethod:
        break;
      default:
        return type;
    }
    if (auto it = done_.find(type.value); it != done_.end()) return TypeId(it->second);
    TypeId result = Compound(type, kind);
    done_[type.value] = result.value;
    return result;
  }

  Signature Sig(const Signature& sig) {
    Signature out = sig;
    if (sig.param_spec.valid()) {
      TypeId solved = subst_.Lookup(sig.param_spec);
      if (solved.valid()) {
        // P solved to a concrete parameter list (a Callable), or to nothing known (gradual).
        out.param_spec = TypeId::None();
        if (store_.kind(solved) == TypeKind::Callable) {
          const Signature& from = CallableTypeView{store_, solved}.signature();
          out.params = from.params;
          out.gradual = from.gradual;
          out.param_spec = from.param_spec;
        } else {
          out.params.clear();
          out.gradual = true;
        }
      }
    }
    // `*args: *Ts` with Ts solved to a tuple: its elements become positional-only parameters;
    // solved to anything else (unknown): the signature accepts anything.
    for (size_t i = 0; i < out.params.size(); ++i) {
      const Param& p = out.params[i];
      if (p.kind != ParamKind::VarArgs || !p.type.valid() || store_.kind(p.type) != TypeKind::TypeVar ||
          store_.typevar(TypeVarTypeView{store_, p.type}.typevar()).flavor != TypeVarFlavor::TypeVarTuple) {
        continue;
      }
      TypeId solved = subst_.Lookup(p.type);
      if (!solved.valid()) break;
      if (store_.kind(solved) == TypeKind::Tuple && !TupleTypeView{store_, solved}.homogeneous()) {
        std::vector<Param> spliced;
        for (TypeId element : TupleTypeView{store_, solved}.elements()) {
          Param q;
          q.kind = ParamKind::PositionalOnly;
          q.type = element;
          spliced.push_back(std::move(q));
        }
        out.params.erase(out.params.begin() + i);
        out.params.insert(out.params.begin() + i, spliced.begin(), spliced.end());
      } else {
        out.params.clear();
        out.gradual = true;
      }
      break;
    }
    for (Param& p : out.params) p.type = Type(p.type);
    out.return_type = Type(sig.return_type);
    if (sig.guard.valid()) out.guard = Type(sig.guard);
    // TypeVars that were replaced are no longer parameters of the signature.
    out.type_params.clear();
    for (TypeId tv : sig.type_params) {
      if (!subst_.Lookup(tv).valid()) out.type_params.push_back(tv);
    }
    return out;
  }

 private:
  TypeId Compound(TypeId type, const TypeKind kind) {
    auto map_list = [&](llvm::ArrayRef<TypeId> list, bool* changed) {
      llvm::SmallVector<TypeId, 4> in(list.begin(), list.end());
      llvm::SmallVector<TypeId, 4> out;
      for (TypeId t : in) {
        TypeId s = Type(t);
        *changed |= s != t;
        out.push_back(s);
      }
      return out;
    };
    switch (kind) {
      case TypeKind::Instance:
      case TypeKind::ClassLiteral: {
        InstanceTypeView instance{store_, type};
        if (instance.args().empty()) return type;
        bool changed = false;
        auto args = map_list(instance.args(), &changed);
        if (!changed) return type;
        return kind == TypeKind::Instance ? store_.Instance(instance.cls(), args)
                                          : store_.ClassLiteral(instance.cls(), args);
      }
      case TypeKind::SubclassOf:
        return store_.SubclassOf(Type(SubclassOfTypeView{store_, type}.instance()));
      case TypeKind::Union: {
        bool changed = false;
        auto members = map_list(UnionTypeView{store_, type}.members(), &changed);
        return changed ? store_.Union(members) : type;
      }
      case TypeKind::Tuple: {
        bool changed = false;
        TupleTypeView tuple{store_, type};
        auto elements = map_list(tuple.elements(), &changed);
        if (!changed) return type;
        // Substituting a TypeVarTuple's unpacked tuple into a tuple splices it in.
        return tuple.homogeneous() ? store_.HomogeneousTuple(elements[0]) : store_.Tuple(elements);
      }
      case TypeKind::Callable: {
        Signature sig = Sig(CallableTypeView{store_, type}.signature());
        return store_.Callable(sig);
      }
      case TypeKind::BoundMethod: {
        BoundMethodTypeView method{store_, type};
        return store_.BoundMethod(method.function(), Type(method.self()));
      }
      default:
        return type;
    }
  }

  TypeStore& store_;
  const Substitution& subst_;
  llvm::SmallDenseMap<uint32_t, uint32_t, 8> done_;  // compound type -> its substitution
};

}  // namespace

TypeId Substitute(TypeStore& store, TypeId type, const Substitution& subst) {
  if (subst.empty() || !type.valid()) return type;
  return Substituter(store, subst).Type(type);
}

Signature SubstituteSignature(TypeStore& store, const Signature& sig, const Substitution& subst) {
  return Substituter(store, subst).Sig(sig);
}

Substitution ClassSubstitution(const TypeStore& store, TypeId instance) {
  Substitution subst;
  TypeKind kind = store.kind(instance);
  if (kind != TypeKind::Instance && kind != TypeKind::ClassLiteral) return subst;
  const ClassInfo& info = store.cls(store.ClassOf(instance));
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
