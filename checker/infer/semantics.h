// Type-level operations shared by every file's inference, all built on the Program: known
// classes, class MROs and member lookup (members.cpp), signatures and calls with argument
// binding, overloads and TypeVar solving (calls.cpp and its rooms: binding.h, typevar_solver.h,
// overloads.cpp, constructors.cpp), assignability (relations.cpp), and the
// async protocols (await.cpp): `await` through `__await__`, generator yield/send/return types,
// sync and async iteration. None of these report diagnostics; they return results that
// callers turn into diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/types/substitute.h"
#include "checker/types/type_store.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

class Program;

// ---------------------------------------------------------------- classes and members
// Which known class (if any) a stub class `module.name` is.
KnownClass KnownClassFor(llvm::StringRef module, llvm::StringRef name);
// The class for a known stub class, loading its module on first use (None if unavailable).
ClassId GetKnownClass(Program& program, KnownClass known);
// `Instance(known, args)`, or Unknown when the class is unavailable.
TypeId KnownInstance(Program& program, KnownClass known, llvm::ArrayRef<TypeId> args = {});
// The instance type of a literal's class (`Literal[1]` -> `int`); other types unchanged.
TypeId PromoteLiteral(Program& program, TypeId type);
// PromoteLiteral also inside tuples and unions (`tuple[Literal["a"], Literal[1]]` ->
// `tuple[str, int]`): what a display's elements are widened to.
TypeId PromoteLiteralDeep(Program& program, TypeId type);
// A class's resolved info (bases, type params and MRO computed on first use).
const ClassInfo& ResolvedClass(Program& program, ClassId cls);
// Instance type of a class with its own type parameters (`Box[T@Box]`).
TypeId SelfInstance(Program& program, ClassId cls);
// Instance type with every type parameter set to Unknown (`list` used bare).
TypeId DefaultInstance(Program& program, ClassId cls);

struct Member {
  TypeId type;          // bound/specialized type of the member; None if not found
  ClassId owner;        // class in whose body it was found
  bool maybe = false;   // found only on some members of a union
  bool inferred = false;  // an attribute the class assigns without declaring it (its type is inferred)
};
// Attribute `name` of a value of type `object` (instances, classes, modules, unions, ...).
// Methods come back bound, class type arguments substituted. type None: not found. For
// dynamic types (and classes with unknown bases) the result is Unknown / Any.
Member LookupMember(Program& program, TypeId object, llvm::StringRef name);
// Whether LookupMember(object, name) finds an attribute the class assigns without declaring it
// (Member::inferred), read from the syntax alone: nothing is inferred.
bool IsInferredAttribute(Program& program, TypeId object, llvm::StringRef name);
// Lookup on the class (meta) level, as the interpreter does for dunder methods.
Member LookupDunder(Program& program, TypeId object, llvm::StringRef name);

// ---------------------------------------------------------------- calls
struct Argument {
  enum class Kind : uint8_t { Positional, Keyword, Star, DoubleStar } kind = Kind::Positional;
  llvm::StringRef name;
  TypeId type;
  // For `*xs` of unknown length: what iterating `xs` gives (None when not known). An unpacked
  // tuple of known length is passed as positional arguments instead.
  TypeId element;
};

