// The context of an argument: the declared type of the parameter it binds to, specialized by the
// TypeVars the other arguments and the call's expected type solve, so that a display or lambda
// passed there is inferred as the callee expects (bidirectional inference into arguments).
#include "checker/database/program.h"
#include "checker/infer/binding.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/certainty.h"
#include "checker/infer/typevar_solver.h"

namespace asynctype {
namespace {

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

TypeId ArgumentContext(Program& program, TypeId callee, llvm::ArrayRef<Argument> args, size_t index,
                       TypeId expected) {
  TypeStore& store = program.types();
  std::optional<Signature> sig;
  switch (store.kind(callee)) {
    case TypeKind::Function: sig = GetSignature(program, FunctionTypeView{store, callee}.function()); break;
    case TypeKind::BoundMethod:
      if (store.kind(BoundMethodTypeView{store, callee}.function()) == TypeKind::Function) sig = BoundSignature(program, callee, /*inferred_return=*/false);
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
      sig = BoundSignature(program, init.type, /*inferred_return=*/false);
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
