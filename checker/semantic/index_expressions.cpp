// IndexBuilder (index_builder.h): expressions: uses of names (and of narrowed places), walrus
// bindings, lambdas and comprehensions (their scopes), `await` / `yield` and the errors where they
// are not allowed, and short-circuiting `and` / `or` / `if`-`else`.
#include "checker/semantic/index_builder.h"

#include "checker/semantic/comprehension_parts.h"

namespace asynctype {

llvm::ArrayRef<Binding> IndexBuilder::StoreBindings(Bindings bindings) {
  size_t n = bindings.size();
  if (n == 0) return {};
  auto& blocks = index_.binding_blocks_;
  if (blocks.empty() || blocks.back().room() < n) {
    // The first block holds about one binding per use (most uses see one binding); later ones
    // grow geometrically, up to 4096 bindings.
    size_t size = blocks.empty() ? expected_bindings_ : std::min<size_t>(blocks.back().capacity() * 2, 4096);
    blocks.emplace_back(std::max(n, size));
  }
  return blocks.back().Append(bindings);
}

void IndexBuilder::Use(NodeId name) {
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

void IndexBuilder::VisitExpr(NodeId expr) {
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

void IndexBuilder::MarkForwardReference(NodeId node) {
  if (!node.valid()) return;
  Mark(node);
  index_.forward_references_.set(node.index());
  for (NodeId child : ast_.children(node)) MarkForwardReference(child);
  if (ast_.kind(node) == NodeKind::StringLiteral) MarkForwardReference(ast_.string_annotation(node));
}

void IndexBuilder::VisitLambda(NodeId expr) {
  LambdaView lambda{ast_, expr};
  NodeId params = lambda.parameters();
  llvm::ArrayRef<NodeId> parameters;
  if (params.valid()) parameters = ParametersView{ast_, params}.parameters();
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

void IndexBuilder::VisitComprehension(NodeId expr) {
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

void IndexBuilder::InvalidExpression(NodeId expr, const char* what) {
  Error(ast_.range(expr), std::string(what) + " cannot be used within a " + invalid_expression_position_);
}

void IndexBuilder::InvalidTypeForm(NodeId expr, const char* what) {
  index_.diagnostics_.push_back(MakeDiagnostic(Rule::InvalidTypeForm, file_, ast_.range(expr),
                                               std::string(what) + " expressions are not allowed in " +
                                                   annotation_position_));
}

}  // namespace asynctype
