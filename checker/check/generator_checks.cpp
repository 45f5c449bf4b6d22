#include "checker/check/generator_checks.h"

#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

std::string Code(const std::string& text) { return "`" + text + "`"; }

// A generator function and its annotation.
struct GeneratorFunction {
  NodeId node;      // the FunctionDef
  TypeId annotation;
  bool is_async = false;
};

std::optional<GeneratorFunction> GetGeneratorFunction(FileInference& inference, NodeId function_def) {
  if (!function_def.valid()) return std::nullopt;
  const Ast& ast = inference.ast();
  FunctionDefView view{ast, function_def};
  if (!view.returns().valid()) return std::nullopt;
  Program& program = inference.program();
  FunctionId fn = inference.FunctionFor(function_def);
  const FunctionInfo& info = program.types().function(fn);
  if (!info.is_generator) return std::nullopt;
  bool is_async = info.is_async;
  TypeId annotation = GetSignature(program, fn).return_type;
  if (!annotation.valid()) return std::nullopt;
  return GeneratorFunction{function_def, annotation, is_async};
}

// Whether the generator object (`types.GeneratorType` / `types.AsyncGeneratorType`) is assignable
// to the annotation.
bool AcceptsGenerator(Program& program, TypeId annotation, bool is_async) {
  TypeStore& store = program.types();
  if (store.HasDynamicMember(annotation)) return true;
  if (store.kind(annotation) == TypeKind::TypeVar) return true;  // not modelled: stay silent
  KnownClass known = is_async ? KnownClass::AsyncGeneratorType : KnownClass::GeneratorType;
  ClassId cls = GetKnownClass(program, known);
  if (!cls.valid()) return true;
  std::vector<TypeId> args(is_async ? 2 : 3, store.Unknown());
  return IsAssignable(program, KnownInstance(program, known, args), annotation);
}

// The yield / send / return types of a generator function's valid annotation.
std::optional<GeneratorTypes> AnnotatedGeneratorTypes(FileInference& inference, const GeneratorFunction& g) {
  Program& program = inference.program();
  if (!AcceptsGenerator(program, g.annotation, g.is_async)) return std::nullopt;
  if (program.types().IsDynamic(g.annotation)) return std::nullopt;
  return GetGeneratorTypes(program, g.annotation);
}

// The send type callers may pass through `send()`: only `Generator` (and `types.GeneratorType`)
// annotations offer `send()`; `Iterator` / `Iterable` ones advance with `next()` only.
std::optional<TypeId> ExplicitSendType(Program& program, TypeId annotation) {
  TypeStore& store = program.types();
  std::vector<TypeId> members;
  if (store.kind(annotation) == TypeKind::Union) {
    members.assign(store.UnionMembers(annotation).begin(), store.UnionMembers(annotation).end());
  } else {
    members.push_back(annotation);
  }
  std::vector<TypeId> sends;
  for (TypeId m : members) {
    if (store.kind(m) != TypeKind::Instance) continue;
    KnownClass known = ResolvedClass(program, store.ClassOf(m)).known;
    if (known != KnownClass::Generator && known != KnownClass::GeneratorType) continue;
    auto g = GetGeneratorTypes(program, m);
    if (g) sends.push_back(g->send_type);
  }
  if (sends.empty()) return std::nullopt;
  return store.Union(sends);
}

void ReportMismatch(FileInference& inference, NodeId where, NodeId returns, bool send, TypeId actual,
                    TypeId expected) {
  std::string a = inference.Display(actual), e = inference.Display(expected);
  const char* kind = send ? "send" : "yield";
  Diagnostic d = MakeDiagnostic(Rule::InvalidYield, inference.file(), inference.ast().range(where),
                                send ? "Send type does not match annotation"
                                     : "Yield expression type does not match annotation");
  d.concise_override = std::string(send ? "Send type " : "Yield type ") + Code(a) + " does not match annotated " +
                       kind + " type " + Code(e);
  d.primary_message = send ? "generator with send type " + Code(a) + ", expected " + Code(e)
                           : "expression of type " + Code(a) + ", expected " + Code(e);
  d.secondary.push_back({inference.file(), inference.ast().range(returns),
                         std::string("Function annotated with ") + kind + " type " + Code(e) + " here"});
  inference.Report(std::move(d));
}

bool IsFalseLiteral(const Ast& ast, NodeId test) {
  if (!test.valid()) return false;
  switch (ast.kind(test)) {
    case NodeKind::BoolLiteral: return ast.node(test).data == 0;
    case NodeKind::IntLiteral: return !IntLiteralView{ast, test}.is_big() && ast.int_value(test) == 0;
    case NodeKind::NoneLiteral: return true;
    default: return false;
  }
}

// Whether `node` sits in the body of a `while False:` / `if False:` inside `function_def`: the
// idiom that makes an empty generator (`while False: yield`), never run.
bool InDeadBlock(const Ast& ast, NodeId function_def, NodeId node) {
  const TextRange target = ast.range(node);
  NodeId current = FunctionDefView{ast, function_def}.body();
  for (int depth = 0; current.valid() && depth < 200; ++depth) {
    NodeId next;
    for (NodeId child : ast.children(current)) {
      if (!child.valid()) continue;
      TextRange r = ast.range(child);
      if (r.start <= target.start && target.end <= r.end) {
        next = child;
        break;
      }
    }
    if (!next.valid() || next == node) return false;
    NodeKind k = ast.kind(next);
    if (k == NodeKind::FunctionDef || k == NodeKind::ClassDef || k == NodeKind::Lambda) return false;
    if (k == NodeKind::While || k == NodeKind::If) {
      NodeId test = k == NodeKind::While ? WhileView{ast, next}.test() : IfView{ast, next}.test();
      NodeId body = k == NodeKind::While ? WhileView{ast, next}.body() : IfView{ast, next}.body();
      if (IsFalseLiteral(ast, test) && body.valid() && ast.range(body).start <= target.start &&
          target.end <= ast.range(body).end) {
        return true;
      }
    }
    current = next;
  }
  return false;
}