// Why a call does not fit its callee, as data: CheckCall collects these and the caller (who
// knows the argument nodes) turns them into diagnostics named after ty's rules.
struct CallError {
  enum class Kind : uint8_t {
    NotCallable,               // call-non-callable: `actual` is not callable
    MissingArguments,          // missing-argument: `parameters` got no argument
    TooManyPositional,         // too-many-positional-arguments: first excess at `argument`
    UnknownArgument,           // unknown-argument: keyword `argument` (named `parameters[0]`)
    ParameterAlreadyAssigned,  // parameter-already-assigned: `argument` fills `parameters[0]` again
    InvalidArgumentType,       // invalid-argument-type: `argument` (`actual`) is not `expected`
    NoMatchingOverload,        // no-matching-overload: every overload fails
  };
  // How ty describes the callee: "function `f`", "bound method `m`", "class `C`", or nothing
  // (a `Callable` type).
  enum class Callee : uint8_t { None, Function, BoundMethod, Class };
  Kind kind;
  Callee callee = Callee::None;
  std::string callee_name;
  std::vector<std::string> parameters;
  int argument = -1;  // index into the call's arguments; -1: the call as a whole
  int expected_count = 0, provided_count = 0;  // TooManyPositional
  TypeId expected, actual;                     // InvalidArgumentType; NotCallable: actual
  std::vector<TypeId> overloads;               // NoMatchingOverload: the overloads tried
  // NoMatchingOverload: the overload that came closest (index into `overloads`: the first whose
  // arguments bind with the fewest type mismatches; -1: none binds) and its first mismatch.
  int closest = -1;
  int closest_argument = -1;
  TypeId closest_expected, closest_actual;
  bool union_partially_fits = false;  // InvalidArgumentType: `actual` is a union, some member fits
};

struct CallOutcome {
  TypeId type;              // the call's result (Unknown when not callable / no match)
  bool callable = true;     // false: the callee is not callable
  bool matched = true;      // false: arguments do not bind / no overload matched
  std::vector<CallError> errors;  // CheckCall only: every reportable reason it fails
  // The callee is a type guard (Signature::guard): the solved guarded type of the first argument.
  TypeId guard;
  bool guard_is_typeis = false;
};
const Signature& GetSignature(Program& program, FunctionId fn);
// return_inference.cpp: the return type of a function without a return annotation, inferred
// from its body (memoized; Unknown for stubs, installed packages, abstract and `...` bodies, and
// inside its own inference: recursive calls).
TypeId InferredReturnType(Program& program, FunctionId fn);
// return_inference.cpp: whether the file belongs to an installed package (a site-packages
// folder): its unannotated code is not inferred.
bool IsInstalledSource(Program& program, FileId file);
// The signature a call of `fn` uses: GetSignature's, with the inferred return type when the
// function has no return annotation. `bound`: the receiver will be bound (`Self` in an inferred
// return type stays for the caller to substitute); otherwise `Self` is the class's instance.
Signature SignatureForCall(Program& program, FunctionId fn, bool bound);
// The result of calling `callee`. Pure and quiet: safe to call speculatively. Only overload
// selection looks at argument types.
// `expected`: the type the call's surroundings expect (bidirectional inference), a hint for
// solving the TypeVars of the return type; used only where the arguments still fit and the
// result is assignable to it.
CallOutcome CallType(Program& program, TypeId callee, llvm::ArrayRef<Argument> args,
                     TypeId expected = TypeId::None());
// CallType plus checking: every argument is also checked against its (solved) parameter type,
// and `errors` lists the reportable failures. Silent wherever the answer is not certain: dynamic
// callees or argument / parameter types (or unions with a dynamic member), gradual signatures, unpacked `*args`/`**kwargs` arity, constructors
// whose `__init__` may be synthesized (decorators, metaclasses, NamedTuple, ...). The result
// type is the same as CallType's.
// CallType where the arguments must also fit their (solved) parameter types for `matched`.
CallOutcome CallTypeChecked(Program& program, TypeId callee, llvm::ArrayRef<Argument> args);
CallOutcome CheckCall(Program& program, TypeId callee, llvm::ArrayRef<Argument> args,
                      TypeId expected = TypeId::None());
// The declared type of the parameter that `args[index]` binds to, as the context for inferring
// that argument: for a callee with a single signature (function, bound method, `Callable`, a
// class's own `__init__`). A parameter type with TypeVars is specialized by solving them from
// the other arguments (whose types are known: dynamic ones are ignored) and from `expected`,
// the type expected of the call; None unless that solves every TypeVar it mentions.
TypeId ArgumentContext(Program& program, TypeId callee, llvm::ArrayRef<Argument> args, size_t index,
                       TypeId expected = TypeId::None());

