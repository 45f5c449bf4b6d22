// The types of class attributes the class declares without annotation (as pyright does): an
// attribute assigned through `self` in the methods (`self.cache = Cache()`, `self.n = 3`), or
// assigned in the class body without annotation (`x = None`), has as declared type the union of
// the types of all those assignments, literals widened (`self.n = 3` and `self.n = 4`: `int`).
// An annotation anywhere in the class (`x: T` in the body, `self.x: T = v` in a method) wins.
//
// An assignment whose value reads the attribute itself (`self.n = self.n + 1`, `self.pattern =
// re.compile(self.pattern)`) is inferred after the others, with the attribute read as their
// union, and then adds its type: no cycle, whichever use asked first. Other cycles (`self.a =
// self.b` and `self.b = self.a`) end in Unknown where they close. Each attribute is computed once
// per class (memoized by class scope and name).
#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/recursion.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

// Whether `value` reads `<receiver>.<name>` anywhere inside it.
bool ReadsAttribute(const Ast& ast, NodeId value, llvm::StringRef receiver, llvm::StringRef name) {
  std::vector<NodeId> stack = {value};
  while (!stack.empty()) {
    NodeId node = stack.back();
    stack.pop_back();
    if (!node.valid()) continue;
    if (ast.kind(node) == NodeKind::Attribute) {
      AttributeView view{ast, node};
      if (view.attr().valid() && ast.str(view.attr()) == name && view.value().valid() &&
          ast.kind(view.value()) == NodeKind::Name && ast.str(view.value()) == receiver) {
        return true;
      }
    }
    for (NodeId child : ast.children(node)) stack.push_back(child);
  }
  return false;
}

}  // namespace

std::optional<TypeId> FileInference::DeclaredInstanceAttribute(ScopeId class_scope, llvm::StringRef name) {
  const auto& attributes = index_.scope(class_scope).instance_attributes;
  auto it = attributes.find(name);
  if (it == attributes.end()) return std::nullopt;
  for (const auto& [stmt, target] : it->second) {
    if (ast_.kind(stmt) == NodeKind::AnnAssign && AnnAssignView{ast_, stmt}.target() == target) {
      TypeContext context;
      context.cls = ClassFor(index_.scope(class_scope).node);
      return AnnotationType(AnnAssignView{ast_, stmt}.annotation(), context);
    }
  }
  return std::nullopt;
}

std::optional<TypeId> FileInference::InstanceAttributeType(ScopeId class_scope, llvm::StringRef name) {
  const auto& attributes = index_.scope(class_scope).instance_attributes;
  auto it = attributes.find(name);
  if (it == attributes.end()) return std::nullopt;
  if (std::optional<TypeId> declared = DeclaredInstanceAttribute(class_scope, name)) return declared;
  {
    AttributeSlot& slot = instance_attribute_types_[class_scope.index()][name];
    if (slot.state == 2) return slot.type;
    if (slot.state == 1) return store_.Unknown();  // a cycle through the assignments
  }
  RecursionGuard guard(program_.recursion());
  if (guard.exceeded()) return store_.Unknown();
  instance_attribute_types_[class_scope.index()][name].state = 1;
  std::vector<TypeId> assigned;
  std::vector<std::pair<NodeId, NodeId>> self_referential;  // (Assign, target)
  auto add = [&](NodeId stmt, NodeId target) {
    NodeId value = AssignView{ast_, stmt}.value();
    for (NodeId root : AssignView{ast_, stmt}.targets()) {
      if (ast_.range(root).start <= ast_.range(target).start && ast_.range(target).end <= ast_.range(root).end) {
        assigned.push_back(PromoteLiteralDeep(program_, AssignedType(root, ExprType(value), target)));
      }
    }
  };
  for (const auto& [stmt, target] : it->second) {
    if (!stmt.valid() || index_.IsUnreachable(stmt)) continue;
    switch (ast_.kind(stmt)) {
      case NodeKind::Assign: {
        NodeId value = AssignView{ast_, stmt}.value();
        NodeId receiver = AttributeView{ast_, target}.value();
        if (value.valid() && receiver.valid() && ReadsAttribute(ast_, value, ast_.str(receiver), name)) {
          self_referential.push_back({stmt, target});
        } else {
          add(stmt, target);
        }
        break;
      }
      case NodeKind::AugAssign: break;  // `self.n += 1`: reads the attribute itself
      default: assigned.push_back(store_.Unknown()); break;  // `for self.x in ...`, `with ... as self.x`
    }
  }
  TypeId type = assigned.empty() ? store_.Unknown() : store_.Union(assigned);
  AttributeSlot* slot = &instance_attribute_types_[class_scope.index()][name];
  slot->type = type;
  slot->state = 2;
  if (!self_referential.empty()) {
    // The values that read the attribute itself see the type of the other assignments
    // (`self.pattern = re.compile(self.pattern)` adds `Pattern[str]` to `str`).
    for (const auto& [stmt, target] : self_referential) add(stmt, target);
    type = store_.Union(assigned);
    slot = &instance_attribute_types_[class_scope.index()][name];
    slot->type = type;
  }
  return type;
}