void CheckYield(FileInference& inference, NodeId expr, const GeneratorFunction& g, const GeneratorTypes& types) {
  if (InDeadBlock(inference.ast(), g.node, expr)) return;
  Program& program = inference.program();
  TypeStore& store = program.types();
  if (store.HasDynamicMember(types.yield_type)) return;
  NodeId value = YieldView{inference.ast(), expr}.value();
  TypeId actual = value.valid() ? inference.ExprType(value) : store.None();
  if (store.HasDynamicMember(actual) || IsAssignable(program, actual, types.yield_type)) return;
  ReportMismatch(inference, value.valid() ? value : expr, FunctionDefView{inference.ast(), g.node}.returns(),
                 /*send=*/false, actual, types.yield_type);
}

void CheckYieldFrom(FileInference& inference, NodeId expr, const GeneratorFunction& g, const GeneratorTypes& types) {
  if (g.is_async || inference.DelegatesToCoroutine(expr) || InDeadBlock(inference.ast(), g.node, expr)) return;
  Program& program = inference.program();
  TypeStore& store = program.types();
  NodeId operand = YieldFromView{inference.ast(), expr}.value();
  TypeId type = inference.ExprType(operand);
  if (store.HasDynamicMember(type)) return;
  NodeId returns = FunctionDefView{inference.ast(), g.node}.returns();
  // The delegated elements are yielded by this generator.
  std::optional<TypeId> element = IterationType(program, type, false);
  if (!element) return;  // not iterable: `not-iterable` says so
  if (!store.HasDynamicMember(types.yield_type) && !store.HasDynamicMember(*element) &&
      !IsAssignable(program, *element, types.yield_type)) {
    ReportMismatch(inference, operand, returns, /*send=*/false, *element, types.yield_type);
    return;
  }
  // Values sent to this generator are forwarded to the delegate.
  std::optional<TypeId> outer_send = ExplicitSendType(program, g.annotation);
  if (!outer_send || store.HasDynamicMember(*outer_send)) return;
  std::optional<DelegationTypes> delegation = GetDelegationTypes(program, type);
  if (!delegation) return;
  for (TypeId inner_send : delegation->send_types) {
    if (store.HasDynamicMember(inner_send) || IsAssignable(program, *outer_send, inner_send)) continue;
    ReportMismatch(inference, operand, returns, /*send=*/true, inner_send, *outer_send);
    return;
  }
}

}  // namespace

void CheckGeneratorFunction(FileInference& inference, NodeId function_def) {
  std::optional<GeneratorFunction> g = GetGeneratorFunction(inference, function_def);
  if (!g) return;
  Program& program = inference.program();
  if (AcceptsGenerator(program, g->annotation, g->is_async)) return;
  const Ast& ast = inference.ast();
  const char* found = g->is_async ? "types.AsyncGeneratorType" : "types.GeneratorType";
  Diagnostic d = MakeDiagnostic(Rule::InvalidReturnType, inference.file(),
                                ast.range(FunctionDefView{ast, function_def}.returns()),
                                "Return type does not match returned value");
  d.primary_message = "expected " + Code(inference.Display(g->annotation)) + ", found " + Code(found);
  d.infos.push_back("Function is inferred as returning " + Code(found) + " because it is " +
                    (g->is_async ? "an async generator function" : "a generator function"));
  d.infos.push_back(std::string("See https://docs.python.org/3/glossary.html#term-") +
                    (g->is_async ? "asynchronous-generator" : "generator") + " for more details");
  inference.Report(std::move(d));
}

void CheckYieldExpression(FileInference& inference, NodeId expr) {
  const Ast& ast = inference.ast();
  NodeKind kind = ast.kind(expr);
  if (kind != NodeKind::Yield && kind != NodeKind::YieldFrom) return;
  std::optional<GeneratorFunction> g = GetGeneratorFunction(inference, inference.EnclosingFunction(expr));
  if (!g) return;
  // `yield` inside a comprehension or generator expression belongs to no function (a syntax
  // error since Python 3.8).
  if (inference.index().scope(inference.index().ScopeOf(expr)).kind != ScopeKind::Function) return;
  std::optional<GeneratorTypes> types = AnnotatedGeneratorTypes(inference, *g);
  if (!types) return;
  if (kind == NodeKind::Yield) {
    CheckYield(inference, expr, *g, *types);
  } else {
    CheckYieldFrom(inference, expr, *g, *types);
  }
}

std::optional<TypeId> GeneratorReturnExpectation(FileInference& inference, NodeId function_def) {
  std::optional<GeneratorFunction> g = GetGeneratorFunction(inference, function_def);
  if (!g || g->is_async) return std::nullopt;
  std::optional<GeneratorTypes> types = AnnotatedGeneratorTypes(inference, *g);
  if (!types || inference.program().types().HasDynamicMember(types->return_type)) return std::nullopt;
  return types->return_type;
}

}  // namespace asynctype