// The signature a function, bound method or `Callable` presents to its callers; None for other
// callables (overloads, classes, properties, `__call__`) and non-callables.
std::optional<Signature> PlainSignature(Program& program, TypeId callable);

// Module attributes every module has (`__name__`, `__doc__`, `__file__`, ...), importable from
// any module (`from _struct import __doc__`).
bool IsImplicitModuleAttribute(llvm::StringRef name);

// Whether `file` is one of the embedded typeshed stdlib stubs, which are complete: a member
// missing from them is missing (the user's own stubs and third-party stubs may be partial).
bool IsCompleteStub(Program& program, FileId file);

// ---------------------------------------------------------------- relations
bool IsAssignable(Program& program, TypeId value, TypeId target);
// Whether a class's members and constructor are what its body says: no Unknown base, no class
// decorator that may synthesize members (dataclass, attrs), no custom metaclass, not a
// NamedTuple / TypedDict.
bool ClassFullyModelled(Program& program, ClassId cls);
// Whether `value`, a type whose members are all known, certainly lacks a dunder method the
// protocol class declares (`Job` and `Awaitable`: no `__await__`). Assignability gives user
// classes the benefit of the doubt against protocols; narrowing uses this to decide that
// `isawaitable(job)` leaves `Job & Awaitable`, not `Job`. With `dataclass_ok`, a `@dataclass`
// counts as known for the dunders a dataclass never synthesizes (no `__await__`).
bool LacksProtocolMember(Program& program, TypeId value, ClassId protocol, bool dataclass_ok = false);
// The variance of the `index`th type parameter of `cls` inferred from the class's members
// (variance.cpp), for PEP 695 and `infer_variance=True` parameters. Bivariant when it cannot be
// inferred (compared leniently).
Variance InferredVariance(Program& program, ClassId cls, size_t index);

// ---------------------------------------------------------------- async protocols
enum class AwaitError : uint8_t {
  None,
  Missing,           // no `__await__`
  PossiblyMissing,   // some union members lack `__await__`
  NotCallable,       // `__await__` is not callable
  NeedsArguments,    // `__await__` requires arguments
  NotIterator,       // `__await__` returns something that is not an iterator
};
struct AwaitResult {
  TypeId type;  // the awaited result (Unknown on error)
  AwaitError error = AwaitError::None;
  TypeId await_return;                 // for NotIterator: what `__await__` returned
  std::vector<TypeId> failing_members;  // for PossiblyMissing
  // Where to point: the awaited instance's class (Missing), the class defining `__await__` and
  // the member's type (NotCallable, NeedsArguments, NotIterator).
  ClassId owner;
  TypeId method;
  bool possibly = false;  // NotCallable: only some members of a union `__await__` are not callable
};
AwaitResult TryAwait(Program& program, TypeId awaitable);

// The `R` of `yield from g`/`await`: Generator's return type, Unknown for other iterators,
// None when `iterator` is not an iterator at all.
TypeId GeneratorReturnType(Program& program, TypeId iterator);

struct GeneratorTypes {
  TypeId yield_type, send_type, return_type;
};
// Yield/send/return types of a generator annotation (Generator, Iterator, Iterable, async
// variants, unions thereof). None when the annotation cannot describe a generator.
std::optional<GeneratorTypes> GetGeneratorTypes(Program& program, TypeId annotation);

// What `yield from e` delegates to: the iterator `iter(e)` (per union alternative). `result` is
// the value of the expression (the iterator's Generator return type; Unknown for any other
// iterator or the `__getitem__` protocol), `send_types` what each alternative accepts through
// `send()` (None for iterators that are not generators; dynamic alternatives are left out).
// None when `e` is not iterable.
struct DelegationTypes {
  TypeId result;
  std::vector<TypeId> send_types;
};
std::optional<DelegationTypes> GetDelegationTypes(Program& program, TypeId operand);

// Element type of `for x in iterable` / `async for`; None when not (async-)iterable.
std::optional<TypeId> IterationType(Program& program, TypeId iterable, bool is_async);

}  // namespace asynctype
