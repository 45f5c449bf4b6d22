// Calls: binding arguments to a signature (positional, keyword, defaults, *args, **kwargs and
// unpacked arguments), solving the signature's TypeVars from the argument types, overload
// selection (first overload whose arguments bind and are assignable, then ty's argument type
// expansion), constructors through `__init__`/`__new__` solving the class's type parameters, and
// `__call__`. CheckCall additionally checks every argument and collects the reasons a call fails
// (CallError) wherever they are certain; nothing here reports diagnostics.
#include "checker/database/program.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/decorators.h"

namespace asynctype {
namespace {

struct BoundPair {
  TypeId param_type;  // None: unannotated
  TypeId arg_type;
  int arg_index;
};

struct BindResult {
  std::vector<BoundPair> pairs;
  bool ok = true;
  std::vector<CallError> errors;  // the reportable arity errors
};

bool IsPositionalParam(ParamKind k) { return k == ParamKind::PositionalOnly || k == ParamKind::PositionalOrKeyword; }

// Binds arguments to parameters as the interpreter does. `ok` is false when they cannot bind;
// `errors` holds the failures that are certain (with unpacked `*args` / `**kwargs` only an
// unknown keyword and a keyword repeating an explicit positional argument are).
BindResult BindArguments(const Signature& sig, llvm::ArrayRef<Argument> args) {
  BindResult out;
  if (sig.gradual) return out;
  std::vector<bool> filled(sig.params.size(), false);
  size_t next_positional = 0;
  bool unknown_positional = false, unknown_keywords = false, silent_failure = false;
  bool unpacking = false;
  for (const Argument& arg : args) {
    unpacking |= arg.kind == Argument::Kind::Star || arg.kind == Argument::Kind::DoubleStar;
  }
  int positional_params = 0;
  for (const Param& p : sig.params) positional_params += IsPositionalParam(p.kind);
  int provided_positional = 0, first_excess = -1;
  auto positional_slot = [&]() -> int {
    if (next_positional < sig.params.size() && IsPositionalParam(sig.params[next_positional].kind)) {
      return static_cast<int>(next_positional++);
    }
    return -1;
  };
  auto find_kind = [&](ParamKind kind) -> int {
    for (size_t i = 0; i < sig.params.size(); ++i) {
      if (sig.params[i].kind == kind) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t index = 0; index < args.size(); ++index) {
    const Argument& arg = args[index];
    const int i = static_cast<int>(index);
    switch (arg.kind) {
      case Argument::Kind::Positional: {
        if (unknown_positional) break;  // where it lands depends on the unpacked length
        ++provided_positional;
        int slot = positional_slot();
        if (slot >= 0) {
          filled[slot] = true;
          out.pairs.push_back({sig.params[slot].type, arg.type, i});
        } else if (int var = find_kind(ParamKind::VarArgs); var >= 0) {
          out.pairs.push_back({sig.params[var].type, arg.type, i});
        } else {
          out.ok = false;  // too many positional arguments
          if (first_excess < 0) first_excess = i;
        }
        break;
      }
      case Argument::Kind::Star: {
        // Its elements fill `*args` once no positional parameter is left to take them first.
        bool slots_left = false;
        for (size_t p = next_positional; p < sig.params.size(); ++p) slots_left |= IsPositionalParam(sig.params[p].kind);
        int var = find_kind(ParamKind::VarArgs);
        if (!unknown_positional && !slots_left && var >= 0 && arg.element.valid()) {
          out.pairs.push_back({sig.params[var].type, arg.element, i});
        }
        unknown_positional = true;
        break;
      }
      case Argument::Kind::DoubleStar:
        unknown_keywords = true;
        break;
      case Argument::Kind::Keyword: {
        int slot = -1;
        bool positional_only_name = false;
        for (size_t p = 0; p < sig.params.size(); ++p) {
          const Param& param = sig.params[p];
          if (param.name != arg.name) continue;
          if (param.kind == ParamKind::PositionalOrKeyword || param.kind == ParamKind::KeywordOnly) {
            slot = static_cast<int>(p);
            break;
          }
          if (param.kind == ParamKind::PositionalOnly) positional_only_name = true;
        }
        if (slot >= 0) {
          if (filled[slot]) {
            out.ok = false;  // given twice
            CallError e{CallError::Kind::ParameterAlreadyAssigned};
            e.parameters.push_back(sig.params[slot].name);
            e.argument = i;
            out.errors.push_back(std::move(e));
          } else {
            filled[slot] = true;
            out.pairs.push_back({sig.params[slot].type, arg.type, i});
          }
        } else if (int kw = find_kind(ParamKind::KwArgs); kw >= 0) {
          out.pairs.push_back({sig.params[kw].type, arg.type, i});
        } else {
          out.ok = false;
          if (positional_only_name) {
            // ty reports this as `positional-only-parameter-as-kwarg`, a rule we do not have.
            silent_failure = true;
          } else {
            CallError e{CallError::Kind::UnknownArgument};
            e.parameters.push_back(arg.name.str());
            e.argument = i;
            out.errors.push_back(std::move(e));
          }
        }
        break;
      }
    }
  }
  if (first_excess >= 0 && !unpacking) {
    CallError e{CallError::Kind::TooManyPositional};
    e.argument = first_excess;
    e.expected_count = positional_params;
    e.provided_count = provided_positional;
    out.errors.push_back(std::move(e));
  }
  std::vector<std::string> missing;
  bool unnamed_missing = false;
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const Param& p = sig.params[i];
    if (filled[i] || p.has_default) continue;
    if (p.kind == ParamKind::VarArgs || p.kind == ParamKind::KwArgs) continue;
    bool positional = IsPositionalParam(p.kind);
    bool keyword = p.kind == ParamKind::PositionalOrKeyword || p.kind == ParamKind::KeywordOnly;
    if ((positional && unknown_positional) || (keyword && unknown_keywords)) continue;
    out.ok = false;  // missing argument
    missing.push_back(p.name);
    unnamed_missing |= p.name.empty();
  }
  if (!missing.empty() && !unpacking && !silent_failure && !unnamed_missing) {
    CallError e{CallError::Kind::MissingArguments};
    e.parameters = std::move(missing);
    out.errors.push_back(std::move(e));
  }
  return out;
}

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

// The signature of a bound method as its callers see it.
Signature BoundSignature(Program& program, TypeId bound_method) {
  TypeStore& store = program.types();
  BoundMethodTypeView method{store, bound_method};
  FunctionId id = FunctionTypeView{store, method.function()}.function();
  Signature sig = GetSignature(program, id);
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
  // The receiver fills the first positional parameter (a leading `*args` takes it instead).
  if (!sig.params.empty() && !info.is_staticmethod && IsPositionalParam(sig.params.front().kind)) {
    sig.params.erase(sig.params.begin());
  }
  return sig;
}

// Solves TypeVars of `param` from `arg`, structurally.
class Solver {
 public:
  explicit Solver(Program& program) : program_(program), store_(program.types()) {}

