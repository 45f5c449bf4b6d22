// The canonical store of types for one Program: interns TypeData and type lists (so equal types
// have equal IDs), owns the class / function / TypeVar / signature tables, and offers the
// constructors every phase uses (unions through UnionBuilder, instances, literals) and one typed
// view per kind to read a type's payload (generated from type_kinds.def). Display of types lives
// in display.cpp. The store is not thread-safe; one Program checks on one thread.
#pragma once

#include <array>
#include <deque>
#include <string>
#include <vector>

#include "checker/types/type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

namespace asynctype {

class TypeStore {
 public:
  TypeStore();

  // ---- interning. `data` is for the views and the store itself: read payloads through a view.
  TypeId Intern(TypeData data);
  const TypeData& data(TypeId id) const { return types_[id.index()]; }
  TypeKind kind(TypeId id) const { return types_[id.index()].kind; }
  TypeListId InternList(llvm::ArrayRef<TypeId> types);
  llvm::ArrayRef<TypeId> list(TypeListId id) const;
  uint32_t InternString(llvm::StringRef text);
  llvm::StringRef string(uint32_t index) const { return strings_[index]; }

  // ---- well-known singletons
  TypeId Unknown() const { return unknown_; }
  TypeId AnyType() const { return any_; }
  TypeId Never() const { return never_; }
  TypeId None() const { return none_; }

  // ---- constructors
  TypeId Instance(ClassId cls, llvm::ArrayRef<TypeId> args = {});
  TypeId ClassLiteral(ClassId cls, llvm::ArrayRef<TypeId> args = {});
  TypeId SubclassOf(TypeId instance);
  TypeId Function(FunctionId fn) { return Intern({TypeKind::Function, fn.value, 0}); }
  TypeId BoundMethod(TypeId function, TypeId self) {
    return Intern({TypeKind::BoundMethod, function.value, self.value});
  }
  TypeId Callable(const Signature& sig);
  TypeId Overloaded(llvm::ArrayRef<TypeId> functions);
  // A module object; its name (from the module table, database/module_table.h) is kept for display.
  TypeId Module(ModuleId m, llvm::StringRef name) {
    return Intern({TypeKind::Module, m.value, InternString(name)});
  }
  TypeId Tuple(llvm::ArrayRef<TypeId> elements);
  TypeId HomogeneousTuple(TypeId element);
  TypeId IntLiteral(int64_t value);
  TypeId BoolLiteral(bool value) { return Intern({TypeKind::BoolLiteral, value ? 1u : 0u, 0}); }
  TypeId StringLiteral(llvm::StringRef text) {
    return Intern({TypeKind::StringLiteral, InternString(text), 0});
  }
  TypeId BytesLiteral(llvm::StringRef text) {
    return Intern({TypeKind::BytesLiteral, InternString(text), 0});
  }
  TypeId TypeVar(TypeVarId tv, uint32_t binding) { return Intern({TypeKind::TypeVar, tv.value, binding}); }
  TypeId Special(SpecialForm form) {
    return Intern({TypeKind::SpecialForm, static_cast<uint32_t>(form), 0});
  }
  TypeId TypeVarObject(TypeVarId tv) { return Intern({TypeKind::TypeVarObject, tv.value, 0}); }
  // Union of the given types (flattened, deduplicated, first-seen order; Never dropped).
  TypeId Union(llvm::ArrayRef<TypeId> types);

  // ---- accessors on type data (shorthands for the views below)
  int64_t IntLiteralValue(TypeId id) const;
  // The type arguments of an Instance or ClassLiteral (empty for any other kind).
  llvm::ArrayRef<TypeId> TypeArgs(TypeId instance_or_class) const;
  // The class of an Instance or ClassLiteral.
  ClassId ClassOf(TypeId instance_or_class) const;
  llvm::ArrayRef<TypeId> UnionMembers(TypeId id) const;
  bool IsDynamic(TypeId id) const { return kind(id) == TypeKind::Any || kind(id) == TypeKind::Unknown; }
  // Dynamic, or a union with a dynamic member: part of it was not understood.
  bool HasDynamicMember(TypeId id) const {
    if (IsDynamic(id)) return true;
    if (kind(id) != TypeKind::Union) return false;
    for (TypeId m : UnionMembers(id)) {
      if (IsDynamic(m)) return true;
    }
    return false;
  }

