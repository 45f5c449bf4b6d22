// Certainty: whether the checker knows enough about a type or a value to report on it. Precision
// comes first (what the engine cannot know stays silent), so checks ask these predicates before
// reporting: dynamic parts (`Any`, `Unknown`, the `Any` class of a first-party `typing.py`),
// types whose dunder lookups are not trustworthy, values the inference is known to get wrong,
// and names whose real bindings the flow analysis cannot see. One home for them, shared by the
// checks (check/) and the call diagnostics (infer/).
#pragma once

#include "checker/base/id.h"
#include "checker/types/type_store.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

class FileInference;
class Program;

// `pred(type)`, or for a union whether `pred` holds for one of its members.
template <typename Pred>
bool AnyMember(const TypeStore& store, TypeId type, Pred&& pred) {
  if (pred(type)) return true;
  if (store.kind(type) != TypeKind::Union) return false;
  for (TypeId m : store.UnionMembers(type)) {
    if (pred(m)) return true;
  }
  return false;
}

// An instance of the class `typing.Any` of a first-party `typing.py` (when the standard library
// itself is checked, the stubs' `Any` comes from there): as dynamic as `Any`.
bool IsAnyStandIn(const TypeStore& store, TypeId type);
// A dynamic type, or a union with a dynamic member: anything may be meant.
bool HasDynamicPart(const TypeStore& store, TypeId type);
// Whether `type` (or a member of it) is dynamic, or a class object the checker does not fully
// model (custom metaclass, unknown base, NamedTuple / TypedDict): calling it or passing it may
// do what the checker cannot see. (Defined in constructors.cpp, next to its metaclass test.)
bool HasUnmodelledPart(Program& program, TypeId type);
// `Unknown`, or a union with an `Unknown` member: not understood well enough to report
// (typically an undeclared attribute whose narrowing is not modelled yet).
bool HasUnknownMember(const TypeStore& store, TypeId type);

// Whether dunder lookups on `type` give a trustworthy answer. Dynamic types, classes with an
// unknown base, TypeVars, and class objects (their dunders come from a metaclass, which the
// lookup does not model) are not; nor is a union with any such member.
bool FullyKnown(Program& program, TypeId type);

// Whether the type of `expr` is one the inference is known to get wrong: subscripting through an
// overloaded `__getitem__` with an index it cannot use to pick the overload (a slice, or a dynamic
// index), which answers with the first overload (`x[1:]` of a `list[int]` comes out as `int`);
// indexing a union of tuples (every element of every tuple); a binary operation with a dynamic
// right operand (typed by the left operand's method alone). Names bound by a plain assignment
// from such an expression count too.
bool UnreliableValue(FileInference& inference, NodeId expr);

// A module-level name that functions rebind (`global x; x = ...`), read where the flow analysis
// cannot see those calls: `if cache is None: build_cache()` leaves `cache` typed `None` there.
bool GlobalReboundElsewhere(FileInference& inference, NodeId expr);

// Whether `expr` is a name bound (on every path) only to the first parameter of a method (its
// `self` or `cls`); with `unannotated_only`, only when that parameter has no annotation (then it
// is typed as the enclosing class, though a subclass may be what it really is).
bool IsMethodReceiver(FileInference& inference, NodeId expr, bool unannotated_only);

// `self` in a method of a class that has subclasses in its module: a mixin or abstract base
// whose subclasses provide the protocol (`for x in self` in a mixin of named tuples).
bool SelfOfOpenClass(FileInference& inference, NodeId expr, TypeId type);

// The gate of the `with` and iteration checks: a fully known type, not a bare `None` (in practice
// a `x = None` placeholder whose real assignments the inference did not see), and not an
// unreliable value.
bool Reportable(FileInference& inference, NodeId expr, TypeId type);

// A union where only some members fail is reported when those members are `None` (an optional
// value used without a check): other mixes mostly come from imprecise inference, such as
// unpacking a list of differently-typed tuples (every target gets the union of all elements).
bool OnlyNoneFailsOrAll(const TypeStore& store, TypeId union_type, llvm::ArrayRef<TypeId> failing);

}  // namespace asynctype
