// The TypeVar solver: the TypeVars a type mentions, their values solved structurally from the
// argument types bound to the parameters that mention them (unions, generic instances through
// their bases, protocols member by member, tuples, `type[T]`, callables and `Callable[P, R]`),
// and from the type a call's surroundings expect (bidirectional inference). The results become
// a Substitution; calls.cpp, overloads.cpp and argument_context.cpp drive it.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "checker/infer/binding.h"
#include "checker/infer/semantics.h"
#include "checker/types/substitute.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

// Whether `type` is a TypeVarTuple (`Ts` of `*args: *Ts`, `Callable[[int, *Ts], R]`).
bool IsTypeVarTuple(const TypeStore& store, TypeId type);

// Appends to `out` the TypeVars (and ParamSpecs) `type` mentions, each once, in order.
void CollectTypeVars(const TypeStore& store, TypeId type, std::vector<TypeId>* out);

// Solves TypeVars of `param` from `arg`, structurally.
class Solver {
 public:
  explicit Solver(Program& program);

  void Solve(TypeId param, TypeId arg, int depth = 0);

  // Solves TypeVars of a callee's return type `ret` from the type its surroundings expect
  // (bidirectional inference): `list[T]` expected as `list[int | None]` (or as a base such as
  // `Sequence[int | None]`, or through a union with `None`) gives `T = int | None`. A bare TypeVar
  // at the top is left to the arguments: there any supertype of theirs fits anyway.
  void SolveFromContext(TypeId ret, TypeId expected, bool top, int depth = 0);

  bool empty() const { return solutions_.empty(); }
  // Whether `typevar` has a solution.
  bool Solved(TypeId typevar) const;
  // Solves a TypeVarTuple to the tuple of `args` (the arguments bound to `*args: *Ts`).
  void SolveVariadic(TypeId typevar_tuple, llvm::ArrayRef<TypeId> args);

  // `base` with the TypeVars solved here replaced (constrained TypeVars keep their value).
  Substitution Override(const Substitution& base, llvm::ArrayRef<TypeId> typevars);

  Substitution Finish(llvm::ArrayRef<TypeId> typevars);

 private:
  std::vector<TypeId> Alternatives(TypeId type);

  void Add(TypeId typevar, TypeId arg, bool promote = true);

  // Whether `arg` plausibly matches the (non-TypeVar) union member `member`.
  bool Matches(TypeId member, TypeId arg);

  // A protocol parameter solved member by member (`Awaitable[T]` from `__await__`).
  void SolveProtocol(TypeId param, TypeId arg, int depth);

  // The first overload of `overloaded` that accepts a call made with the parameters of the
  // protocol member `wanted` (its required positional ones; a parameter mentioning the
  // protocol's TypeVars is passed as Unknown): `__getitem__(self, i: int) -> T` picks the `int`
  // overload of a sequence's `__getitem__`.
  std::optional<Signature> MatchingOverload(TypeId overloaded, const Signature& wanted);

  // The signature a callable value presents to callers (bound methods without self,
  // class arguments substituted).
  std::optional<Signature> CallableSignature(TypeId callable);

  Program& program_;
  TypeStore& store_;
  std::vector<std::pair<TypeId, std::vector<TypeId>>> solutions_;
};

// The call's substitution refined by what its surroundings expect: TypeVars of the return type
// take the expected type arguments when every argument still fits its parameter, every TypeVar
// its bound, and the specialized return type the expected type. A bare TypeVar return (`-> T`)
// takes the expected type only when what the arguments give does not fit it. Otherwise `subst`
// unchanged.
Substitution WithContext(Program& program, const Signature& sig, llvm::ArrayRef<BoundPair> pairs,
                         llvm::ArrayRef<TypeId> typevars, Substitution subst, TypeId expected);

}  // namespace asynctype
