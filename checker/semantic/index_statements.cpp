// IndexBuilder (index_builder.h): statements, one visit per kind (the definitions are in
// index_definitions.cpp), and the flow through blocks, loops, `with`, `try` and `match`.
#include "checker/semantic/index_builder.h"

#include <optional>

#include "checker/semantic/skipped_bindings.h"

namespace asynctype {

void IndexBuilder::VisitBlock(llvm::ArrayRef<NodeId> statements) {
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

void IndexBuilder::VisitExpressions(NodeId list) {
  if (!list.valid()) return;
  Mark(list);
  for (NodeId e : ListView{ast_, list}.items()) VisitExpr(e);
}

void IndexBuilder::MarkUnreachable(NodeId node) {
  if (!node.valid()) return;
  index_.unreachable_.set(node.index());
  for (NodeId child : ast_.children(node)) {
    if (child.valid()) MarkUnreachable(child);
  }
}

void IndexBuilder::NoteSkippedBindings(NodeId node) {
  // Stubs describe each version exactly: what they gate away does not exist.
  if (options_.is_stub || current_ != index_.module_scope()) return;
  CollectSkippedBindings(ast_, node, index_.skipped_names_);
}

void IndexBuilder::VisitStatement(NodeId stmt) {
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

void IndexBuilder::NoteExceptionalExit() {
  for (auto& [level, state] : with_exits_) {
    if (level == flows_.size()) state.Add(flow());
  }
}

void IndexBuilder::VisitStatementKind(NodeId stmt) {
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

void IndexBuilder::VisitReturn(NodeId stmt) {
  NodeId value = ReturnView{ast_, stmt}.value();
  if (!errors_.InFunction(current_)) Error(ast_.range(stmt), "`return` statement outside of a function");
  if (value.valid() && scope(current_).kind == ScopeKind::Function) {
    scope(current_).has_value_return = true;
    first_value_return_.try_emplace(current_.index(), stmt);
  }
  VisitExpr(value);
  flow().SetUnreachable();
}

void IndexBuilder::VisitDelete(NodeId stmt) {
  for (NodeId target : DeleteView{ast_, stmt}.targets()) {
    VisitExpr(target);
    if (target.valid() && ast_.kind(target) == NodeKind::Name) {
      flow().Unbind(ast_.str(target));
      NoteRaisePoint(current_, ast_.str(target), Binding{});
    }
  }
}

void IndexBuilder::VisitAssign(NodeId stmt) {
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

void IndexBuilder::VisitAugAssign(NodeId stmt) {
  NodeId target = AugAssignView{ast_, stmt}.target();
  VisitExpr(AugAssignView{ast_, stmt}.value());
  if (ast_.kind(target) == NodeKind::Name) {
    Use(target);
    Define(ast_.str(target), DefinitionKind::AugAssignment, stmt, target, ast_.range(stmt).end);
  } else {
    VisitExpr(target);
  }
}

void IndexBuilder::VisitAnnAssign(NodeId stmt) {
  AnnAssignView assign{ast_, stmt};
  NodeId target = assign.target();
  VisitAnnotation(assign.annotation());
  VisitExpr(assign.value());
  if (ast_.kind(target) == NodeKind::Name) {
    Mark(target);
    Define(ast_.str(target), DefinitionKind::AnnAssignment, stmt, target, ast_.range(stmt).end);
  } else {
    if (ast_.kind(target) == NodeKind::Attribute) {
      // `obj.attr: T = v` stores like `obj.attr = v` (it is not a lookup).
      RecordInstanceAttribute(target);
      index_.store_targets_.set(target.index());
      if (AttributeView{ast_, target}.attr().valid()) {
        index_.assigned_attributes_.insert(ast_.str(AttributeView{ast_, target}.attr()));
      }
    }
    VisitExpr(target);
  }
}

void IndexBuilder::VisitTypeAlias(NodeId stmt) {
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

void IndexBuilder::VisitFor(NodeId stmt) {
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
  for (FlowState& b : loop.breaks) AddLoopBindings(b, first_def, flow(), &before);
  // The loop may run zero times.
  before.Merge(flow());
  flow() = std::move(before);
  VisitList(loop_stmt.orelse());
  for (const FlowState& b : loop.breaks) flow().Merge(b);
}

void IndexBuilder::VisitWhile(NodeId stmt) {
  WhileView loop_stmt{ast_, stmt};
  NodeId test = loop_stmt.test();
  size_t first_use = use_log_.size(), first_def = index_.definitions_.size();
  FlowState before = flow();
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
  for (FlowState& b : loop.breaks) AddLoopBindings(b, first_def, flow(), &before);
  // Leaving through the condition: before the first iteration or after any.
  std::optional<bool> always = static_.Truth(test);
  bool literal_true = test.valid() && ast_.kind(test) == NodeKind::BoolLiteral && ast_.node(test).data;
  if (literal_true || always == true) {
    flow().SetUnreachable();
  } else {
    // The condition is evaluated again after the last iteration: the bindings of the body
    // reach the exit too (narrowed as the first evaluation narrowed them).
    AddLoopBindings(exit, first_def, flow(), &before);
    flow() = std::move(exit);
  }
  VisitList(loop_stmt.orelse());
  for (const FlowState& b : loop.breaks) flow().Merge(b);
}

void IndexBuilder::VisitWith(NodeId stmt) {
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

void IndexBuilder::VisitMatch(NodeId stmt) {
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

void IndexBuilder::VisitTry(NodeId stmt) {
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
    flow() = entry;
    VisitList(finalbody);
    if (!completes) {
      flow().SetUnreachable();
    } else {
      // Past the statement only the normal path continues: the try body's narrowing holds.
      flow() = FlowState::AfterFinally(entry, flow(), after);
    }
  } else {
    flow() = std::move(after);
  }
}

void IndexBuilder::VisitAssert(NodeId stmt) {
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

void IndexBuilder::VisitImport(NodeId stmt) {
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

void IndexBuilder::VisitImportFrom(NodeId stmt) {
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
  bool from_future = import.module().valid() && ast_.str(import.module()) == "__future__";
  for (NodeId alias : import.aliases()) {
    Mark(alias);
    NodeId name = AliasView{ast_, alias}.name();
    NodeId asname = AliasView{ast_, alias}.asname();
    if (!name.valid()) continue;
    if (from_future && ast_.str(name) == "annotations") future_annotations_ = true;
    Define(asname.valid() ? ast_.str(asname) : ast_.str(name), DefinitionKind::ImportFrom, alias,
           asname.valid() ? asname : name, ast_.range(stmt).end);
  }
}

void IndexBuilder::VisitGlobalOrNonlocal(NodeId stmt) {
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

void IndexBuilder::VisitAny(NodeId node) {
  NodeKind kind = ast_.kind(node);
  if (IsStatement(kind) || kind == NodeKind::Error) {
    VisitStatement(node);
  } else if (kind == NodeKind::List) {
    VisitList(node);
  } else {
    VisitExpr(node);
  }
}

void IndexBuilder::VisitIf(NodeId stmt) {
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

void IndexBuilder::RecordStaticName(llvm::StringRef name, bool value) {
  SymbolId earlier = index_.LookupSymbol(index_.module_scope(), name);
  bool bound_before = earlier.valid() && !index_.symbol(earlier).definitions.empty();
  static_.RecordName(name, value, bound_before);
}

}  // namespace asynctype
