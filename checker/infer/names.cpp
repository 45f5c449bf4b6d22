// Names at their uses: the union of the bindings that reach the use through control flow, each
// narrowed by the conditions that hold there. A name possibly unbound on some path is reported
// (`possibly-unresolved-reference`); one unbound on every path is `unresolved-reference`, except
// in module and class bodies, where lookup continues outwards (enclosing scopes, builtins).
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/program/program.h"

namespace asynctype {

TypeId FileInference::OutwardNameType(NodeId use, llvm::StringRef name, ScopeId scope, bool report) {
  const Scope& sc = index_.scope(scope);
  if (sc.kind == ScopeKind::Module || !sc.parent.valid()) {
    // Past the module: star imports, builtins, the module's implicit attributes.
    return TypeOfNameInScope(use, name, scope, 0, false, /*public_view=*/false, report, /*skip_own=*/true);
  }
  return TypeOfNameInScope(use, name, sc.parent, ast_.range(use).start, false, /*public_view=*/true, report);
}

bool FileInference::PathReturns(const Binding& binding) {
  for (uint32_t c : binding.constraints) {
    const Constraint& constraint = index_.constraint(c);
    if (constraint.reachability && store_.kind(ExprType(constraint.predicate)) == TypeKind::Never) return false;
  }
  return true;
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
  for (const Binding& b : use.bindings) {
    if (!PathReturns(b)) continue;  // the path went through a call that never returns
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
    bool found_outside = index_.ResolveName(index_.scope(use.scope).parent.valid()
                                                ? index_.scope(use.scope).parent
                                                : use.scope,
                                            text, 0, false, true)
                             .kind == SemanticIndex::Resolution::Kind::Found ||
                         BuiltinSymbol(text).valid();
    if (!found_outside) {
      Report(MakeDiagnostic(Rule::PossiblyUnresolvedReference, file_, ast_.range(name),
                            "Name `" + text.str() + "` used when possibly not defined"));
      return store_.Union(types);
    }
    types.push_back(outer);
    return store_.Union(types);
  }
  if (types.empty()) {
    Report(MakeDiagnostic(Rule::UnresolvedReference, file_, ast_.range(name),
                          "Name `" + text.str() + "` used when not defined"));
    return store_.Unknown();
  }
  Report(MakeDiagnostic(Rule::PossiblyUnresolvedReference, file_, ast_.range(name),
                        "Name `" + text.str() + "` used when possibly not defined"));
  return store_.Union(types);
}

}  // namespace asynctype
