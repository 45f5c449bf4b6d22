// IndexBuilder: the one recursive walk over a file's AST that builds its SemanticIndex (BuildIndex,
// index.h). Private to semantic/. It creates scopes, symbols and definitions, follows control
// flow to record which bindings (with which narrowing constraints) reach each use of a name,
// skips the branches static conditions decide (static_conditions.h, skipped_bindings.h),
// collects `__all__` (dunder_all.h), and reports the semantic syntax errors that need no types
// (syntax_errors.h). Recursion depth is bounded by the AST depth, which the parser bounds.
//
// The walk is split by topic: index_builder.cpp (the builder, scopes and definitions, control
// flow and narrowing), index_statements.cpp, index_definitions.cpp (functions, classes, type
// parameters, annotations, binding targets, patterns) and index_expressions.cpp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "checker/semantic/decorators.h"
#include "checker/semantic/dunder_all.h"
#include "checker/semantic/flow.h"
#include "checker/semantic/flow_union.h"
#include "checker/semantic/index.h"
#include "checker/semantic/static_conditions.h"
#include "checker/semantic/syntax_errors.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

namespace asynctype {

class IndexBuilder {
 public:
  IndexBuilder(const Ast& ast, FileId file, const IndexOptions& options, SemanticIndex& index);
  void Build();

 private:
  // ---------------------------------------------------------------- scopes and definitions
  ScopeId NewScope(ScopeKind kind, ScopeId parent, NodeId node);

  Scope& scope(ScopeId id) { return index_.scopes_[id.index()]; }

  SymbolId GetOrAddSymbol(ScopeId scope_id, llvm::StringRef name);

  void Define(llvm::StringRef name, DefinitionKind kind, NodeId node, NodeId target,
              uint32_t offset, ScopeId in_scope = ScopeId::None());

  // A `def` decorated `@overload` or `@<...>.overload` (by name, as the inference reads it).
  bool IsOverload(NodeId function_def) const;

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
  void NoteRaisePoint(ScopeId scope_id, llvm::StringRef name, const Binding& binding);

  FlowState* FlowOf(ScopeId scope_id) {
    for (auto it = flows_.rbegin(); it != flows_.rend(); ++it) {
      if (it->first == scope_id) return &it->second;
    }
    return nullptr;
  }

  // Records, for each symbol of `scope_id` bound more than once, the definitions that reach
  // `end` (the flow state at the end of the scope): Symbol::end_definitions.
  void RecordEndDefinitions(ScopeId scope_id, const FlowState& end);

  // Runs `visit` in a new scope with its own flow state.
  template <class F>
  void InScope(ScopeId scope_id, F&& visit) {
    ScopeId outer = current_;
    current_ = scope_id;
    flows_.push_back({scope_id, FlowState(&flow_keys_)});
    visit();
    RecordEndDefinitions(scope_id, flows_.back().second);
    flows_.pop_back();
    current_ = outer;
  }

  uint32_t AddConstraint(NodeId predicate, bool positive);

  // The dotted key of a place `name.attr` (or a longer chain, place_key.h), or "" for anything else.
  llvm::StringRef PlaceKey(NodeId node);

  // An aliased condition: the value of the single assignment `name = <condition>` (a plain local)
  // whose binding is the only one reaching here, or None (see AliasedConditionOf).
  NodeId AliasedCondition(NodeId name) const;
  // Whether `name` (a name or place) has only bindings now that it had at its use in `condition`.
  bool UnchangedSince(llvm::StringRef name, NodeId condition) const;

  // The names a condition can narrow: `x`, `not x`, `x is None`, `x == 1`, `isinstance(x, C)`,
  // `(x := f())`, and `and` / `or` combinations of them; through an aliased condition (`if ok:`
  // after `ok = isinstance(x, C)`), also the names the stored condition narrows.
  void NarrowedNames(NodeId test, llvm::SmallVectorImpl<llvm::StringRef>& names);

  // Whether narrowing `name` in the current scope also narrows its unbound path, which stands for
  // the enclosing scopes' binding: a function's free names and its `global` / `nonlocal` ones.
  bool NarrowsOuterBinding(llvm::StringRef name);

  // Applies the narrowing of `test` being true (or false) to the current flow.
  void ApplyCondition(NodeId test, bool positive);

  // Visits a condition and returns the flow states where it is true and where it is false:
  // `and` / `or` short-circuit (names bound in the right operand are bound only on its paths),
  // `not` swaps, and a plain test narrows the names it mentions.
  std::pair<FlowState, FlowState> VisitCondition(NodeId test);

  struct LoopContext {
    std::vector<FlowState> breaks;
    std::vector<FlowState> continues;
  };