  // ---- side tables
  ClassId AddClass(ClassInfo info);
  ClassInfo& cls(ClassId id) { return classes_[id.index()]; }
  const ClassInfo& cls(ClassId id) const { return classes_[id.index()]; }
  FunctionId AddFunction(FunctionInfo info);
  FunctionInfo& function(FunctionId id) { return functions_[id.index()]; }
  const FunctionInfo& function(FunctionId id) const { return functions_[id.index()]; }
  TypeVarId AddTypeVar(TypeVarInfo info);
  const TypeVarInfo& typevar(TypeVarId id) const { return typevars_[id.index()]; }
  TypeVarInfo& typevar(TypeVarId id) { return typevars_[id.index()]; }
  const Signature& signature(uint32_t id) const { return signatures_[id]; }

  // Known classes are registered when their stub class is first created.
  void SetKnownClass(KnownClass known, ClassId cls) { known_classes_[static_cast<size_t>(known)] = cls; }
  ClassId known_class(KnownClass known) const { return known_classes_[static_cast<size_t>(known)]; }

  // ---- display (display.cpp): exactly as ty displays types.
  std::string Display(TypeId id);

 private:
  struct TypeDataInfo {
    static TypeData getEmptyKey() { return {TypeKind::Unknown, ~0u, ~0u}; }
    static TypeData getTombstoneKey() { return {TypeKind::Unknown, ~0u, ~0u - 1}; }
    static unsigned getHashValue(const TypeData& d) {
      return llvm::hash_combine(static_cast<unsigned>(d.kind), d.a, d.b);
    }
    static bool isEqual(const TypeData& x, const TypeData& y) { return x == y; }
  };

  // Deques: references stay valid while new entries are added (a `const Signature&` held across
  // a call that interns more types must not dangle).
  std::deque<TypeData> types_;
  llvm::DenseMap<TypeData, TypeId, TypeDataInfo> type_ids_;
  std::vector<std::vector<TypeId>> lists_;
  llvm::DenseMap<unsigned, llvm::SmallVector<uint32_t, 1>> list_ids_;  // hash -> list indices
  std::deque<std::string> string_storage_;
  std::vector<llvm::StringRef> strings_;
  llvm::StringMap<uint32_t> string_ids_;
  std::deque<Signature> signatures_;
  llvm::DenseMap<unsigned, llvm::SmallVector<uint32_t, 1>> signature_ids_;
  std::deque<ClassInfo> classes_;
  std::deque<FunctionInfo> functions_;
  std::deque<TypeVarInfo> typevars_;
  std::array<ClassId, static_cast<size_t>(KnownClass::kCount)> known_classes_{};
  TypeId unknown_, any_, never_, none_;
};

// ---- Views: one per kind, generated from type_kinds.def (`InstanceTypeView{store, id}.cls()`,
// `TupleTypeView{store, id}.elements()`; `TypeView`, as the syntax tree's views are `TupleView`).
// A view copies the type's data once; it does not check the kind (callers switch on it).
#define CLASS(w, name) ClassId name() const { return ClassId(d.w); }
#define LIST(w, name) llvm::ArrayRef<TypeId> name() const { return store.list(TypeListId(d.w)); }
#define TYPEID(w, name) TypeId name() const { return TypeId(d.w); }
#define FUNCTION(w, name) FunctionId name() const { return FunctionId(d.w); }
#define SIGNATURE(w, name) const Signature& name() const { return store.signature(d.w); }
#define MODULE(w, name) ModuleId name() const { return ModuleId(d.w); }
#define TYPEVAR(w, name) TypeVarId name() const { return TypeVarId(d.w); }
#define BINDING(w, name) uint32_t name() const { return d.w; }
#define FORM(w, name) SpecialForm name() const { return static_cast<SpecialForm>(d.w); }
#define STRING(w, name) llvm::StringRef name() const { return store.string(d.w); }
#define FLAG(w, name) bool name() const { return d.w != 0; }
#define INT64(name) \
  int64_t name() const { return static_cast<int64_t>((static_cast<uint64_t>(d.b) << 32) | d.a); }
#define TYPE(kind, members)                                                               \
  struct kind##TypeView {                                                                 \
    kind##TypeView(const TypeStore& store, TypeId id) : store(store), d(store.data(id)) {} \
    const TypeStore& store;                                                               \
    TypeData d;                                                                           \
    members                                                                               \
  };
#include "checker/types/type_kinds.def"
#undef INT64
#undef FLAG
#undef STRING
#undef FORM
#undef BINDING
#undef TYPEVAR
#undef MODULE
#undef SIGNATURE
#undef FUNCTION
#undef TYPEID
#undef LIST
#undef CLASS

inline ClassId TypeStore::ClassOf(TypeId instance_or_class) const {
  return InstanceTypeView{*this, instance_or_class}.cls();
}
inline llvm::ArrayRef<TypeId> TypeStore::UnionMembers(TypeId id) const {
  return UnionTypeView{*this, id}.members();
}

}  // namespace asynctype
