// IndexBuilder (index_builder.h): what opens scopes and binds names: function and class
// definitions (their type parameter scopes, parameters, decorators, annotations), binding
// targets and match patterns.
#include "checker/semantic/index_builder.h"

namespace asynctype {

void IndexBuilder::VisitFunctionDef(NodeId stmt) {
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
  llvm::ArrayRef<NodeId> parameters;
  if (params.valid()) parameters = ParametersView{ast_, params}.parameters();
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
      !HasDecorator(fn.decorators(), KnownDecorator::StaticMethod)) {
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

bool IndexBuilder::HasDecorator(NodeId decorators, KnownDecorator kind) const {
  if (!decorators.valid()) return false;
  for (NodeId dec : ListView{ast_, decorators}.items()) {
    Decorator d = ClassifyDecorator(ast_, dec);
    if (d.kind == kind && d.calls == 0 && !d.dotted) return true;
  }
  return false;
}

void IndexBuilder::VisitClassDef(NodeId stmt) {
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
  RecordEndDefinitions(class_scope, flows_.back().second);
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

void IndexBuilder::VisitTypeParams(NodeId list) {
  Mark(list);
  for (NodeId tp : ListView{ast_, list}.items()) {
    Mark(tp);
    Define(ast_.str(tp), DefinitionKind::TypeParam, tp, tp, 0);
    InInvalidExpressionPosition("TypeVar bound", [&] { VisitAnnotation(TypeParamView{ast_, tp}.bound()); });
    const char* default_position = "TypeVar default";
    switch (GetTypeParamKind(ast_, tp)) {
      case TypeParamKind::TypeVar: break;
      case TypeParamKind::TypeVarTuple: default_position = "TypeVarTuple default"; break;
      case TypeParamKind::ParamSpec: default_position = "ParamSpec default"; break;
    }
    InInvalidExpressionPosition(default_position, [&] { VisitAnnotation(TypeParamView{ast_, tp}.default_value()); });
  }
}

void IndexBuilder::VisitAnnotation(NodeId expr, const char* position) {
  if (!expr.valid()) return;
  bool saved = in_annotation_;
  const char* saved_position = annotation_position_;
  ScopeId saved_scope = annotation_scope_;
  in_annotation_ = true;
  annotation_position_ = position;
  annotation_scope_ = current_;
  VisitExpr(expr);
  if (future_annotations_) MarkForwardReference(expr);
  in_annotation_ = saved;
  annotation_position_ = saved_position;
  annotation_scope_ = saved_scope;
}

void IndexBuilder::VisitTarget(NodeId target, DefinitionKind kind, NodeId node, uint32_t offset) {
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
        flow().ResetPlacesOf(key);  // `self.proc = p` forgets what `self.proc.returncode` was
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

void IndexBuilder::RecordInstanceAttribute(NodeId target) {
  if (!method_class_.valid() || current_ != method_scope_) return;
  NodeId value = AttributeView{ast_, target}.value();
  NodeId attr = AttributeView{ast_, target}.attr();
  if (!value.valid() || !attr.valid() || ast_.kind(value) != NodeKind::Name) return;
  if (ast_.str(value) != self_name_) return;
  scope(method_class_).instance_attributes[ast_.str(attr)].push_back({current_statement_, target});
}

void IndexBuilder::VisitPattern(NodeId pattern, NodeId match_case) {
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

void IndexBuilder::BindCapture(NodeId name, NodeId pattern) {
  if (!name.valid()) return;
  Mark(name);
  Define(ast_.str(name), DefinitionKind::MatchCapture, pattern, name, ast_.range(pattern).end);
}

}  // namespace asynctype
