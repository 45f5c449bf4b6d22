// IndexBuilder (index_builder.h): the builder itself, scopes, symbols and definitions, and the
// control flow (raise points, narrowing conditions, loop back edges); and BuildIndex.
#include "checker/semantic/index_builder.h"

#include "checker/semantic/place_key.h"

namespace asynctype {

IndexBuilder::IndexBuilder(const Ast& ast, FileId file, const IndexOptions& options, SemanticIndex& index)
    : ast_(ast),
      file_(file),
      options_(options),
      index_(index),
      static_(ast, options.python_version),
      errors_(ast, file, options.python_version, index.scopes_, index.diagnostics_),
      dunder_all_(ast, index.dunder_all_, index.dunder_all_modules_) {
  index_.node_scope_.assign(ast.size(), ScopeId::None());
  index_.node_definition_.assign(ast.size(), DefinitionId::None());
  index_.unreachable_.resize(ast.size());
  index_.in_loop_.resize(ast.size());
  index_.store_targets_.resize(ast.size());
  index_.forward_references_.resize(ast.size());
  // Room for every scope, symbol, definition and use record at once (upper bounds: memory not
  // written is not used). Scopes and symbols are copied, not moved, when their vector grows
  // (the moves of StringMap and SmallVector are not noexcept).
  size_t scopes = 1, uses = 0, names = 1, name_uses = 0;
  for (size_t i = 0; i < ast.size(); ++i) {
    switch (ast.kind(NodeId(static_cast<uint32_t>(i)))) {
      case NodeKind::FunctionDef: case NodeKind::ClassDef: scopes += 2; break;  // (type parameters)
      case NodeKind::TypeAlias: case NodeKind::Lambda: case NodeKind::ListComp: case NodeKind::SetComp:
      case NodeKind::DictComp: case NodeKind::GeneratorExp: ++scopes; break;
      case NodeKind::Name: ++uses; ++names; ++name_uses; break;
      case NodeKind::Attribute: ++uses; break;
      case NodeKind::Identifier: case NodeKind::Parameter: case NodeKind::TypeParam: case NodeKind::MatchAs:
      case NodeKind::MatchStar: case NodeKind::MatchMapping: case NodeKind::ImportFrom: ++names; break;
      default: break;
    }
  }
  index_.scopes_.reserve(scopes);
  index_.use_records_.reserve(uses);
  expected_bindings_ = uses + uses / 4 + 16;
  // (Most Name nodes are uses; the narrowed places among the Attributes are few.)
  index_.use_index_.reserve(name_uses);
  index_.opened_scopes_.reserve(scopes);
  index_.symbols_.reserve(names);  // (every symbol and definition binds a name node, but a few)
  index_.definitions_.reserve(names);
}

void IndexBuilder::Build() {
  ScopeId module = NewScope(ScopeKind::Module, ScopeId::None(), ast_.root());
  current_ = module;
  flows_.push_back({module, FlowState(&flow_keys_)});
  index_.node_scope_[ast_.root().index()] = module;
  VisitBlock(ModuleView{ast_, ast_.root()}.statements());
  RecordEndDefinitions(module, flows_.back().second);
}

ScopeId IndexBuilder::NewScope(ScopeKind kind, ScopeId parent, NodeId node) {
  Scope scope;
  scope.kind = kind;
  scope.parent = parent;
  scope.node = node;
  index_.scopes_.push_back(std::move(scope));
  ScopeId id(static_cast<uint32_t>(index_.scopes_.size() - 1));
  index_.opened_scopes_[node.index()] = id;
  return id;
}

SymbolId IndexBuilder::GetOrAddSymbol(ScopeId scope_id, llvm::StringRef name) {
  Scope& s = scope(scope_id);
  auto it = s.symbols.find(name);
  if (it != s.symbols.end()) return it->second;
  Symbol sym;
  sym.name = name;
  sym.scope = scope_id;
  index_.symbols_.push_back(std::move(sym));
  SymbolId id(static_cast<uint32_t>(index_.symbols_.size() - 1));
  s.symbols[name] = id;
  return id;
}

void IndexBuilder::Define(llvm::StringRef name, DefinitionKind kind, NodeId node, NodeId target, uint32_t offset,
                          ScopeId in_scope) {
  ScopeId scope_id = in_scope.valid() ? in_scope : current_;
  if (!defining_static_name_) static_.NoteOtherBinding(name);
  SymbolId symbol = GetOrAddSymbol(scope_id, name);
  Definition def{kind, scope_id, symbol, node, target, offset, current_statement_};
  index_.definitions_.push_back(def);
  DefinitionId id(static_cast<uint32_t>(index_.definitions_.size() - 1));
  Symbol& defined = index_.symbols_[symbol.index()];
  if (!defined.definitions.empty() && offset < index_.definitions_[defined.definitions.back().index()].offset) {
    defined.definitions_in_order = false;
  }
  defined.definitions.push_back(id);
  if (kind != DefinitionKind::Function) {
    defined.only_functions = false;
  } else if (IsOverload(node)) {
    ++defined.overloads;
  }
  if (kind == DefinitionKind::AnnAssignment) defined.declaration = node;
  if (target.valid()) index_.node_definition_[target.index()] = id;
  if (FlowState* flow = FlowOf(scope_id)) {
    flow->Bind(name, id);
    flow->ResetPlacesOf(name);
    if (kind != DefinitionKind::ExceptHandler) NoteRaisePoint(scope_id, name, Binding{id, {}});
  }
  // `global x` / `nonlocal x`: the binding also belongs to the outer symbol (its public view).
  const Symbol& sym = index_.symbols_[symbol.index()];
  SymbolId outer;
  if (sym.is_global && scope_id != index_.module_scope()) {
    outer = GetOrAddSymbol(index_.module_scope(), name);
  } else if (sym.is_nonlocal) {
    for (ScopeId s = scope(scope_id).parent; s.valid(); s = scope(s).parent) {
      if (scope(s).kind == ScopeKind::Class) continue;
      if (scope(s).kind == ScopeKind::Module) break;
      if (SymbolId found = index_.LookupSymbol(s, name); found.valid()) {
        outer = found;
        break;
      }
    }
  }
  if (outer.valid()) index_.symbols_[outer.index()].nested_definitions.push_back(id);
}

bool IndexBuilder::IsOverload(NodeId function_def) const {
  NodeId decorators = FunctionDefView{ast_, function_def}.decorators();
  if (!decorators.valid()) return false;
  for (NodeId dec : ListView{ast_, decorators}.items()) {
    Decorator d = ClassifyDecorator(ast_, dec);
    if (d.kind == KnownDecorator::Overload && d.calls == 0) return true;
  }
  return false;
}

void IndexBuilder::RecordEndDefinitions(ScopeId scope_id, const FlowState& end) {
  if (!end.reachable()) return;
  for (const auto& entry : scope(scope_id).symbols) {
    Symbol& sym = index_.symbols_[entry.getValue().index()];
    if (sym.definitions.size() < 2 || sym.is_global || sym.is_nonlocal) continue;
    const Bindings* found = end.Find(entry.getKey());
    if (!found) continue;
    Bindings bindings = *found;
    flow_keys_.ExpandDefinitionSets(bindings);
    llvm::SmallDenseSet<uint32_t, 4> reaching;
    for (const Binding& binding : bindings) {
      if (binding.def.valid()) reaching.insert(binding.def.value);
    }
    for (DefinitionId def : sym.definitions) {
      if (reaching.count(def.value)) sym.end_definitions.push_back(def);
    }
  }
}

void IndexBuilder::NoteRaisePoint(ScopeId scope_id, llvm::StringRef name, const Binding& binding) {
  if (raise_contexts_.empty()) return;
  size_t level = 0;
  for (size_t i = flows_.size(); i > 0; --i) {
    if (flows_[i - 1].first == scope_id) {
      level = i;
      break;
    }
  }
  if (level == 0 || !flows_[level - 1].second.reachable()) return;
  for (RaiseContext& context : raise_contexts_) {
    if (context.level != level) continue;
    context.raised.state().AddBinding(name, binding);
    // Narrowing of places rooted at a rebound name (or under a reassigned place) no longer holds.
    context.raised.state().AddPlaceDefaultsOf(name);
  }
}

uint32_t IndexBuilder::AddConstraint(NodeId predicate, bool positive) {
  index_.constraints_.push_back({predicate, positive});
  constraint_keys_.push_back({predicate.value, positive});
  return static_cast<uint32_t>(index_.constraints_.size() - 1);
}

llvm::StringRef IndexBuilder::PlaceKey(NodeId node) {
  std::string key = PlaceKeyOf(ast_, node);
  if (key.empty()) return "";
  auto it = place_keys_.find(key);
  if (it != place_keys_.end()) return it->getKey();
  return place_keys_.insert(key).first->getKey();
}

NodeId IndexBuilder::AliasedCondition(NodeId name) const {
  if (!name.valid() || ast_.kind(name) != NodeKind::Name || flows_.back().first != current_) return NodeId::None();
  const Bindings* bindings = flows_.back().second.Find(ast_.str(name));
  if (!bindings || bindings->size() != 1) return NodeId::None();
  DefinitionId def = (*bindings)[0].def;
  if (!def.valid() || def == kPlaceDefault || IsPlaceAssignment(def) || IsDefinitionSet(def)) return NodeId::None();
  return index_.AliasedCondition(ast_, def);
}

bool IndexBuilder::UnchangedSince(llvm::StringRef name, NodeId condition) const {
  // The bindings of `name` at its use inside `condition` (the first one found), against its
  // bindings now: narrowing the alias recorded applies only to the same definitions.
  const UseRecord* then = nullptr;
  bool found = false;
  bool place = IsPlaceKey(name);
  llvm::SmallVector<NodeId, 16> stack{condition};
  for (int visited = 0; !stack.empty() && visited < 64 && !found; ++visited) {
    NodeId node = stack.pop_back_val();
    if (!node.valid()) continue;
    NodeKind kind = ast_.kind(node);
    if ((kind == NodeKind::Name && !place && ast_.str(node) == name) ||
        (kind == NodeKind::Attribute && place && PlaceKeyOf(ast_, node) == name)) {
      found = true;
      then = index_.UseOf(node);
      continue;
    }
    if (kind == NodeKind::Lambda || kind == NodeKind::ListComp || kind == NodeKind::SetComp ||
        kind == NodeKind::DictComp || kind == NodeKind::GeneratorExp) {
      continue;  // (other scopes)
    }
    for (NodeId child : ast_.children(node)) stack.push_back(child);
  }
  // (Definition values, the unbound one included: a few, compared in a vector. DenseSet would
  // reserve the unbound value as its empty key.)
  llvm::SmallVector<uint32_t, 4> before;
  if (then) {
    for (const Binding& b : then->bindings) before.push_back(b.def.value);
  } else if (found && place) {
    before.push_back(kPlaceDefault.value);  // not narrowed then: its declared type
  } else {
    return false;
  }
  if (before.size() > 64) return false;
  Bindings now = flows_.back().second.Lookup(name);
  flow_keys_.ExpandDefinitionSets(now);
  if (now.size() > 64) return false;
  for (const Binding& b : now) {
    if (!llvm::is_contained(before, b.def.value)) return false;
  }
  return true;
}

void IndexBuilder::NarrowedNames(NodeId test, llvm::SmallVectorImpl<llvm::StringRef>& names) {
  if (!test.valid()) return;
  switch (ast_.kind(test)) {
    case NodeKind::Name: {
      names.push_back(ast_.str(test));
      // `ok = isinstance(x, C)` then `if ok:` narrows `x` too, while `x` keeps the bindings it had.
      if (NodeId condition = in_aliased_condition_ ? NodeId::None() : AliasedCondition(test); condition.valid()) {
        llvm::SmallVector<llvm::StringRef, 4> subjects;
        in_aliased_condition_ = true;  // (one level: an alias of an alias is not followed)
        NarrowedNames(condition, subjects);
        in_aliased_condition_ = false;
        for (llvm::StringRef subject : subjects) {
          if (subject != ast_.str(test) && UnchangedSince(subject, condition)) names.push_back(subject);
        }
      }
      return;
    }
    case NodeKind::Attribute:
      if (llvm::StringRef key = PlaceKey(test); !key.empty()) names.push_back(key);
      return;
    case NodeKind::NamedExpr:
      if (NodeId target = NamedExprView{ast_, test}.target(); target.valid()) names.push_back(ast_.str(target));
      // `(ok := isinstance(x, C))` narrows `x` as the test itself does.
      if (NodeId value = NamedExprView{ast_, test}.value(); value.valid() && ast_.kind(value) != NodeKind::Name) {
        NarrowedNames(value, names);
      }
      return;
    case NodeKind::UnaryOp:
      if (static_cast<UnaryOperator>(ast_.node(test).data) == UnaryOperator::Not) {
        NarrowedNames(UnaryOpView{ast_, test}.operand(), names);
      }
      return;
    case NodeKind::BoolOp:
      NarrowedNames(BoolOpView{ast_, test}.left(), names);
      NarrowedNames(BoolOpView{ast_, test}.right(), names);
      return;
    case NodeKind::Compare: {
      if (ast_.compare_ops(test).size() != 1) return;
      CompareView compare{ast_, test};
      NodeId right = compare.comparators().empty() ? NodeId::None() : compare.comparators()[0];
      for (NodeId side : {compare.left(), right}) {
        if (side.valid() && (ast_.kind(side) == NodeKind::Name || ast_.kind(side) == NodeKind::NamedExpr ||
                             ast_.kind(side) == NodeKind::Attribute)) {
          NarrowedNames(side, names);
        }
        // `msg.type is Kind.TEXT` narrows `msg` too (a union discriminated by a literal field).
        if (side.valid() && ast_.kind(side) == NodeKind::Attribute) {
          NodeId base = AttributeView{ast_, side}.value();
          if (base.valid() && ast_.kind(base) == NodeKind::Name) {
            names.push_back(ast_.str(base));
          } else if (llvm::StringRef key = PlaceKey(base); !key.empty()) {
            names.push_back(key);
          }
        }
        // `type(x) is C`, `len(x) == 2`
        if (side.valid() && ast_.kind(side) == NodeKind::Call) {
          CallView call{ast_, side};
          if (call.func().valid() && ast_.kind(call.func()) == NodeKind::Name &&
              (ast_.str(call.func()) == "type" || ast_.str(call.func()) == "len") && call.args().size() == 1 &&
              ast_.kind(call.args()[0]) == NodeKind::Name) {
            names.push_back(ast_.str(call.args()[0]));
          }
        }
      }
      return;
    }
    case NodeKind::Call: {
      CallView call{ast_, test};
      NodeId func = call.func();
      NodeId arg = call.args().empty() ? NodeId::None() : call.args()[0];
      // `isinstance(x, C)`, and any other call of `x` first: it may be a type guard
      // (`TypeIs` / `TypeGuard`); the inference decides.
      if (func.valid() && arg.valid()) {
        if (ast_.kind(arg) == NodeKind::Name) names.push_back(ast_.str(arg));
        if (llvm::StringRef key = PlaceKey(arg); !key.empty()) names.push_back(key);
      }
      // `hasattr(x, "name")` constrains the place `x.name` (FileInference::GuardedByHasattr).
      if (func.valid() && arg.valid() && ast_.kind(func) == NodeKind::Name && ast_.str(func) == "hasattr" &&
          ast_.kind(arg) == NodeKind::Name && call.args().size() == 2) {
        NodeId attr = call.args()[1];
        if (attr.valid() && ast_.kind(attr) == NodeKind::StringLiteral && !ast_.Has(attr, kFString) &&
            !ast_.Has(attr, kBytes)) {
          std::string key = ast_.str(arg).str() + "." + ast_.str(attr).str();
          names.push_back(place_keys_.insert(key).first->getKey());
        }
      }
      return;
    }
    default: return;
  }
}

void IndexBuilder::ApplyCondition(NodeId test, bool positive) {
  llvm::SmallVector<llvm::StringRef, 4> names;
  NarrowedNames(test, names);
  if (names.empty()) return;
  uint32_t constraint = AddConstraint(test, positive);
  llvm::SmallVector<llvm::StringRef, 4> done;
  for (llvm::StringRef name : names) {
    if (std::find(done.begin(), done.end(), name) != done.end()) continue;
    done.push_back(name);
    flow().Narrow(name, constraint, NarrowsOuterBinding(name));
    narrowed_.push_back({constraint, name});
  }
}

bool IndexBuilder::NarrowsOuterBinding(llvm::StringRef name) {
  if (IsPlaceKey(name) || flows_.back().first != current_) return false;
  ScopeKind kind = scope(current_).kind;
  if (kind != ScopeKind::Function && kind != ScopeKind::Lambda) return false;
  SymbolId sym = index_.LookupSymbol(current_, name);
  if (!sym.valid()) return true;  // a free name (so far): the enclosing scopes' binding
  const Symbol& symbol = index_.symbol(sym);
  return symbol.is_global || symbol.is_nonlocal;
}

std::pair<FlowState, FlowState> IndexBuilder::VisitCondition(NodeId test) {
  if (test.valid() && ast_.kind(test) == NodeKind::BoolOp) {
    Mark(test);
    bool is_and = static_cast<BoolOperator>(ast_.node(test).data) == BoolOperator::And;
    auto [left_true, left_false] = VisitCondition(BoolOpView{ast_, test}.left());
    flow() = is_and ? left_true : left_false;
    auto [right_true, right_false] = VisitCondition(BoolOpView{ast_, test}.right());
    if (is_and) {
      left_false.Merge(right_false);
      return {std::move(right_true), std::move(left_false)};
    }
    left_true.Merge(right_true);
    return {std::move(left_true), std::move(right_false)};
  }
  if (test.valid() && ast_.kind(test) == NodeKind::UnaryOp &&
      static_cast<UnaryOperator>(ast_.node(test).data) == UnaryOperator::Not) {
    Mark(test);
    auto [t, f] = VisitCondition(UnaryOpView{ast_, test}.operand());
    return {std::move(f), std::move(t)};
  }
  VisitExpr(test);
  FlowState when_true = flow();
  FlowState when_false = flow();
  std::swap(flow(), when_true);
  ApplyCondition(test, true);
  std::swap(flow(), when_true);
  std::swap(flow(), when_false);
  ApplyCondition(test, false);
  std::swap(flow(), when_false);
  return {std::move(when_true), std::move(when_false)};
}

void IndexBuilder::PatchLoopUses(size_t first_use, size_t first_def, const FlowState& loop_end) {
  for (size_t i = first_use; i < use_log_.size(); ++i) {
    auto [node, name, scope_id] = use_log_[i];
    if (!FlowOf(scope_id) || FlowOf(scope_id) != &flow()) continue;
    const Bindings* at_end = loop_end.Find(name);
    if (!at_end) continue;
    UseRecord& record = index_.use_records_[index_.use_index_[node.index()]];
    Bindings bindings(record.bindings.begin(), record.bindings.end());
    // A use that every path from the loop's start reaches through an assignment in the body
    // (`v = f(); if v is not None: use(v)`) cannot see the previous iteration's bindings.
    bool sees_loop_start = bindings.empty();
    for (const Binding& b : bindings) {
      sees_loop_start |= !b.def.valid() || b.def == kPlaceDefault || IsPlaceAssignment(b.def) ||
                         b.def.index() < first_def;
    }
    if (!sees_loop_start) continue;
    Bindings later = *at_end;
    flow_keys_.ExpandDefinitionSets(later);
    Bindings from_body;
    for (const Binding& b : later) {
      if (b.def.valid() && b.def.index() >= first_def) from_body.push_back(b);
    }
    size_t before = bindings.size();
    FlowState::AddAll(bindings, from_body);
    if (bindings.size() != before) record.bindings = StoreBindings(std::move(bindings));
  }
}

void IndexBuilder::StripConstraintsSince(size_t first) {
  llvm::SmallVector<llvm::StringRef, 4> names;
  for (size_t i = narrowed_.size(); i > 0 && narrowed_[i - 1].first >= first; --i) {
    llvm::StringRef name = narrowed_[i - 1].second;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  flow().StripConstraintsSince(first, names);
}

SemanticIndex BuildIndex(const Ast& ast, FileId file, const IndexOptions& options) {
  SemanticIndex index;
  IndexBuilder(ast, file, options, index).Build();
  return index;
}

}  // namespace asynctype
