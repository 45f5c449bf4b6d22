// Value-expression inference: names across scopes, literals and displays, attributes, calls
// (with `reveal_type`), subscripts, operators, comprehensions, `await`, `yield` and `yield from`.
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/call_errors.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/node_reads.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/decorators.h"
#include "checker/semantic/place_key.h"
#include "checker/semantic/comprehension_parts.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype {

bool IsImplicitModuleAttribute(llvm::StringRef name) {
  return name == "__name__" || name == "__file__" || name == "__doc__" || name == "__package__" ||
         name == "__spec__" || name == "__loader__" || name == "__path__" || name == "__dict__" ||
         name == "__builtins__" || name == "__debug__" || name == "__annotations__" ||
         name == "__qualname__" || name == "__module__";
}

namespace {


// The name among `candidates` closest to a misspelt `name`, when one is close enough to be a
// likely typo (one edit in a short name, else two or a third of the letters, a swap of two
// letters counting as two) and no other is as close.
std::optional<llvm::StringRef> ClosestName(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates) {
  const unsigned limit = name.size() <= 3 ? 1 : std::max<unsigned>(2, name.size() / 3);
  std::optional<llvm::StringRef> best;
  unsigned best_distance = limit + 1;
  bool tie = false;
  for (llvm::StringRef candidate : candidates) {
    if (candidate == name || (candidate.startswith("_") && !name.startswith("_"))) continue;
    unsigned distance = name.edit_distance(candidate, /*AllowReplacements=*/true, limit + 1);
    if (distance < best_distance) {
      best = candidate, best_distance = distance, tie = false;
    } else if (distance == best_distance && best && *best != candidate) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return best;
}

}  // namespace

TypeId FileInference::InferExpr(NodeId expr) {
  const Node& n = ast_.node(expr);
  switch (n.kind) {
    case NodeKind::Name: return InferName(expr);
    case NodeKind::IntLiteral:
      return ast_.Has(expr, kBig) ? KnownInstance(program_, KnownClass::Int)
                                  : store_.IntLiteral(ast_.int_value(expr));
    case NodeKind::FloatLiteral: return KnownInstance(program_, KnownClass::Float);
    case NodeKind::ComplexLiteral: return KnownInstance(program_, KnownClass::Complex);
    case NodeKind::BoolLiteral: return store_.BoolLiteral(n.data != 0);
    case NodeKind::NoneLiteral: return store_.None();
    case NodeKind::EllipsisLiteral: {
      std::optional<TypeId> ellipsis = BuiltinSymbol("ellipsis").valid()
                                           ? std::optional<TypeId>(BuiltinSymbol("ellipsis"))
                                           : std::nullopt;
      if (ellipsis && store_.kind(*ellipsis) == TypeKind::ClassLiteral) {
        return DefaultInstance(program_, store_.ClassOf(*ellipsis));
      }
      return store_.Unknown();
    }
    case NodeKind::StringLiteral: {
      for (NodeId child : ast_.children(expr)) ExprType(child);
      if (ast_.Has(expr, kFString)) return KnownInstance(program_, KnownClass::Str);
      if (ast_.Has(expr, kBytes)) return store_.BytesLiteral(ast_.str(expr));
      return store_.StringLiteral(ast_.str(expr));
    }
    case NodeKind::FormattedValue:
      for (NodeId child : ast_.children(expr)) {
        if (child.valid() && ast_.kind(child) != NodeKind::List) ExprType(child);
        if (child.valid() && ast_.kind(child) == NodeKind::List) {
          for (NodeId spec : ast_.children(child)) ExprType(spec);
        }
      }
      return KnownInstance(program_, KnownClass::Str);
    case NodeKind::Tuple: {
      std::vector<TypeId> elements;
      bool variadic = false;
      for (NodeId e : ast_.children(expr)) {
        TypeId t = ExprType(e);
        if (ast_.kind(e) == NodeKind::Starred) {
          TypeId inner = ExprType(StarredView{ast_, e}.value());
          if (store_.kind(inner) == TypeKind::Tuple && !TupleTypeView{store_, inner}.homogeneous()) {
            for (TypeId x : TupleTypeView{store_, inner}.elements()) elements.push_back(x);
            continue;
          }
          variadic = true;
          continue;
        }
        elements.push_back(t);
      }
      if (variadic) return store_.HomogeneousTuple(store_.Unknown());
      return store_.Tuple(elements);
    }
    case NodeKind::ListExpr: return InferCollection(expr, KnownClass::List);
    case NodeKind::Set: return InferCollection(expr, KnownClass::Set);
    case NodeKind::Dict: return InferDict(expr);
    case NodeKind::ListComp:
    case NodeKind::SetComp:
    case NodeKind::DictComp:
    case NodeKind::GeneratorExp: return InferComprehension(expr);
    case NodeKind::Attribute: return InferAttribute(expr);
    case NodeKind::Subscript: return InferSubscript(expr);
    case NodeKind::Call: return InferCall(expr);
    case NodeKind::Await: return InferAwait(expr);
    case NodeKind::Yield:
      ExprType(YieldView{ast_, expr}.value());
      return EnclosingSendType(expr);
    case NodeKind::YieldFrom: {
      // `yield from e` evaluates to what `iter(e)` returns at its end; an iterable coroutine
      // (`@types.coroutine`) delegates to a native coroutine through `__await__`.
      TypeId operand = ExprType(YieldFromView{ast_, expr}.value());
      if (DelegatesToCoroutine(expr)) return TryAwait(program_, operand).type;
      std::optional<DelegationTypes> delegation = GetDelegationTypes(program_, operand);
      return delegation ? delegation->result : store_.Unknown();
    }
    case NodeKind::BinOp: return InferBinOp(expr);
    case NodeKind::UnaryOp: {
      TypeId operand = ExprType(UnaryOpView{ast_, expr}.operand());
      auto op = static_cast<UnaryOperator>(n.data);
      if (op == UnaryOperator::Not) {
        if (store_.kind(operand) == TypeKind::BoolLiteral) return store_.BoolLiteral(!BoolLiteralTypeView{store_, operand}.value());
        return KnownInstance(program_, KnownClass::Bool);
      }
      if (store_.kind(operand) == TypeKind::IntLiteral) {
        int64_t v = store_.IntLiteralValue(operand);
        if (op == UnaryOperator::Minus && v != INT64_MIN) return store_.IntLiteral(-v);
        if (op == UnaryOperator::Plus) return operand;
        if (op == UnaryOperator::Invert) return store_.IntLiteral(~v);
      }
      const char* dunder = op == UnaryOperator::Minus  ? "__neg__"
                           : op == UnaryOperator::Plus ? "__pos__"
                                                       : "__invert__";
      Member m = LookupDunder(program_, operand, dunder);
      if (!m.type.valid()) return store_.Unknown();
      return CallType(program_, m.type, {}).type;
    }
    case NodeKind::Compare: {
      // `is` and `in` give a bool; a rich comparison (`<`, `==`, ...) whatever its dunder returns,
      // which is not known when an operand's type is not (`x < 1` may build an expression object).
      bool dynamic = false;
      for (NodeId child : ast_.children(expr)) dynamic |= store_.IsDynamic(ExprType(child));
      bool rich = llvm::any_of(ast_.compare_ops(expr), [](CompareOp op) {
        return op != CompareOp::Is && op != CompareOp::IsNot && op != CompareOp::In && op != CompareOp::NotIn;
      });
      return dynamic && rich ? store_.Unknown() : KnownInstance(program_, KnownClass::Bool);
    }
    case NodeKind::BoolOp: {
      // `a or b` is `a` when `a` is truthy, else `b`; `a and b` the other way round.
      TypeId left = ExprType(BoolOpView{ast_, expr}.left());
      TypeId right = ExprType(BoolOpView{ast_, expr}.right());
      bool is_or = static_cast<BoolOperator>(n.data) == BoolOperator::Or;
      return store_.Union({NarrowTruthiness(left, is_or), right});
    }
    case NodeKind::IfExp: {
      ExprType(IfExpView{ast_, expr}.test());
      return store_.Union({ExprType(IfExpView{ast_, expr}.body()), ExprType(IfExpView{ast_, expr}.orelse())});
    }
    case NodeKind::NamedExpr: {
      TypeId value = ExprType(NamedExprView{ast_, expr}.value());
      return value;
    }
    case NodeKind::Lambda: {
      Signature sig;
      NodeId params = LambdaView{ast_, expr}.parameters();
      if (params.valid()) {
        for (NodeId p : ast_.children(params)) {
          Param param;
          param.name = ast_.str(p).str();
          param.kind = static_cast<ParamKind>(GetParameterKind(ast_, p));
          if (ParameterView{ast_, p}.default_value().valid()) {
            ExprType(ParameterView{ast_, p}.default_value());
            param.has_default = true;
            param.default_text = "...";
          }
          sig.params.push_back(std::move(param));
        }
      }
      sig.return_type = ExprType(LambdaView{ast_, expr}.body());
      return store_.Callable(sig);
    }
    case NodeKind::Starred:
      ExprType(StarredView{ast_, expr}.value());
      return store_.Unknown();
    case NodeKind::Keyword:
      return ExprType(KeywordView{ast_, expr}.value());
    case NodeKind::Slice: {
      for (NodeId child : ast_.children(expr)) ExprType(child);
      // A `slice` object, so that `__getitem__` overloads pick their slice form.
      TypeId slice = BuiltinSymbol("slice");
      if (slice.valid() && store_.kind(slice) == TypeKind::ClassLiteral) {
        return DefaultInstance(program_, store_.ClassOf(slice));
      }
      return store_.Unknown();
    }
    default:
      for (NodeId child : ast_.children(expr)) {
        if (child.valid() && ast_.kind(child) != NodeKind::Identifier && ast_.kind(child) != NodeKind::List) {
          ExprType(child);
        }
      }
      return store_.Unknown();
  }
}

TypeId FileInference::BuiltinSymbol(llvm::StringRef name) {
  ModuleId builtins = program_.resolver().Resolve("builtins");
  if (!builtins.valid()) return TypeId::None();
  FileId file = program_.modules()[builtins].file;
  if (file == file_) {
    auto t = ScopeSymbolType(index_.module_scope(), name);
    return t ? *t : TypeId::None();
  }
  auto t = program_.inference(file).ModuleSymbolType(name);
  return t ? *t : TypeId::None();
}

TypeId FileInference::RevealTypeFallback() {
  for (llvm::StringRef module : {"typing_extensions", "typing"}) {
    ModuleId id = program_.resolver().Resolve(module.str());
    if (!id.valid()) continue;
    FileId file = program_.modules()[id].file;
    if (file == file_) continue;
    auto t = program_.inference(file).ModuleSymbolType("reveal_type");
    if (t && store_.kind(*t) == TypeKind::Function) return *t;
  }
  return TypeId::None();
}

TypeId FileInference::UnionOfDefinitions(llvm::ArrayRef<DefinitionId> defs) {
  std::vector<TypeId> types;
  for (DefinitionId d : defs) types.push_back(DefinitionType(d));
  return store_.Union(types);
}

TypeId FileInference::TypeOfNameInScope(NodeId use, llvm::StringRef name, ScopeId scope, uint32_t offset,
                                        bool in_loop, bool public_view, bool report, bool skip_own) {
  SemanticIndex::Resolution res;
  res.kind = SemanticIndex::Resolution::Kind::Builtin;
  if (!skip_own) res = index_.ResolveName(scope, name, offset, in_loop, public_view);
  switch (res.kind) {
    case SemanticIndex::Resolution::Kind::Found:
      return UnionOfDefinitions(res.definitions);
    case SemanticIndex::Resolution::Kind::Unbound:
      if (report && !index_.BoundInSkippedBranch(name)) {
        Report(MakeDiagnostic(Rule::UnresolvedReference, file_, ast_.range(use),
                              "Name `" + name.str() + "` used when not defined"));
      }
      return store_.Unknown();
    case SemanticIndex::Resolution::Kind::Builtin: {
      if (auto t = StarImportedSymbol(name)) return *t;
      TypeId builtin = BuiltinSymbol(name);
      if (builtin.valid()) return builtin;
      // `reveal_type` without an import works (with an `undefined-reveal` warning at the call),
      // also where the builtins stub does not declare it (typeshed has it in typing only).
      if (name == "reveal_type") {
        if (TypeId reveal = RevealTypeFallback(); reveal.valid()) return reveal;
      }
      if (IsImplicitModuleAttribute(name)) {
        return name == "__path__" ? KnownInstance(program_, KnownClass::List, {KnownInstance(program_, KnownClass::Str)})
                                  : (name == "__name__" || name == "__file__" || name == "__qualname__" ||
                                     name == "__module__")
                                        ? KnownInstance(program_, KnownClass::Str)
                                        : store_.Unknown();
      }
      if (report && !index_.BoundInSkippedBranch(name)) {
        Report(MakeDiagnostic(Rule::UnresolvedReference, file_, ast_.range(use),
                              "Name `" + name.str() + "` used when not defined"));
      }
      return store_.Unknown();
    }
  }
  llvm_unreachable("every Resolution::Kind is handled");
}

TypeId FileInference::InferName(NodeId name) {
  // A binding target: the type it binds.
  DefinitionId def = index_.DefinitionOf(name);
  if (def.valid()) return DefinitionType(def);
  ScopeId scope = index_.ScopeOf(name);
  if (!scope.valid()) return store_.Unknown();
  if (const UseRecord* use = index_.UseOf(name); use && !is_stub_ && !index_.InForwardReference(name)) {
    bool handled = false;
    TypeId type = FlowNameType(name, *use, &handled);
    if (handled) return type;
    // A free name of a function (a global it reads) narrowed by the tests met in the function.
    TypeId outer = TypeOfNameInScope(name, ast_.str(name), scope, ast_.range(name).start, index_.InLoop(name),
                                     /*public_view=*/false, /*report=*/true);
    return NarrowedFreeName(outer, *use, ast_.str(name));
  }
  return TypeOfNameInScope(name, ast_.str(name), scope, ast_.range(name).start, index_.InLoop(name),
                           is_stub_ || index_.InForwardReference(name), /*report=*/true);
}

TypeId FileInference::InferCollection(NodeId expr, KnownClass cls) {
  std::vector<TypeId> raw, elements;
  for (NodeId e : ast_.children(expr)) {
    TypeId t = ExprType(e);
    if (ast_.kind(e) == NodeKind::Starred) {
      auto element = IterationType(program_, ExprType(StarredView{ast_, e}.value()), false);
      t = element ? *element : store_.Unknown();
    }
    raw.push_back(t);
    elements.push_back(PromoteLiteralDeep(program_, t));
  }
  TypeId element = elements.empty() ? store_.Unknown() : store_.Union(elements);
  std::vector<TypeId> context = DisplayContext(expr, cls);
  if (!context.empty()) return FitDisplay(cls, context, std::vector<std::vector<TypeId>>{raw}, {element});
  return KnownInstance(program_, cls, {element});
}

TypeId FileInference::InferDict(NodeId expr) {
  std::vector<TypeId> raw_keys, raw_values, keys, values;
  for (NodeId item : ast_.children(expr)) {
    NodeId key = DictItemView{ast_, item}.key();
    TypeId value = ExprType(DictItemView{ast_, item}.value());
    if (!key.valid()) {
      // `**mapping`: its keys and values (those of a `dict`; anything else is not looked into).
      TypeId mapping = value;
      ClassId dict_cls = GetKnownClass(program_, KnownClass::Dict);
      TypeId up;
      if (store_.kind(mapping) == TypeKind::Instance && dict_cls.valid()) {
        ResolvedClass(program_, store_.ClassOf(mapping));
        up = Upcast(store_, mapping, dict_cls);
      }
      bool known = up.valid() && store_.TypeArgs(up).size() == 2;
      TypeId k = known ? store_.TypeArgs(up)[0] : store_.Unknown();
      TypeId v = known ? store_.TypeArgs(up)[1] : store_.Unknown();
      raw_keys.push_back(k);
      raw_values.push_back(v);
      keys.push_back(k);
      values.push_back(v);
      continue;
    }
    TypeId k = ExprType(key);
    raw_keys.push_back(k);
    raw_values.push_back(value);
    keys.push_back(PromoteLiteralDeep(program_, k));
    values.push_back(PromoteLiteralDeep(program_, value));
  }
  TypeId k = keys.empty() ? store_.Unknown() : store_.Union(keys);
  TypeId v = values.empty() ? store_.Unknown() : store_.Union(values);
  std::vector<TypeId> context = DisplayContext(expr, KnownClass::Dict);
  if (!context.empty()) {
    return FitDisplay(KnownClass::Dict, context, std::vector<std::vector<TypeId>>{raw_keys, raw_values}, {k, v});
  }
  return KnownInstance(program_, KnownClass::Dict, {k, v});
}

namespace {

// The `for` clauses (Comprehension nodes) of a ListComp, SetComp, DictComp or GeneratorExp.
llvm::ArrayRef<NodeId> Generators(const Ast& ast, NodeId comprehension) {
  switch (ast.kind(comprehension)) {
    case NodeKind::ListComp: return ListCompView{ast, comprehension}.generators();
    case NodeKind::SetComp: return SetCompView{ast, comprehension}.generators();
    case NodeKind::DictComp: return DictCompView{ast, comprehension}.generators();
    default: return GeneratorExpView{ast, comprehension}.generators();
  }
}

// Whether evaluating `node` in a comprehension's own scope suspends: an `await`, or an
// asynchronous list / set / dict comprehension (which runs right there). A nested generator
// expression only evaluates its first iterable here; a lambda body runs later.
bool Suspends(const Ast& ast, NodeId node, int depth = 0) {
  if (!node.valid() || depth > 200) return false;
  switch (ast.kind(node)) {
    case NodeKind::Await: return true;
    case NodeKind::Lambda: return false;
    case NodeKind::GeneratorExp: {
      auto gens = GeneratorExpView{ast, node}.generators();
      return !gens.empty() && Suspends(ast, ComprehensionView{ast, gens[0]}.iter(), depth + 1);
    }
    case NodeKind::ListComp: case NodeKind::SetComp: case NodeKind::DictComp:
      for (NodeId gen : Generators(ast, node)) {
        if (ast.Has(gen, kAsync)) return true;
      }
      break;
    default: break;
  }
  for (NodeId child : ast.children(node)) {
    if (Suspends(ast, child, depth + 1)) return true;
  }
  return false;
}

}  // namespace

TypeId FileInference::InferComprehension(NodeId expr) {
  NodeKind kind = ast_.kind(expr);
  bool is_async = false;
  bool first = true;
  for (NodeId gen : Generators(ast_, expr)) {
    ComprehensionView clause{ast_, gen};
    if (ast_.Has(gen, kAsync)) is_async = true;
    ExprType(clause.iter());
    ExprType(clause.target());
    for (NodeId cond : clause.ifs()) ExprType(cond);
    // The first iterable is evaluated in the enclosing scope; everything else runs inside.
    if (kind == NodeKind::GeneratorExp && !is_async) {
      if (!first && Suspends(ast_, clause.iter())) is_async = true;
      for (NodeId cond : clause.ifs()) is_async |= Suspends(ast_, cond);
    }
    first = false;
  }
  if (kind == NodeKind::GeneratorExp && !is_async) is_async = Suspends(ast_, GeneratorExpView{ast_, expr}.elt());
  // The element: a DictComp's key, the others' `elt`.
  NodeId element = ComprehensionPartsOf(ast_, expr).elements.front();
  TypeId raw_elt = ExprType(element);
  TypeId elt = PromoteLiteralDeep(program_, raw_elt);
  switch (kind) {
    case NodeKind::ListComp:
    case NodeKind::SetComp: {
      KnownClass cls = kind == NodeKind::ListComp ? KnownClass::List : KnownClass::Set;
      std::vector<TypeId> context = DisplayContext(expr, cls);
      if (!context.empty()) {
        std::vector<std::vector<TypeId>> elements(1, std::vector<TypeId>{raw_elt});
        return FitDisplay(cls, context, elements, {elt});
      }
      return KnownInstance(program_, cls, {elt});
    }
    case NodeKind::DictComp: {
      TypeId raw_value = ExprType(DictCompView{ast_, expr}.value());
      TypeId value = PromoteLiteralDeep(program_, raw_value);
      std::vector<TypeId> context = DisplayContext(expr, KnownClass::Dict);
      if (!context.empty()) {
        std::vector<std::vector<TypeId>> elements = {std::vector<TypeId>{raw_elt}, std::vector<TypeId>{raw_value}};
        return FitDisplay(KnownClass::Dict, context, elements, {elt, value});
      }
      return KnownInstance(program_, KnownClass::Dict, {elt, value});
    }
    default:
      if (is_async) {
        return KnownInstance(program_, KnownClass::AsyncGeneratorType, {elt, store_.None()});
      }
      return KnownInstance(program_, KnownClass::GeneratorType, {elt, store_.None(), store_.None()});
  }
}

TypeId FileInference::InferAttribute(NodeId attr) {
  TypeId value = ExprType(AttributeView{ast_, attr}.value());
  NodeId name = AttributeView{ast_, attr}.attr();
  if (!name.valid()) return store_.Unknown();
  Member m = LookupMember(program_, value, ast_.str(name));
  if (!m.type.valid()) {
    if (!index_.IsStoreTarget(attr) && !GuardedByHasattr(attr)) ReportMissingAttribute(attr, value, ast_.str(name));
    return store_.Unknown();
  }
  // A narrowed place (`self.x` after `if self.x is not None:`).
  if (const UseRecord* use = index_.UseOf(attr)) {
    std::string key = PlaceKeyOf(ast_, attr);
    std::vector<TypeId> types;
    for (const Binding& b : use->bindings) {
      if (!PathReturns(b)) continue;
      TypeId t = m.type;
      if (IsPlaceAssignment(b.def) && !store_.HasDynamicMember(m.type)) {
        // `self.x = value` earlier on this path: the value, if the attribute accepts it (not when
        // its type has an Unknown part: an assignment from an unannotated parameter somewhere).
        NodeId target = PlaceAssignmentTarget(b.def);
        NodeId statement = Parent(target);
        if (statement.valid() && ast_.kind(statement) == NodeKind::Assign) {
          TypeId assigned = ExprType(AssignView{ast_, statement}.value());
          if (!store_.IsDynamic(assigned) && IsAssignable(program_, assigned, m.type)) t = assigned;
        }
      }
      for (uint32_t c : b.constraints) {
        const Constraint& constraint = index_.constraint(c);
        if (constraint.reachability) continue;
        t = NarrowType(t, constraint.predicate, constraint.positive, key);
      }
      types.push_back(t);
    }
    if (!types.empty()) return store_.Union(types);
  }
  return m.type;
}

bool FileInference::DefinedInSubclass(ClassId cls, llvm::StringRef name) {
  // An abstract base or mixin uses attributes that its subclasses (in its module) define.
  const ClassInfo& info = store_.cls(cls);
  FileInference& owner = program_.inference(info.file);
  const Ast& ast = owner.ast();
  for (size_t i = 0; i < ast.size(); ++i) {
    NodeId node(static_cast<uint32_t>(i));
    if (ast.kind(node) != NodeKind::ClassDef || node == info.node) continue;
    ClassId sub = owner.ClassFor(node);
    const ClassInfo& sub_info = ResolvedClass(program_, sub);
    bool derives = false;
    for (TypeId base : sub_info.mro) derives |= store_.ClassOf(base) == cls;
    if (!derives) continue;
    if (LookupMember(program_, SelfInstance(program_, sub), name).type.valid()) return true;
  }
  return false;
}

void FileInference::ReportMissingAttribute(NodeId attr, TypeId object, llvm::StringRef name) {
  // Only what the checker fully knows is reported: the user's own classes and modules (the
  // bundled stubs are partial), never dunder names, never classes with `__getattr__`.
  if (name.startswith("__") && name.endswith("__")) return;
  const TypeData d = store_.data(object);
  NodeId where = AttributeView{ast_, attr}.attr();
  // The embedded full typeshed is complete: its classes and modules are reported like the user's.
  // Other stubs (the user's, third-party ones) may be partial: a member missing from them may exist.
  if (d.kind == TypeKind::Module) {
    const ModuleInfo& module = program_.modules()[ModuleTypeView{store_, object}.module()];
    if (!module.file.valid()) return;
    // (`asyncio.TaskGroup` on 3.10 is known missing: the stub binds it for 3.11 on.)
    if (program_.inference(module.file).MemberMayExistUnseen(name)) return;
    Diagnostic diag = MakeDiagnostic(Rule::UnresolvedAttribute, file_, ast_.range(where),
                                     "Module `" + module.name + "` has no member `" + name.str() + "`");
    std::vector<llvm::StringRef> candidates = program_.inference(module.file).ModuleMemberNames();
    if (auto close = ClosestName(name, candidates)) diag.infos.push_back("Did you mean `" + close->str() + "`?");
    Report(std::move(diag));
    return;
  }
  if (d.kind != TypeKind::Instance && d.kind != TypeKind::ClassLiteral) return;
  // `self.x` inside the class's own methods: mixins and abstract bases rely on subclasses to
  // provide attributes, which is not an error at run time.
  NodeId value = AttributeView{ast_, attr}.value();
  if (value.valid() && ast_.kind(value) == NodeKind::Name) {
    // The same binding on every path (narrowing or return conditions may differ).
    DefinitionId def;
    if (const UseRecord* use = index_.UseOf(value); use && !use->bindings.empty()) {
      def = use->bindings[0].def;
      for (const Binding& b : use->bindings) {
        if (b.def != def) def = DefinitionId::None();
      }
    }
    if (def.valid() && index_.definition(def).kind == DefinitionKind::Parameter) {
      const Scope& scope = index_.scope(index_.definition(def).scope);
      ScopeId outer = index_.ScopeOf(scope.node);
      NodeId params = scope.node.valid() && ast_.kind(scope.node) == NodeKind::FunctionDef
                          ? FunctionDefView{ast_, scope.node}.parameters()
                          : NodeId::None();
      if (outer.valid() && index_.scope(outer).kind == ScopeKind::Class && params.valid() &&
          NthOrNone(ParametersView{ast_, params}.parameters(), 0) == index_.definition(def).node) {
        return;
      }
    }
  }
  const ClassInfo& info = ResolvedClass(program_, store_.ClassOf(object));
  if (info.has_unknown_base || (program_.source(info.file).is_stub() && !IsCompleteStub(program_, info.file))) {
    return;
  }
  // Assigned from outside the class in this file (`loop._selector = Mock()` in a test).
  if (index_.AssignsAttribute(name)) return;
  std::vector<llvm::StringRef> candidates;
  for (TypeId base : info.mro) {
    const ClassInfo& b = store_.cls(store_.ClassOf(base));
    if (program_.source(b.file).is_stub() && !IsCompleteStub(program_, b.file) && b.known != KnownClass::Object) {
      return;  // partial stubs
    }
    // Attributes made dynamically, assigned from outside the class, or from a metaclass.
    const SemanticIndex& base_index = program_.index(b.file);
    if (base_index.SetsAttributesDynamically() || base_index.AssignsAttribute(name)) return;
    // A class decorator may replace or extend the class.
    NodeId decorators = ClassDefView{program_.inference(b.file).ast(), b.node}.decorators();
    if (decorators.valid()) {
      for (NodeId dec : program_.inference(b.file).ast().children(decorators)) {
        Decorator d = ClassifyDecorator(program_.inference(b.file).ast(), dec);
        if (d.calls > 1) return;
        switch (d.kind) {
          case KnownDecorator::Final:
          case KnownDecorator::Dataclass:
          case KnownDecorator::TotalOrdering:
          case KnownDecorator::RuntimeCheckable:
          case KnownDecorator::Unique:
          // Markers for type checkers only (typeshed decorates `object` with `@disjoint_base`).
          case KnownDecorator::DisjointBase:
          case KnownDecorator::TypeCheckOnly:
          case KnownDecorator::Deprecated:
            break;
          default:
            return;
        }
      }
    }
    ScopeId body = base_index.ScopeOpenedBy(b.node);
    // A metaclass's attributes (`ABCMeta.register`) are the class object's; a protocol's metaclass
    // is ABCMeta's subclass `_ProtocolMeta`, whether or not the stub spells it.
    if (d.kind == TypeKind::ClassLiteral && ((body.valid() && base_index.scope(body).has_metaclass) || b.is_protocol)) {
      return;
    }
    if (body.valid()) {
      for (const auto& entry : base_index.scope(body).symbols) candidates.push_back(entry.getKey());
      if (d.kind == TypeKind::Instance) {
        for (const auto& entry : base_index.scope(body).instance_attributes) candidates.push_back(entry.getKey());
      }
    }
  }
  for (const char* hook : {"__getattr__", "__getattribute__"}) {
    Member m = LookupMember(program_, object, hook);
    if (m.type.valid() && m.owner != store_.known_class(KnownClass::Object)) return;
  }
  // Values whose members the checker does not model: `super()` proxies, an arbitrary class (an
  // instance of `type`), members made by the functional Enum API (`Enum("State", "OK")`).
  if (d.kind == TypeKind::Instance && ((info.module == "builtins" && (info.name == "super" || info.name == "type")) ||
                                       info.module == "enum")) {
    return;
  }
  if (index_.TestsAttribute(name) || DefinedInSubclass(store_.ClassOf(object), name)) return;
  std::string message = d.kind == TypeKind::Instance
                             ? "Object of type `" + Display(object) + "` has no attribute `" + name.str() + "`"
                             : "Class `" + info.name + "` has no attribute `" + name.str() + "`";
  Diagnostic diag = MakeDiagnostic(Rule::UnresolvedAttribute, file_, ast_.range(where), message);
  if (auto close = ClosestName(name, candidates)) diag.infos.push_back("Did you mean `" + close->str() + "`?");
  // `coro().attr`: the awaited value has the attribute.
  if (d.kind == TypeKind::Instance) {
    AwaitResult awaited = TryAwait(program_, object);
    if (awaited.error == AwaitError::None && store_.kind(awaited.type) == TypeKind::Instance &&
        LookupMember(program_, awaited.type, name).type.valid()) {
      diag.infos.push_back("`" + Display(object) + "` is awaitable: did you forget `await`?");
    }
  }
  Report(std::move(diag));
}

TypeId FileInference::InferSubscript(NodeId sub) {
  TypeId value = ExprType(SubscriptView{ast_, sub}.value());
  NodeId slice = SubscriptView{ast_, sub}.slice();
  const TypeKind vk = store_.kind(value);
  if (vk == TypeKind::ClassLiteral && ResolvedClass(program_, store_.ClassOf(value)).type_params.empty()) {
    // A class that is not generic: its metaclass's `__getitem__` (`Color["RED"]`), not modelled.
    ExprType(slice);
    return store_.Unknown();
  }
  if (vk == TypeKind::ClassLiteral || vk == TypeKind::SpecialForm) {
    // `list[int]` as a value: the specialized class object.
    TypeContext context;
    TypeId type = AnnotationType(sub, context);
    if (store_.kind(type) == TypeKind::Instance) {
      return store_.ClassLiteral(store_.ClassOf(type), store_.TypeArgs(type));
    }
    return store_.Unknown();
  }
  TypeId index = ExprType(slice);
  // A literal index into a fixed-length tuple (or a union of them, as `sys.exc_info()[2]`) is
  // that element (in each member).
  auto element_at = [&](TypeId tuple) {
    auto elements = TupleTypeView{store_, tuple}.elements();
    int64_t i = store_.IntLiteralValue(index);
    if (i < 0) i += static_cast<int64_t>(elements.size());
    if (i >= 0 && i < static_cast<int64_t>(elements.size())) return elements[i];
    return store_.Unknown();
  };
  auto fixed_tuple = [&](TypeId t) { return store_.kind(t) == TypeKind::Tuple && !TupleTypeView{store_, t}.homogeneous(); };
  if (store_.kind(index) == TypeKind::IntLiteral) {
    if (fixed_tuple(value)) return element_at(value);
    if (vk == TypeKind::Union && llvm::all_of(store_.UnionMembers(value), fixed_tuple)) {
      std::vector<TypeId> elements;
      for (TypeId member : store_.UnionMembers(value)) elements.push_back(element_at(member));
      return store_.Union(elements);
    }
  }
  Member getitem = LookupDunder(program_, value, "__getitem__");
  if (!getitem.type.valid()) return store_.Unknown();
  return CallType(program_, getitem.type, {Argument{Argument::Kind::Positional, "", index}}).type;
}

TypeId FileInference::InferBinOp(NodeId expr) {
  TypeId left = ExprType(BinOpView{ast_, expr}.left());
  TypeId right = ExprType(BinOpView{ast_, expr}.right());
  auto op = static_cast<BinaryOp>(ast_.node(expr).data);
  if (store_.kind(left) == TypeKind::IntLiteral && store_.kind(right) == TypeKind::IntLiteral) {
    int64_t a = store_.IntLiteralValue(left), b = store_.IntLiteralValue(right), r = 0;
    bool ok = true;
    switch (op) {
      case BinaryOp::Add: ok = !__builtin_add_overflow(a, b, &r); break;
      case BinaryOp::Sub: ok = !__builtin_sub_overflow(a, b, &r); break;
      case BinaryOp::Mult: ok = !__builtin_mul_overflow(a, b, &r); break;
      default: ok = false;
    }
    if (ok) return store_.IntLiteral(r);
  }
  if (op == BinaryOp::Add && store_.kind(left) == TypeKind::StringLiteral &&
      store_.kind(right) == TypeKind::StringLiteral) {
    std::string joined = StringLiteralTypeView{store_, left}.value().str() + StringLiteralTypeView{store_, right}.value().str();
    if (joined.size() <= 4096) return store_.StringLiteral(joined);
  }
  // An operand of unknown type may define the reflected dunder (`5 * x` is `x.__rmul__(5)` when
  // `int.__mul__` returns NotImplemented): the result is not known either.
  if (store_.IsDynamic(left)) return left;
  if (store_.IsDynamic(right)) return right;
  static constexpr const char* kDunders[] = {"add", "sub", "mul", "matmul", "truediv", "floordiv",
                                             "mod", "pow", "lshift", "rshift", "or", "xor", "and"};
  std::string name = kDunders[static_cast<int>(op)];
  // A dunder whose parameter does not accept the other operand returns NotImplemented at run
  // time (`10 * "a"` is `str.__rmul__`, not `int.__mul__`).
  Member m = LookupDunder(program_, left, "__" + name + "__");
  if (m.type.valid()) {
    CallOutcome r = CallTypeChecked(program_, m.type, {Argument{Argument::Kind::Positional, "", right}});
    if (r.matched && r.callable) return r.type;
  }
  Member rm = LookupDunder(program_, right, "__r" + name + "__");
  if (rm.type.valid()) {
    CallOutcome r = CallTypeChecked(program_, rm.type, {Argument{Argument::Kind::Positional, "", left}});
    if (r.matched && r.callable) return r.type;
  }
  return store_.Unknown();
}

namespace {

// Secondary annotations of `invalid-await`: where the awaited type, or its `__await__`, is defined.
void AddClassSite(Program& program, ClassId cls, const char* message, Diagnostic& d) {
  if (!cls.valid()) return;
  const ClassInfo& info = program.types().cls(cls);
  if (!info.file.valid() || !info.node.valid()) return;
  const Ast& ast = program.parsed(info.file).ast;
  if (ast.kind(info.node) != NodeKind::ClassDef) return;
  NodeId name = ClassDefView{ast, info.node}.name();
  if (name.valid()) d.secondary.push_back({info.file, ast.range(name), message});
}

// The `def` behind a function, bound method or overloaded function type (its first overload).
FunctionId FunctionOfType(TypeStore& store, TypeId t) {
  if (!t.valid()) return FunctionId::None();
  switch (store.kind(t)) {
    case TypeKind::Function: return FunctionTypeView{store, t}.function();
    case TypeKind::BoundMethod: return FunctionOfType(store, BoundMethodTypeView{store, t}.function());
    case TypeKind::Overloaded: {
      auto overloads = OverloadedTypeView{store, t}.overloads();
      return overloads.empty() ? FunctionId::None() : FunctionOfType(store, overloads.front());
    }
    default: return FunctionId::None();
  }
}

// `parameters`: point at the parameter list rather than the name.
bool AddMethodSite(Program& program, TypeId method, bool parameters, const char* message, Diagnostic& d) {
  FunctionId fn = FunctionOfType(program.types(), method);
  if (!fn.valid()) return false;
  const FunctionInfo& info = program.types().function(fn);
  if (!info.file.valid() || !info.node.valid()) return false;
  const Ast& ast = program.parsed(info.file).ast;
  if (ast.kind(info.node) != NodeKind::FunctionDef) return false;
  FunctionDefView view{ast, info.node};
  NodeId at = parameters && view.parameters().valid() ? view.parameters() : view.name();
  if (!at.valid()) return false;
  d.secondary.push_back({info.file, ast.range(at), message});
  return true;
}

// A non-function `__await__` attribute: its binding in the owner's class body.
void AddAttributeSite(Program& program, ClassId cls, Diagnostic& d) {
  if (!cls.valid()) return;
  const ClassInfo& info = program.types().cls(cls);
  if (!info.file.valid() || !info.node.valid()) return;
  const SemanticIndex& index = program.index(info.file);
  ScopeId body = index.ScopeOpenedBy(info.node);
  if (!body.valid()) return;
  SymbolId symbol = index.LookupSymbol(body, "__await__");
  if (!symbol.valid() || index.symbol(symbol).definitions.empty()) return;
  const Definition& def = index.definition(index.symbol(symbol).definitions.front());
  NodeId at = def.target.valid() ? def.target : def.node;
  if (at.valid()) d.secondary.push_back({info.file, program.parsed(info.file).ast.range(at), "attribute defined here"});
}

}  // namespace

TypeId FileInference::InferAwait(NodeId expr) {
  NodeId operand = AwaitView{ast_, expr}.value();
  TypeId value = ExprType(operand);
  AwaitResult result = TryAwait(program_, value);
  if (result.error == AwaitError::None) return result.type;
  Diagnostic d = MakeDiagnostic(Rule::InvalidAwait, file_, ast_.range(operand),
                                "`" + Display(value) + "` is not awaitable");
  switch (result.error) {
    case AwaitError::Missing:
      d.infos.push_back("`__await__` is missing");
      AddClassSite(program_, result.owner, "type defined here", d);
      break;
    case AwaitError::PossiblyMissing:
      d.infos.push_back("`__await__` may be missing");
      for (TypeId m : result.failing_members) {
        d.infos.push_back("`" + Display(m) + "` does not implement `__await__`");
        if (store_.kind(m) == TypeKind::Instance) AddClassSite(program_, store_.ClassOf(m), "type defined here", d);
      }
      break;
    case AwaitError::NotCallable:
      d.infos.push_back(result.possibly ? "`__await__` is possibly not callable" : "`__await__` is not callable");
      AddAttributeSite(program_, result.owner, d);
      break;
    case AwaitError::NeedsArguments:
      d.infos.push_back("`__await__` requires arguments and cannot be called implicitly");
      AddMethodSite(program_, result.method, /*parameters=*/true, "parameters here", d);
      break;
    case AwaitError::NotIterator:
      d.infos.push_back("`__await__` returns `" + Display(result.await_return) +
                        "`, which is not a valid iterator");
      AddMethodSite(program_, result.method, /*parameters=*/false, "method defined here", d);
      break;
    case AwaitError::None: break;
  }
  Report(std::move(d));
  return store_.Unknown();
}

TypeId FileInference::InferCall(NodeId call) {
  NodeId func = CallView{ast_, call}.func();
  TypeId callee = ExprType(func);
  std::vector<Argument> args;
  for (NodeId arg : CallView{ast_, call}.args()) {
    Argument a;
    switch (ast_.kind(arg)) {
      case NodeKind::Starred: {
        a.kind = Argument::Kind::Star;
        a.type = ExprType(arg);
        TypeId value = ExprType(StarredView{ast_, arg}.value());
        if (store_.kind(value) == TypeKind::Tuple && !TupleTypeView{store_, value}.homogeneous()) {
          // `*(a, b)`: exactly these positional arguments.
          for (TypeId element : TupleTypeView{store_, value}.elements()) {
            args.push_back(Argument{Argument::Kind::Positional, "", element, {}});
          }
          continue;
        }
        if (std::optional<TypeId> element = IterationType(program_, value, false)) a.element = *element;
        break;
      }
      case NodeKind::Keyword:
        a.kind = ast_.Has(arg, kStar) ? Argument::Kind::DoubleStar : Argument::Kind::Keyword;
        a.name = ast_.str(arg);
        a.type = ExprType(KeywordView{ast_, arg}.value());
        break;
      default:
        a.type = ExprType(arg);
    }
    args.push_back(a);
  }
  const TypeData cd = store_.data(callee);
  if (cd.kind == TypeKind::Function) {
    const FunctionInfo& fn = store_.function(FunctionTypeView{store_, callee}.function());
    bool special_module = program_.source(fn.file).is_stub();
    if (special_module && fn.name == "reveal_type" && !args.empty()) {
      NodeId arg = NthOrNone(CallView{ast_, call}.args(), 0);
      Diagnostic d = MakeDiagnostic(Rule::RevealedType, file_, ast_.range(arg), "Revealed type");
      d.primary_message = "`" + Display(args[0].type) + "`";
      Report(std::move(d));
      if (ast_.kind(func) == NodeKind::Name) {
        auto res = index_.ResolveName(index_.ScopeOf(func), ast_.str(func), ast_.range(func).start,
                                      index_.InLoop(func), is_stub_);
        if (res.kind == SemanticIndex::Resolution::Kind::Builtin) {
          Diagnostic w = MakeDiagnostic(Rule::UndefinedReveal, file_, ast_.range(func),
                                        "`reveal_type` used without importing it");
          w.infos.push_back("This is allowed for debugging convenience but will fail at runtime");
          Report(std::move(w));
        }
      }
      return args[0].type;
    }
    if (special_module && fn.name == "cast" && !args.empty()) {
      TypeContext context;
      return AnnotationType(NthOrNone(CallView{ast_, call}.args(), 0), context);
    }
  }
  if (cd.kind == TypeKind::Overloaded && !args.empty()) {
    // `typing.cast` is overloaded in the stubs (`type[T]`, `str` forward reference, ...): its
    // first argument is a type expression.
    TypeId first = OverloadedTypeView{store_, callee}.overloads().front();
    if (store_.kind(first) == TypeKind::Function) {
      const FunctionInfo& fn = store_.function(FunctionTypeView{store_, first}.function());
      if (fn.name == "cast" && program_.source(fn.file).is_stub() &&
          program_.resolver().ModuleNameOf(fn.file) == "typing") {
        TypeContext context;
        return AnnotationType(NthOrNone(CallView{ast_, call}.args(), 0), context);
      }
    }
  }
  if (cd.kind == TypeKind::ClassLiteral) {
    if (auto flavor = TypeVarConstructor(call)) {
      return store_.Unknown();  // a TypeVar outside an assignment: not modelled
    }
  }
  CallOutcome outcome = CheckCall(program_, callee, args, ExpectedType(call));
  ReportCallErrors(program_, *this, call, outcome.errors);
  if (outcome.guard.valid()) call_guards_[call.index()] = {outcome.guard, outcome.guard_is_typeis};
  return outcome.type;
}

}  // namespace asynctype
