// Names at their uses: the union of the bindings that reach the use through control flow, each
// narrowed by the conditions that hold there. A name possibly unbound on some path is reported
// (`possibly-unresolved-reference`); one unbound on every path is `unresolved-reference`, except
// in module and class bodies, where lookup continues outwards (enclosing scopes, builtins).
#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {

TypeId FileInference::OutwardNameType(NodeId use, llvm::StringRef name, ScopeId scope, bool report) {
  const Scope& sc = index_.scope(scope);
  if (sc.kind == ScopeKind::Module || !sc.parent.valid()) {
    // Past the module: star imports, builtins, the module's implicit attributes.
    return TypeOfNameInScope(use, name, scope, 0, false, /*public_view=*/false, report, /*skip_own=*/true);
  }
  return TypeOfNameInScope(use, name, sc.parent, ast_.range(use).start, false, /*public_view=*/true, report);
}

bool FileInference::PathReturns(const Binding& binding, bool lenient) {
  for (uint32_t c : binding.constraints) {
    const Constraint& constraint = index_.constraint(c);
    if (!constraint.reachability) continue;
    if (constraint.suppression) {
      if (!WithSuppresses(constraint.predicate, lenient)) return false;
      continue;
    }
    if (store_.kind(ExprType(constraint.predicate)) == TypeKind::Never) return false;
  }
  return true;
}

bool FileInference::EndReachable(ScopeId function_scope) {
  const Scope& scope = index_.scope(function_scope);
  if (!scope.end_reachable) return false;
  const Bindings* paths = index_.EndPaths(function_scope);
  if (!paths) return true;
  for (const Binding& path : *paths) {
    if (PathReturns(path)) return true;
  }
  return false;
}

bool FileInference::StatementReachable(NodeId statement) {
  const Bindings* paths = index_.ReachPaths(statement);
  if (!paths) return true;
  // Code is left unchecked only when it is certainly unreachable: a manager the checker does not
  // understand may swallow exceptions.
  for (const Binding& path : *paths) {
    if (PathReturns(path, /*lenient=*/true)) return true;
  }
  return false;
}

namespace {

enum Suppression : uint8_t { kNo = 0, kYes = 1, kInProgress = 2, kDynamic = 3 };

Suppression Either(Suppression a, Suppression b) {
  if (a == kYes || b == kYes) return kYes;
  if (a == kDynamic || b == kDynamic) return kDynamic;
  return kNo;
}

// Whether the result of `__exit__` (or the awaited result of `__aexit__`) tells that the manager
// may swallow the exception: `bool` and `Literal[True]` do; `None`, `Literal[False]` and any union
// with `None` (`bool | None`) do not; nor do dynamic types, though they might (kDynamic).
Suppression SuppressingExitResult(Program& program, TypeId result) {
  TypeStore& store = program.types();
  if (store.IsDynamic(result)) return kDynamic;
  switch (store.kind(result)) {
    case TypeKind::BoolLiteral: return BoolLiteralTypeView{store, result}.value() ? kYes : kNo;
    case TypeKind::Instance: return result == KnownInstance(program, KnownClass::Bool) ? kYes : kNo;
    case TypeKind::Union: {
      Suppression suppressing = kNo;
      for (TypeId m : store.UnionMembers(result)) {
        if (store.kind(m) == TypeKind::NoneType) return kNo;
        suppressing = Either(suppressing, SuppressingExitResult(program, m));
      }
      return suppressing;
    }
    default: return kNo;
  }
}

// Whether `manager` (the value of a `with` item) may swallow an exception.
Suppression ManagerSuppresses(Program& program, TypeId manager, bool is_async, int depth = 0) {
  TypeStore& store = program.types();
  if (!manager.valid() || store.IsDynamic(manager) || depth > 8) return kDynamic;
  if (store.kind(manager) == TypeKind::Union) {
    Suppression any = kNo;
    for (TypeId m : store.UnionMembers(manager)) any = Either(any, ManagerSuppresses(program, m, is_async, depth + 1));
    return any;
  }
  Member exit = LookupDunder(program, manager, is_async ? "__aexit__" : "__exit__");
  if (!exit.type.valid()) return kNo;
  if (store.IsDynamic(exit.type)) return kDynamic;
  // The call that matters is the one with an exception (it picks the overload that takes one).
  TypeId exception = KnownInstance(program, KnownClass::BaseException);
  const Argument args[] = {Argument{Argument::Kind::Positional, "", store.SubclassOf(exception)},
                           Argument{Argument::Kind::Positional, "", exception},
                           Argument{Argument::Kind::Positional, "", store.Unknown()}};
  CallOutcome outcome = CallType(program, exit.type, args);
  if (!outcome.callable || !outcome.type.valid()) return kNo;
  TypeId result = outcome.type;
  if (is_async) {
    AwaitResult awaited = TryAwait(program, result);
    if (awaited.error != AwaitError::None) return kNo;
    result = awaited.type;
  }
  return SuppressingExitResult(program, result);
}

}  // namespace

