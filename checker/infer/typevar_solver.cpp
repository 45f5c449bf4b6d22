#include "checker/infer/typevar_solver.h"

#include <algorithm>

#include "checker/database/program.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/file_inference.h"

namespace asynctype {

void CollectTypeVars(const TypeStore& store, TypeId type, std::vector<TypeId>* out) {
  if (!type.valid()) return;
  switch (store.kind(type)) {
    case TypeKind::TypeVar:
      if (std::find(out->begin(), out->end(), type) == out->end()) out->push_back(type);
      return;
    case TypeKind::Instance:
    case TypeKind::ClassLiteral:
      for (TypeId t : store.TypeArgs(type)) CollectTypeVars(store, t, out);
      return;
    case TypeKind::Union:
      for (TypeId t : store.UnionMembers(type)) CollectTypeVars(store, t, out);
      return;
    case TypeKind::Tuple:
      for (TypeId t : TupleTypeView{store, type}.elements()) CollectTypeVars(store, t, out);
      return;
    case TypeKind::Overloaded:
      for (TypeId t : OverloadedTypeView{store, type}.overloads()) CollectTypeVars(store, t, out);
      return;
    case TypeKind::SubclassOf:
      CollectTypeVars(store, SubclassOfTypeView{store, type}.instance(), out);
      return;
    case TypeKind::Callable: {
      const Signature& sig = CallableTypeView{store, type}.signature();
      for (const Param& p : sig.params) CollectTypeVars(store, p.type, out);
      CollectTypeVars(store, sig.return_type, out);
      CollectTypeVars(store, sig.param_spec, out);
      return;
    }
    default:
      return;
  }
}

Solver::Solver(Program& program) : program_(program), store_(program.types()) {}

void Solver::Solve(TypeId param, TypeId arg, int depth) {
  if (!param.valid() || !arg.valid() || depth > 20) return;
  switch (store_.kind(param)) {
    case TypeKind::TypeVar:
      // A TypeVarTuple is solved as a whole (SolveVariadic, or from a callable's parameters).
      if (!IsTypeVarTuple(store_, param)) Add(param, arg);
      return;
    case TypeKind::Union: {
      // Each member of a union argument is matched on its own.
      if (store_.kind(arg) == TypeKind::Union) {
        for (TypeId m : store_.UnionMembers(arg)) Solve(param, m, depth + 1);
        return;
      }
      // Match the non-TypeVar members first; a bare TypeVar member takes what is left.
      TypeId bare;
      bool matched = false;
      for (TypeId member : store_.UnionMembers(param)) {
        if (store_.kind(member) == TypeKind::TypeVar) {
          bare = member;
          continue;
        }
        if (Matches(member, arg)) {
          Solve(member, arg, depth + 1);
          matched = true;
        }
      }
      if (!matched && bare.valid()) Add(bare, arg);
      return;
    }
    case TypeKind::Instance: {
      TypeId a = PromoteLiteral(program_, arg);
      if (store_.kind(a) == TypeKind::Union) {
        for (TypeId m : store_.UnionMembers(a)) Solve(param, m, depth + 1);
        return;
      }
      if (store_.kind(a) == TypeKind::Tuple) {
        auto elements = TupleTypeView{store_, a}.elements();
        a = KnownInstance(program_, KnownClass::Tuple,
                          {elements.empty() ? store_.Never() : store_.Union(elements)});
      }
      ClassId target = store_.ClassOf(param);
      ResolvedClass(program_, target);
      if (store_.kind(a) == TypeKind::Instance) ResolvedClass(program_, store_.ClassOf(a));
      TypeId up = Upcast(store_, a, target);
      if (up.valid()) {
        auto pargs = store_.TypeArgs(param);
        auto aargs = store_.TypeArgs(up);
        for (size_t i = 0; i < pargs.size() && i < aargs.size(); ++i) Solve(pargs[i], aargs[i], depth + 1);
        return;
      }
      if (store_.cls(target).is_protocol) SolveProtocol(param, a, depth);
      return;
    }
    case TypeKind::Tuple: {
      if (store_.kind(arg) != TypeKind::Tuple) return;
      TupleTypeView p{store_, param};
      TupleTypeView a{store_, arg};
      auto pe = p.elements();
      auto ae = a.elements();
      if (p.homogeneous()) {
        for (TypeId e : ae) Solve(pe[0], e, depth + 1);
      } else if (!a.homogeneous()) {
        for (size_t i = 0; i < pe.size() && i < ae.size(); ++i) Solve(pe[i], ae[i], depth + 1);
      }
      return;
    }
    case TypeKind::SubclassOf: {
      if (store_.kind(arg) == TypeKind::ClassLiteral) {
        TypeId instance = store_.TypeArgs(arg).empty()
                              ? DefaultInstance(program_, store_.ClassOf(arg))
                              : store_.Instance(store_.ClassOf(arg), store_.TypeArgs(arg));
        Solve(SubclassOfTypeView{store_, param}.instance(), instance, depth + 1);
      }
      return;
    }
    case TypeKind::Callable: {
      std::optional<Signature> sig = CallableSignature(arg);
      if (!sig) return;
      const Signature& psig = CallableTypeView{store_, param}.signature();
      TypeId ret = sig->return_type.valid() ? sig->return_type : store_.Unknown();
      Solve(psig.return_type, ret, depth + 1);
      // Callable[[A, *Ts], R] takes Ts from the positional parameters after A (a signature with
      // `*args`, keyword-only parameters without defaults or unknown parameters gives none).
      if (!psig.params.empty() && psig.params.back().kind == ParamKind::VarArgs &&
          IsTypeVarTuple(store_, psig.params.back().type) && !sig->gradual && !sig->param_spec.valid() &&
          !Solved(psig.params.back().type)) {
        size_t leading = psig.params.size() - 1;
        std::vector<TypeId> rest;
        bool known = true;
        size_t positional = 0;
        for (const Param& p : sig->params) {
          if (IsPositionalParam(p.kind)) {
            if (positional++ >= leading && !p.has_default) rest.push_back(p.type.valid() ? p.type : store_.Unknown());
          } else if (p.kind == ParamKind::VarArgs || (p.kind == ParamKind::KeywordOnly && !p.has_default)) {
            known = false;
          }
        }
        if (known && positional >= leading) solutions_.push_back({psig.params.back().type, {store_.Tuple(rest)}});
      }
      if (psig.param_spec.valid()) {
        // Callable[P, R] takes P from the argument's parameters.
        Signature params = *sig;
        params.return_type = store_.Unknown();
        params.type_params.clear();
        solutions_.push_back({psig.param_spec, {store_.Callable(params)}});
      }
      return;
    }
    default:
      return;
  }
}

void Solver::SolveFromContext(TypeId ret, TypeId expected, bool top, int depth) {
  if (!ret.valid() || !expected.valid() || depth > 20) return;
  if (top && store_.IsDynamic(expected)) return;
  switch (store_.kind(ret)) {
    case TypeKind::TypeVar:
      if (!top) Add(ret, expected, /*promote=*/false);
      return;
    case TypeKind::Union:
      for (TypeId m : store_.UnionMembers(ret)) SolveFromContext(m, expected, top, depth + 1);
      return;
    case TypeKind::Instance: {
      ResolvedClass(program_, store_.ClassOf(ret));
      for (TypeId m : Alternatives(expected)) {
        if (store_.kind(m) != TypeKind::Instance) continue;
        ResolvedClass(program_, store_.ClassOf(m));
        TypeId up = Upcast(store_, ret, store_.ClassOf(m));
        if (!up.valid()) continue;
        auto formal = store_.TypeArgs(up);
        auto wanted = store_.TypeArgs(m);
        for (size_t i = 0; i < formal.size() && i < wanted.size(); ++i) {
          SolveFromContext(formal[i], wanted[i], false, depth + 1);
        }
        return;
      }
      return;
    }
    case TypeKind::Tuple: {
      TupleTypeView r{store_, ret};
      auto formal = r.elements();
      for (TypeId m : Alternatives(expected)) {
        if (store_.kind(m) != TypeKind::Tuple) continue;
        auto wanted = TupleTypeView{store_, m}.elements();
        if (TupleTypeView{store_, m}.homogeneous()) {
          for (TypeId f : formal) SolveFromContext(f, wanted[0], false, depth + 1);
        } else if (!r.homogeneous() && formal.size() == wanted.size()) {
          for (size_t i = 0; i < formal.size(); ++i) SolveFromContext(formal[i], wanted[i], false, depth + 1);
        } else {
          continue;
        }
        return;
      }
      return;
    }
    default:
      return;
  }
}

Substitution Solver::Override(const Substitution& base, llvm::ArrayRef<TypeId> typevars) {
  Substitution subst;
  for (TypeId tv : typevars) {
    TypeId value = base.Lookup(tv);
    bool constrained = store_.kind(tv) == TypeKind::TypeVar &&
                       !store_.typevar(TypeVarTypeView{store_, tv}.typevar()).constraints.empty();
    for (auto& [var, candidates] : solutions_) {
      if (var == tv && !constrained) value = store_.Union(candidates);
    }
    subst.Add(tv, value.valid() ? value : store_.Unknown());
  }
  return subst;
}

Substitution Solver::Finish(llvm::ArrayRef<TypeId> typevars) {
  Substitution subst;
  for (TypeId tv : typevars) {
    TypeId solved = TypeId::None();
    for (auto& [var, candidates] : solutions_) {
      if (var == tv) solved = store_.Union(candidates);
    }
    if (!solved.valid()) {
      // A TypeVarTuple/ParamSpec left unsolved stays gradual; others become Unknown.
      solved = store_.Unknown();
    }
    subst.Add(tv, solved);
  }
  return subst;
}

bool IsTypeVarTuple(const TypeStore& store, TypeId type) {
  return type.valid() && store.kind(type) == TypeKind::TypeVar &&
         store.typevar(TypeVarTypeView{store, type}.typevar()).flavor == TypeVarFlavor::TypeVarTuple;
}

bool Solver::Solved(TypeId typevar) const {
  for (const auto& [var, candidates] : solutions_) {
    if (var == typevar) return true;
  }
  return false;
}

void Solver::SolveVariadic(TypeId typevar_tuple, llvm::ArrayRef<TypeId> args) {
  std::vector<TypeId> elements;
  for (TypeId a : args) elements.push_back(PromoteLiteral(program_, a));
  solutions_.push_back({typevar_tuple, {store_.Tuple(elements)}});
}

std::vector<TypeId> Solver::Alternatives(TypeId type) {
  if (store_.kind(type) != TypeKind::Union) return {type};
  auto members = store_.UnionMembers(type);
  return std::vector<TypeId>(members.begin(), members.end());
}

void Solver::Add(TypeId typevar, TypeId arg, bool promote) {
  TypeId value = promote ? PromoteLiteral(program_, arg) : arg;
  for (auto& [var, candidates] : solutions_) {
    if (var == typevar) {
      if (std::find(candidates.begin(), candidates.end(), value) == candidates.end()) {
        candidates.push_back(value);
      }
      return;
    }
  }
  solutions_.push_back({typevar, {value}});
}

bool Solver::Matches(TypeId member, TypeId arg) {
  TypeId a = PromoteLiteral(program_, arg);
  if (store_.IsDynamic(a)) return false;
  if (store_.kind(member) == TypeKind::Instance && store_.kind(a) == TypeKind::Instance) {
    ResolvedClass(program_, store_.ClassOf(a));
    return Upcast(store_, a, store_.ClassOf(member)).valid();
  }
  if (store_.kind(member) == TypeKind::NoneType) return store_.kind(a) == TypeKind::NoneType;
  return IsAssignable(program_, a, member);
}

void Solver::SolveProtocol(TypeId param, TypeId arg, int depth) {
  ClassId proto = store_.ClassOf(param);
  const ClassInfo& info = ResolvedClass(program_, proto);
  FileInference& inference = program_.inference(info.file);
  ScopeId scope = inference.index().ScopeOpenedBy(info.node);
  if (!scope.valid()) return;
  std::vector<llvm::StringRef> names;
  for (const auto& entry : inference.index().scope(scope).symbols) names.push_back(entry.getKey());
  for (llvm::StringRef name : names) {
    if (name.startswith("__") && name != "__await__" && name != "__iter__" && name != "__next__" &&
        name != "__aiter__" && name != "__anext__" && name != "__call__" && name != "__getitem__") {
      continue;
    }
    Member pm = LookupMember(program_, param, name);
    Member am = LookupMember(program_, arg, name);
    if (!pm.type.valid() || !am.type.valid()) continue;
    std::optional<Signature> ps = CallableSignature(pm.type);
    std::optional<Signature> as = ps && store_.kind(am.type) == TypeKind::Overloaded
                                      ? MatchingOverload(am.type, *ps)
                                      : CallableSignature(am.type);
    if (ps && as && ps->return_type.valid() && as->return_type.valid()) {
      Solve(ps->return_type, as->return_type, depth + 1);
    }
  }
}

std::optional<Signature> Solver::MatchingOverload(TypeId overloaded, const Signature& wanted) {
  std::vector<Argument> args;
  for (const Param& p : wanted.params) {
    if (!IsPositionalParam(p.kind) || p.has_default) continue;
    std::vector<TypeId> typevars;
    CollectTypeVars(store_, p.type, &typevars);
    TypeId type = p.type.valid() && typevars.empty() ? p.type : store_.Unknown();
    args.push_back(Argument{Argument::Kind::Positional, "", type, {}});
  }
  for (TypeId overload : OverloadedTypeView{store_, overloaded}.overloads()) {
    std::optional<Signature> sig = CallableSignature(overload);
    if (!sig) continue;
    BindResult bound = BindArguments(*sig, args);
    if (!bound.ok) continue;
    bool fits = true;
    for (const BoundPair& pair : bound.pairs) {
      if (pair.param_type.valid() && pair.arg_type.valid() && !IsAssignable(program_, pair.arg_type, pair.param_type)) {
        fits = false;
      }
    }
    if (fits) return sig;
  }
  return std::nullopt;
}

std::optional<Signature> Solver::CallableSignature(TypeId callable) {
  switch (store_.kind(callable)) {
    case TypeKind::Function: return SignatureForCall(program_, FunctionTypeView{store_, callable}.function(), /*bound=*/false);
    case TypeKind::Callable: return CallableTypeView{store_, callable}.signature();
    case TypeKind::BoundMethod:
      if (store_.kind(BoundMethodTypeView{store_, callable}.function()) != TypeKind::Function) return std::nullopt;
      return BoundSignature(program_, callable);
    case TypeKind::ClassLiteral: {
      Signature sig;
      sig.gradual = true;
      sig.return_type = DefaultInstance(program_, store_.ClassOf(callable));
      return sig;
    }
    default: return std::nullopt;
  }
}

Substitution WithContext(Program& program, const Signature& sig, llvm::ArrayRef<BoundPair> pairs,
                         llvm::ArrayRef<TypeId> typevars, Substitution subst, TypeId expected) {
  TypeStore& store = program.types();
  TypeId ret = sig.return_type.valid() ? sig.return_type : store.Unknown();
  auto fits = [&](const Substitution& refined) {
    for (TypeId tv : typevars) {
      if (store.kind(tv) != TypeKind::TypeVar) continue;
      const TypeVarInfo& info = store.typevar(TypeVarTypeView{store, tv}.typevar());
      if (info.bound.valid() && !IsAssignable(program, refined.Lookup(tv), Substitute(store, info.bound, refined))) {
        return false;
      }
    }
    for (const BoundPair& pair : pairs) {
      if (!pair.param_type.valid() || !pair.arg_type.valid()) continue;
      if (!IsAssignable(program, pair.arg_type, Substitute(store, pair.param_type, refined))) return false;
    }
    return IsAssignable(program, Substitute(store, ret, refined), expected);
  };
  Solver nested(program);
  nested.SolveFromContext(ret, expected, /*top=*/true);
  if (!nested.empty()) {
    Substitution refined = nested.Override(subst, typevars);
    if (fits(refined)) subst = std::move(refined);
  }
  if (IsAssignable(program, Substitute(store, ret, subst), expected)) return subst;
  Solver whole(program);
  whole.SolveFromContext(ret, expected, /*top=*/false);
  if (whole.empty()) return subst;
  Substitution refined = whole.Override(subst, typevars);
  return fits(refined) ? refined : subst;
}

}  // namespace asynctype
