#include "checker/infer/certainty.h"

#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

bool FullyKnownAt(Program& program, TypeId type, int depth) {
  TypeStore& store = program.types();
  if (!type.valid() || depth > 8) return false;
  switch (store.kind(type)) {
    case TypeKind::Instance: {
      if (IsAnyStandIn(store, type)) return false;
      const ClassInfo& info = ResolvedClass(program, store.ClassOf(type));
      if (info.has_unknown_base) return false;
      // An instance of `type` is a class object: its dunders come from its real metaclass.
      ClassId type_cls = GetKnownClass(program, KnownClass::Type);
      if (type_cls.valid() && Upcast(store, type, type_cls).valid()) return false;
      return true;
    }
    case TypeKind::Union:
      for (TypeId m : store.UnionMembers(type)) {
        if (!FullyKnownAt(program, m, depth + 1)) return false;
      }
      return true;
    case TypeKind::NoneType:
    case TypeKind::IntLiteral:
    case TypeKind::BoolLiteral:
    case TypeKind::StringLiteral:
    case TypeKind::BytesLiteral:
    case TypeKind::Tuple:
    case TypeKind::Function:
    case TypeKind::BoundMethod:
    case TypeKind::Callable:
    case TypeKind::Overloaded:
      return true;
    default:
      return false;
  }
}

bool UnreliableValueAt(FileInference& inference, NodeId expr, int depth) {
  const Ast& ast = inference.ast();
  if (!expr.valid() || depth > 4) return false;
  TypeStore& store = inference.program().types();
  if (ast.kind(expr) == NodeKind::Subscript) {
    SubscriptView subscript{ast, expr};
    TypeId value = inference.ExprType(subscript.value());
    if (store.kind(value) == TypeKind::Union) {
      for (TypeId m : store.UnionMembers(value)) {
        if (store.kind(m) == TypeKind::Tuple) return true;
      }
    }
    NodeId index = subscript.slice();
    bool unusable = false;
    if (index.valid()) {
      TypeId index_type = inference.ExprType(index);
      unusable = ast.kind(index) == NodeKind::Slice ||
                 AnyMember(store, index_type, [&](TypeId t) { return store.IsDynamic(t); });
    }
    if (!unusable) return false;
    Member getitem = LookupDunder(inference.program(), value, "__getitem__");
    if (!getitem.type.valid()) return false;
    return AnyMember(store, getitem.type, [&](TypeId t) { return store.kind(t) == TypeKind::Overloaded; });
  }
  if (ast.kind(expr) == NodeKind::BinOp) {
    // `2 * x` with a dynamic `x` is typed by `int.__mul__` alone, though `x.__rmul__` decides.
    TypeId right = inference.ExprType(BinOpView{ast, expr}.right());
    return AnyMember(store, right, [&](TypeId t) { return store.IsDynamic(t); });
  }
  if (ast.kind(expr) == NodeKind::Name) {
    const SemanticIndex& index = inference.index();
    const UseRecord* use = index.UseOf(expr);
    if (!use) return false;
    for (const Binding& b : use->bindings) {
      if (!b.def.valid()) continue;
      const Definition& def = index.definition(b.def);
      if (def.kind != DefinitionKind::Assignment || ast.kind(def.node) != NodeKind::Assign) continue;
      // Only `name = value`, not a destructuring target.
      AssignView assign{ast, def.node};
      bool direct = false;
      for (NodeId target : assign.targets()) direct |= target == def.target;
      if (direct && UnreliableValueAt(inference, assign.value(), depth + 1)) return true;
    }
  }
  return false;
}

bool GlobalReboundElsewhereAt(FileInference& inference, NodeId expr, int depth) {
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  if (!expr.valid() || ast.kind(expr) != NodeKind::Name || depth > 4) return false;
  llvm::StringRef name = ast.str(expr);
  // `alias = the_global` copies the doubt.
  if (const UseRecord* use = index.UseOf(expr)) {
    for (const Binding& b : use->bindings) {
      if (!b.def.valid()) continue;
      const Definition& def = index.definition(b.def);
      if (def.kind != DefinitionKind::Assignment || ast.kind(def.node) != NodeKind::Assign) continue;
      NodeId value = AssignView{ast, def.node}.value();
      if (value.valid() && ast.kind(value) == NodeKind::Name && GlobalReboundElsewhereAt(inference, value, depth + 1)) {
        return true;
      }
    }
  }
  SymbolId module_symbol = index.LookupSymbol(index.module_scope(), name);
  if (!module_symbol.valid() || index.symbol(module_symbol).nested_definitions.empty()) return false;
  for (ScopeId s = index.ScopeOf(expr); s.valid() && s != index.module_scope(); s = index.scope(s).parent) {
    SymbolId local = index.LookupSymbol(s, name);
    if (!local.valid()) continue;
    const Symbol& symbol = index.symbol(local);
    if (symbol.is_global) return true;
    if (!symbol.definitions.empty() && index.scope(s).kind != ScopeKind::Class) return false;
  }
  return true;
}

}  // namespace

