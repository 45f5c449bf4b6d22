// BuildIndex: one recursive walk over the AST that creates scopes, symbols and definitions,
// follows control flow to record which bindings (with which narrowing constraints) reach each
// use of a name, skips the branches static conditions decide (static_conditions.h), collects
// `__all__` (dunder_all.h), and reports the semantic syntax errors that need no types
// (syntax_errors.h). Recursion depth is bounded by the AST depth, which the parser bounds.
#include <optional>
#include <string>

#include "checker/semantic/comprehension_parts.h"
#include "checker/semantic/dunder_all.h"
#include "checker/semantic/flow.h"
#include "checker/semantic/flow_union.h"
#include "checker/semantic/index.h"
#include "checker/semantic/skipped_bindings.h"
#include "checker/semantic/static_conditions.h"
#include "checker/semantic/syntax_errors.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

namespace asynctype {

class IndexBuilder {
 public:
  IndexBuilder(const Ast& ast, FileId file, const IndexOptions& options, SemanticIndex& index)
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
    size_t scopes = 1, uses = 0, names = 1;
    for (size_t i = 0; i < ast.size(); ++i) {
      switch (ast.kind(NodeId(static_cast<uint32_t>(i)))) {
        case NodeKind::FunctionDef: case NodeKind::ClassDef: scopes += 2; break;  // (type parameters)
        case NodeKind::TypeAlias: case NodeKind::Lambda: case NodeKind::ListComp: case NodeKind::SetComp:
        case NodeKind::DictComp: case NodeKind::GeneratorExp: ++scopes; break;
        case NodeKind::Name: ++uses; ++names; break;
        case NodeKind::Attribute: ++uses; break;
        case NodeKind::Identifier: case NodeKind::Parameter: case NodeKind::TypeParam: case NodeKind::MatchAs:
        case NodeKind::MatchStar: case NodeKind::MatchMapping: case NodeKind::ImportFrom: ++names; break;
        default: break;
      }
    }
    index_.scopes_.reserve(scopes);
    index_.use_records_.reserve(uses);
    index_.symbols_.reserve(names);  // (every symbol and definition binds a name node, but a few)
    index_.definitions_.reserve(names);
  }

  void Build() {
    ScopeId module = NewScope(ScopeKind::Module, ScopeId::None(), ast_.root());
    current_ = module;
    flows_.push_back({module, FlowState(&flow_keys_)});
    index_.node_scope_[ast_.root().index()] = module;
    VisitBlock(ModuleView{ast_, ast_.root()}.statements());
  }

 private:
  // ---------------------------------------------------------------- scopes and definitions
  ScopeId NewScope(ScopeKind kind, ScopeId parent, NodeId node) {
    Scope scope;
    scope.kind = kind;
    scope.parent = parent;
    scope.node = node;
    index_.scopes_.push_back(std::move(scope));
    ScopeId id(static_cast<uint32_t>(index_.scopes_.size() - 1));
    index_.opened_scopes_[node.index()] = id;
    return id;
  }

  Scope& scope(ScopeId id) { return index_.scopes_[id.index()]; }

  SymbolId GetOrAddSymbol(ScopeId scope_id, llvm::StringRef name) {
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

  void Define(llvm::StringRef name, DefinitionKind kind, NodeId node, NodeId target,
              uint32_t offset, ScopeId in_scope = ScopeId::None()) {
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

  // A `def` decorated `@overload` or `@<...>.overload` (by name, as the inference reads it).
  bool IsOverload(NodeId function_def) const {
    NodeId decorators = FunctionDefView{ast_, function_def}.decorators();
    if (!decorators.valid()) return false;
    for (NodeId dec : ListView{ast_, decorators}.items()) {
      NodeId name = ast_.kind(dec) == NodeKind::Attribute ? AttributeView{ast_, dec}.attr() : dec;
      if (name.valid() && (ast_.kind(name) == NodeKind::Name || ast_.kind(name) == NodeKind::Identifier) &&
          ast_.str(name) == "overload") {
        return true;
      }
    }
    return false;
  }

  // ----------------------------------------------------------------------- control flow
  FlowState& flow() { return flows_.back().second; }

  // A `try` statement being visited: the flows_ depth it belongs to, and the union of the states
  // an exception may leave its body from (or, while its `else` and handlers are visited, the
  // states an exception may leave those from, for its `finally`).
  struct RaiseContext {
    size_t level;
    FlowUnion raised;
  };

  // Almost anything can raise: `await`, `yield`, iteration, `with` entry and exit, unpacking,
  // calls, attribute access... The state at a raise point differs from the state at the start of
  // the `try` only in the bindings made (or deleted) since, so every binding of `name` in
  // `scope_id` is added to the states of the enclosing `try` statements of that scope as an
  // alternative. (Narrowing is not followed: the handler sees the binding unnarrowed, which is
  // wider, never narrower.) Dead code raises nothing.
  void NoteRaisePoint(ScopeId scope_id, llvm::StringRef name, const Binding& binding) {
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
      // Narrowing of places rooted at a rebound name no longer holds.
      if (!IsPlaceKey(name)) context.raised.state().AddPlaceDefaultsOf(name);
    }
  }

  FlowState* FlowOf(ScopeId scope_id) {
    for (auto it = flows_.rbegin(); it != flows_.rend(); ++it) {
      if (it->first == scope_id) return &it->second;
    }
    return nullptr;
  }

  // Runs `visit` in a new scope with its own flow state.
  template <class F>
  void InScope(ScopeId scope_id, F&& visit) {
    ScopeId outer = current_;
    current_ = scope_id;
    flows_.push_back({scope_id, FlowState(&flow_keys_)});
    visit();
    flows_.pop_back();
    current_ = outer;
  }

  uint32_t AddConstraint(NodeId predicate, bool positive) {
    index_.constraints_.push_back({predicate, positive});
    constraint_keys_.push_back({predicate.value, positive});
    return static_cast<uint32_t>(index_.constraints_.size() - 1);
  }

  // The dotted key of a place `name.attr` (one level), or "" for anything else.
  llvm::StringRef PlaceKey(NodeId node) {
    if (!node.valid() || ast_.kind(node) != NodeKind::Attribute) return "";
    NodeId value = AttributeView{ast_, node}.value(), attr = AttributeView{ast_, node}.attr();
    if (!value.valid() || !attr.valid() || ast_.kind(value) != NodeKind::Name) return "";
    std::string key = ast_.str(value).str() + "." + ast_.str(attr).str();
    auto it = place_keys_.find(key);
    if (it != place_keys_.end()) return it->getKey();
    return place_keys_.insert(key).first->getKey();
  }

  // The names a condition can narrow: `x`, `not x`, `x is None`, `x == 1`, `isinstance(x, C)`,
  // `(x := f())`, and `and` / `or` combinations of them.
  void NarrowedNames(NodeId test, llvm::SmallVectorImpl<llvm::StringRef>& names) {
    if (!test.valid()) return;
    switch (ast_.kind(test)) {
      case NodeKind::Name: names.push_back(ast_.str(test)); return;
      case NodeKind::Attribute:
        if (llvm::StringRef key = PlaceKey(test); !key.empty()) names.push_back(key);
        return;
      case NodeKind::NamedExpr:
        if (NodeId target = NamedExprView{ast_, test}.target(); target.valid()) names.push_back(ast_.str(target));
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
        return;
      }
      default: return;
    }
  }