  void Solve(TypeId param, TypeId arg, int depth = 0) {
    if (!param.valid() || !arg.valid() || depth > 20) return;
    switch (store_.kind(param)) {
      case TypeKind::TypeVar:
        Add(param, arg);
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

  // Solves TypeVars of a callee's return type `ret` from the type its surroundings expect
  // (bidirectional inference): `list[T]` expected as `list[int | None]` (or as a base such as
  // `Sequence[int | None]`, or through a union with `None`) gives `T = int | None`. A bare TypeVar
  // at the top is left to the arguments: there any supertype of theirs fits anyway.
  void SolveFromContext(TypeId ret, TypeId expected, bool top, int depth = 0) {
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

  bool empty() const { return solutions_.empty(); }

  // `base` with the TypeVars solved here replaced (constrained TypeVars keep their value).
  Substitution Override(const Substitution& base, llvm::ArrayRef<TypeId> typevars) {
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

  Substitution Finish(llvm::ArrayRef<TypeId> typevars) {
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

 private:
  std::vector<TypeId> Alternatives(TypeId type) {
    if (store_.kind(type) != TypeKind::Union) return {type};
    auto members = store_.UnionMembers(type);
    return std::vector<TypeId>(members.begin(), members.end());
  }

  void Add(TypeId typevar, TypeId arg, bool promote = true) {
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

  // Whether `arg` plausibly matches the (non-TypeVar) union member `member`.
  bool Matches(TypeId member, TypeId arg) {
    TypeId a = PromoteLiteral(program_, arg);
    if (store_.IsDynamic(a)) return false;
    if (store_.kind(member) == TypeKind::Instance && store_.kind(a) == TypeKind::Instance) {
      ResolvedClass(program_, store_.ClassOf(a));
      return Upcast(store_, a, store_.ClassOf(member)).valid();
    }
    if (store_.kind(member) == TypeKind::NoneType) return store_.kind(a) == TypeKind::NoneType;
    return IsAssignable(program_, a, member);
  }

  // A protocol parameter solved member by member (`Awaitable[T]` from `__await__`).
  void SolveProtocol(TypeId param, TypeId arg, int depth) {
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

  // The first overload of `overloaded` that accepts a call made with the parameters of the
  // protocol member `wanted` (its required positional ones; a parameter mentioning the
  // protocol's TypeVars is passed as Unknown): `__getitem__(self, i: int) -> T` picks the `int`
  // overload of a sequence's `__getitem__`.
  std::optional<Signature> MatchingOverload(TypeId overloaded, const Signature& wanted) {
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

  // The signature a callable value presents to callers (bound methods without self,
  // class arguments substituted).
  std::optional<Signature> CallableSignature(TypeId callable) {
    switch (store_.kind(callable)) {
      case TypeKind::Function: return GetSignature(program_, FunctionTypeView{store_, callable}.function());
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

  Program& program_;
  TypeStore& store_;
  std::vector<std::pair<TypeId, std::vector<TypeId>>> solutions_;
};

// How a callee is named in messages ("function `f`", "bound method `m`").
struct Description {
  CallError::Callee kind = CallError::Callee::None;
  std::string name;
};

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

void AddErrors(std::vector<CallError>* errors, std::vector<CallError> found, const Description& desc) {
  if (!errors) return;
  for (CallError& e : found) {
    e.callee = desc.kind;
    e.callee_name = desc.name;
    errors->push_back(std::move(e));
  }
}

// Whether the function or class defined by `def_node` is the only binding of its name in its
// scope. Otherwise (definitions on several branches, a later rebinding) the checker sees just
// the last one textually, which may not be the one called: stay silent. An overload series
// followed by its implementation counts as one definition.
bool SoleDefinition(Program& program, FileId file, NodeId def_node) {
  FileInference& inference = program.inference(file);
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  NodeId name = ast.kind(def_node) == NodeKind::FunctionDef ? FunctionDefView{ast, def_node}.name()
                                                             : ClassDefView{ast, def_node}.name();
  DefinitionId def = index.DefinitionOf(name);
  if (!def.valid()) return false;
  const Symbol& symbol = index.symbol(index.definition(def).symbol);
  if (!symbol.nested_definitions.empty()) return false;
  if (symbol.definitions.size() == 1) return true;
  // (The index counts the `@overload` definitions, as FunctionInfo::is_overload reads them.)
  return symbol.only_functions && symbol.definitions.size() - symbol.overloads <= 1;
}

// A receiver whose class has a base the checker cannot see (members found further up the MRO
// may be shadowed), or a `super()` proxy (the checker does not model its lookup).
bool UncertainReceiver(Program& program, TypeId receiver) {
  TypeStore& store = program.types();
  TypeKind k = store.kind(receiver);
  if (k != TypeKind::Instance && k != TypeKind::ClassLiteral) return false;
  const ClassInfo& info = ResolvedClass(program, store.ClassOf(receiver));
  if (info.has_unknown_base) return true;
  if (info.name == "super" && info.module == "builtins") return true;
  // An instance of a metaclass is a class: what it finds is the class's own member.
  if (k == TypeKind::Instance) {
    ClassId type_cls = GetKnownClass(program, KnownClass::Type);
    for (TypeId entry : info.mro) {
      if (store.ClassOf(entry) == type_cls) return true;
    }
  }
  return false;
}

// Whether `type` mentions a literal type inside type arguments or tuples. Element types the
// inference takes from displays keep literals nested in tuples (`[("a", 1)]`), where ty widens
// them: parameter types specialized from them are too narrow to check against.
bool HasNestedLiteral(const TypeStore& store, TypeId type, bool nested, int depth = 0) {
  if (!type.valid() || depth > 8) return false;
  switch (store.kind(type)) {
    case TypeKind::IntLiteral:
    case TypeKind::BoolLiteral:
    case TypeKind::StringLiteral:
    case TypeKind::BytesLiteral:
      return nested;
    case TypeKind::Instance:
    case TypeKind::ClassLiteral:
      for (TypeId t : store.TypeArgs(type)) {
        if (HasNestedLiteral(store, t, true, depth + 1)) return true;
      }
      return false;
    case TypeKind::Tuple:
      for (TypeId t : TupleTypeView{store, type}.elements()) {
        if (HasNestedLiteral(store, t, true, depth + 1)) return true;
      }
      return false;
    case TypeKind::Union:
      for (TypeId t : store.UnionMembers(type)) {
        if (HasNestedLiteral(store, t, nested, depth + 1)) return true;
      }
      return false;
    default:
      return false;
  }
}

// Whether errors found for calling `callee` (a function, bound method or overload set) can be
// trusted.
bool TrustedCallee(Program& program, TypeId callee) {
  TypeStore& store = program.types();
  switch (store.kind(callee)) {
    case TypeKind::Function: {
      const FunctionInfo& info = store.function(FunctionTypeView{store, callee}.function());
      return SoleDefinition(program, info.file, info.node);
    }
    case TypeKind::BoundMethod:
      if (UncertainReceiver(program, BoundMethodTypeView{store, callee}.self())) return false;
      return TrustedCallee(program, BoundMethodTypeView{store, callee}.function());
    case TypeKind::Overloaded:
      for (TypeId overload : OverloadedTypeView{store, callee}.overloads()) {
        if (!TrustedCallee(program, overload)) return false;
      }
      return true;
    case TypeKind::Callable:
      return true;
    default:
      return false;
  }
}

llvm::StringRef DecoratorName(const Ast& ast, NodeId dec) {
  if (ast.kind(dec) == NodeKind::Call) dec = CallView{ast, dec}.func();
  if (ast.kind(dec) == NodeKind::Name) return ast.str(dec);
  if (ast.kind(dec) == NodeKind::Attribute) {
    NodeId attr = AttributeView{ast, dec}.attr();
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
      llvm::StringRef meta = DecoratorName(ast, KeywordView{ast, arg}.value());
      if (meta != "ABCMeta" && meta != "type") return true;
    }
  }
  return false;
}

// Whether `__init__` / `__new__` really are what a call of the class runs: not when a class in
// the MRO is decorated (dataclasses and friends synthesize `__init__`), has a metaclass (which
// may define `__call__`, like EnumMeta), is a NamedTuple or TypedDict, or is not fully known.
bool ConstructorCheckable(Program& program, ClassId cls) {
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
          default: return false;
        }
      }
    }
  }
  return !HasCustomMetaclass(program, cls);
}

// A dynamic type anywhere in `type` (union members, type arguments, tuple elements).
bool MentionsDynamic(const TypeStore& store, TypeId type, int depth = 0) {
  if (HasDynamicPart(store, type) || depth > 16) return true;
  switch (store.kind(type)) {
    case TypeKind::Union:
      return std::any_of(store.UnionMembers(type).begin(), store.UnionMembers(type).end(),
                         [&](TypeId m) { return MentionsDynamic(store, m, depth + 1); });
    case TypeKind::Instance:
      return std::any_of(store.TypeArgs(type).begin(), store.TypeArgs(type).end(),
                         [&](TypeId a) { return MentionsDynamic(store, a, depth + 1); });
    case TypeKind::Tuple: {
      auto elements = TupleTypeView{store, type}.elements();
      return std::any_of(elements.begin(), elements.end(), [&](TypeId e) { return MentionsDynamic(store, e, depth + 1); });
    }
    default: return false;
  }
}

}  // namespace

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

namespace {

// The call's substitution refined by what its surroundings expect: TypeVars of the return type
// take the expected type arguments when every argument still fits its parameter, every TypeVar
// its bound, and the specialized return type the expected type. A bare TypeVar return (`-> T`)
// takes the expected type only when what the arguments give does not fit it. Otherwise `subst`
// unchanged.
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

// Calls one signature: binds, solves TypeVars and returns the specialized return type. With
// `check_types` (overload selection) or `errors` (CheckCall) the arguments are also checked
// against their solved parameter types; `errors` receives every failure, described as `desc`.
CallOutcome CallSignature(Program& program, const Signature& sig, llvm::ArrayRef<Argument> args,
                          bool check_types, std::vector<CallError>* errors, const Description& desc,
                          Substitution* solved = nullptr, llvm::ArrayRef<TypeId> extra_typevars = {},
                          TypeId expected = TypeId::None()) {
  TypeStore& store = program.types();
  BindResult bound = BindArguments(sig, args);
  CallOutcome outcome;
  outcome.matched = bound.ok;
  Solver solver(program);
  for (const BoundPair& pair : bound.pairs) {
    if (!pair.param_type.valid() || !pair.arg_type.valid()) continue;
    solver.Solve(pair.param_type, pair.arg_type);
  }
  std::vector<TypeId> typevars(extra_typevars.begin(), extra_typevars.end());
  for (const Param& p : sig.params) CollectTypeVars(store, p.type, &typevars);
  CollectTypeVars(store, sig.return_type, &typevars);
  if (sig.guard.valid()) CollectTypeVars(store, sig.guard, &typevars);
  Substitution subst = solver.Finish(typevars);
  if (expected.valid() && bound.ok && !typevars.empty()) {
    subst = WithContext(program, sig, bound.pairs, typevars, std::move(subst), expected);
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

// The types an argument is tried as when no overload accepts it whole (ty's argument type
// expansion): the members of a union, `Literal[True]` and `Literal[False]` for `bool`.
std::vector<TypeId> ExpandArgument(Program& program, const Argument& arg) {
  TypeStore& store = program.types();
  if (arg.kind != Argument::Kind::Positional && arg.kind != Argument::Kind::Keyword) return {arg.type};
  if (!arg.type.valid()) return {arg.type};
  if (store.kind(arg.type) == TypeKind::Union) {
    auto members = store.UnionMembers(arg.type);
    return std::vector<TypeId>(members.begin(), members.end());
  }
  ClassId bool_cls = GetKnownClass(program, KnownClass::Bool);
  if (store.kind(arg.type) == TypeKind::Instance && bool_cls.valid() && store.ClassOf(arg.type) == bool_cls) {
    return {store.BoolLiteral(true), store.BoolLiteral(false)};
  }
  return {arg.type};
}

// Whether a later overload than `chosen` also accepts arguments with a dynamic part and returns
// something else: which one applies depends on what the dynamic argument really is, so the
// result is Unknown (the typing spec's rule for overloads matched through `Any`).
bool AmbiguousThroughDynamic(Program& program, llvm::ArrayRef<Signature> sigs, const Signature* chosen,
                             llvm::ArrayRef<Argument> args, TypeId result, llvm::ArrayRef<TypeId> extra_typevars) {
  TypeStore& store = program.types();
  bool dynamic = false;
  for (const Argument& arg : args) dynamic |= arg.type.valid() && HasDynamicPart(store, arg.type);
  if (!dynamic) return false;
  for (const Signature* sig = chosen + 1; sig != sigs.end(); ++sig) {
    CallOutcome other = CallSignature(program, *sig, args, /*check_types=*/true, nullptr, {}, nullptr, extra_typevars);
    if (other.matched && other.type != result) return true;
  }
  return false;
}

// Calls an overload set: the first signature the arguments fit (by arity and types). Failing
// that, union (and bool) arguments are split into their members: if every combination fits
// some overload, the call matches with the union of their results; if only some do,
// `*partially` is set.
CallOutcome CallOverloads(Program& program, llvm::ArrayRef<Signature> sigs, llvm::ArrayRef<Argument> args,
                          Substitution* solved = nullptr, llvm::ArrayRef<TypeId> extra_typevars = {},
                          bool* partially = nullptr, TypeId expected = TypeId::None()) {
  TypeStore& store = program.types();
  // `*xs` of unknown length fits fixed-arity overloads only by luck: those taking `*args` are
  // tried first (`gather(*coros)` is `list[T]`, not `tuple[T]`).
  bool unknown_length = false;
  for (const Argument& arg : args) unknown_length |= arg.kind == Argument::Kind::Star;
  for (int pass = unknown_length ? 0 : 1; pass < 2; ++pass) {
    for (const Signature& sig : sigs) {
      bool variadic = std::any_of(sig.params.begin(), sig.params.end(),
                                  [](const Param& p) { return p.kind == ParamKind::VarArgs; });
      if (pass == 0 && !variadic) continue;
      Substitution subst;
      CallOutcome r = CallSignature(program, sig, args, /*check_types=*/true, nullptr, {}, &subst, extra_typevars,
                                    expected);
      if (r.matched) {
        if (solved) *solved = std::move(subst);
        if (AmbiguousThroughDynamic(program, sigs, &sig, args, r.type, extra_typevars)) r.type = store.Unknown();
        return r;
      }
    }
  }
  CallOutcome failed;
  failed.type = store.Unknown();
  failed.matched = false;
  constexpr size_t kMaxCombinations = 64;
  std::vector<std::vector<TypeId>> choices;
  size_t combinations = 1;
  for (const Argument& arg : args) {
    choices.push_back(ExpandArgument(program, arg));
    combinations *= choices.back().size();
    if (combinations > kMaxCombinations) {
      if (partially) *partially = true;  // too many to try: not known to fail
      return failed;
    }
  }
  if (combinations <= 1) return failed;
  std::vector<Argument> expanded(args.begin(), args.end());
  std::vector<TypeId> results;
  bool all_fit = true;
  for (size_t n = 0; n < combinations; ++n) {
    size_t rest = n;
    for (size_t i = 0; i < args.size(); ++i) {
      expanded[i].type = choices[i][rest % choices[i].size()];
      rest /= choices[i].size();
    }
    bool fits = false;
    for (const Signature& sig : sigs) {
      CallOutcome r = CallSignature(program, sig, expanded, /*check_types=*/true, nullptr, {}, nullptr, extra_typevars);
      if (r.matched) {
        results.push_back(r.type);
        fits = true;
        break;
      }
    }
    all_fit &= fits;
  }
  if (!all_fit) {
    // Some members of the union arguments fit: narrowing the inference does not see may have
    // excluded the others.
    if (partially && !results.empty()) *partially = true;
    return failed;
  }
  CallOutcome outcome;
  outcome.type = store.Union(results);
  return outcome;
}

// Reports that no overload of `overloads` (an Overloaded type) accepts `args`, unless an argument
// is not fully modelled or some member of a union argument fits (narrowing the inference does
// not see may have excluded the others).
void ReportNoMatchingOverload(Program& program, const CallOutcome& r, bool partially, llvm::ArrayRef<Argument> args,
                              TypeId overloads, CallError::Callee kind, llvm::StringRef name,
                              std::vector<CallError>* errs) {
  if (r.matched || !errs || partially) return;
  for (const Argument& arg : args) {
    if (arg.type.valid() && HasUnmodelledPart(program, arg.type)) return;
  }
  CallError e{CallError::Kind::NoMatchingOverload};
  e.callee = kind;
  e.callee_name = name.str();
  auto list = OverloadedTypeView{program.types(), overloads}.overloads();
  e.overloads.assign(list.begin(), list.end());
  errs->push_back(std::move(e));
}

CallOutcome CallOne(Program& program, TypeId callee, llvm::ArrayRef<Argument> args, bool check_types,
                    int depth, std::vector<CallError>* errors, TypeId expected);

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
    if (!store.TypeArgs(class_literal).empty()) outcome.type = receiver;
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
    Signature sig = BoundSignature(program, bound_init);
    sig.return_type = receiver;
    FunctionId fn = FunctionTypeView{store, BoundMethodTypeView{store, bound_init}.function()}.function();
    const Signature& unbound = GetSignature(program, fn);
    if (!unbound.params.empty() && unbound.params.front().type.valid()) {
      TypeId self_type = unbound.params.front().type;
      if (store.kind(self_type) == TypeKind::Instance && store.ClassOf(self_type) == cls) sig.return_type = self_type;
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
    ReportNoMatchingOverload(program, r, partially, args, ctor.type, CallError::Callee::Class, info.name, errs);
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
      ReportNoMatchingOverload(program, r, partially, args, ctor.type, CallError::Callee::Class, info.name, errs);
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
      return CallSignature(program, GetSignature(program, FunctionTypeView{store, callee}.function()), args, check_types, trusted(),
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
          sigs.push_back(BoundSignature(program, overload));
        } else {
          return outcome;  // not modelled: anything goes
        }
      }
      bool partially = false;
      CallOutcome r = CallOverloads(program, sigs, args, nullptr, {}, &partially, expected);
      if (std::vector<CallError>* errs = r.matched ? nullptr : trusted()) {
        Description desc = Describe(store, callee);
        ReportNoMatchingOverload(program, r, partially, args, callee, desc.kind, desc.name, errs);
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

}  // namespace

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
      return BoundSignature(program, callable);
    }
    default: return std::nullopt;
  }
}

TypeId ArgumentContext(Program& program, TypeId callee, llvm::ArrayRef<Argument> args, size_t index,
                       TypeId expected) {
  TypeStore& store = program.types();
  std::optional<Signature> sig;
  switch (store.kind(callee)) {
    case TypeKind::Function: sig = GetSignature(program, FunctionTypeView{store, callee}.function()); break;
    case TypeKind::BoundMethod:
      if (store.kind(BoundMethodTypeView{store, callee}.function()) == TypeKind::Function) sig = BoundSignature(program, callee);
      break;
    case TypeKind::Callable: sig = CallableTypeView{store, callee}.signature(); break;
    case TypeKind::ClassLiteral: {
      ClassId cls = store.ClassOf(callee);
      if (!ConstructorCheckable(program, cls)) break;
      TypeId receiver = store.TypeArgs(callee).empty() ? SelfInstance(program, cls)
                                                       : store.Instance(cls, store.TypeArgs(callee));
      Member init = LookupMember(program, receiver, "__init__");
      if (!init.type.valid() || init.owner == GetKnownClass(program, KnownClass::Object)) break;
      if (store.kind(init.type) != TypeKind::BoundMethod || store.kind(BoundMethodTypeView{store, init.type}.function()) != TypeKind::Function) break;
      sig = BoundSignature(program, init.type);
      break;
    }
    default: break;
  }
  if (!sig || sig->gradual) return TypeId::None();
  BindResult bound = BindArguments(*sig, args);
  const BoundPair* target = nullptr;
  for (const BoundPair& pair : bound.pairs) {
    if (pair.arg_index == static_cast<int>(index)) target = &pair;
  }
  if (!target || !target->param_type.valid()) return TypeId::None();
  std::vector<TypeId> mentioned;
  CollectTypeVars(store, target->param_type, &mentioned);
  if (mentioned.empty()) return target->param_type;
  // A generic parameter: its TypeVars solved from the other arguments whose types are known
  // (and, for functions, from the type the call is expected to have), when that solves all of
  // them to types without dynamic parts.
  if (!bound.ok) return TypeId::None();
  std::vector<TypeId> typevars;
  for (const Param& p : sig->params) CollectTypeVars(store, p.type, &typevars);
  CollectTypeVars(store, sig->return_type, &typevars);
  Solver solver(program);
  for (const BoundPair& pair : bound.pairs) {
    if (&pair == target || !pair.param_type.valid() || !pair.arg_type.valid()) continue;
    if (HasDynamicPart(store, pair.arg_type)) continue;
    solver.Solve(pair.param_type, pair.arg_type);
  }
  Substitution subst = solver.Finish(typevars);
  if (expected.valid() && store.kind(callee) != TypeKind::ClassLiteral) {
    subst = WithContext(program, *sig, bound.pairs, typevars, std::move(subst), expected);
  }
  for (TypeId tv : mentioned) {
    TypeId value = subst.Lookup(tv);
    if (!value.valid() || MentionsDynamic(store, value)) return TypeId::None();
  }
  TypeId context = Substitute(store, target->param_type, subst);
  std::vector<TypeId> left;
  CollectTypeVars(store, context, &left);
  return left.empty() ? context : TypeId::None();
}

}  // namespace asynctype
