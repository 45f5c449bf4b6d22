// Known classes, class resolution glue and attribute lookup: instances look through their
// class's MRO (methods come back bound to the instance, class type arguments substituted),
// class objects through their own MRO, modules through their public symbols.
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {

KnownClass KnownClassFor(llvm::StringRef module, llvm::StringRef name) {
  for (size_t i = 1; i < static_cast<size_t>(KnownClass::kCount); ++i) {
    auto known = static_cast<KnownClass>(i);
    if (module == KnownClassModule(known) && name == KnownClassName(known)) return known;
  }
  return KnownClass::None_;
}

ClassId GetKnownClass(Program& program, KnownClass known) {
  ClassId id = program.types().known_class(known);
  if (id.valid()) return id;
  if (known == KnownClass::None_ || known == KnownClass::kCount) return ClassId::None();
  ModuleId module = program.resolver().Resolve(KnownClassModule(known));
  if (!module.valid()) return ClassId::None();
  FileId file = program.modules()[module].file;
  std::optional<TypeId> type = program.inference(file).ModuleSymbolType(KnownClassName(known));
  if (type && program.types().kind(*type) == TypeKind::ClassLiteral) {
    return program.types().ClassOf(*type);
  }
  return ClassId::None();
}

TypeId KnownInstance(Program& program, KnownClass known, llvm::ArrayRef<TypeId> args) {
  ClassId cls = GetKnownClass(program, known);
  if (!cls.valid()) return program.types().Unknown();
  const ClassInfo& info = ResolvedClass(program, cls);
  if (args.empty() && !info.type_params.empty()) return DefaultInstance(program, cls);
  return program.types().Instance(cls, args);
}

TypeId PromoteLiteral(Program& program, TypeId type) {
  switch (program.types().kind(type)) {
    case TypeKind::IntLiteral: return KnownInstance(program, KnownClass::Int);
    case TypeKind::BoolLiteral: return KnownInstance(program, KnownClass::Bool);
    case TypeKind::StringLiteral: return KnownInstance(program, KnownClass::Str);
    case TypeKind::BytesLiteral: return KnownInstance(program, KnownClass::Bytes);
    default: return type;
  }
}

namespace {

// `done`: tuples and unions already promoted (a type shared by several elements, `(t, t)` nested,
// is promoted once, not once per path).
TypeId PromoteLiteralDeep(Program& program, TypeId type, llvm::DenseMap<uint32_t, TypeId>& done) {
  TypeStore& store = program.types();
  switch (store.kind(type)) {
    case TypeKind::Tuple:
    case TypeKind::Union: {
      if (auto it = done.find(type.value); it != done.end()) return it->second;
      llvm::ArrayRef<TypeId> list = store.kind(type) == TypeKind::Union ? store.UnionMembers(type)
                                                                       : TupleTypeView{store, type}.elements();
      std::vector<TypeId> items(list.begin(), list.end());
      bool changed = false;
      for (TypeId& item : items) {
        TypeId promoted = PromoteLiteralDeep(program, item, done);
        changed |= promoted != item;
        item = promoted;
      }
      TypeId result = type;
      if (changed) {
        result = store.kind(type) == TypeKind::Union ? store.Union(items)
                 : TupleTypeView{store, type}.homogeneous() ? store.HomogeneousTuple(items[0])
                                                     : store.Tuple(items);
      }
      done[type.value] = result;
      return result;
    }
    default: return PromoteLiteral(program, type);
  }
}

}  // namespace

TypeId PromoteLiteralDeep(Program& program, TypeId type) {
  llvm::DenseMap<uint32_t, TypeId> done;
  return PromoteLiteralDeep(program, type, done);
}

const ClassInfo& ResolvedClass(Program& program, ClassId cls) {
  ClassInfo& info = program.types().cls(cls);
  if (!info.resolved && !info.resolving) program.inference(info.file).ResolveClass(cls);
  return program.types().cls(cls);
}

TypeId SelfInstance(Program& program, ClassId cls) {
  const ClassInfo& info = ResolvedClass(program, cls);
  return program.types().Instance(cls, info.type_params);
}

TypeId DefaultInstance(Program& program, ClassId cls) {
  const ClassInfo& info = ResolvedClass(program, cls);
  if (info.type_params.empty()) return program.types().Instance(cls);
  std::vector<TypeId> args;
  TypeStore& store = program.types();
  Substitution so_far;
  for (TypeId tp : info.type_params) {
    const TypeVarInfo& tv = store.typevar(TypeVarTypeView{store, tp}.typevar());
    TypeId arg = tv.default_type.valid() ? Substitute(store, tv.default_type, so_far) : store.Unknown();
    if (tv.flavor == TypeVarFlavor::TypeVarTuple) arg = store.HomogeneousTuple(store.Unknown());
    args.push_back(arg);
    so_far.Add(tp, arg);
  }
  return store.Instance(cls, args);
}

namespace {

// The `def` that binds `name` in a class scope, when every public binding is a `def`.
FunctionId DefiningFunction(FileInference& inference, ScopeId scope, llvm::StringRef name) {
  const SemanticIndex& index = inference.index();
  SymbolId sym = index.LookupSymbol(scope, name);
  if (!sym.valid()) return FunctionId::None();
  auto defs = index.PublicDefinitions(sym);
  if (defs.empty()) return FunctionId::None();
  for (DefinitionId d : defs) {
    if (index.definition(d).kind != DefinitionKind::Function) return FunctionId::None();
  }
  return inference.FunctionFor(index.definition(defs.back()).node);
}

// The raw (unbound) type of `name` declared in a class body, searching the MRO. `*def_function`
// is the `def` binding it, if any (its decorators may have turned it into a Callable). An
// attribute the nearest class assigns without declaring it takes the declared type of a base
// class that annotates it (`x: T`), if any; else the nearest class's assignments give its type
// (`*inferred`).
std::optional<TypeId> ClassBodyMember(Program& program, ClassId cls, llvm::StringRef name,
                                      ClassId* owner, bool* unknown_base, bool on_instance,
                                      FunctionId* def_function, bool* in_class_body, bool* inferred) {
  const ClassInfo& info = ResolvedClass(program, cls);
  *unknown_base = info.has_unknown_base;
  std::vector<TypeId> mro = info.mro;
  struct Found {
    TypeId type;
    ClassId owner;
    FunctionId def_function;
    bool in_class_body = false;
  };
  std::optional<Found> nearest;  // the nearest class that assigns it without declaring it
  for (TypeId entry : mro) {
    ClassId base = program.types().ClassOf(entry);
    const ClassInfo& base_info = program.types().cls(base);
    FileInference& inference = program.inference(base_info.file);
    ScopeId scope = inference.index().ScopeOpenedBy(base_info.node);
    if (!scope.valid()) continue;
    std::optional<FileInference::ClassAttribute> attr = inference.ClassAttributeType(scope, name, on_instance);
    if (!attr) continue;
    Found found{attr->type, base, FunctionId::None(), attr->in_class_body};
    if (attr->in_class_body) found.def_function = DefiningFunction(inference, scope, name);
    if (attr->origin == FileInference::AttributeOrigin::Inferred) {
      if (!nearest) nearest = found;
      continue;
    }
    // A base's `def` / class / import does not override what a subclass assigns.
    if (nearest && attr->origin != FileInference::AttributeOrigin::Declared) break;
    *owner = found.owner;
    *def_function = found.def_function;
    *in_class_body = found.in_class_body;
    return found.type;
  }
  if (!nearest) return std::nullopt;
  *owner = nearest->owner;
  *def_function = nearest->def_function;
  *in_class_body = nearest->in_class_body;
  *inferred = true;
  return nearest->type;
}

// A decorated method whose decorator returned a Callable with the method's own parameters
// (`@contextmanager`, `ParamSpec` decorators) still binds like a method: the first positional
// parameter takes the receiver. Other callables (gradual, `*args` first) are left as they are.
TypeId BindDecoratedMethod(TypeStore& store, TypeId callable, TypeId receiver) {
  Signature sig = CallableTypeView{store, callable}.signature();
  if (sig.gradual || sig.params.empty()) return callable;
  ParamKind first = sig.params.front().kind;
  if (first != ParamKind::PositionalOnly && first != ParamKind::PositionalOrKeyword) return callable;
  Substitution subst;
  TypeId self_type = sig.params.front().type;
  if (self_type.valid() && store.kind(self_type) == TypeKind::TypeVar) subst.Add(self_type, receiver);
  sig.params.erase(sig.params.begin());
  return Substitute(store, store.Callable(sig), subst);
}

// Binds a class-body member to an instance (`self`) or class receiver.
// `in_class_body` false: an attribute assigned through `self` lives in the instance, where a
// function it holds is not bound (`self.connect = socket.create_connection`).
TypeId BindMember(Program& program, TypeId raw, TypeId receiver, ClassId owner, bool on_instance,
                  FunctionId def_function = FunctionId::None(), bool in_class_body = true) {
  TypeStore& store = program.types();
  TypeId instance = receiver;
  if (store.kind(receiver) == TypeKind::ClassLiteral) {
    instance = store.TypeArgs(receiver).empty() ? DefaultInstance(program, store.ClassOf(receiver))
                                                : store.Instance(store.ClassOf(receiver), store.TypeArgs(receiver));
  }
  Substitution subst;
  if (TypeId up = Upcast(store, instance, owner); up.valid()) subst = ClassSubstitution(store, up);
  const ClassInfo& owner_info = store.cls(owner);
  if (owner_info.self_typevar.valid()) subst.Add(owner_info.self_typevar, instance);
  if (!in_class_body) return Substitute(store, raw, subst);

  if (store.kind(raw) == TypeKind::Function) {
    const FunctionInfo& fn = store.function(FunctionTypeView{store, raw}.function());
    GetSignature(program, FunctionTypeView{store, raw}.function());
    if (fn.is_property) {
      if (!on_instance) return raw;
      // (a getter without a return annotation returns what its body returns)
      Signature sig = SignatureForCall(program, FunctionTypeView{store, raw}.function(), /*bound=*/true);
      TypeId ret = sig.return_type.valid() ? sig.return_type : store.Unknown();
      return Substitute(store, ret, subst);
    }
    if (fn.is_staticmethod) return raw;
    if (fn.is_classmethod) {
      TypeId cls_receiver = store.kind(receiver) == TypeKind::ClassLiteral
                                ? receiver
                                : store.ClassLiteral(store.ClassOf(instance), store.TypeArgs(instance));
      return store.BoundMethod(raw, cls_receiver);
    }
    if (!on_instance) return raw;
    return store.BoundMethod(raw, receiver);
  }
  if (store.kind(raw) == TypeKind::Overloaded) {
    if (!on_instance) return raw;
    std::vector<TypeId> bound;
    for (TypeId f : OverloadedTypeView{store, raw}.overloads()) {
      bound.push_back(BindMember(program, f, receiver, owner, on_instance));
    }
    return store.Overloaded(bound);
  }
  if (store.kind(raw) == TypeKind::Callable && def_function.valid()) {
    const FunctionInfo& fn = store.function(def_function);
    if (fn.is_classmethod) {
      TypeId cls_receiver = store.kind(receiver) == TypeKind::ClassLiteral
                                ? receiver
                                : store.ClassLiteral(store.ClassOf(instance), store.TypeArgs(instance));
      return BindDecoratedMethod(store, Substitute(store, raw, subst), cls_receiver);
    }
    if (on_instance && !fn.is_staticmethod) {
      return BindDecoratedMethod(store, Substitute(store, raw, subst), receiver);
    }
  }
  return Substitute(store, raw, subst);
}

// An object stored in a class body whose class defines `__get__` is a descriptor: reading it
// through an instance or the class returns what `__get__(instance or None, owner)` returns. One
// with only `__set__` is read from the instance's own storage: Unknown.
TypeId ApplyDescriptor(Program& program, TypeId value, TypeId receiver, bool on_instance) {
  TypeStore& store = program.types();
  if (store.kind(value) != TypeKind::Instance) return value;
  Member get = LookupDunder(program, value, "__get__");
  if (!get.type.valid()) {
    // Only `__set__`: the setter stores the value in the instance, where reads find it.
    if (on_instance && LookupDunder(program, value, "__set__").type.valid()) return store.Unknown();
    return value;
  }
  TypeId owner_type = receiver;
  if (on_instance) {
    owner_type = store.kind(receiver) == TypeKind::Instance
                     ? store.ClassLiteral(store.ClassOf(receiver), store.TypeArgs(receiver))
                     : store.Unknown();
  }
  Argument instance{Argument::Kind::Positional, "", on_instance ? receiver : store.None()};
  Argument owner{Argument::Kind::Positional, "", owner_type};
  CallOutcome r = CallType(program, get.type, {instance, owner});
  if (!r.callable || !r.matched || !r.type.valid()) return store.Unknown();
  return r.type;
}

// Whether a class derives from `enum.Enum` (its members are instances of the class).
bool IsEnumClass(Program& program, ClassId cls) {
  const ClassInfo& info = ResolvedClass(program, cls);
  for (TypeId base : info.mro) {
    const ClassInfo& b = program.types().cls(program.types().ClassOf(base));
    if (b.name == "Enum" && b.module == "enum") return true;
  }
  return false;
}

Member LookupOnClass(Program& program, TypeId receiver, ClassId cls, llvm::StringRef name,
                     bool on_instance) {
  TypeStore& store = program.types();
  ClassId owner;
  bool unknown_base = false;
  FunctionId def_function;
  bool in_class_body = false;
  bool inferred = false;
  std::optional<TypeId> raw = ClassBodyMember(program, cls, name, &owner, &unknown_base, on_instance,
                                              &def_function, &in_class_body, &inferred);
  if (!raw) {
    if (unknown_base) return {store.Unknown(), ClassId::None()};
    return {TypeId::None(), ClassId::None()};
  }
  // Found only on `object`, past an unknown base (`class S(Session)` with Session unresolved):
  // the unknown base may define it (`S.__init__(self, bind=...)`).
  if (unknown_base && store.cls(owner).known == KnownClass::Object) return {store.Unknown(), ClassId::None()};
  // An enum member (`Color.RED`) is an instance of its enum class, not its value. Stubs declare
  // members with a literal value (`AF_INET6 = 10`); their other class attributes (`_value_: int`,
  // `name = _magic_enum_attr`) are not members.
  if (!on_instance && !name.startswith("_") && IsEnumClass(program, cls)) {
    TypeKind k = store.kind(*raw);
    bool in_stub = program.source(store.cls(owner).file).is_stub();
    bool literal = k == TypeKind::IntLiteral || k == TypeKind::StringLiteral ||
                   k == TypeKind::BoolLiteral || k == TypeKind::BytesLiteral;
    // A class object assigned in the body (`ALL = HealthyAll`) is a member; a nested `class`
    // statement is not one here (it is a member before 3.13, with a deprecation warning).
    bool member_class = false;
    if (!in_stub && k == TypeKind::ClassLiteral) {
      const ClassInfo& owner_info = store.cls(owner);
      const SemanticIndex& index = program.index(owner_info.file);
      ScopeId body = index.ScopeOpenedBy(owner_info.node);
      if (body.valid()) {
        auto it = index.scope(body).symbols.find(name);
        if (it != index.scope(body).symbols.end()) {
          const Symbol& symbol = index.symbol(it->second);
          member_class = !symbol.definitions.empty() &&
                         index.definition(symbol.definitions.back()).kind == DefinitionKind::Assignment;
        }
      }
    }
    if (in_stub ? literal
                : member_class || (k != TypeKind::Function && k != TypeKind::Overloaded && k != TypeKind::ClassLiteral &&
                                   k != TypeKind::Callable && k != TypeKind::BoundMethod)) {
      return {DefaultInstance(program, cls), owner};
    }
  }
  TypeId bound = BindMember(program, *raw, receiver, owner, on_instance, def_function, in_class_body);
  if (in_class_body) bound = ApplyDescriptor(program, bound, receiver, on_instance);
  Member member{bound, owner};
  member.inferred = inferred;
  return member;
}

Member LookupInModule(Program& program, ModuleId module, llvm::StringRef name) {
  TypeStore& store = program.types();
  const ModuleInfo& info = program.modules()[module];
  if (info.file.valid()) {
    if (std::optional<TypeId> t = program.inference(info.file).ModuleSymbolType(name)) {
      return {*t, ClassId::None()};
    }
  }
  if (!info.file.valid() && !info.is_package) return {store.Unknown(), ClassId::None()};  // untyped
  // A submodule of a package.
  // (Among the stubs when the package is a stub.)
  ModuleId sub = program.resolver().Resolve(info.name + "." + name.str(), info.file);
  if (sub.valid()) return {program.modules().Type(sub), ClassId::None()};
  if (!info.file.valid()) return {store.Unknown(), ClassId::None()};  // untyped / namespace
  // A module-level `__getattr__` (PEP 562) answers any other name with what it returns.
  if (std::optional<TypeId> getattr = program.inference(info.file).ModuleSymbolType("__getattr__")) {
    CallOutcome r = CallType(program, *getattr, {Argument{Argument::Kind::Positional, "",
                                                          KnownInstance(program, KnownClass::Str)}});
    if (r.callable && r.matched && r.type.valid()) return {r.type, ClassId::None()};
    return {store.Unknown(), ClassId::None()};
  }
  return {TypeId::None(), ClassId::None()};
}

}  // namespace

Member LookupMember(Program& program, TypeId object, llvm::StringRef name) {
  TypeStore& store = program.types();
  switch (store.kind(object)) {
    case TypeKind::Unknown:
    case TypeKind::Any:
      return {object, ClassId::None()};
    case TypeKind::Never:
      return {object, ClassId::None()};
    case TypeKind::Instance:
      return LookupOnClass(program, object, store.ClassOf(object), name, /*on_instance=*/true);
    case TypeKind::ClassLiteral: {
      Member m = LookupOnClass(program, object, store.ClassOf(object), name, /*on_instance=*/false);
      if (m.type.valid()) return m;
      // Attributes of the metaclass, bound to the class object (`Token._create()` with
      // `def _create(cls: type[T]) -> T` in the metaclass).
      TypeId meta = ResolvedClass(program, store.ClassOf(object)).metaclass;
      if (meta.valid() && store.kind(meta) == TypeKind::Instance) {
        Member on_meta = LookupOnClass(program, object, store.ClassOf(meta), name, /*on_instance=*/true);
        if (on_meta.type.valid()) return on_meta;
      }
      // Attributes of `type` itself (`__name__`, ...).
      ClassId type_cls = GetKnownClass(program, KnownClass::Type);
      if (type_cls.valid()) return LookupOnClass(program, store.Instance(type_cls), type_cls, name, true);
      return m;
    }
    case TypeKind::SubclassOf: {
      TypeId instance = SubclassOfTypeView{store, object}.instance();
      if (store.kind(instance) != TypeKind::Instance) return {store.Unknown(), ClassId::None()};
      TypeId literal = store.ClassLiteral(store.ClassOf(instance), store.TypeArgs(instance));
      return LookupMember(program, literal, name);
    }
    case TypeKind::Module:
      return LookupInModule(program, ModuleTypeView{store, object}.module(), name);
    case TypeKind::Union: {
      std::vector<TypeId> results;
      bool missing = false, inferred = false;
      for (TypeId member : store.UnionMembers(object)) {
        Member m = LookupMember(program, member, name);
        if (m.type.valid()) {
          results.push_back(m.type);
          inferred |= m.inferred;
        } else {
          missing = true;
        }
      }
      if (results.empty()) return {TypeId::None(), ClassId::None()};
      Member m{store.Union(results), ClassId::None()};
      m.maybe = missing;
      m.inferred = inferred;
      return m;
    }
    case TypeKind::NoneType:
      return LookupMember(program, KnownInstance(program, KnownClass::Object), name);
    case TypeKind::Tuple: {
      auto elements = TupleTypeView{store, object}.elements();
      TypeId element = elements.empty() ? store.Never() : store.Union(elements);
      return LookupMember(program, KnownInstance(program, KnownClass::Tuple, {element}), name);
    }
    case TypeKind::IntLiteral:
    case TypeKind::BoolLiteral:
    case TypeKind::StringLiteral:
    case TypeKind::BytesLiteral:
      return LookupMember(program, PromoteLiteral(program, object), name);
    case TypeKind::Function:
    case TypeKind::BoundMethod:
    case TypeKind::Callable:
    case TypeKind::Overloaded:
      return LookupMember(program, KnownInstance(program, KnownClass::Function), name);
    case TypeKind::TypeVar: {
      const TypeVarInfo& tv = store.typevar(TypeVarTypeView{store, object}.typevar());
      if (tv.bound.valid()) return LookupMember(program, tv.bound, name);
      return LookupMember(program, KnownInstance(program, KnownClass::Object), name);
    }
    default:
      return {store.Unknown(), ClassId::None()};
  }
}

bool IsInferredAttribute(Program& program, TypeId object, llvm::StringRef name) {
  TypeStore& store = program.types();
  const TypeKind kind = store.kind(object);
  if (kind == TypeKind::Union) {
    for (TypeId member : store.UnionMembers(object)) {
      if (IsInferredAttribute(program, member, name)) return true;
    }
    return false;
  }
  if (kind != TypeKind::Instance && kind != TypeKind::ClassLiteral) return false;
  const bool on_instance = kind == TypeKind::Instance;
  std::vector<TypeId> mro = ResolvedClass(program, store.ClassOf(object)).mro;
  bool nearest = false;  // ClassBodyMember's walk, on the origins alone
  for (TypeId entry : mro) {
    const ClassInfo& base_info = store.cls(store.ClassOf(entry));
    FileInference& inference = program.inference(base_info.file);
    ScopeId scope = inference.index().ScopeOpenedBy(base_info.node);
    if (!scope.valid()) continue;
    std::optional<FileInference::AttributeOrigin> origin = inference.ClassAttributeOrigin(scope, name, on_instance);
    if (!origin) continue;
    if (*origin == FileInference::AttributeOrigin::Inferred) {
      nearest = true;
      continue;
    }
    if (*origin == FileInference::AttributeOrigin::Declared) return false;
    return nearest;
  }
  return nearest;
}

Member LookupDunder(Program& program, TypeId object, llvm::StringRef name) {
  TypeStore& store = program.types();
  switch (store.kind(object)) {
    case TypeKind::ClassLiteral:
    case TypeKind::SubclassOf: {
      // Dunders of a class object come from its metaclass (`type`).
      ClassId type_cls = GetKnownClass(program, KnownClass::Type);
      if (!type_cls.valid()) return {store.Unknown(), ClassId::None()};
      return LookupOnClass(program, store.Instance(type_cls), type_cls, name, true);
    }
    case TypeKind::Module: {
      ClassId module_cls = GetKnownClass(program, KnownClass::ModuleType);
      if (!module_cls.valid()) return {store.Unknown(), ClassId::None()};
      return LookupOnClass(program, store.Instance(module_cls), module_cls, name, true);
    }
    case TypeKind::Union: {
      std::vector<TypeId> results;
      bool missing = false;
      for (TypeId member : store.UnionMembers(object)) {
        Member m = LookupDunder(program, member, name);
        if (m.type.valid()) {
          results.push_back(m.type);
        } else {
          missing = true;
        }
      }
      if (results.empty()) return {TypeId::None(), ClassId::None()};
      Member m{store.Union(results), ClassId::None()};
      m.maybe = missing;
      return m;
    }
    default:
      return LookupMember(program, object, name);
  }
}

}  // namespace asynctype
