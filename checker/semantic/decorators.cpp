#include "checker/semantic/decorators.h"

#include "llvm/ADT/StringSwitch.h"

namespace asynctype {

Decorator ClassifyDecorator(const Ast& ast, NodeId dec) {
  Decorator result;
  NodeId head = dec;
  while (head.valid() && ast.kind(head) == NodeKind::Call) {
    head = CallView{ast, head}.func();
    ++result.calls;
  }
  if (!head.valid()) return result;
  if (ast.kind(head) == NodeKind::Name) {
    result.name = ast.str(head);
  } else if (ast.kind(head) == NodeKind::Attribute) {
    NodeId attr = AttributeView{ast, head}.attr();
    if (!attr.valid()) return result;
    result.name = ast.str(attr);
    result.dotted = true;
  } else {
    return result;
  }
  result.kind = llvm::StringSwitch<KnownDecorator>(result.name)
                    .Case("staticmethod", KnownDecorator::StaticMethod)
                    .Case("classmethod", KnownDecorator::ClassMethod)
                    .Case("property", KnownDecorator::Property)
                    .Case("cached_property", KnownDecorator::CachedProperty)
                    .Case("abstractproperty", KnownDecorator::AbstractProperty)
                    .Case("getter", KnownDecorator::Getter)
                    .Case("setter", KnownDecorator::Setter)
                    .Case("deleter", KnownDecorator::Deleter)
                    .Case("overload", KnownDecorator::Overload)
                    .Case("abstractmethod", KnownDecorator::AbstractMethod)
                    .Case("final", KnownDecorator::Final)
                    .Case("override", KnownDecorator::Override)
                    .Case("deprecated", KnownDecorator::Deprecated)
                    .Case("runtime_checkable", KnownDecorator::RuntimeCheckable)
                    .Case("type_check_only", KnownDecorator::TypeCheckOnly)
                    .Case("disjoint_base", KnownDecorator::DisjointBase)
                    .Case("total_ordering", KnownDecorator::TotalOrdering)
                    .Case("dataclass", KnownDecorator::Dataclass)
                    .Case("unique", KnownDecorator::Unique)
                    .Default(KnownDecorator::Unknown);
  return result;
}

bool AppliedByName(KnownDecorator kind) {
  switch (kind) {
    case KnownDecorator::StaticMethod:
    case KnownDecorator::ClassMethod:
    case KnownDecorator::Property:
    case KnownDecorator::CachedProperty:
    case KnownDecorator::AbstractProperty:
    case KnownDecorator::Getter:
    case KnownDecorator::Setter:
    case KnownDecorator::Deleter:
    case KnownDecorator::Overload:
    case KnownDecorator::AbstractMethod:
    case KnownDecorator::Final:
    case KnownDecorator::Override:
    case KnownDecorator::Deprecated:
    case KnownDecorator::RuntimeCheckable:
      return true;
    default:
      return false;
  }
}

}  // namespace asynctype
