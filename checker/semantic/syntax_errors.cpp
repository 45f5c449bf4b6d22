#include "checker/semantic/syntax_errors.h"

#include "checker/semantic/comprehension_parts.h"

namespace asynctype {

void SyntaxErrors::Report(TextRange range, std::string message) {
  diagnostics_.push_back(MakeDiagnostic(Rule::InvalidSyntax, file_, range, std::move(message)));
}

bool SyntaxErrors::InFunction(ScopeId current) const {
  for (ScopeId s = current; s.valid(); s = scope(s).parent) {
    ScopeKind k = scope(s).kind;
    if (k == ScopeKind::Function || k == ScopeKind::Lambda) return true;
    if (k == ScopeKind::Module || k == ScopeKind::Class) return false;
  }
  return false;
}

ScopeId SyntaxErrors::EnclosingFunction(ScopeId current) const {
  for (ScopeId s = current; s.valid(); s = scope(s).parent) {
    ScopeKind k = scope(s).kind;
    if (k == ScopeKind::Function) return s;
    if (k != ScopeKind::Comprehension) return ScopeId::None();
  }
  return ScopeId::None();
}

bool SyntaxErrors::AsyncContextAllowed(ScopeId from) const {
  for (ScopeId s = from; s.valid(); s = scope(s).parent) {
    const Scope& sc = scope(s);
    if (sc.kind == ScopeKind::Comprehension) {
      if (ast_.kind(sc.node) == NodeKind::GeneratorExp) return true;
      continue;
    }
    return sc.kind == ScopeKind::Function && sc.is_async;
  }
  return false;
}

void SyntaxErrors::CheckAsyncStatement(NodeId stmt, ScopeId current, const char* what) {
  const Scope& sc = scope(current);
  if (!(sc.kind == ScopeKind::Function && sc.is_async)) {
    Report(ast_.range(stmt), std::string(what) + " outside of an asynchronous function");
  }
}

void SyntaxErrors::CheckAsyncInSyncComprehension(ScopeId comprehension, TextRange range) {
  if (version_ >= PythonVersion{3, 11}) return;
  const Scope& sc = scope(comprehension);
  if (ast_.kind(sc.node) == NodeKind::GeneratorExp || !InSyncComprehension(sc.parent)) return;
  if (!async_nesting_reported_.insert(comprehension.index()).second) return;
  Report(range, "cannot use an asynchronous comprehension inside of a synchronous comprehension on Python " +
                    version_.ToString() + " (syntax was added in 3.11)");
}

// Whether `from` is a comprehension that is not itself a coroutine: it has no `async for`
// clause and no `await` of its own. (An asynchronous enclosing comprehension may contain
// asynchronous ones; its own check decides whether it may be there.)
bool SyntaxErrors::InSyncComprehension(ScopeId from) {
  if (!from.valid() || scope(from).kind != ScopeKind::Comprehension) return false;
  ComprehensionParts comp = ComprehensionPartsOf(ast_, scope(from).node);
  for (NodeId gen : comp.generators) {
    if (gen.valid() && ComprehensionView{ast_, gen}.is_async()) return false;
  }
  auto [it, inserted] = awaits_directly_.try_emplace(from.index(), false);
  if (inserted) {
    bool awaits = false;
    for (size_t i = 0; i < comp.generators.size() && !awaits; ++i) {
      NodeId gen = comp.generators[i];
      if (!gen.valid()) continue;
      ComprehensionView clause{ast_, gen};
      awaits = ContainsOwnAwait(clause.target());
      if (!awaits && i > 0) awaits = ContainsOwnAwait(clause.iter());  // the first is evaluated outside
      for (NodeId cond : clause.ifs()) {
        if (awaits) break;
        awaits = ContainsOwnAwait(cond);
      }
    }
    for (NodeId element : comp.elements) {
      if (awaits) break;
      awaits = ContainsOwnAwait(element);
    }
    it->second = awaits;
  }
  return !it->second;
}

// Whether `expr` contains an `await` evaluated in the scope it is in: not inside a lambda, nor
// inside a nested comprehension other than its first iterable.
bool SyntaxErrors::ContainsOwnAwait(NodeId expr) const {
  if (!expr.valid()) return false;
  switch (ast_.kind(expr)) {
    case NodeKind::Await: return true;
    case NodeKind::Lambda: return false;
    case NodeKind::ListComp:
    case NodeKind::SetComp:
    case NodeKind::DictComp:
    case NodeKind::GeneratorExp: {
      auto generators = ComprehensionPartsOf(ast_, expr).generators;
      return !generators.empty() && generators[0].valid() &&
             ContainsOwnAwait(ComprehensionView{ast_, generators[0]}.iter());
    }
    default:
      for (NodeId child : ast_.children(expr)) {
        if (ContainsOwnAwait(child)) return true;
      }
      return false;
  }
}

}  // namespace asynctype
