#include "checker/semantic/index.h"

#include <algorithm>

namespace asynctype {

ScopeId SemanticIndex::ScopeOpenedBy(NodeId node) const {
  auto it = opened_scopes_.find(node.index());
  return it == opened_scopes_.end() ? ScopeId::None() : it->second;
}

DefinitionId SemanticIndex::DefinitionOf(NodeId target) const {
  if (!target.valid() || target.index() >= node_definition_.size()) return DefinitionId::None();
  return node_definition_[target.index()];
}

NodeId SemanticIndex::AliasedCondition(const Ast& ast, DefinitionId def) const {
  if (!def.valid() || def.index() >= definitions_.size()) return NodeId::None();
  const Definition& d = definitions_[def.index()];
  if (d.kind != DefinitionKind::Assignment || !d.node.valid() || ast.kind(d.node) != NodeKind::Assign) {
    return NodeId::None();
  }
  const Symbol& sym = symbols_[d.symbol.index()];
  if (sym.is_global || sym.is_nonlocal) return NodeId::None();
  AssignView assign{ast, d.node};
  if (assign.targets().size() != 1 || assign.targets()[0] != d.target) return NodeId::None();
  NodeId value = assign.value();
  NodeId test = value;
  if (test.valid() && ast.kind(test) == NodeKind::UnaryOp &&
      static_cast<UnaryOperator>(ast.node(test).data) == UnaryOperator::Not) {
    test = UnaryOpView{ast, test}.operand();
  }
  if (!test.valid() || (ast.kind(test) != NodeKind::Call && ast.kind(test) != NodeKind::Compare)) return NodeId::None();
  return value;
}

SymbolId SemanticIndex::LookupSymbol(ScopeId scope, llvm::StringRef name) const {
  const auto& symbols = scopes_[scope.index()].symbols;
  auto it = symbols.find(name);
  return it == symbols.end() ? SymbolId::None() : it->second;
}

llvm::SmallVector<DefinitionId, 2> SemanticIndex::PublicDefinitions(SymbolId symbol) const {
  const Symbol& sym = symbols_[symbol.index()];
  llvm::SmallVector<DefinitionId, 2> result;
  if (!sym.end_definitions.empty()) {
    result.append(sym.end_definitions.begin(), sym.end_definitions.end());
  } else if (!sym.definitions.empty()) {
    result.push_back(sym.definitions.back());
  }
  result.append(sym.nested_definitions.begin(), sym.nested_definitions.end());
  return result;
}

size_t SemanticIndex::DefinitionsUpTo(const Symbol& symbol, uint32_t offset) const {
  const auto& defs = symbol.definitions;
  if (symbol.definitions_in_order) {
    return std::upper_bound(defs.begin(), defs.end(), offset,
                            [&](uint32_t at, DefinitionId d) { return at < definitions_[d.index()].offset; }) -
           defs.begin();
  }
  for (size_t i = defs.size(); i > 0; --i) {
    if (definitions_[defs[i - 1].index()].offset <= offset) return i;
  }
  return 0;
}

SemanticIndex::Resolution SemanticIndex::ResolveName(ScopeId scope, llvm::StringRef name,
                                                     uint32_t offset, bool in_loop,
                                                     bool public_view) const {
  Resolution result;
  bool own_scope = true;
  for (ScopeId s = scope; s.valid(); s = scopes_[s.index()].parent) {
    const Scope& sc = scopes_[s.index()];
    // Class bodies are not visible from the scopes nested in them.
    if (!own_scope && sc.kind == ScopeKind::Class) continue;
    SymbolId sym_id = LookupSymbol(s, name);
    if (sym_id.valid()) {
      const Symbol& sym = symbols_[sym_id.index()];
      bool declared_outer = (sym.is_global && s != module_scope()) || sym.is_nonlocal;
      if (declared_outer && own_scope && !public_view) {
        // `global x` / `nonlocal x`: this scope's own assignments reach later uses; before
        // them the outer binding is seen.
        if (size_t upto = DefinitionsUpTo(sym, offset); upto > 0) {
          result.kind = Resolution::Kind::Found;
          result.scope = s;
          result.definitions.push_back(sym.definitions[upto - 1]);
          return result;
        }
      }
      if (sym.is_global && s != module_scope()) {
        return ResolveName(module_scope(), name, offset, false, /*public_view=*/true);
      }
      bool bound = !sym.definitions.empty() || !sym.nested_definitions.empty();
      if (bound && !sym.is_nonlocal) {
        result.scope = s;
        if (!own_scope || public_view || sym.definitions.empty()) {
          result.kind = Resolution::Kind::Found;
          result.definitions = PublicDefinitions(sym_id);
          return result;
        }
        // Own scope: the last binding textually before the use; inside a loop, later
        // bindings may reach the use too.
        if (size_t upto = DefinitionsUpTo(sym, offset); upto > 0) result.definitions.push_back(sym.definitions[upto - 1]);
        if (in_loop) {
          for (DefinitionId d : sym.definitions) {
            if (definitions_[d.index()].offset > offset) result.definitions.push_back(d);
          }
        }
        if (!result.definitions.empty()) {
          result.kind = Resolution::Kind::Found;
          return result;
        }
        // Bound in this scope but not yet: a local used before assignment, except in the
        // module and class bodies, where lookup continues outwards.
        if (sc.kind != ScopeKind::Module && sc.kind != ScopeKind::Class) {
          result.kind = Resolution::Kind::Unbound;
          return result;
        }
      }
    }
    // A comprehension runs where it is written, so source order still applies outside it.
    if (sc.kind != ScopeKind::Comprehension) own_scope = false;
  }
  result.kind = Resolution::Kind::Builtin;
  return result;
}

}  // namespace asynctype
