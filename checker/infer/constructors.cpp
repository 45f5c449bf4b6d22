// Constructors: what calling a class does. The class's own `__init__` (its result the instance,
// solving the class's type parameters) or else its `__new__` (whose return type may name another
// type); whether those really are what a call of the class runs (no synthesized `__init__`, no
// custom metaclass, no NamedTuple / TypedDict), and so which classes are fully modelled.
#include "checker/database/program.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/semantic/decorators.h"

namespace asynctype {
namespace {

// The name a `metaclass=` keyword's value ends with: `ABCMeta` of `abc.ABCMeta` (or of a call
// of it), "" for other expressions.
llvm::StringRef MetaclassName(const Ast& ast, NodeId value) {
  if (ast.kind(value) == NodeKind::Call) value = CallView{ast, value}.func();
  if (ast.kind(value) == NodeKind::Name) return ast.str(value);
  if (ast.kind(value) == NodeKind::Attribute) {
    NodeId attr = AttributeView{ast, value}.attr();
    if (attr.valid()) return ast.str(attr);
  }
  return "";
}

// Whether a class in the MRO of `cls` names a metaclass other than `type` / `ABCMeta`: the
// metaclass's `__call__`, `__iter__`, operators... apply to the class object, and the checker
// does not model them.
bool HasCustomMetaclass(Program& program, ClassId cls) {
  TypeStore& store = program.types();
  std::vector<TypeId> mro = ResolvedClass(program, cls).mro;
  for (TypeId entry : mro) {
    const ClassInfo& base = store.cls(store.ClassOf(entry));
    const Ast& ast = program.inference(base.file).ast();
    ClassDefView view{ast, base.node};
    if (!view.arguments().valid()) continue;
    for (NodeId arg : ast.children(view.arguments())) {
      if (!arg.valid() || ast.kind(arg) != NodeKind::Keyword || ast.str(arg) != "metaclass") continue;
      llvm::StringRef meta = MetaclassName(ast, KeywordView{ast, arg}.value());
      if (meta != "ABCMeta" && meta != "type") return true;
    }
  }
  return false;
}

}  // namespace

bool ConstructorCheckable(Program& program, ClassId cls) { return ClassModelled(program, cls, /*dataclass_ok=*/false); }

bool ClassModelled(Program& program, ClassId cls, bool dataclass_ok) {
  TypeStore& store = program.types();
  const ClassInfo& info = ResolvedClass(program, cls);
  if (info.has_unknown_base || info.is_protocol) return false;
  if (!SoleDefinition(program, info.file, info.node)) return false;
  std::vector<TypeId> mro = info.mro;
  for (TypeId entry : mro) {
    const ClassInfo& base = store.cls(store.ClassOf(entry));
    if (base.has_unknown_base) return false;
    if (base.known == KnownClass::Object) continue;
    if ((base.module == "typing" || base.module == "typing_extensions") &&
        (base.name == "NamedTuple" || base.name == "TypedDict")) {
      return false;
    }
    const Ast& ast = program.inference(base.file).ast();
    ClassDefView view{ast, base.node};
    if (view.decorators().valid()) {
      for (NodeId dec : ast.children(view.decorators())) {
        Decorator d = ClassifyDecorator(ast, dec);
        if (d.calls > 1) return false;
        switch (d.kind) {
          case KnownDecorator::Final:
          case KnownDecorator::RuntimeCheckable:
          case KnownDecorator::TypeCheckOnly:
          case KnownDecorator::DisjointBase:
          case KnownDecorator::TotalOrdering:
          case KnownDecorator::Deprecated: break;
          case KnownDecorator::Dataclass:
            if (!dataclass_ok) return false;
            break;
          default: return false;
        }
      }
    }
  }
  return !HasCustomMetaclass(program, cls);
}

bool ClassFullyModelled(Program& program, ClassId cls) { return ConstructorCheckable(program, cls); }

// A type whose relations the checker does not fully know: dynamic parts, or a class object
// whose class has a custom metaclass or an unknown base (`list(SomeEnum)` iterates through
// EnumMeta.__iter__), or is a NamedTuple / TypedDict (functional forms create classes).
bool HasUnmodelledPart(Program& program, TypeId type) {
  TypeStore& store = program.types();
  if (HasDynamicPart(store, type)) return true;
  std::vector<TypeId> members = {type};
  if (store.kind(type) == TypeKind::Union) {
    auto m = store.UnionMembers(type);
    members.assign(m.begin(), m.end());
  }
  for (TypeId m : members) {
    ClassId cls;
    if (store.kind(m) == TypeKind::ClassLiteral) cls = store.ClassOf(m);
    if (store.kind(m) == TypeKind::SubclassOf && store.kind(SubclassOfTypeView{store, m}.instance()) == TypeKind::Instance) {
      cls = store.ClassOf(SubclassOfTypeView{store, m}.instance());
    }
    if (!cls.valid()) continue;
    const ClassInfo& info = ResolvedClass(program, cls);
    if (info.has_unknown_base || HasCustomMetaclass(program, cls)) return true;
    for (TypeId entry : info.mro) {
      const ClassInfo& base = store.cls(store.ClassOf(entry));
      if ((base.module == "typing" || base.module == "typing_extensions") &&
          (base.name == "NamedTuple" || base.name == "TypedDict")) {
        return true;
      }
    }
  }
  return false;
}

CallOutcome Construct(Program& program, TypeId class_literal, llvm::ArrayRef<Argument> args, int depth,
                      std::vector<CallError>* errors, TypeId expected) {
  TypeStore& store = program.types();
  ClassId cls = store.ClassOf(class_literal);
  const ClassInfo& info = ResolvedClass(program, cls);
  TypeId receiver = store.TypeArgs(class_literal).empty()
                        ? SelfInstance(program, cls)
                        : store.Instance(cls, store.TypeArgs(class_literal));
  TypeId object = KnownInstance(program, KnownClass::Object);
  ClassId object_cls = store.kind(object) == TypeKind::Instance ? store.ClassOf(object) : ClassId::None();
  Member init = LookupMember(program, receiver, "__init__");
  Member ctor = init;
  bool use_new = false;
  if (!init.type.valid() || init.owner == object_cls) {
    Member new_member = LookupMember(program, store.ClassLiteral(cls), "__new__");
    if (new_member.type.valid() && new_member.owner.valid() && new_member.owner != object_cls) {
      ctor = new_member;
      use_new = true;
    }
  }
  CallOutcome outcome;
  outcome.type = DefaultInstance(program, cls);
  if (!ctor.type.valid() || store.IsDynamic(ctor.type) || ctor.owner == object_cls) {
    if (!store.TypeArgs(class_literal).empty()) {
      outcome.type = receiver;
    } else if (!info.type_params.empty() && expected.valid()) {
      // Nothing solves the type parameters: the declared type of the target does
      // (`status: TaskStatus[int] = TaskStatus()`), before the TypeVars' defaults.
      llvm::ArrayRef<TypeId> members = store.kind(expected) == TypeKind::Union ? store.UnionMembers(expected)
                                                                             : llvm::ArrayRef<TypeId>(expected);
      for (TypeId member : members) {
        if (store.kind(member) == TypeKind::Instance && store.ClassOf(member) == cls) {
          outcome.type = member;
          break;
        }
      }
    }
    return outcome;
  }
  if (errors && !ConstructorCheckable(program, cls)) errors = nullptr;
  Substitution solved;
  const TypeKind ctor_kind = store.kind(ctor.type);
  // `__new__(cls, ...)` is a static method taking the class first.
  auto new_signature = [&](FunctionId fn) {
    Signature sig = GetSignature(program, fn);
    if (!sig.params.empty()) sig.params.erase(sig.params.begin());
    Substitution self_subst;
    if (info.self_typevar.valid()) self_subst.Add(info.self_typevar, receiver);
    return SubstituteSignature(store, sig, self_subst);
  };
  bool all_functions = ctor_kind == TypeKind::Overloaded;
  bool all_bound_functions = all_functions;
  if (all_functions) {
    for (TypeId f : OverloadedTypeView{store, ctor.type}.overloads()) {
      all_functions &= store.kind(f) == TypeKind::Function;
      all_bound_functions &= store.kind(f) == TypeKind::BoundMethod && store.kind(BoundMethodTypeView{store, f}.function()) == TypeKind::Function;
    }
  }
  // `__init__` as a constructor: its result is the instance, `self`'s annotation when it names
  // the class (`def __init__(self: nullcontext[None])`), so solving the call solves the class's
  // type parameters.
  auto init_signature = [&](TypeId bound_init) {
    Signature sig = BoundSignature(program, bound_init, /*inferred_return=*/false);
    sig.return_type = receiver;
    FunctionId fn = FunctionTypeView{store, BoundMethodTypeView{store, bound_init}.function()}.function();
    const Signature& unbound = GetSignature(program, fn);
    if (!unbound.params.empty() && unbound.params.front().type.valid()) {
      TypeId self_type = unbound.params.front().type;
      if (store.kind(self_type) == TypeKind::Instance && store.ClassOf(self_type) == cls) {
        sig.return_type = self_type;
        // `self: Server[BaseRequest]` fixes the class's parameters for the other parameters too
        // (the overload then accepts only handlers of a `BaseRequest`).
        auto args = store.TypeArgs(self_type);
        if (args.size() == info.type_params.size() && store.TypeArgs(receiver) == llvm::ArrayRef<TypeId>(info.type_params)) {
          Substitution fixed;
          for (size_t i = 0; i < args.size(); ++i) {
            if (args[i] != info.type_params[i]) fixed.Add(info.type_params[i], args[i]);
          }
          sig = SubstituteSignature(store, sig, fixed);
        }
      }
    }
    return sig;
  };
  if (!use_new && ctor_kind == TypeKind::BoundMethod && store.kind(BoundMethodTypeView{store, ctor.type}.function()) == TypeKind::Function) {
    std::vector<CallError>* errs = errors && TrustedCallee(program, ctor.type) ? errors : nullptr;
    CallOutcome r = CallSignature(program, init_signature(ctor.type), args, false, errs, Describe(store, ctor.type),
                                  &solved, info.type_params, expected);
    outcome.matched = r.matched;
    outcome.type = r.type;
    return outcome;
  } else if (!use_new && all_bound_functions) {
    std::vector<CallError>* errs = errors && TrustedCallee(program, ctor.type) ? errors : nullptr;
    std::vector<Signature> sigs;
    for (TypeId f : OverloadedTypeView{store, ctor.type}.overloads()) sigs.push_back(init_signature(f));
    bool partially = false;
    CallOutcome r = CallOverloads(program, sigs, args, &solved, info.type_params, &partially, expected);
    ReportNoMatchingOverload(program, r, partially, args, ctor.type, CallError::Callee::Class, info.name, errs, sigs,
                             info.type_params);
    outcome.matched = r.matched;
    if (r.matched) outcome.type = r.type;
    return outcome;
  } else if (use_new && (ctor_kind == TypeKind::Function || all_functions)) {
    std::vector<CallError>* errs = errors && TrustedCallee(program, ctor.type) ? errors : nullptr;
    CallOutcome r;
    if (ctor_kind == TypeKind::Function) {
      r = CallSignature(program, new_signature(FunctionTypeView{store, ctor.type}.function()), args, false, errs,
                        Describe(store, ctor.type), &solved, info.type_params, expected);
    } else {
      std::vector<Signature> sigs;
      for (TypeId f : OverloadedTypeView{store, ctor.type}.overloads()) sigs.push_back(new_signature(FunctionTypeView{store, f}.function()));
      bool partially = false;
      r = CallOverloads(program, sigs, args, &solved, info.type_params, &partially, expected);
      ReportNoMatchingOverload(program, r, partially, args, ctor.type, CallError::Callee::Class, info.name, errs, sigs,
                             info.type_params);
    }
    outcome.matched = r.matched;
    // A `__new__` returning another type decides the result.
    TypeKind rk = store.kind(r.type);
    if (rk != TypeKind::Instance || store.ClassOf(r.type) != cls) {
      if (rk != TypeKind::Unknown && rk != TypeKind::TypeVar) {
        outcome.type = r.type;
        return outcome;
      }
    }
  } else {
    CallOutcome r = CallOne(program, ctor.type, args, false, depth + 1, errors, TypeId::None());
    outcome.matched = r.matched;
    return outcome;
  }
  outcome.type = Substitute(store, receiver, solved);
  return outcome;
}

}  // namespace asynctype
