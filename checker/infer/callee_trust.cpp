// Whether the errors found for a call can be trusted: the callee is the only definition of its
// name, its receiver's class is fully seen, and the parameter types it is checked against are not
// specialized from literals nested in display elements. Where not, the call stays silent.
#include "checker/database/program.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/file_inference.h"

namespace asynctype {

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

namespace {

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

}  // namespace

bool HasNestedLiteral(const TypeStore& store, TypeId type, bool nested, int depth) {
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

}  // namespace asynctype