bool FileInference::WithSuppresses(NodeId with_statement, bool dynamic_suppresses) {
  auto it = with_suppresses_.find(with_statement.index());
  if (it == with_suppresses_.end()) {
    with_suppresses_[with_statement.index()] = kInProgress;  // a cycle answers "no"
    bool is_async = ast_.Has(with_statement, kAsync);
    Suppression suppresses = kNo;
    NodeId items = WithView{ast_, with_statement}.items();
    if (items.valid()) {
      for (NodeId item : ast_.children(items)) {
        if (!item.valid() || ast_.kind(item) != NodeKind::WithItem) continue;
        NodeId context_expr = WithItemView{ast_, item}.context_expr();
        if (!context_expr.valid()) continue;
        suppresses = Either(suppresses, ManagerSuppresses(program_, ExprType(context_expr), is_async));
      }
    }
    with_suppresses_[with_statement.index()] = suppresses;
    it = with_suppresses_.find(with_statement.index());
  }
  return it->second == kYes || (dynamic_suppresses && it->second == kDynamic);
}

TypeId FileInference::NarrowByConstraints(TypeId type, const Binding& binding, llvm::StringRef key) {
  for (uint32_t c : binding.constraints) {
    const Constraint& constraint = index_.constraint(c);
    if (constraint.reachability) continue;
    type = NarrowType(type, constraint.predicate, constraint.positive, key);
  }
  return type;
}

TypeId FileInference::NarrowedFreeName(TypeId outer, const UseRecord& use, llvm::StringRef text) {
  bool narrowed = false;
  for (const Binding& b : use.bindings) narrowed |= !b.def.valid() && !b.constraints.empty();
  if (!narrowed) return outer;
  std::vector<TypeId> types;
  for (const Binding& b : use.bindings) {
    if (b.def.valid() || !PathReturns(b)) continue;
    types.push_back(NarrowByConstraints(outer, b, text));
  }
  return types.empty() ? outer : store_.Union(types);
}

TypeId FileInference::FlowNameType(NodeId name, const UseRecord& use, bool* handled) {
  llvm::StringRef text = ast_.str(name);
  SymbolId sym = index_.LookupSymbol(use.scope, text);
  *handled = false;
  if (!sym.valid() || index_.symbol(sym).definitions.empty()) return store_.Unknown();  // a free name
  *handled = true;
  const Symbol& symbol = index_.symbol(sym);
  std::vector<TypeId> types;
  bool maybe_unbound = false;
  bool outer = symbol.is_global || symbol.is_nonlocal;
  for (const Binding& b : use.bindings) {
    if (!PathReturns(b)) continue;  // the path went through a call that never returns
    if (!b.def.valid() && outer && !b.constraints.empty()) {
      // Before its own assignment on this path, a global / nonlocal name is the outer binding,
      // narrowed by the tests met since the function started.
      types.push_back(NarrowByConstraints(OutwardNameType(name, text, use.scope, /*report=*/false), b, text));
      continue;
    }
    if (!b.def.valid()) {
      maybe_unbound = true;
      continue;
    }
    TypeId t = DefinitionType(b.def);
    for (uint32_t c : b.constraints) {
      const Constraint& constraint = index_.constraint(c);
      if (constraint.reachability) continue;
      t = NarrowType(t, constraint.predicate, constraint.positive, text);
    }
    types.push_back(t);
  }
  if (!maybe_unbound) return store_.Union(types);
  ScopeKind kind = index_.scope(use.scope).kind;
  if (symbol.is_global || symbol.is_nonlocal) {
    // Before its own assignment, a global / nonlocal name is the outer binding.
    types.push_back(OutwardNameType(name, text, use.scope, /*report=*/types.empty()));
    return store_.Union(types);
  }
  if (kind == ScopeKind::Module || kind == ScopeKind::Class) {
    // Unbound here on some path: the enclosing scopes and builtins may still provide it.
    TypeId outer = OutwardNameType(name, text, use.scope, /*report=*/types.empty());
    if (types.empty()) return outer;
    // Outside a module: star imports, builtins and the implicit module attributes (dunders).
    bool found_outside = BuiltinSymbol(text).valid() || StarImportedSymbol(text).has_value() ||
                         (text.startswith("__") && text.endswith("__"));
    if (kind == ScopeKind::Class) {
      found_outside |= index_.ResolveName(index_.scope(use.scope).parent, text, 0, false, true).kind ==
                       SemanticIndex::Resolution::Kind::Found;
    }
    if (!found_outside) {
      Report(MakeDiagnostic(Rule::PossiblyUnresolvedReference, file_, ast_.range(name),
                            "Name `" + text.str() + "` used when possibly not defined"));
      return store_.Union(types);
    }
    types.push_back(outer);
    return store_.Union(types);
  }
  if (types.empty()) {
    if (index_.BoundInSkippedBranch(text)) return store_.Unknown();
    Report(MakeDiagnostic(Rule::UnresolvedReference, file_, ast_.range(name),
                          "Name `" + text.str() + "` used when not defined"));
    return store_.Unknown();
  }
  Report(MakeDiagnostic(Rule::PossiblyUnresolvedReference, file_, ast_.range(name),
                        "Name `" + text.str() + "` used when possibly not defined"));
  return store_.Union(types);
}

}  // namespace asynctype
