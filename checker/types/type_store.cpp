#include "checker/types/type_store.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype {

TypeStore::TypeStore() {
  unknown_ = Intern({TypeKind::Unknown, 0, 0});
  any_ = Intern({TypeKind::Any, 0, 0});
  never_ = Intern({TypeKind::Never, 0, 0});
  none_ = Intern({TypeKind::NoneType, 0, 0});
  InternList({});  // list 0 is the empty list
}

TypeId TypeStore::Intern(TypeData data) {
  auto [it, inserted] = type_ids_.try_emplace(data, TypeId(static_cast<uint32_t>(types_.size())));
  if (inserted) types_.push_back(data);
  return it->second;
}

TypeListId TypeStore::InternList(llvm::ArrayRef<TypeId> types) {
  unsigned hash = llvm::hash_combine_range(
      reinterpret_cast<const uint32_t*>(types.begin()), reinterpret_cast<const uint32_t*>(types.end()));
  auto& candidates = list_ids_[hash];
  for (uint32_t index : candidates) {
    if (llvm::ArrayRef<TypeId>(lists_[index]) == types) return TypeListId(index);
  }
  lists_.emplace_back(types.begin(), types.end());
  candidates.push_back(static_cast<uint32_t>(lists_.size() - 1));
  return TypeListId(static_cast<uint32_t>(lists_.size() - 1));
}

llvm::ArrayRef<TypeId> TypeStore::list(TypeListId id) const {
  if (!id.valid()) return {};
  return lists_[id.index()];
}

uint32_t TypeStore::InternString(llvm::StringRef text) {
  auto it = string_ids_.find(text);
  if (it != string_ids_.end()) return it->second;
  string_storage_.emplace_back(text.str());
  uint32_t index = static_cast<uint32_t>(strings_.size());
  strings_.push_back(string_storage_.back());
  string_ids_[text] = index;
  return index;
}

TypeId TypeStore::Instance(ClassId cls, llvm::ArrayRef<TypeId> args) {
  uint32_t list = args.empty() ? TypeListId::kNoneValue : InternList(args).value;
  return Intern({TypeKind::Instance, cls.value, list});
}

TypeId TypeStore::ClassLiteral(ClassId cls, llvm::ArrayRef<TypeId> args) {
  uint32_t list = args.empty() ? TypeListId::kNoneValue : InternList(args).value;
  return Intern({TypeKind::ClassLiteral, cls.value, list});
}

TypeId TypeStore::SubclassOf(TypeId instance) {
  return Intern({TypeKind::SubclassOf, instance.value, 0});
}

TypeId TypeStore::Callable(const Signature& sig) {
  llvm::hash_code hash =
      llvm::hash_combine(sig.return_type.value, sig.gradual, sig.params.size(), sig.param_spec.value);
  for (const Param& p : sig.params) {
    hash = llvm::hash_combine(hash, llvm::StringRef(p.name), static_cast<int>(p.kind), p.type.value,
                              p.has_default);
  }
  auto& candidates = signature_ids_[static_cast<unsigned>(hash)];
  for (uint32_t index : candidates) {
    if (signatures_[index] == sig) return Intern({TypeKind::Callable, index, 0});
  }
  signatures_.push_back(sig);
  uint32_t index = static_cast<uint32_t>(signatures_.size() - 1);
  candidates.push_back(index);
  return Intern({TypeKind::Callable, index, 0});
}

TypeId TypeStore::Overloaded(llvm::ArrayRef<TypeId> functions) {
  return Intern({TypeKind::Overloaded, InternList(functions).value, 0});
}

TypeId TypeStore::Tuple(llvm::ArrayRef<TypeId> elements) {
  return Intern({TypeKind::Tuple, InternList(elements).value, 0});
}

TypeId TypeStore::HomogeneousTuple(TypeId element) {
  return Intern({TypeKind::Tuple, InternList({element}).value, 1});
}

TypeId TypeStore::IntLiteral(int64_t value) {
  uint64_t bits = static_cast<uint64_t>(value);
  return Intern({TypeKind::IntLiteral, static_cast<uint32_t>(bits), static_cast<uint32_t>(bits >> 32)});
}

int64_t TypeStore::IntLiteralValue(TypeId id) const { return IntLiteralTypeView{*this, id}.value(); }

llvm::ArrayRef<TypeId> TypeStore::TypeArgs(TypeId instance_or_class) const {
  TypeKind k = kind(instance_or_class);
  if (k != TypeKind::Instance && k != TypeKind::ClassLiteral) return {};
  return InstanceTypeView{*this, instance_or_class}.args();
}

TypeId TypeStore::Union(llvm::ArrayRef<TypeId> types) {
  llvm::SmallVector<TypeId, 8> members;
  llvm::DenseSet<uint64_t> seen;  // the members, once there are many (a name with many bindings)
  auto add = [&](TypeId t) {
    if (kind(t) == TypeKind::Never) return;
    if (members.size() < 32) {
      if (std::find(members.begin(), members.end(), t) != members.end()) return;
      members.push_back(t);
      if (members.size() == 32) {
        for (TypeId m : members) seen.insert(m.value);
      }
      return;
    }
    if (seen.insert(t.value).second) members.push_back(t);
  };
  for (TypeId t : types) {
    if (kind(t) == TypeKind::Union) {
      for (TypeId m : UnionMembers(t)) add(m);
    } else {
      add(t);
    }
  }
  // `object` absorbs everything.
  ClassId object = known_class(KnownClass::Object);
  if (object.valid()) {
    for (TypeId m : members) {
      if (kind(m) == TypeKind::Instance && ClassOf(m) == object) return m;
    }
  }
  if (members.empty()) return never_;
  if (members.size() == 1) return members[0];
  return Intern({TypeKind::Union, InternList(members).value, 0});
}

ClassId TypeStore::AddClass(ClassInfo info) {
  classes_.push_back(std::move(info));
  return ClassId(static_cast<uint32_t>(classes_.size() - 1));
}

FunctionId TypeStore::AddFunction(FunctionInfo info) {
  functions_.push_back(std::move(info));
  return FunctionId(static_cast<uint32_t>(functions_.size() - 1));
}

TypeVarId TypeStore::AddTypeVar(TypeVarInfo info) {
  typevars_.push_back(std::move(info));
  return TypeVarId(static_cast<uint32_t>(typevars_.size() - 1));
}

const char* TypeKindName(TypeKind kind) {
  switch (kind) {
#define TYPE(kind, members) \
  case TypeKind::kind: return #kind;
#include "checker/types/type_kinds.def"
  }
  llvm_unreachable("every kind is handled");
}

const char* SpecialFormName(SpecialForm form) {
  switch (form) {
#define SPECIAL_FORM(form, name) \
  case SpecialForm::form: return name;
#include "checker/types/type_kinds.def"
  }
  llvm_unreachable("every kind is handled");
}

const char* KnownClassModule(KnownClass known) {
  switch (known) {
#define KNOWN_CLASS(known, module, name) \
  case KnownClass::known: return module;
#include "checker/types/type_kinds.def"
    case KnownClass::None_:
    case KnownClass::kCount: break;
  }
  return "";
}

const char* KnownClassName(KnownClass known) {
  switch (known) {
#define KNOWN_CLASS(known, module, name) \
  case KnownClass::known: return name;
#include "checker/types/type_kinds.def"
    case KnownClass::None_:
    case KnownClass::kCount: break;
  }
  return "";
}

}  // namespace asynctype