std::optional<FileInference::AttributeOrigin> FileInference::ClassAttributeOrigin(ScopeId class_scope,
                                                                                  llvm::StringRef name,
                                                                                  bool on_instance) {
  auto self_origin = [&]() -> std::optional<AttributeOrigin> {
    const auto& attributes = index_.scope(class_scope).instance_attributes;
    auto it = attributes.find(name);
    if (it == attributes.end()) return std::nullopt;
    for (const auto& [stmt, target] : it->second) {
      if (ast_.kind(stmt) == NodeKind::AnnAssign && AnnAssignView{ast_, stmt}.target() == target) {
        return AttributeOrigin::Declared;
      }
    }
    return AttributeOrigin::Inferred;
  };
  SymbolId sym = index_.LookupSymbol(class_scope, name);
  if (sym.valid() && !index_.PublicDefinitions(sym).empty()) {
    const Symbol& symbol = index_.symbol(sym);
    if (symbol.declaration.valid()) return AttributeOrigin::Declared;
    for (DefinitionId def : symbol.definitions) {
      DefinitionKind kind = index_.definition(def).kind;
      if (kind != DefinitionKind::Assignment && kind != DefinitionKind::AugAssignment) return AttributeOrigin::Other;
    }
    return self_origin().value_or(AttributeOrigin::Inferred);
  }
  if (!on_instance) return std::nullopt;
  return self_origin();
}

std::optional<FileInference::ClassAttribute> FileInference::ClassAttributeType(ScopeId class_scope,
                                                                               llvm::StringRef name,
                                                                               bool on_instance) {
  std::optional<AttributeOrigin> origin = ClassAttributeOrigin(class_scope, name, on_instance);
  if (!origin) return std::nullopt;
  SymbolId sym = index_.LookupSymbol(class_scope, name);
  if (sym.valid() && !index_.PublicDefinitions(sym).empty()) {
    TypeId body = UnionOfDefinitions(index_.PublicDefinitions(sym));
    if (index_.symbol(sym).declaration.valid() || *origin == AttributeOrigin::Other) {
      return ClassAttribute{body, *origin, true};
    }
    if (!index_.scope(class_scope).instance_attributes.count(name)) return ClassAttribute{body, *origin, true};
    // A descriptor in the body (`_adj = Resetting()` with `__set__`): `self._adj = v` goes
    // through it, the body's binding alone says what the attribute is.
    for (TypeId member : store_.kind(body) == TypeKind::Union ? store_.UnionMembers(body) : llvm::ArrayRef<TypeId>(body)) {
      if (store_.kind(member) != TypeKind::Instance) continue;
      if (LookupDunder(program_, member, "__get__").type.valid() || LookupDunder(program_, member, "__set__").type.valid()) {
        return ClassAttribute{body, AttributeOrigin::Other, true};
      }
    }
    if (std::optional<TypeId> declared = DeclaredInstanceAttribute(class_scope, name)) {
      return ClassAttribute{*declared, AttributeOrigin::Declared, true};
    }
    TypeId instance = *InstanceAttributeType(class_scope, name);
    return ClassAttribute{store_.Union({PromoteLiteralDeep(program_, body), instance}), *origin, true};
  }
  return ClassAttribute{*InstanceAttributeType(class_scope, name), *origin, false};
}

}  // namespace asynctype