  // Applies the narrowing of `test` being true (or false) to the current flow.
  void ApplyCondition(NodeId test, bool positive) {
    llvm::SmallVector<llvm::StringRef, 4> names;
    NarrowedNames(test, names);
    if (names.empty()) return;
    uint32_t constraint = AddConstraint(test, positive);
    llvm::SmallVector<llvm::StringRef, 4> done;
    for (llvm::StringRef name : names) {
      if (std::find(done.begin(), done.end(), name) != done.end()) continue;
      done.push_back(name);
      flow().Narrow(name, constraint);
      narrowed_.push_back({constraint, name});
    }
  }

  // Visits a condition and returns the flow states where it is true and where it is false:
  // `and` / `or` short-circuit (names bound in the right operand are bound only on its paths),
  // `not` swaps, and a plain test narrows the names it mentions.
  std::pair<FlowState, FlowState> VisitCondition(NodeId test) {
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

  struct LoopContext {
    std::vector<FlowState> breaks;
    std::vector<FlowState> continues;
  };

  // Uses inside a loop also see the bindings made later in the loop body (the back edge).
  void PatchLoopUses(size_t first_use, size_t first_def, const FlowState& loop_end) {
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

  // A state captured inside a loop body (at a `break`) may come from a later iteration: it also
  // holds the bindings the body makes.
  void AddLoopBindings(FlowState& target, size_t first_def, const FlowState& loop_end) {
    target.AddLaterBindings(loop_end, first_def);
  }

  // Drops from the current flow the narrowing made by the constraints numbered `first` and above
  // (it held only inside an expression).
  void StripConstraintsSince(size_t first) {
    llvm::SmallVector<llvm::StringRef, 4> names;
    for (size_t i = narrowed_.size(); i > 0 && narrowed_[i - 1].first >= first; --i) {
      llvm::StringRef name = narrowed_[i - 1].second;
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    flow().StripConstraintsSince(first, names);
  }

  void Mark(NodeId node) {
    if (node.valid()) index_.node_scope_[node.index()] = current_;
  }

  void Error(TextRange range, std::string message) { errors_.Report(range, std::move(message)); }

  // ------------------------------------------------------------------- statements
  void VisitBlock(llvm::ArrayRef<NodeId> statements) {
    for (NodeId stmt : statements) VisitStatement(stmt);
    // A block ending in a call or `await` (in a function) continues only if that returns:
    // `await fail()` with a `NoReturn` result ends the path, which the inference decides.
    if (!statements.empty() && statements.back().valid() && ast_.kind(statements.back()) == NodeKind::ExprStmt &&
        scope(current_).kind == ScopeKind::Function && flow().reachable()) {
      NodeId value = ExprStmtView{ast_, statements.back()}.value();
      if (value.valid() && (ast_.kind(value) == NodeKind::Call || ast_.kind(value) == NodeKind::Await)) {
        index_.constraints_.push_back({value, true, /*reachability=*/true});
        constraint_keys_.push_back({value.value, true});
        flow().RequireReturn(static_cast<uint32_t>(index_.constraints_.size() - 1));
      }
    }
  }

  void VisitList(NodeId list) {
    if (list.valid()) VisitBlock(ListView{ast_, list}.items());
  }

  void VisitExpressions(NodeId list) {
    if (!list.valid()) return;
    Mark(list);
    for (NodeId e : ListView{ast_, list}.items()) VisitExpr(e);
  }

  void MarkUnreachable(NodeId node) {
    if (!node.valid()) return;
    index_.unreachable_.set(node.index());
    for (NodeId child : ast_.children(node)) {
      if (child.valid()) MarkUnreachable(child);
    }
  }

  // Records the names a module-level branch of a source file, skipped by a static condition,
  // would bind (see SemanticIndex::BoundInSkippedBranch).
  void NoteSkippedBindings(NodeId node) {
    // Stubs describe each version exactly: what they gate away does not exist.
    if (options_.is_stub || current_ != index_.module_scope()) return;
    CollectSkippedBindings(ast_, node, index_.skipped_names_);
  }

  void VisitStatement(NodeId stmt) {
    if (!stmt.valid()) return;
    Mark(stmt);
    if (current_ == index_.module_scope()) dunder_all_.Record(stmt);
    if (!flow().reachable()) index_.unreachable_.set(stmt.index());
    if (flow().ReachedConditionally()) index_.conditional_statements_[stmt.index()] = flow().ReachPaths();
    NodeId saved_statement = current_statement_;
    current_statement_ = stmt;
    VisitStatementKind(stmt);
    current_statement_ = saved_statement;
    NoteExceptionalExit();
  }

  // An exception raised in a `with` block may be swallowed by its context managers: every state
  // reached after a statement of the block (at any depth, in the same scope) may continue after
  // the `with` statement.
  void NoteExceptionalExit() {
    for (auto& [level, state] : with_exits_) {
      if (level == flows_.size()) state.Add(flow());
    }
  }

  void VisitStatementKind(NodeId stmt) {
    switch (ast_.kind(stmt)) {
      case NodeKind::FunctionDef: VisitFunctionDef(stmt); break;
      case NodeKind::ClassDef: VisitClassDef(stmt); break;
      case NodeKind::Return: VisitReturn(stmt); break;
      case NodeKind::Delete: VisitDelete(stmt); break;
      case NodeKind::Assign: VisitAssign(stmt); break;
      case NodeKind::AugAssign: VisitAugAssign(stmt); break;
      case NodeKind::AnnAssign: VisitAnnAssign(stmt); break;
      case NodeKind::TypeAlias: VisitTypeAlias(stmt); break;
      case NodeKind::For: VisitFor(stmt); break;
      case NodeKind::While: VisitWhile(stmt); break;
      case NodeKind::If: VisitIf(stmt); break;
      case NodeKind::With: VisitWith(stmt); break;
      case NodeKind::Match: VisitMatch(stmt); break;
      case NodeKind::Raise:
        VisitExpr(RaiseView{ast_, stmt}.exc());
        VisitExpr(RaiseView{ast_, stmt}.cause());
        flow().SetUnreachable();
        break;
      case NodeKind::Break:
        if (!loops_.empty()) loops_.back().breaks.push_back(flow());
        flow().SetUnreachable();
        break;
      case NodeKind::Continue:
        if (!loops_.empty()) loops_.back().continues.push_back(flow());
        flow().SetUnreachable();
        break;
      case NodeKind::Try: VisitTry(stmt); break;
      case NodeKind::Assert: VisitAssert(stmt); break;
      case NodeKind::Import: VisitImport(stmt); break;
      case NodeKind::ImportFrom: VisitImportFrom(stmt); break;
      case NodeKind::Global:
      case NodeKind::Nonlocal: VisitGlobalOrNonlocal(stmt); break;
      case NodeKind::ExprStmt: VisitExpr(ExprStmtView{ast_, stmt}.value()); break;
      case NodeKind::Error:
        for (NodeId child : ErrorView{ast_, stmt}.salvaged()) {
          if (child.valid()) VisitAny(child);
        }
        break;
      default: break;  // Pass
    }
  }

  void VisitReturn(NodeId stmt) {
    NodeId value = ReturnView{ast_, stmt}.value();
    if (!errors_.InFunction(current_)) Error(ast_.range(stmt), "`return` statement outside of a function");
    if (value.valid() && scope(current_).kind == ScopeKind::Function) {
      scope(current_).has_value_return = true;
      first_value_return_.try_emplace(current_.index(), stmt);
    }
    VisitExpr(value);
    flow().SetUnreachable();
  }

  void VisitDelete(NodeId stmt) {
    for (NodeId target : DeleteView{ast_, stmt}.targets()) {
      VisitExpr(target);
      if (target.valid() && ast_.kind(target) == NodeKind::Name) {
        flow().Unbind(ast_.str(target));
        NoteRaisePoint(current_, ast_.str(target), Binding{});
      }
    }
  }

  void VisitAssign(NodeId stmt) {
    AssignView assign{ast_, stmt};
    VisitExpr(assign.value());
    auto targets = assign.targets();
    NodeId only = targets.size() == 1 ? targets[0] : NodeId();
    std::optional<bool> value;
    if (current_ == index_.module_scope() && only.valid() && ast_.kind(only) == NodeKind::Name) {
      value = static_.Truth(assign.value());
    }
    if (value) {
      RecordStaticName(ast_.str(only), *value);
      defining_static_name_ = true;
    }
    for (NodeId target : targets) {
      VisitTarget(target, DefinitionKind::Assignment, stmt, ast_.range(stmt).end);
    }
    defining_static_name_ = false;
  }

  void VisitAugAssign(NodeId stmt) {
    NodeId target = AugAssignView{ast_, stmt}.target();
    VisitExpr(AugAssignView{ast_, stmt}.value());
    if (ast_.kind(target) == NodeKind::Name) {
      Use(target);
      Define(ast_.str(target), DefinitionKind::AugAssignment, stmt, target, ast_.range(stmt).end);
    } else {
      VisitExpr(target);
    }
  }

  void VisitAnnAssign(NodeId stmt) {
    AnnAssignView assign{ast_, stmt};
    NodeId target = assign.target();
    VisitAnnotation(assign.annotation());
    VisitExpr(assign.value());
    if (ast_.kind(target) == NodeKind::Name) {
      Mark(target);
      Define(ast_.str(target), DefinitionKind::AnnAssignment, stmt, target, ast_.range(stmt).end);
    } else {
      if (ast_.kind(target) == NodeKind::Attribute) RecordInstanceAttribute(target);
      VisitExpr(target);
    }
  }

  void VisitTypeAlias(NodeId stmt) {
    TypeAliasView alias{ast_, stmt};
    NodeId name = alias.name();
    Mark(name);
    Define(ast_.str(name), DefinitionKind::TypeAlias, stmt, name, ast_.range(stmt).start);
    ScopeId outer = current_;
    if (alias.type_params().valid()) {
      current_ = NewScope(ScopeKind::TypeParams, outer, alias.type_params());
      scope(current_).owner = stmt;
      VisitTypeParams(alias.type_params());
    }
    InInvalidExpressionPosition("type alias", [&] { VisitAnnotation(alias.value(), "type alias values"); });
    current_ = outer;
  }

  void VisitFor(NodeId stmt) {
    ForView loop_stmt{ast_, stmt};
    if (loop_stmt.is_async()) errors_.CheckAsyncStatement(stmt, current_, "`async for`");
    VisitExpr(loop_stmt.iter());
    NodeId body = loop_stmt.body();
    uint32_t offset = body.valid() ? ast_.range(body).start : ast_.range(stmt).end;
    size_t first_use = use_log_.size(), first_def = index_.definitions_.size();
    FlowState before = flow();
    loops_.emplace_back();
    ++loop_depth_;
    VisitTarget(loop_stmt.target(), DefinitionKind::ForTarget, stmt, offset);
    VisitList(body);
    --loop_depth_;
    LoopContext loop = std::move(loops_.back());
    loops_.pop_back();
    for (const FlowState& c : loop.continues) flow().Merge(c);
    PatchLoopUses(first_use, first_def, flow());
    for (FlowState& b : loop.breaks) AddLoopBindings(b, first_def, flow());
    // The loop may run zero times.
    before.Merge(flow());
    flow() = std::move(before);
    VisitList(loop_stmt.orelse());
    for (const FlowState& b : loop.breaks) flow().Merge(b);
  }

  void VisitWhile(NodeId stmt) {
    WhileView loop_stmt{ast_, stmt};
    NodeId test = loop_stmt.test();
    size_t first_use = use_log_.size(), first_def = index_.definitions_.size();
    loops_.emplace_back();
    ++loop_depth_;
    auto [when_true, exit] = VisitCondition(test);
    flow() = std::move(when_true);
    VisitList(loop_stmt.body());
    --loop_depth_;
    LoopContext loop = std::move(loops_.back());
    loops_.pop_back();
    for (const FlowState& c : loop.continues) flow().Merge(c);
    PatchLoopUses(first_use, first_def, flow());
    for (FlowState& b : loop.breaks) AddLoopBindings(b, first_def, flow());
    // Leaving through the condition: before the first iteration or after any.
    std::optional<bool> always = static_.Truth(test);
    bool literal_true = test.valid() && ast_.kind(test) == NodeKind::BoolLiteral && ast_.node(test).data;
    if (literal_true || always == true) {
      flow().SetUnreachable();
    } else {
      // The condition is evaluated again after the last iteration: the bindings of the body
      // reach the exit too (narrowed as the first evaluation narrowed them).
      AddLoopBindings(exit, first_def, flow());
      flow() = std::move(exit);
    }
    VisitList(loop_stmt.orelse());
    for (const FlowState& b : loop.breaks) flow().Merge(b);
  }

  void VisitWith(NodeId stmt) {
    WithView with{ast_, stmt};
    if (with.is_async()) errors_.CheckAsyncStatement(stmt, current_, "`async with`");
    NodeId items = with.items();
    if (items.valid()) {
      for (NodeId item : ListView{ast_, items}.items()) {
        Mark(item);
        VisitExpr(WithItemView{ast_, item}.context_expr());
        NodeId target = WithItemView{ast_, item}.optional_vars();
        if (target.valid()) {
          VisitTarget(target, DefinitionKind::WithTarget, item, ast_.range(item).end);
        }
      }
    }
    with_exits_.emplace_back(flows_.size(), FlowUnion(flow(), flow()));
    VisitList(with.body());
    FlowState exceptional = std::move(with_exits_.back().second.state());
    with_exits_.pop_back();
    if (exceptional.reachable()) {
      // The exceptional paths continue after the statement only if a manager swallows the
      // exception; they come first, so that earlier bindings keep their order.
      index_.constraints_.push_back({stmt, true, /*reachability=*/true, /*suppression=*/true});
      constraint_keys_.push_back({stmt.value, true});
      exceptional.RequireReturn(static_cast<uint32_t>(index_.constraints_.size() - 1));
      exceptional.Merge(flow());
      flow() = std::move(exceptional);
    }
  }

  void VisitMatch(NodeId stmt) {
    MatchView match{ast_, stmt};
    VisitExpr(match.subject());
    FlowState before = flow();
    FlowState after(&flow_keys_);
    after.SetUnreachable();
    bool exhaustive = false;
    for (NodeId match_case : match.cases()) {
      Mark(match_case);
      flow() = before;
      MatchCaseView arm{ast_, match_case};
      NodeId pattern = arm.pattern();
      VisitPattern(pattern, match_case);
      NodeId guard = arm.guard();
      VisitExpr(guard);
      VisitList(arm.body());
      after.Merge(flow());
      // `case _:` / `case name:` without a guard matches everything.
      if (!guard.valid() && pattern.valid() && ast_.kind(pattern) == NodeKind::MatchAs &&
          !MatchAsView{ast_, pattern}.pattern().valid()) {
        exhaustive = true;
      }
    }
    if (!exhaustive) after.Merge(before);
    flow() = std::move(after);
  }

  void VisitTry(NodeId stmt) {
    TryView try_stmt{ast_, stmt};
    // An exception may leave the try body at any point: the handlers (and a `finally`) start
    // from the union of the states before the body, after each of its statements and at each
    // raise point inside them (see NoteRaisePoint).
    size_t context = raise_contexts_.size();
    raise_contexts_.push_back({flows_.size(), FlowUnion(flow(), flow())});
    NodeId body = try_stmt.body();
    if (body.valid()) {
      for (NodeId s : ListView{ast_, body}.items()) {
        VisitStatement(s);
        raise_contexts_[context].raised.Add(flow());
      }
    }
    FlowState exceptional = std::move(raise_contexts_[context].raised.state());
    raise_contexts_.pop_back();
    // A `finally` also runs when the `else` block or a handler raises.
    NodeId finalbody = try_stmt.finalbody();
    bool has_finally = finalbody.valid() && !ListView{ast_, finalbody}.items().empty();
    if (has_finally) {
      FlowState raised = exceptional;
      raised.Merge(flow());
      raise_contexts_.push_back({flows_.size(), FlowUnion(std::move(raised), flow())});
    }
    VisitList(try_stmt.orelse());  // else: runs when the body completed
    FlowState after = flow();
    NodeId handlers = try_stmt.handlers();
    if (handlers.valid()) {
      for (NodeId handler : ListView{ast_, handlers}.items()) {
        Mark(handler);
        flow() = exceptional;
        ExceptHandlerView except{ast_, handler};
        VisitExpr(except.type());
        NodeId name = except.name();
        NodeId handler_body = except.body();
        if (name.valid()) {
          Mark(name);
          Define(ast_.str(name), DefinitionKind::ExceptHandler, handler, name,
                 handler_body.valid() ? ast_.range(handler_body).start : ast_.range(handler).end);
        }
        VisitList(handler_body);
        if (name.valid()) {  // deleted at the end of the handler, however it is left
          flow().Unbind(ast_.str(name));
          NoteRaisePoint(current_, ast_.str(name), Binding{});
        }
        after.Merge(flow());
      }
    }
    if (has_finally) {
      bool completes = after.reachable();
      FlowState entry = after;
      entry.Merge(raise_contexts_[context].raised.state());
      raise_contexts_.pop_back();
      flow() = std::move(entry);
      VisitList(finalbody);
      if (!completes) flow().SetUnreachable();
    } else {
      flow() = std::move(after);
    }
  }

  void VisitAssert(NodeId stmt) {
    NodeId test = AssertView{ast_, stmt}.test();
    auto [when_true, when_false] = VisitCondition(test);
    flow() = std::move(when_false);
    VisitExpr(AssertView{ast_, stmt}.msg());  // the message is evaluated only on failure
    flow() = std::move(when_true);
    if ((test.valid() && ast_.kind(test) == NodeKind::BoolLiteral && ast_.node(test).data == 0) ||
        static_.Truth(test) == false) {
      flow().SetUnreachable();  // assert False, assert sys.platform == "win32"
    }
  }

  void VisitImport(NodeId stmt) {
    index_.imports_.push_back(stmt);
    for (NodeId alias : ImportView{ast_, stmt}.aliases()) {
      Mark(alias);
      NodeId name = AliasView{ast_, alias}.name();
      NodeId asname = AliasView{ast_, alias}.asname();
      if (!name.valid()) continue;
      llvm::StringRef bound = asname.valid() ? ast_.str(asname) : ast_.str(name).split('.').first;
      Define(bound, DefinitionKind::Import, alias, asname.valid() ? asname : name, ast_.range(stmt).end);
    }
  }

  void VisitImportFrom(NodeId stmt) {
    ImportFromView import{ast_, stmt};
    index_.imports_.push_back(stmt);
    if (options_.is_package_init && ast_.node(stmt).data == 1 && import.module().valid() &&
        current_ == index_.module_scope()) {
      llvm::StringRef sub = ast_.str(import.module()).split('.').first;
      Define(sub, DefinitionKind::Submodule, stmt, NodeId::None(), ast_.range(stmt).end);
    }
    if (import.is_star()) {
      star_imports_.push_back(stmt);
      Define("*", DefinitionKind::StarImport, stmt, NodeId::None(), ast_.range(stmt).end);
    }
    for (NodeId alias : import.aliases()) {
      Mark(alias);
      NodeId name = AliasView{ast_, alias}.name();
      NodeId asname = AliasView{ast_, alias}.asname();
      if (!name.valid()) continue;
      Define(asname.valid() ? ast_.str(asname) : ast_.str(name), DefinitionKind::ImportFrom, alias,
             asname.valid() ? asname : name, ast_.range(stmt).end);
    }
  }

  void VisitGlobalOrNonlocal(NodeId stmt) {
    bool global = ast_.kind(stmt) == NodeKind::Global;
    for (NodeId name : global ? GlobalView{ast_, stmt}.names() : NonlocalView{ast_, stmt}.names()) {
      Mark(name);
      SymbolId sym = GetOrAddSymbol(current_, ast_.str(name));
      if (global) {
        index_.symbols_[sym.index()].is_global = true;
      } else {
        index_.symbols_[sym.index()].is_nonlocal = true;
      }
    }
  }

  // A salvaged child of an Error node may be a statement or an expression.
  void VisitAny(NodeId node) {
    NodeKind kind = ast_.kind(node);
    if (IsStatement(kind) || kind == NodeKind::Error) {
      VisitStatement(node);
    } else if (kind == NodeKind::List) {
      VisitList(node);
    } else {
      VisitExpr(node);
    }
  }

  void VisitIf(NodeId stmt) {
    IfView if_stmt{ast_, stmt};
    NodeId test = if_stmt.test();
    std::optional<bool> value = static_.Truth(test);
    auto [when_true, when_false] = VisitCondition(test);
    FlowState body_end(&flow_keys_);
    body_end.SetUnreachable();
    if (value == false) {
      MarkUnreachable(if_stmt.body());
      NoteSkippedBindings(if_stmt.body());
    } else {
      flow() = std::move(when_true);
      VisitList(if_stmt.body());
      body_end = std::move(flow());
    }
    if (value == true) {
      MarkUnreachable(if_stmt.orelse());
      NoteSkippedBindings(if_stmt.orelse());
      flow() = std::move(body_end);
    } else {
      flow() = std::move(when_false);
      VisitList(if_stmt.orelse());
      body_end.Merge(flow());  // the body's bindings first, then the else branch's
      flow() = std::move(body_end);
    }
  }

  void VisitFunctionDef(NodeId stmt) {
    FunctionDefView fn{ast_, stmt};
    VisitExpressions(fn.decorators());
    NodeId name = fn.name();
    ScopeId outer = current_;
    // PEP 695 type parameters live in their own scope around the function.
    if (fn.type_params().valid()) {
      current_ = NewScope(ScopeKind::TypeParams, outer, fn.type_params());
      scope(current_).owner = stmt;
      VisitTypeParams(fn.type_params());
    }
    ScopeId annotation_scope = current_;
    // The annotations of a generic function are evaluated in its type parameter scope.
    const char* generic = fn.type_params().valid() ? "generic definition" : nullptr;
    NodeId params = fn.parameters();
    llvm::ArrayRef<NodeId> parameters = params.valid() ? ParametersView{ast_, params}.parameters() : llvm::ArrayRef<NodeId>();
    if (params.valid()) {
      for (NodeId p : parameters) {
        Mark(p);
        InInvalidExpressionPosition(generic, [&] {
          VisitAnnotation(ParameterView{ast_, p}.annotation(), "parameter annotations");
        });
        // Defaults are evaluated in the enclosing scope.
        ScopeId saved = current_;
        current_ = outer;
        VisitExpr(ParameterView{ast_, p}.default_value());
        current_ = saved;
      }
    }
    InInvalidExpressionPosition(generic, [&] { VisitAnnotation(fn.returns()); });
    ScopeId fn_scope = NewScope(ScopeKind::Function, annotation_scope, stmt);
    scope(fn_scope).is_async = fn.is_async();
    // Methods: remember the first parameter's name to find `self.x = ...` assignments.
    ScopeId saved_class = method_class_, saved_method = method_scope_;
    llvm::StringRef saved_self = self_name_;
    method_class_ = ScopeId::None();
    if (scope(outer).kind == ScopeKind::Class && params.valid() && !parameters.empty() &&
        !HasDecorator(fn.decorators(), "staticmethod")) {
      method_class_ = outer;
      method_scope_ = fn_scope;
      self_name_ = ast_.str(parameters[0]);
    }
    current_ = fn_scope;
    flows_.push_back({fn_scope, FlowState(&flow_keys_)});
    std::vector<LoopContext> saved_loops = std::move(loops_);
    loops_.clear();
    int saved_loop = loop_depth_;
    loop_depth_ = 0;
    for (NodeId p : parameters) Define(ast_.str(p), DefinitionKind::Parameter, p, p, 0);
    VisitList(fn.body());
    if (scope(fn_scope).is_async && scope(fn_scope).is_generator) {
      if (auto it = first_value_return_.find(fn_scope.index()); it != first_value_return_.end()) {
        Error(ast_.range(it->second), "`return` with value in async generator");
      }
    }
    scope(fn_scope).end_reachable = flow().reachable();
    if (flow().ReachedConditionally()) index_.end_paths_[fn_scope.index()] = flow().ReachPaths();
    loop_depth_ = saved_loop;
    loops_ = std::move(saved_loops);
    flows_.pop_back();
    current_ = outer;
    method_class_ = saved_class;
    method_scope_ = saved_method;
    self_name_ = saved_self;
    if (name.valid()) {
      Mark(name);
      Define(ast_.str(name), DefinitionKind::Function, stmt, name, ast_.range(stmt).end);
    }
  }

  bool HasDecorator(NodeId decorators, llvm::StringRef name) const {
    if (!decorators.valid()) return false;
    for (NodeId dec : ListView{ast_, decorators}.items()) {
      if (ast_.kind(dec) == NodeKind::Name && ast_.str(dec) == name) return true;
    }
    return false;
  }

  void VisitClassDef(NodeId stmt) {
    ClassDefView cls{ast_, stmt};
    VisitExpressions(cls.decorators());
    ScopeId outer = current_;
    if (cls.type_params().valid()) {
      current_ = NewScope(ScopeKind::TypeParams, outer, cls.type_params());
      scope(current_).owner = stmt;
      VisitTypeParams(cls.type_params());
    }
    NodeId args = cls.arguments();
    if (args.valid()) {
      Mark(args);
      // The bases and keywords of a generic class are evaluated in its type parameter scope.
      InInvalidExpressionPosition(cls.type_params().valid() ? "generic definition" : nullptr, [&] {
        for (NodeId arg : ArgumentsView{ast_, args}.args()) VisitExpr(arg);
      });
    }
    ScopeId class_scope = NewScope(ScopeKind::Class, current_, stmt);
    if (args.valid()) {
      for (NodeId arg : ArgumentsView{ast_, args}.args()) {
        if (arg.valid() && ast_.kind(arg) == NodeKind::Keyword && ast_.str(arg) == "metaclass") {
          scope(class_scope).has_metaclass = true;
        }
      }
    }
    current_ = class_scope;
    flows_.push_back({class_scope, FlowState(&flow_keys_)});
    std::vector<LoopContext> saved_loops = std::move(loops_);
    loops_.clear();
    int saved_loop = loop_depth_;
    loop_depth_ = 0;
    VisitList(cls.body());
    loop_depth_ = saved_loop;
    loops_ = std::move(saved_loops);
    flows_.pop_back();
    current_ = outer;
    NodeId name = cls.name();
    if (name.valid()) {
      Mark(name);
      Define(ast_.str(name), DefinitionKind::Class, stmt, name, ast_.range(stmt).end);
    }
  }

  void VisitTypeParams(NodeId list) {
    Mark(list);
    for (NodeId tp : ListView{ast_, list}.items()) {
      Mark(tp);
      Define(ast_.str(tp), DefinitionKind::TypeParam, tp, tp, 0);
      InInvalidExpressionPosition("TypeVar bound", [&] { VisitAnnotation(TypeParamView{ast_, tp}.bound()); });
      const char* default_position = "TypeVar default";
      switch (static_cast<TypeParamKind>(ast_.node(tp).data)) {
        case TypeParamKind::TypeVar: break;
        case TypeParamKind::TypeVarTuple: default_position = "TypeVarTuple default"; break;
        case TypeParamKind::ParamSpec: default_position = "ParamSpec default"; break;
      }
      InInvalidExpressionPosition(default_position, [&] { VisitAnnotation(TypeParamView{ast_, tp}.default_value()); });
    }
  }

  // `position` names the place in `invalid-type-form` messages for `await` / `yield` in it.
  void VisitAnnotation(NodeId expr, const char* position = "type expressions") {
    if (!expr.valid()) return;
    bool saved = in_annotation_;
    const char* saved_position = annotation_position_;
    ScopeId saved_scope = annotation_scope_;
    in_annotation_ = true;
    annotation_position_ = position;
    annotation_scope_ = current_;
    VisitExpr(expr);
    in_annotation_ = saved;
    annotation_position_ = saved_position;
    annotation_scope_ = saved_scope;
  }

  // PEP 695 type parameter bounds and defaults, `type` alias values and the annotations / bases
  // of generic definitions are evaluated lazily in annotation scopes, where CPython rejects
  // `await`, `yield` and `yield from`. `position` (nullptr: none) applies to the expressions
  // `visit` reaches in the current scope, not inside nested lambdas or comprehensions.
  template <class F>
  void InInvalidExpressionPosition(const char* position, F&& visit) {
    const char* saved = invalid_expression_position_;
    ScopeId saved_scope = invalid_expression_scope_;
    if (position) {
      invalid_expression_position_ = position;
      invalid_expression_scope_ = current_;
    }
    visit();
    invalid_expression_position_ = saved;
    invalid_expression_scope_ = saved_scope;
  }

  bool InInvalidExpressionPosition() const {
    return invalid_expression_position_ && invalid_expression_scope_ == current_;
  }

  void InvalidExpression(NodeId expr, const char* what) {
    Error(ast_.range(expr), std::string(what) + " cannot be used within a " + invalid_expression_position_);
  }

  void InvalidTypeForm(NodeId expr, const char* what) {
    index_.diagnostics_.push_back(MakeDiagnostic(Rule::InvalidTypeForm, file_, ast_.range(expr),
                                                 std::string(what) + " expressions are not allowed in " +
                                                     annotation_position_));
  }

  // Binding targets: names bind; attribute/subscript targets are ordinary expressions.
  void VisitTarget(NodeId target, DefinitionKind kind, NodeId node, uint32_t offset) {
    if (!target.valid()) return;
    Mark(target);
    switch (ast_.kind(target)) {
      case NodeKind::Name:
        if (loop_depth_ > 0) index_.in_loop_.set(target.index());
        Define(ast_.str(target), kind, node, target, offset);
        break;
      case NodeKind::Tuple:
      case NodeKind::ListExpr:
        for (NodeId element : ast_.children(target)) VisitTarget(element, kind, node, offset);
        break;
      case NodeKind::Starred:
        VisitTarget(StarredView{ast_, target}.value(), kind, node, offset);
        break;
      case NodeKind::Attribute: {
        AttributeView attribute{ast_, target};
        RecordInstanceAttribute(target);
        index_.store_targets_.set(target.index());
        if (attribute.attr().valid()) index_.assigned_attributes_.insert(ast_.str(attribute.attr()));
        VisitExpr(attribute.value());
        if (llvm::StringRef key = PlaceKey(target); !key.empty()) {
          bool direct = kind == DefinitionKind::Assignment && ast_.kind(node) == NodeKind::Assign;
          if (direct) {
            direct = false;
            for (NodeId t : AssignView{ast_, node}.targets()) direct |= t == target;
          }
          if (direct) {
            flow().Bind(key, PlaceAssignment(target));
            NoteRaisePoint(current_, key, Binding{PlaceAssignment(target), {}});
          } else {
            flow().ResetPlace(key);
            NoteRaisePoint(current_, key, Binding{kPlaceDefault, {}});
          }
        }
        break;
      }
      default:
        VisitExpr(target);
    }
  }

  // `self.x = ...` directly in a method: an instance attribute of the enclosing class.
  void RecordInstanceAttribute(NodeId target) {
    if (!method_class_.valid() || current_ != method_scope_) return;
    NodeId value = AttributeView{ast_, target}.value();
    NodeId attr = AttributeView{ast_, target}.attr();
    if (!value.valid() || !attr.valid() || ast_.kind(value) != NodeKind::Name) return;
    if (ast_.str(value) != self_name_) return;
    scope(method_class_).instance_attributes[ast_.str(attr)].push_back({current_statement_, target});
  }

  void VisitPattern(NodeId pattern, NodeId match_case) {
    if (!pattern.valid()) return;
    Mark(pattern);
    switch (ast_.kind(pattern)) {
      case NodeKind::MatchAs:
        VisitPattern(MatchAsView{ast_, pattern}.pattern(), match_case);
        BindCapture(MatchAsView{ast_, pattern}.name(), pattern);
        return;
      case NodeKind::MatchStar:
        BindCapture(MatchStarView{ast_, pattern}.name(), pattern);
        return;
      case NodeKind::MatchMapping: {
        MatchMappingView mapping{ast_, pattern};
        for (NodeId key : ListView{ast_, mapping.keys()}.items()) VisitExpr(key);
        for (NodeId p : ListView{ast_, mapping.patterns()}.items()) VisitPattern(p, match_case);
        BindCapture(mapping.rest(), pattern);
        return;
      }
      case NodeKind::MatchClass: {
        MatchClassView cls{ast_, pattern};
        VisitExpr(cls.cls());
        for (NodeId p : ListView{ast_, cls.patterns()}.items()) VisitPattern(p, match_case);
        for (NodeId p : ListView{ast_, cls.kwd_patterns()}.items()) VisitPattern(p, match_case);
        return;
      }
      case NodeKind::MatchValue:
        VisitExpr(MatchValueView{ast_, pattern}.value());
        return;
      case NodeKind::MatchSingleton:
        VisitExpr(MatchSingletonView{ast_, pattern}.value());
        return;
      default:
        for (NodeId child : ast_.children(pattern)) VisitPattern(child, match_case);
    }
  }

  void BindCapture(NodeId name, NodeId pattern) {
    if (!name.valid()) return;
    Mark(name);
    Define(ast_.str(name), DefinitionKind::MatchCapture, pattern, name, ast_.range(pattern).end);
  }

  // ------------------------------------------------------------------ expressions
  // A copy of `bindings` for a use record, where the index keeps them.
  llvm::ArrayRef<Binding> StoreBindings(Bindings bindings) {
    size_t n = bindings.size();
    if (n == 0) return {};
    if (n > index_.last_block_size_ - index_.last_block_used_) {
      size_t size = std::max<size_t>(n, 4096);
      index_.binding_blocks_.push_back(std::make_unique<Binding[]>(size));
      index_.last_block_size_ = size;
      index_.last_block_used_ = 0;
    }
    Binding* stored = index_.binding_blocks_.back().get() + index_.last_block_used_;
    index_.last_block_used_ += n;
    std::move(bindings.begin(), bindings.end(), stored);
    return llvm::ArrayRef<Binding>(stored, n);
  }

  void Use(NodeId name) {
    Mark(name);
    if (loop_depth_ > 0) index_.in_loop_.set(name.index());
    if (flows_.back().first != current_) return;  // e.g. PEP 695 type parameter scopes
    llvm::StringRef text = ast_.str(name);
    // A comprehension runs in place: a name it does not bind is looked up in the enclosing flow.
    size_t level = flows_.size() - 1;
    while (level > 0 && scope(flows_[level].first).kind == ScopeKind::Comprehension &&
           !flows_[level].second.Knows(text)) {
      --level;
    }
    ScopeId scope_id = flows_[level].first;
    index_.use_index_[name.index()] = static_cast<uint32_t>(index_.use_records_.size());
    Bindings bindings = flows_[level].second.Lookup(text);
    flow_keys_.ExpandDefinitionSets(bindings);
    index_.use_records_.push_back({scope_id, StoreBindings(std::move(bindings))});
    use_log_.push_back({name, text, scope_id});
  }

  void VisitExpr(NodeId expr) {
    if (!expr.valid()) return;
    Mark(expr);
    switch (ast_.kind(expr)) {
      case NodeKind::Name: Use(expr); return;
      case NodeKind::Identifier: return;
      case NodeKind::StringLiteral:
        for (NodeId child : StringLiteralView{ast_, expr}.interpolations()) {
          if (child.valid()) VisitExpr(child);
        }
        MarkForwardReference(ast_.string_annotation(expr));
        return;
      case NodeKind::Attribute: {
        VisitExpr(AttributeView{ast_, expr}.value());
        // A narrowed place: record the constraints that reach this load.
        llvm::StringRef key = PlaceKey(expr);
        if (!key.empty() && flows_.back().first == current_ && flow().Knows(key)) {
          index_.use_index_[expr.index()] = static_cast<uint32_t>(index_.use_records_.size());
          index_.use_records_.push_back({current_, StoreBindings(flow().Lookup(key))});
        }
        return;
      }
      case NodeKind::Lambda: VisitLambda(expr); return;
      case NodeKind::ListComp:
      case NodeKind::SetComp:
      case NodeKind::DictComp:
      case NodeKind::GeneratorExp: VisitComprehension(expr); return;
      case NodeKind::NamedExpr: {
        VisitExpr(NamedExprView{ast_, expr}.value());
        NodeId target = NamedExprView{ast_, expr}.target();
        // The target binds in the nearest enclosing non-comprehension scope.
        ScopeId s = current_;
        while (scope(s).kind == ScopeKind::Comprehension && scope(s).parent.valid()) s = scope(s).parent;
        if (target.valid()) {
          Mark(target);
          Define(ast_.str(target), DefinitionKind::NamedExpr, expr, target, ast_.range(expr).end, s);
        }
        return;
      }
      case NodeKind::Await: {
        if (in_annotation_) InvalidTypeForm(expr, "`await`");
        if (InInvalidExpressionPosition()) {
          InvalidExpression(expr, "await expression");
        } else if (in_annotation_ && current_ == annotation_scope_) {
        } else if (!errors_.AsyncContextAllowed(current_)) {
          Error(ast_.range(expr), "`await` outside of an asynchronous function");
        } else if (scope(current_).kind == ScopeKind::Comprehension) {
          // The comprehension awaits, so it is asynchronous (PEP 530).
          errors_.CheckAsyncInSyncComprehension(current_, ast_.range(expr));
        }
        if (ScopeId fn = errors_.EnclosingFunction(current_); fn.valid()) scope(fn).has_await = true;
        VisitExpr(AwaitView{ast_, expr}.value());
        return;
      }
      case NodeKind::Yield:
      case NodeKind::YieldFrom: {
        bool from = ast_.kind(expr) == NodeKind::YieldFrom;
        if (in_annotation_) InvalidTypeForm(expr, from ? "`yield from`" : "`yield`");
        if (InInvalidExpressionPosition()) {
          InvalidExpression(expr, "yield expression");
        } else if (!in_annotation_ || current_ != annotation_scope_) {
          // (A lambda or comprehension in an annotation is a scope of its own.)
          ScopeKind k = scope(current_).kind;
          // A comprehension is a function of its own, but `yield` is not allowed there.
          if (k == ScopeKind::Module || k == ScopeKind::Class || k == ScopeKind::Comprehension) {
            Error(ast_.range(expr), from ? "`yield from` statement outside of a function"
                                         : "`yield` statement outside of a function");
          } else if (k == ScopeKind::Function || k == ScopeKind::Lambda) {
            scope(current_).is_generator = true;
            if (from && scope(current_).is_async) {
              Error(ast_.range(expr), "`yield from` statement in async function; use `async for` instead");
            }
          }
        }
        VisitExpr(from ? YieldFromView{ast_, expr}.value() : YieldView{ast_, expr}.value());
        return;
      }
      case NodeKind::Call: {
        CallView call{ast_, expr};
        NodeId func = call.func();
        if (func.valid() && ((ast_.kind(func) == NodeKind::Name && ast_.str(func) == "setattr") ||
                             (ast_.kind(func) == NodeKind::Attribute && AttributeView{ast_, func}.attr().valid() &&
                              ast_.str(AttributeView{ast_, func}.attr()) == "__setattr__"))) {
          index_.uses_setattr_ = true;
        }
        if (func.valid() && ast_.kind(func) == NodeKind::Name && ast_.str(func) == "hasattr") {
          NodeId attr_name = call.args().size() > 1 ? call.args()[1] : NodeId::None();
          if (attr_name.valid() && ast_.kind(attr_name) == NodeKind::StringLiteral) {
            index_.hasattr_names_.insert(ast_.str(attr_name));
          }
        }
        for (NodeId child : ast_.children(expr)) {
          if (child.valid()) VisitExpr(child);
        }
        return;
      }
      case NodeKind::BoolOp: {
        // The right operand runs only when the left one is true (`and`) or false (`or`); the
        // narrowing holds only inside it, but its bindings (walrus) survive on its paths.
        size_t mark = index_.constraints_.size();
        auto [when_true, when_false] = VisitCondition(expr);
        when_true.Merge(when_false);
        flow() = std::move(when_true);
        StripConstraintsSince(mark);
        return;
      }
      case NodeKind::IfExp: {
        size_t mark = index_.constraints_.size();
        IfExpView if_exp{ast_, expr};
        auto [when_true, when_false] = VisitCondition(if_exp.test());
        flow() = std::move(when_true);
        VisitExpr(if_exp.body());
        FlowState after_body = std::move(flow());
        flow() = std::move(when_false);
        VisitExpr(if_exp.orelse());
        after_body.Merge(flow());
        flow() = std::move(after_body);
        StripConstraintsSince(mark);
        return;
      }
      default:
        for (NodeId child : ast_.children(expr)) {
          if (child.valid()) VisitExpr(child);
        }
    }
  }

  // The type expression parsed from a string annotation: evaluated lazily in the current scope,
  // outside the flow (its names see the scope's public bindings, so they may refer forward).
  void MarkForwardReference(NodeId node) {
    if (!node.valid()) return;
    Mark(node);
    index_.forward_references_.set(node.index());
    for (NodeId child : ast_.children(node)) MarkForwardReference(child);
    if (ast_.kind(node) == NodeKind::StringLiteral) MarkForwardReference(ast_.string_annotation(node));
  }

  void VisitLambda(NodeId expr) {
    LambdaView lambda{ast_, expr};
    NodeId params = lambda.parameters();
    llvm::ArrayRef<NodeId> parameters = params.valid() ? ParametersView{ast_, params}.parameters() : llvm::ArrayRef<NodeId>();
    if (params.valid()) {
      Mark(params);
      for (NodeId p : parameters) {
        Mark(p);
        VisitExpr(ParameterView{ast_, p}.default_value());
      }
    }
    int saved_loop = loop_depth_;
    loop_depth_ = 0;
    InScope(NewScope(ScopeKind::Lambda, current_, expr), [&] {
      for (NodeId p : parameters) Define(ast_.str(p), DefinitionKind::Parameter, p, p, 0);
      VisitExpr(lambda.body());
    });
    loop_depth_ = saved_loop;
  }

  void VisitComprehension(NodeId expr) {
    NodeKind kind = ast_.kind(expr);
    ComprehensionParts parts = ComprehensionPartsOf(ast_, expr);
    auto generators = parts.generators;
    // The first iterable is evaluated in the enclosing scope.
    if (!generators.empty()) VisitExpr(ComprehensionView{ast_, generators[0]}.iter());
    ScopeId outer = current_;
    ScopeId comprehension = NewScope(ScopeKind::Comprehension, outer, expr);
    current_ = comprehension;
    flows_.push_back({comprehension, FlowState(&flow_keys_)});
    int saved_loop = loop_depth_;
    loop_depth_ = 0;
    for (size_t i = 0; i < generators.size(); ++i) {
      NodeId gen = generators[i];
      ComprehensionView clause{ast_, gen};
      Mark(gen);
      if (clause.is_async() && kind != NodeKind::GeneratorExp && !errors_.AsyncContextAllowed(outer)) {
        Error(ast_.range(gen), "asynchronous comprehension outside of an asynchronous function");
      }
      if (clause.is_async()) errors_.CheckAsyncInSyncComprehension(comprehension, ast_.range(gen));
      if (i > 0) VisitExpr(clause.iter());
      VisitTarget(clause.target(), DefinitionKind::Comprehension, gen, 0);
      // Each condition narrows what follows it: later conditions, later generators, the element.
      for (NodeId cond : clause.ifs()) {
        auto [when_true, when_false] = VisitCondition(cond);
        flow() = std::move(when_true);
      }
    }
    for (NodeId element : parts.elements) VisitExpr(element);
    loop_depth_ = saved_loop;
    flows_.pop_back();
    current_ = outer;
  }

  // `PY3 = sys.version_info[0] == 3` at module level (see StaticConditions::RecordName).
  void RecordStaticName(llvm::StringRef name, bool value) {
    SymbolId earlier = index_.LookupSymbol(index_.module_scope(), name);
    bool bound_before = earlier.valid() && !index_.symbol(earlier).definitions.empty();
    static_.RecordName(name, value, bound_before);
  }

  const Ast& ast_;
  FileId file_;
  const IndexOptions& options_;
  SemanticIndex& index_;
  StaticConditions static_;
  SyntaxErrors errors_;
  DunderAllCollector dunder_all_;
  ScopeId current_;
  std::vector<std::pair<ScopeId, FlowState>> flows_;  // one per scope being visited, innermost last
  std::vector<LoopContext> loops_;                    // loops of the current function scope
  std::vector<ConstraintKey> constraint_keys_;        // parallel to index_.constraints_
  FlowKeys flow_keys_{&constraint_keys_};             // shared by all the flow states
  // The names each narrowing constraint was applied to, in constraint order.
  std::vector<std::pair<uint32_t, llvm::StringRef>> narrowed_;
  struct LoggedUse {
    NodeId node;
    llvm::StringRef name;
    ScopeId scope;
  };
  std::vector<LoggedUse> use_log_;  // every recorded use, in visit order (for loop back edges)
  llvm::StringSet<> place_keys_;    // storage of place keys ("self.x")
  NodeId current_statement_;
  ScopeId method_class_;   // class scope of the method being visited (None outside methods)
  ScopeId method_scope_;   // that method's own scope
  llvm::StringRef self_name_;
  int loop_depth_ = 0;
  bool in_annotation_ = false;
  bool defining_static_name_ = false;  // binding the name RecordStaticName just recorded
  const char* invalid_expression_position_ = nullptr;  // see InInvalidExpressionPosition
  ScopeId invalid_expression_scope_;
  const char* annotation_position_ = "type expressions";
  ScopeId annotation_scope_;  // the scope the annotation being visited is evaluated in
  llvm::DenseMap<uint32_t, NodeId> first_value_return_;  // function scope -> its first `return <value>`
  std::vector<NodeId> star_imports_;
  // The `with` blocks being visited: the flows_ depth they belong to, and the union of the states
  // an exception in the block may leave from.
  std::vector<std::pair<size_t, FlowUnion>> with_exits_;
  std::vector<RaiseContext> raise_contexts_;  // the `try` statements being visited, innermost last
};

SemanticIndex BuildIndex(const Ast& ast, FileId file, const IndexOptions& options) {
  SemanticIndex index;
  IndexBuilder(ast, file, options, index).Build();
  return index;
}

}  // namespace asynctype