  // Uses inside a loop also see the bindings made later in the loop body (the back edge).
  void PatchLoopUses(size_t first_use, size_t first_def, const FlowState& loop_end);

  // A state captured inside a loop body (at a `break`) may come from a later iteration: it also
  // holds the bindings the body makes.
  // (`entry`: the state before the loop, whose place bindings do not come from the body.)
  void AddLoopBindings(FlowState& target, size_t first_def, const FlowState& loop_end,
                       const FlowState* entry = nullptr) {
    target.AddLaterBindings(loop_end, first_def, entry);
  }

  // Drops from the current flow the narrowing made by the constraints numbered `first` and above
  // (it held only inside an expression).
  void StripConstraintsSince(size_t first);

  void Mark(NodeId node) {
    if (node.valid()) index_.node_scope_[node.index()] = current_;
  }

  void Error(TextRange range, std::string message) { errors_.Report(range, std::move(message)); }

  // ------------------------------------------------------------------- statements
  void VisitBlock(llvm::ArrayRef<NodeId> statements);

  void VisitList(NodeId list) {
    if (list.valid()) VisitBlock(ListView{ast_, list}.items());
  }

  void VisitExpressions(NodeId list);
  void MarkUnreachable(NodeId node);

  // Records the names a module-level branch of a source file, skipped by a static condition,
  // would bind (see SemanticIndex::BoundInSkippedBranch).
  void NoteSkippedBindings(NodeId node);
  void VisitStatement(NodeId stmt);

  // An exception raised in a `with` block may be swallowed by its context managers: every state
  // reached after a statement of the block (at any depth, in the same scope) may continue after
  // the `with` statement.
  void NoteExceptionalExit();
  void VisitStatementKind(NodeId stmt);
  void VisitReturn(NodeId stmt);
  void VisitDelete(NodeId stmt);
  void VisitAssign(NodeId stmt);
  void VisitAugAssign(NodeId stmt);
  void VisitAnnAssign(NodeId stmt);
  void VisitTypeAlias(NodeId stmt);
  void VisitFor(NodeId stmt);
  void VisitWhile(NodeId stmt);
  void VisitWith(NodeId stmt);
  void VisitMatch(NodeId stmt);
  void VisitTry(NodeId stmt);
  void VisitAssert(NodeId stmt);
  void VisitImport(NodeId stmt);
  void VisitImportFrom(NodeId stmt);
  void VisitGlobalOrNonlocal(NodeId stmt);

  // A salvaged child of an Error node may be a statement or an expression.
  void VisitAny(NodeId node);
  void VisitIf(NodeId stmt);
  void VisitFunctionDef(NodeId stmt);
  // A bare `@name` decorator of that kind (not `@x.name`, not `@name(...)`).
  bool HasDecorator(NodeId decorators, KnownDecorator kind) const;
  void VisitClassDef(NodeId stmt);
  void VisitTypeParams(NodeId list);

  // `position` names the place in `invalid-type-form` messages for `await` / `yield` in it.
  void VisitAnnotation(NodeId expr, const char* position = "type expressions");

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

  void InvalidExpression(NodeId expr, const char* what);
  void InvalidTypeForm(NodeId expr, const char* what);

  // Binding targets: names bind; attribute/subscript targets are ordinary expressions.
  void VisitTarget(NodeId target, DefinitionKind kind, NodeId node, uint32_t offset);

  // `self.x = ...` directly in a method: an instance attribute of the enclosing class.
  void RecordInstanceAttribute(NodeId target);
  void VisitPattern(NodeId pattern, NodeId match_case);
  void BindCapture(NodeId name, NodeId pattern);

  // ------------------------------------------------------------------ expressions
  // A copy of `bindings` for a use record, where the index keeps them.
  llvm::ArrayRef<Binding> StoreBindings(Bindings bindings);
  void Use(NodeId name);
  void VisitExpr(NodeId expr);

  // The type expression parsed from a string annotation: evaluated lazily in the current scope,
  // outside the flow (its names see the scope's public bindings, so they may refer forward).
  void MarkForwardReference(NodeId node);
  void VisitLambda(NodeId expr);
  void VisitComprehension(NodeId expr);

  // `PY3 = sys.version_info[0] == 3` at module level (see StaticConditions::RecordName).
  void RecordStaticName(llvm::StringRef name, bool value);

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
  size_t expected_bindings_ = 0;  // the size of the first block of stored bindings
  // `from __future__ import annotations` seen (PEP 563): annotations are never evaluated, so
  // their names may refer to what is bound later (marked as forward references).
  bool future_annotations_ = false;
  bool in_annotation_ = false;
  bool in_aliased_condition_ = false;  // NarrowedNames is inside an aliased condition's value
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

}  // namespace asynctype
