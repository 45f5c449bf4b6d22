// The decorators the checker understands by name, and the one classifier from a decorator
// expression to them. `@staticmethod`, `@typing.overload`, `@x.setter`, `@dataclass(frozen=True)`
// are recognized by their last name component (as the stubs spell them), never by resolving the
// name: decorators are read this way while indexing, before any type exists. Each caller decides
// what the form means to it (a called decorator like `@deprecated("...")`, a dotted one like
// `@x.setter`); the lists of decorators a caller accepts are switches over KnownDecorator.
#pragma once

#include "checker/syntax/ast.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

enum class KnownDecorator : uint8_t {
  Unknown,  // a name the checker does not know, or no name at all (`@handlers[0]`)
  StaticMethod,
  ClassMethod,
  Property,
  CachedProperty,
  AbstractProperty,
  Getter,  // `@x.getter`, `@x.setter`, `@x.deleter` (or the bare names)
  Setter,
  Deleter,
  Overload,
  AbstractMethod,
  Final,
  Override,
  Deprecated,
  RuntimeCheckable,
  TypeCheckOnly,
  DisjointBase,
  TotalOrdering,
  Dataclass,
  Unique,
};

struct Decorator {
  KnownDecorator kind = KnownDecorator::Unknown;
  llvm::StringRef name;  // the last name component (`overload` of `@typing.overload`), or ""
  unsigned calls = 0;    // how many calls wrap the name: 1 for `@deprecated("...")`
  bool dotted = false;   // the name is an attribute (`@typing.overload`, `@x.setter`)
};

// `dec`: one element of a FunctionDef's or ClassDef's `decorators()` list.
Decorator ClassifyDecorator(const Ast& ast, NodeId dec);

// The method decorators whose effect the inference applies itself (an uncalled name: the function
// type stays the `def`'s), rather than calling the decorator on the function.
bool AppliedByName(KnownDecorator kind);

}  // namespace asynctype
