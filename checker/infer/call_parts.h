// The parts of a call shared between the files that evaluate calls (infer/ only; the API is in
// semantics.h): calling one signature and dispatching on the kind of callee (calls.cpp), the
// signature of a bound method, overload sets (overloads.cpp), class calls (constructors.cpp),
// and whether the errors found for a callee can be trusted (callee_trust.cpp).
#pragma once

#include <string>
#include <vector>

#include "checker/infer/semantics.h"
#include "checker/types/substitute.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

// ---------------------------------------------------------------- calls.cpp
// How a callee is named in messages ("function `f`", "bound method `m`").
struct Description {
  CallError::Callee kind = CallError::Callee::None;
  std::string name;
};

Description Describe(const TypeStore& store, TypeId callee);

// The signature of a bound method as its callers see it (`inferred_return`: with the return type
// inferred from the body when the method has no return annotation, see SignatureForCall).
Signature BoundSignature(Program& program, TypeId bound_method, bool inferred_return = true);

// Calls one signature: binds, solves TypeVars and returns the specialized return type. With
// `check_types` (overload selection) or `errors` (CheckCall) the arguments are also checked
// against their solved parameter types; `errors` receives every failure, described as `desc`.
CallOutcome CallSignature(Program& program, const Signature& sig, llvm::ArrayRef<Argument> args,
                          bool check_types, std::vector<CallError>* errors, const Description& desc,
                          Substitution* solved = nullptr, llvm::ArrayRef<TypeId> extra_typevars = {},
                          TypeId expected = TypeId::None());

// What calling `callee` does, by its kind (`depth` bounds `__call__` and union recursion); the
// failures go to `errors` when given (CheckCall).
CallOutcome CallOne(Program& program, TypeId callee, llvm::ArrayRef<Argument> args, bool check_types,
                    int depth, std::vector<CallError>* errors, TypeId expected);

// ---------------------------------------------------------------- overloads.cpp
// Calls an overload set: the first signature the arguments fit (by arity and types). Failing
// that, union (and bool) arguments are split into their members: if every combination fits
// some overload, the call matches with the union of their results; if only some do,
// `*partially` is set.
CallOutcome CallOverloads(Program& program, llvm::ArrayRef<Signature> sigs, llvm::ArrayRef<Argument> args,
                          Substitution* solved = nullptr, llvm::ArrayRef<TypeId> extra_typevars = {},
                          bool* partially = nullptr, TypeId expected = TypeId::None());

// Reports that no overload of `overloads` (an Overloaded type) accepts `args`, unless an argument
// is not fully modelled or some member of a union argument fits (narrowing the inference does
// not see may have excluded the others).
// `sigs`: the signatures tried, one per overload (bound as called, with the `extra_typevars`
// CallOverloads was given), to find the one that came closest (CallError::closest); empty: not
// looked for.
void ReportNoMatchingOverload(Program& program, const CallOutcome& r, bool partially, llvm::ArrayRef<Argument> args,
                              TypeId overloads, CallError::Callee kind, llvm::StringRef name,
                              std::vector<CallError>* errs, llvm::ArrayRef<Signature> sigs = {},
                              llvm::ArrayRef<TypeId> extra_typevars = {});

// ---------------------------------------------------------------- constructors.cpp
// Calls the class `class_literal`: through its `__init__` or `__new__` (solving the class's type
// parameters), or another callable found there.
CallOutcome Construct(Program& program, TypeId class_literal, llvm::ArrayRef<Argument> args, int depth,
                      std::vector<CallError>* errors, TypeId expected);

// Whether `__init__` / `__new__` really are what a call of the class runs: not when a class in
// the MRO is decorated (dataclasses and friends synthesize `__init__`), has a metaclass (which
// may define `__call__`, like EnumMeta), is a NamedTuple or TypedDict, or is not fully known.
bool ConstructorCheckable(Program& program, ClassId cls);
// ConstructorCheckable, or with `dataclass_ok` also a class whose bases and itself may be
// `@dataclass` (whose synthesized members are known by name: DataclassSynthesizes).
bool ClassModelled(Program& program, ClassId cls, bool dataclass_ok);

// ---------------------------------------------------------------- callee_trust.cpp
// Whether the function or class defined by `def_node` is the only binding of its name in its
// scope. Otherwise (definitions on several branches, a later rebinding) the checker sees just
// the last one textually, which may not be the one called: stay silent. An overload series
// followed by its implementation counts as one definition.
bool SoleDefinition(Program& program, FileId file, NodeId def_node);

// Whether `type` mentions a literal type inside type arguments or tuples. Element types the
// inference takes from displays keep literals nested in tuples (`[("a", 1)]`), where ty widens
// them: parameter types specialized from them are too narrow to check against.
bool HasNestedLiteral(const TypeStore& store, TypeId type, bool nested, int depth = 0);

// Whether errors found for calling `callee` (a function, bound method or overload set) can be
// trusted.
bool TrustedCallee(Program& program, TypeId callee);

}  // namespace asynctype
