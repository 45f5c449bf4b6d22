// Bidirectional type context: what the surroundings of a value expression expect of it. The
// declared type of an assignment's target, the declared return type of a `return`, the yield
// type of a `yield` and the parameter type of a call argument are expected of the value; inside
// `await e` expected as `E`, `e` is expected as `Awaitable[E]`; an expected display passes its
// element types on to its elements (and tuples, conditional expressions, `or`/`and` pass theirs
// through). A parameter type with TypeVars is the context once they are solved from the call's
// other arguments and its own context (`first([], None)` expects `list[None]` of `[]`).
// Displays, comprehensions and calls of generic functions use the expected type where their value
// fits it (`x: list[int | None] = [1]` is a `list[int | None]`); everything else ignores it. The
// context is found from the expression's place in the tree, so it does not depend on the order in
// which expressions are inferred.
#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/comprehension_parts.h"

namespace asynctype {

NodeId FileInference::Parent(NodeId node) {
  if (parents_.empty()) {
    parents_.assign(ast_.size(), NodeId::None());
    for (size_t i = 0; i < ast_.size(); ++i) {
      NodeId id(static_cast<uint32_t>(i));
      for (NodeId child : ast_.children(id)) {
        if (child.valid()) parents_[child.index()] = id;
      }
    }
  }
  return node.valid() ? parents_[node.index()] : NodeId::None();
}

TypeId FileInference::ExpectedType(NodeId expr) {
  if (!expr.valid()) return TypeId::None();
  auto it = expected_types_.find(expr.index());
  if (it != expected_types_.end()) return it->second;
  expected_types_[expr.index()] = TypeId::None();  // a cycle expects nothing
  TypeId expected = ComputeExpectedType(expr);
  if (expected.valid() && store_.IsDynamic(expected)) expected = TypeId::None();
  expected_types_[expr.index()] = expected;
  return expected;
}

TypeId FileInference::DeclaredTargetType(NodeId target) {
  if (target.valid() && ast_.kind(target) == NodeKind::Attribute && AttributeView{ast_, target}.attr().valid()) {
    // `obj.attr = value`: the attribute's type, when it is declared (an undeclared attribute's
    // type is the union of its assigned values: it expects nothing of them).
    AttributeView attribute{ast_, target};
    TypeId object = ExprType(attribute.value());
    // (asked first, from the syntax alone: inferring the attribute would infer this value)
    if (IsInferredAttribute(program_, object, ast_.str(attribute.attr()))) return TypeId::None();
    Member m = LookupMember(program_, object, ast_.str(attribute.attr()));
    if (!m.type.valid() || m.maybe || m.inferred || store_.IsDynamic(m.type)) return TypeId::None();
    for (TypeId t : Members(m.type)) {
      if (store_.IsDynamic(t)) return TypeId::None();
    }
    return m.type;
  }
  // A name declared (`x: T`) in the same function or module scope, as the assignment check sees it.
  if (!target.valid() || ast_.kind(target) != NodeKind::Name) return TypeId::None();
  DefinitionId def = index_.DefinitionOf(target);
  if (!def.valid()) return TypeId::None();
  if (index_.scope(index_.definition(def).scope).kind == ScopeKind::Class) return TypeId::None();
  NodeId declaration = index_.symbol(index_.definition(def).symbol).declaration;
  if (!declaration.valid()) return TypeId::None();
  NodeId annotation = AnnAssignView{ast_, declaration}.annotation();
  if (store_.kind(ExprType(annotation)) == TypeKind::SpecialForm) return TypeId::None();
  TypeContext context;
  TypeId declared = AnnotationType(annotation, context);
  return store_.kind(declared) == TypeKind::SpecialForm ? TypeId::None() : declared;
}

namespace {
// Whether the type of `expr` is the same whatever is expected of it: names, attributes,
// subscripts and literals.
bool ContextFree(const Ast& ast, NodeId expr) {
  if (!expr.valid()) return false;
  switch (ast.kind(expr)) {
    case NodeKind::Name: case NodeKind::Attribute: case NodeKind::Subscript: case NodeKind::IntLiteral:
    case NodeKind::FloatLiteral: case NodeKind::ComplexLiteral: case NodeKind::StringLiteral:
    case NodeKind::BoolLiteral: case NodeKind::NoneLiteral: return true;
    default: return false;
  }
}
}  // namespace

TypeId FileInference::ArgumentExpectedType(NodeId call, NodeId argument) {
  std::vector<Argument> args;
  int index = -1;
  for (NodeId arg : CallView{ast_, call}.args()) {
    Argument a;
    a.type = store_.Unknown();
    NodeId value = arg;
    switch (ast_.kind(arg)) {
      case NodeKind::Starred: return TypeId::None();  // positions depend on the unpacked length
      case NodeKind::Keyword:
        a.kind = ast_.Has(arg, kStar) ? Argument::Kind::DoubleStar : Argument::Kind::Keyword;
        a.name = ast_.str(arg);
        value = KeywordView{ast_, arg}.value();
        break;
      default: break;
    }
    if (arg == argument) index = static_cast<int>(args.size());
    // The other arguments' types solve the TypeVars of a generic parameter; only those whose
    // type does not depend on their own context are inferred here (no cycles, no order effects).
    if (arg != argument && a.kind != Argument::Kind::DoubleStar && ContextFree(ast_, value)) a.type = ExprType(value);
    args.push_back(a);
  }
  if (index < 0) return TypeId::None();
  return ArgumentContext(program_, ExprType(CallView{ast_, call}.func()), args, static_cast<size_t>(index),
                         ExpectedType(call));
}

TypeId FileInference::ComputeExpectedType(NodeId expr) {
  NodeId parent = Parent(expr);
  if (!parent.valid()) return TypeId::None();
  switch (ast_.kind(parent)) {
    case NodeKind::AnnAssign: {
      if (AnnAssignView{ast_, parent}.value() != expr) return TypeId::None();
      NodeId annotation = AnnAssignView{ast_, parent}.annotation();
      // `X: TypeAlias = ...`, bare `Final` / `ClassVar`: the value decides.
      if (store_.kind(ExprType(annotation)) == TypeKind::SpecialForm) return TypeId::None();
      TypeContext context;
      ScopeId scope = index_.ScopeOf(parent);
      if (scope.valid() && index_.scope(scope).kind == ScopeKind::Class) {
        context.cls = ClassFor(index_.scope(scope).node);
      }
      TypeId declared = AnnotationType(annotation, context);
      return store_.kind(declared) == TypeKind::SpecialForm ? TypeId::None() : declared;
    }
    case NodeKind::Assign: {
      auto targets = AssignView{ast_, parent}.targets();
      if (AssignView{ast_, parent}.value() != expr || targets.size() != 1) return TypeId::None();
      return DeclaredTargetType(targets[0]);
    }
    case NodeKind::Return: {
      NodeId function = EnclosingFunction(parent);
      if (!function.valid()) return TypeId::None();
      std::optional<TypeId> declared = DeclaredReturnType(function);
      return declared ? *declared : TypeId::None();
    }
    case NodeKind::Yield: {
      NodeId function = EnclosingFunction(parent);
      if (!function.valid()) return TypeId::None();
      const Signature& sig = GetSignature(program_, FunctionFor(function));
      if (!sig.return_type.valid() || !store_.function(FunctionFor(function)).is_generator) return TypeId::None();
      std::optional<GeneratorTypes> types = GetGeneratorTypes(program_, sig.return_type);
      return types ? types->yield_type : TypeId::None();
    }
    case NodeKind::Await: {
      TypeId outer = ExpectedType(parent);
      if (!outer.valid()) return TypeId::None();
      return KnownInstance(program_, KnownClass::Awaitable, {outer});
    }
    case NodeKind::ListExpr:
    case NodeKind::Set: {
      std::vector<TypeId> context =
          DisplayContext(parent, ast_.kind(parent) == NodeKind::ListExpr ? KnownClass::List : KnownClass::Set);
      return context.empty() ? TypeId::None() : context[0];
    }
    case NodeKind::DictItem: {
      NodeId key = DictItemView{ast_, parent}.key();
      if (!key.valid()) return TypeId::None();  // `**mapping`
      std::vector<TypeId> context = DisplayContext(Parent(parent), KnownClass::Dict);
      if (context.size() != 2) return TypeId::None();
      return key == expr ? context[0] : context[1];
    }
    case NodeKind::ListComp:
    case NodeKind::SetComp: {
      if (ComprehensionPartsOf(ast_, parent).elements.front() != expr) return TypeId::None();
      std::vector<TypeId> context =
          DisplayContext(parent, ast_.kind(parent) == NodeKind::ListComp ? KnownClass::List : KnownClass::Set);
      return context.empty() ? TypeId::None() : context[0];
    }
    case NodeKind::DictComp: {
      size_t slot = DictCompView{ast_, parent}.key() == expr ? 0 : DictCompView{ast_, parent}.value() == expr ? 1 : 2;
      if (slot == 2) return TypeId::None();
      std::vector<TypeId> context = DisplayContext(parent, KnownClass::Dict);
      return context.size() == 2 ? context[slot] : TypeId::None();
    }
    case NodeKind::Tuple: {
      auto elements = ast_.children(parent);
      size_t index = elements.size();
      for (size_t i = 0; i < elements.size(); ++i) {
        if (ast_.kind(elements[i]) == NodeKind::Starred) return TypeId::None();
        if (elements[i] == expr) index = i;
      }
      TypeId expected = ExpectedType(parent);
      if (!expected.valid() || index == elements.size()) return TypeId::None();
      for (TypeId m : Members(expected)) {
        if (store_.kind(m) != TypeKind::Tuple) continue;
        auto items = TupleTypeView{store_, m}.elements();
        if (TupleTypeView{store_, m}.homogeneous()) return items[0];
        if (items.size() == elements.size()) return items[index];
      }
      return TypeId::None();
    }
    case NodeKind::IfExp:
      if (IfExpView{ast_, parent}.test() == expr) return TypeId::None();
      return ExpectedType(parent);
    case NodeKind::BoolOp:
      return ExpectedType(parent);
    case NodeKind::Keyword: {
      NodeId call = Parent(parent);
      if (!call.valid() || ast_.kind(call) != NodeKind::Call) return TypeId::None();
      return ArgumentExpectedType(call, parent);
    }
    case NodeKind::Call:
      if (CallView{ast_, parent}.func() == expr) return TypeId::None();
      return ArgumentExpectedType(parent, expr);
    default:
      return TypeId::None();
  }
}

std::vector<TypeId> FileInference::DisplayContext(NodeId display, KnownClass cls) {
  TypeId expected = ExpectedType(display);
  if (!expected.valid()) return {};
  ClassId c = GetKnownClass(program_, cls);
  if (!c.valid()) return {};
  // The display's class with its own parameters (`list[_T]`) seen as the expected class
  // (`Sequence[_T]`): the expected type arguments say what each parameter should be.
  TypeId formal = SelfInstance(program_, c);
  std::vector<TypeId> params(store_.TypeArgs(formal).begin(), store_.TypeArgs(formal).end());
  for (TypeId m : Members(expected)) {
    if (store_.kind(m) != TypeKind::Instance) continue;
    ResolvedClass(program_, store_.ClassOf(m));
    TypeId up = Upcast(store_, formal, store_.ClassOf(m));
    if (!up.valid()) continue;
    std::vector<TypeId> context(params.size(), TypeId::None());
    auto formal_args = store_.TypeArgs(up);
    auto expected_args = store_.TypeArgs(m);
    for (size_t i = 0; i < formal_args.size() && i < expected_args.size(); ++i) {
      for (size_t p = 0; p < params.size(); ++p) {
        if (formal_args[i] == params[p] && !context[p].valid()) context[p] = expected_args[i];
      }
    }
    return context;
  }
  return {};
}

TypeId FileInference::FitDisplay(KnownClass cls, llvm::ArrayRef<TypeId> context,
                                 llvm::ArrayRef<std::vector<TypeId>> elements, llvm::ArrayRef<TypeId> inferred) {
  std::vector<TypeId> args(inferred.begin(), inferred.end());
  for (size_t i = 0; i < args.size() && i < context.size() && i < elements.size(); ++i) {
    if (!context[i].valid()) continue;
    bool fits = true;
    for (TypeId e : elements[i]) fits = fits && IsAssignable(program_, e, context[i]);
    if (fits) args[i] = context[i];
  }
  return KnownInstance(program_, cls, args);
}

}  // namespace asynctype
