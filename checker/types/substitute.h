// Type substitution: replaces TypeVar types (a TypeVar together with its binding context) by
// concrete types throughout a type or a signature. Used to specialize generic classes'
// members (`Box[int].get`) and to apply solved call-site TypeVars.
#pragma once

#include <utility>

#include "checker/types/type_store.h"
#include "llvm/ADT/SmallVector.h"

namespace asynctype {

class Substitution {
 public:
  void Add(TypeId typevar, TypeId replacement) { pairs_.emplace_back(typevar, replacement); }
  // The replacement for a TypeVar type, or None.
  TypeId Lookup(TypeId typevar) const {
    for (const auto& [tv, t] : pairs_) {
      if (tv == typevar) return t;
    }
    return TypeId::None();
  }
  bool empty() const { return pairs_.empty(); }
  const llvm::SmallVector<std::pair<TypeId, TypeId>, 4>& pairs() const { return pairs_; }

 private:
  llvm::SmallVector<std::pair<TypeId, TypeId>, 4> pairs_;
};

TypeId Substitute(TypeStore& store, TypeId type, const Substitution& subst);
Signature SubstituteSignature(TypeStore& store, const Signature& sig, const Substitution& subst);

// The substitution that maps a generic class's own type parameters to the arguments of
// `instance` (an Instance or specialized ClassLiteral of that class).
Substitution ClassSubstitution(const TypeStore& store, TypeId instance);

}  // namespace asynctype

namespace asynctype {

// `instance` (an Instance type) seen as an instance of its base class `target`, with type
// arguments carried through the MRO (`Task[int]` upcast to Future is `Future[int]`). None when
// `target` is not in the MRO. Requires the class's MRO to be resolved.
TypeId Upcast(TypeStore& store, TypeId instance, ClassId target);

}  // namespace asynctype
