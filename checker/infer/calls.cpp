// Calls, dispatched on the kind of callee: a function, bound method or `Callable` calls its one
// signature (binding the arguments, solving its TypeVars, checking each argument against its
// solved parameter type); an overload set, a class (its constructor), an instance's `__call__`
// and each member of a union go to their own rooms (overloads.cpp, constructors.cpp). CheckCall
// additionally collects the reasons a call fails (CallError) wherever they are certain, and which
// callee they describe; nothing here reports diagnostics. Argument binding is binding.h, TypeVar
// solving typevar_solver.h, the argument context argument_context.cpp.
#include "checker/database/program.h"
#include "checker/infer/binding.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/typevar_solver.h"

namespace asynctype {

Signature BoundSignature(Program& program, TypeId bound_method, bool inferred_return) {
  TypeStore& store = program.types();
  BoundMethodTypeView method{store, bound_method};
  FunctionId id = FunctionTypeView{store, method.function()}.function();
  Signature sig = inferred_return ? SignatureForCall(program, id, /*bound=*/true) : GetSignature(program, id);
  const FunctionInfo& info = store.function(id);
  TypeId receiver = method.self();
  if (info.owner.valid()) {
    TypeId instance = receiver;
    if (store.kind(instance) == TypeKind::ClassLiteral) {
      instance = store.TypeArgs(instance).empty()
                     ? SelfInstance(program, store.ClassOf(instance))
                     : store.Instance(store.ClassOf(instance), store.TypeArgs(instance));
    }
    Substitution subst;
    if (store.kind(instance) == TypeKind::Instance) {
      ResolvedClass(program, store.ClassOf(instance));
      if (TypeId up = Upcast(store, instance, info.owner); up.valid()) subst = ClassSubstitution(store, up);
    }
    const ClassInfo& owner = store.cls(info.owner);
    if (owner.self_typevar.valid()) subst.Add(owner.self_typevar, instance);
    sig = SubstituteSignature(store, sig, subst);
  }
  // The receiver fills the first positional parameter (a leading `*args` takes it instead); an
  // annotated one with TypeVars is solved from it (`def _create(cls: type[T]) -> T` of a
  // metaclass, `def copy(self: T) -> T`).
  if (!sig.params.empty() && !info.is_staticmethod && IsPositionalParam(sig.params.front().kind)) {
    TypeId first = sig.params.front().type;
    std::vector<TypeId> typevars;
    if (first.valid()) CollectTypeVars(store, first, &typevars);
    if (!typevars.empty()) {
      Solver solver(program);
      solver.Solve(first, receiver);
      if (!solver.empty()) sig = SubstituteSignature(store, sig, solver.Finish(typevars));
    }
    sig.params.erase(sig.params.begin());
  }
  return sig;
}

// Whether a bound method's receiver fits its `self` annotation (`def ping(self: AsyncP)` of an
// overload taken only by async clients). Unannotated, generic or dynamic: it fits.
bool ReceiverFits(Program& program, TypeId bound_method) {
  TypeStore& store = program.types();
  BoundMethodTypeView method{store, bound_method};
  FunctionId id = FunctionTypeView{store, method.function()}.function();
  const Signature& sig = GetSignature(program, id);
  const FunctionInfo& info = store.function(id);
  if (info.is_staticmethod || sig.params.empty() || !IsPositionalParam(sig.params.front().kind)) return true;
  TypeId first = sig.params.front().type;
  TypeId receiver = method.self();
  if (!first.valid() || store.IsDynamic(first) || store.IsDynamic(receiver)) return true;
  std::vector<TypeId> typevars;
  CollectTypeVars(store, first, &typevars);
  if (!typevars.empty()) return true;
  return IsAssignable(program, receiver, first);
}

Description Describe(const TypeStore& store, TypeId callee) {
  switch (store.kind(callee)) {
    case TypeKind::Function: return {CallError::Callee::Function, store.function(FunctionTypeView{store, callee}.function()).name};
    case TypeKind::BoundMethod: {
      TypeId function = BoundMethodTypeView{store, callee}.function();
      if (store.kind(function) != TypeKind::Function) return {};
      return {CallError::Callee::BoundMethod, store.function(FunctionTypeView{store, function}.function()).name};
    }
    case TypeKind::Overloaded: {
      auto overloads = OverloadedTypeView{store, callee}.overloads();
      if (overloads.empty()) return {};
      return Describe(store, overloads.front());
    }
    default: return {};
  }
}

namespace {

void AddErrors(std::vector<CallError>* errors, std::vector<CallError> found, const Description& desc) {
  if (!errors) return;
  for (CallError& e : found) {
    e.callee = desc.kind;
    e.callee_name = desc.name;
    errors->push_back(std::move(e));
  }
}

}  // namespace

CallOutcome CallSignature(Program& program, const Signature& sig, llvm::ArrayRef<Argument> args,
                          bool check_types, std::vector<CallError>* errors, const Description& desc,
                          Substitution* solved, llvm::ArrayRef<TypeId> extra_typevars, TypeId expected) {
  TypeStore& store = program.types();
  BindResult bound = BindArguments(sig, args);
  CallOutcome outcome;
  outcome.matched = bound.ok;
  Solver solver(program);
  // `*args: *Ts`: Ts is the tuple of the arguments it takes (then a `Callable[[*Ts], R]`
  // parameter expects a function accepting them).
  TypeId variadic;
  for (const Param& p : sig.params) {
    if (p.kind == ParamKind::VarArgs && IsTypeVarTuple(store, p.type)) variadic = p.type;
  }
  std::vector<TypeId> variadic_args;
  if (variadic.valid()) {
    for (const BoundPair& pair : bound.pairs) {
      if (pair.param_type == variadic && pair.arg_type.valid()) variadic_args.push_back(pair.arg_type);
    }
    solver.SolveVariadic(variadic, variadic_args);
  }
  for (const BoundPair& pair : bound.pairs) {
    if (!pair.param_type.valid() || !pair.arg_type.valid() || pair.param_type == variadic) continue;
    solver.Solve(pair.param_type, pair.arg_type);
  }
  std::vector<TypeId> typevars(extra_typevars.begin(), extra_typevars.end());
  for (const Param& p : sig.params) CollectTypeVars(store, p.type, &typevars);
  if (sig.guard.valid()) CollectTypeVars(store, sig.guard, &typevars);
  const size_t from_parameters = typevars.size();
  CollectTypeVars(store, sig.return_type, &typevars);
  Substitution subst = solver.Finish(typevars);
  if (expected.valid() && bound.ok && !typevars.empty()) {
    subst = WithContext(program, sig, bound.pairs, typevars, std::move(subst), expected);
  }
  // TypeVars only a returned callable mentions (a decorator factory's
  // `-> Callable[[Callable[P, T]], Callable[P, T]]`) belong to that callable: left free, they are
  // solved when it is called.
  if (typevars.size() > from_parameters && sig.return_type.valid() && store.kind(sig.return_type) == TypeKind::Callable) {
    Substitution kept;
    for (const auto& [tv, value] : subst.pairs()) {
      bool free = std::find(typevars.begin() + from_parameters, typevars.end(), tv) != typevars.end();
      if (free && store.kind(value) == TypeKind::Unknown) continue;
      kept.Add(tv, value);
    }
    subst = std::move(kept);
  }
  std::vector<CallError> found = std::move(bound.errors);
  if (check_types && outcome.matched) {
    // An overload whose TypeVar would be solved outside its bound (or none of its constraints)
    // does not apply (`ensure_future(coro)` is not the `_FT: Future[Any]` overload;
    // `abspath(p: PathLike[str] | str)` is not `AnyStr` as a whole).
    for (TypeId tv : typevars) {
      if (store.kind(tv) != TypeKind::TypeVar) continue;
      const TypeVarInfo& info = store.typevar(TypeVarTypeView{store, tv}.typevar());
      if (info.flavor != TypeVarFlavor::TypeVar) continue;
      TypeId value = subst.Lookup(tv);
      if (!value.valid() || HasDynamicPart(store, value)) continue;
      if (info.bound.valid() && !IsAssignable(program, value, Substitute(store, info.bound, subst))) {
        outcome.matched = false;
      }
      if (!info.constraints.empty() &&
          std::none_of(info.constraints.begin(), info.constraints.end(),
                       [&](TypeId c) { return IsAssignable(program, value, c); })) {
        outcome.matched = false;
      }
    }
  }
  if ((check_types && outcome.matched) || errors) {
    for (const BoundPair& pair : bound.pairs) {
      if (!pair.param_type.valid() || !pair.arg_type.valid()) continue;
      if (variadic.valid() && pair.param_type == variadic) continue;  // Ts is what they are
      TypeId expected = Substitute(store, pair.param_type, subst);
      if (IsAssignable(program, pair.arg_type, expected)) continue;
      outcome.matched = false;
      if (!errors) break;
      if (HasDynamicPart(store, expected) || HasUnmodelledPart(program, pair.arg_type)) continue;
      CallError e{CallError::Kind::InvalidArgumentType};
      e.argument = pair.arg_index;
      e.expected = expected;
      e.actual = pair.arg_type;
      if (store.kind(pair.arg_type) == TypeKind::Union) {
        for (TypeId m : store.UnionMembers(pair.arg_type)) {
          e.union_partially_fits |= IsAssignable(program, m, expected);
        }
      }
      found.push_back(std::move(e));
    }
  }
  AddErrors(errors, std::move(found), desc);
  TypeId ret = sig.return_type.valid() ? sig.return_type : store.Unknown();
  outcome.type = Substitute(store, ret, subst);
  if (sig.guard.valid()) {
    outcome.guard = Substitute(store, sig.guard, subst);
    outcome.guard_is_typeis = sig.guard_is_typeis;
  }
  if (solved) *solved = std::move(subst);
  return outcome;
}

CallOutcome CallOne(Program& program, TypeId callee, llvm::ArrayRef<Argument> args, bool check_types,
                    int depth, std::vector<CallError>* errors, TypeId expected) {
  TypeStore& store = program.types();
  CallOutcome outcome;
  outcome.type = store.Unknown();
  if (depth > 8) return outcome;
  auto trusted = [&]() { return errors && TrustedCallee(program, callee) ? errors : nullptr; };
  switch (store.kind(callee)) {
    case TypeKind::Unknown:
    case TypeKind::Any:
      outcome.type = callee;
      return outcome;
    case TypeKind::Never:
      outcome.type = store.Never();
      return outcome;
    case TypeKind::Function:
      return CallSignature(program, SignatureForCall(program, FunctionTypeView{store, callee}.function(), /*bound=*/false), args, check_types, trusted(),
                           Describe(store, callee), nullptr, {}, expected);
    case TypeKind::BoundMethod: {
      if (store.kind(BoundMethodTypeView{store, callee}.function()) != TypeKind::Function) return outcome;
      std::vector<CallError>* errs = trusted();
      std::vector<CallError> found;
      CallOutcome r = CallSignature(program, BoundSignature(program, callee), args, check_types,
                                    errs ? &found : nullptr, Describe(store, callee), nullptr, {}, expected);
      bool literal_receiver = HasNestedLiteral(store, BoundMethodTypeView{store, callee}.self(), /*nested=*/false);
      for (CallError& e : found) {
        if (literal_receiver && e.kind == CallError::Kind::InvalidArgumentType) continue;
        errs->push_back(std::move(e));
      }
      return r;
    }
    case TypeKind::Callable:
      return CallSignature(program, CallableTypeView{store, callee}.signature(), args, check_types, trusted(), {}, nullptr, {}, expected);
    case TypeKind::Overloaded: {
      std::vector<Signature> sigs;
      bool skipped_for_receiver = false;
      for (TypeId overload : OverloadedTypeView{store, callee}.overloads()) {
        const TypeKind overload_kind = store.kind(overload);
        if (overload_kind == TypeKind::Function) {
          sigs.push_back(GetSignature(program, FunctionTypeView{store, overload}.function()));
          // Overloaded class methods reached through the class come unbound: drop `cls`.
          if (store.function(FunctionTypeView{store, overload}.function()).is_classmethod && !sigs.back().params.empty() &&
              IsPositionalParam(sigs.back().params.front().kind)) {
            sigs.back().params.erase(sigs.back().params.begin());
          }
        } else if (overload_kind == TypeKind::BoundMethod && store.kind(BoundMethodTypeView{store, overload}.function()) == TypeKind::Function) {
          if (!ReceiverFits(program, overload)) {
            skipped_for_receiver = true;
            continue;
          }
          sigs.push_back(BoundSignature(program, overload));
        } else {
          return outcome;  // not modelled: anything goes
        }
      }
      // Every overload's `self` annotation rejected the receiver: the receiver's type is not
      // what the checker thinks (or the call is wrong, which another check says): anything goes.
      if (sigs.empty() && skipped_for_receiver) return outcome;
      bool partially = false;
      CallOutcome r = CallOverloads(program, sigs, args, nullptr, {}, &partially, expected);
      if (std::vector<CallError>* errs = r.matched ? nullptr : trusted()) {
        Description desc = Describe(store, callee);
        ReportNoMatchingOverload(program, r, partially, args, callee, desc.kind, desc.name, errs, sigs);
      }
      return r;
    }
    case TypeKind::ClassLiteral:
      return Construct(program, callee, args, depth, errors, expected);
    case TypeKind::SubclassOf:
      outcome.type = SubclassOfTypeView{store, callee}.instance();
      return outcome;
    case TypeKind::Instance: {
      if (IsAnyStandIn(store, callee)) return outcome;
      Member call = LookupDunder(program, callee, "__call__");
      if (!call.type.valid()) {
        outcome.callable = false;
        // A descriptor (`__get__`) stored on a class is seen here before binding: stay silent.
        if (errors && !LookupDunder(program, callee, "__get__").type.valid()) {
          CallError e{CallError::Kind::NotCallable};
          e.actual = callee;
          errors->push_back(std::move(e));
        }
        return outcome;
      }
      return CallOne(program, call.type, args, check_types, depth + 1, errors, expected);
    }
    case TypeKind::Union: {
      // A union containing a dynamic member may be anything at run time: no errors.
      std::vector<CallError>* errs = errors;
      for (TypeId member : store.UnionMembers(callee)) {
        if (store.IsDynamic(member)) errs = nullptr;
      }
      std::vector<TypeId> results;
      std::vector<TypeId> not_callable;
      std::vector<CallError> found;
      bool some_member_fits = false;
      for (TypeId member : store.UnionMembers(callee)) {
        std::vector<CallError> member_errors;
        CallOutcome r = CallOne(program, member, args, check_types, depth + 1, errs ? &member_errors : nullptr,
                                expected);
        outcome.callable &= r.callable;
        outcome.matched &= r.matched;
        results.push_back(r.type);
        some_member_fits |= member_errors.empty();
        for (CallError& e : member_errors) {
          if (e.kind == CallError::Kind::NotCallable) {
            not_callable.push_back(e.actual);
          } else {
            found.push_back(std::move(e));
          }
        }
      }
      outcome.type = store.Union(results);
      // Some member accepts the call: the others are often excluded by narrowing the inference
      // does not see (`if method == "text": ... else: table[method](...)`). Stay silent.
      if (errs && !some_member_fits) {
        // No member callable: one error for the whole union, as ty does.
        if (!not_callable.empty() && not_callable.size() == store.UnionMembers(callee).size()) {
          CallError e{CallError::Kind::NotCallable};
          e.actual = callee;
          errs->push_back(std::move(e));
        } else {
          for (TypeId t : not_callable) {
            CallError e{CallError::Kind::NotCallable};
            e.actual = t;
            errs->push_back(std::move(e));
          }
        }
        for (CallError& e : found) errs->push_back(std::move(e));
      }
      return outcome;
    }
    case TypeKind::SpecialForm:
    case TypeKind::TypeVarObject:
    case TypeKind::TypeVar:
      return outcome;
    default:
      outcome.callable = false;
      if (errors) {
        CallError e{CallError::Kind::NotCallable};
        e.actual = callee;
        errors->push_back(std::move(e));
      }
      return outcome;
  }
}

const Signature& GetSignature(Program& program, FunctionId fn) {
  FunctionInfo& info = program.types().function(fn);
  if (!info.signature_done && !info.signature_in_progress) {
    program.inference(info.file).ResolveSignature(fn);
  }
  return program.types().function(fn).signature;
}

CallOutcome CallType(Program& program, TypeId callee, llvm::ArrayRef<Argument> args, TypeId expected) {
  return CallOne(program, callee, args, /*check_types=*/false, 0, nullptr, expected);
}

CallOutcome CallTypeChecked(Program& program, TypeId callee, llvm::ArrayRef<Argument> args) {
  return CallOne(program, callee, args, /*check_types=*/true, 0, nullptr, TypeId::None());
}

CallOutcome CheckCall(Program& program, TypeId callee, llvm::ArrayRef<Argument> args, TypeId expected) {
  std::vector<CallError> errors;
  CallOutcome outcome = CallOne(program, callee, args, /*check_types=*/false, 0, &errors, expected);
  if (!errors.empty()) outcome.matched = false;
  outcome.errors = std::move(errors);
  return outcome;
}

std::optional<Signature> PlainSignature(Program& program, TypeId callable) {
  TypeStore& store = program.types();
  switch (store.kind(callable)) {
    case TypeKind::Function: {
      const FunctionInfo& info = store.function(FunctionTypeView{store, callable}.function());
      if (info.is_property || info.is_classmethod || info.is_staticmethod || info.is_overload) return std::nullopt;
      return GetSignature(program, FunctionTypeView{store, callable}.function());
    }
    case TypeKind::Callable: return CallableTypeView{store, callable}.signature();
    case TypeKind::BoundMethod: {
      TypeId function = BoundMethodTypeView{store, callable}.function();
      if (store.kind(function) != TypeKind::Function) return std::nullopt;
      const FunctionInfo& info = store.function(FunctionTypeView{store, function}.function());
      if (info.is_property || info.is_staticmethod || info.is_overload) return std::nullopt;
      return BoundSignature(program, callable, /*inferred_return=*/false);
    }
    default: return std::nullopt;
  }
}

}  // namespace asynctype