bool IsAnyStandIn(const TypeStore& store, TypeId type) {
  if (store.kind(type) != TypeKind::Instance) return false;
  const ClassInfo& info = store.cls(store.ClassOf(type));
  return info.name == "Any" && (info.module == "typing" || info.module == "typing_extensions");
}

bool HasDynamicPart(const TypeStore& store, TypeId type) {
  return AnyMember(store, type, [&](TypeId t) { return store.IsDynamic(t) || IsAnyStandIn(store, t); });
}

bool HasUnknownMember(const TypeStore& store, TypeId type) {
  return AnyMember(store, type, [&](TypeId t) { return store.kind(t) == TypeKind::Unknown; });
}

bool FullyKnown(Program& program, TypeId type) { return FullyKnownAt(program, type, 0); }

bool UnreliableValue(FileInference& inference, NodeId expr) { return UnreliableValueAt(inference, expr, 0); }

bool GlobalReboundElsewhere(FileInference& inference, NodeId expr) {
  return GlobalReboundElsewhereAt(inference, expr, 0);
}

bool IsMethodReceiver(FileInference& inference, NodeId expr, bool unannotated_only) {
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  if (!expr.valid() || ast.kind(expr) != NodeKind::Name) return false;
  const UseRecord* use = index.UseOf(expr);
  if (!use || use->bindings.empty()) return false;
  for (const Binding& b : use->bindings) {
    if (!b.def.valid()) return false;
    const Definition& def = index.definition(b.def);
    if (def.kind != DefinitionKind::Parameter) return false;
    const Scope& fn_scope = index.scope(def.scope);
    if (!fn_scope.parent.valid() || index.scope(fn_scope.parent).kind != ScopeKind::Class) return false;
    if (ast.kind(fn_scope.node) != NodeKind::FunctionDef) return false;
    NodeId params = FunctionDefView{ast, fn_scope.node}.parameters();
    if (!params.valid() || ast.children(params).empty() || ast.children(params)[0] != def.node) return false;
    if (unannotated_only && ParameterView{ast, def.node}.annotation().valid()) return false;
  }
  return true;
}

bool SelfOfOpenClass(FileInference& inference, NodeId expr, TypeId type) {
  Program& program = inference.program();
  TypeStore& store = program.types();
  if (store.kind(type) != TypeKind::Instance || !IsMethodReceiver(inference, expr, /*unannotated_only=*/false)) {
    return false;
  }
  ClassId cls = store.ClassOf(type);
  const ClassInfo& info = store.cls(cls);
  if (!info.file.valid()) return false;
  FileInference& owner = program.inference(info.file);
  const Ast& owner_ast = owner.ast();
  for (size_t i = 0; i < owner_ast.size(); ++i) {
    NodeId node(static_cast<uint32_t>(i));
    if (owner_ast.kind(node) != NodeKind::ClassDef || node == info.node) continue;
    const ClassInfo& sub = ResolvedClass(program, owner.ClassFor(node));
    for (TypeId base : sub.mro) {
      if (store.kind(base) == TypeKind::Instance && store.ClassOf(base) == cls) return true;
    }
  }
  return false;
}

bool Reportable(FileInference& inference, NodeId expr, TypeId type) {
  Program& program = inference.program();
  if (!FullyKnown(program, type) || program.types().kind(type) == TypeKind::NoneType) return false;
  return !UnreliableValue(inference, expr) && !GlobalReboundElsewhere(inference, expr) &&
         !SelfOfOpenClass(inference, expr, type);
}

bool OnlyNoneFailsOrAll(const TypeStore& store, TypeId union_type, llvm::ArrayRef<TypeId> failing) {
  if (failing.size() == store.UnionMembers(union_type).size()) return true;
  for (TypeId t : failing) {
    if (store.kind(t) != TypeKind::NoneType) return false;
  }
  return true;
}

}  // namespace asynctype
