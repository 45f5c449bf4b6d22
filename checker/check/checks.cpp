#include "checker/check/checks.h"

#include "checker/check/generator_checks.h"
#include "checker/database/program.h"
#include "checker/infer/call_errors.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/declaring_bodies.h"

namespace asynctype {
namespace {

// The function a statement belongs to (None at module or class level).
NodeId EnclosingFunctionDef(const FileInference& inference, NodeId node) {
  const SemanticIndex& index = inference.index();
  ScopeId scope = index.ScopeOf(node);
  if (!scope.valid()) return NodeId::None();
  const Scope& sc = index.scope(scope);
  if (sc.kind != ScopeKind::Function) return NodeId::None();
  return sc.node;
}

bool ContainsNone(const TypeStore& store, TypeId type) {
  return AnyMember(store, type, [&](TypeId t) { return store.kind(t) == TypeKind::NoneType; });
}

}  // namespace

void CheckReturn(FileInference& inference, NodeId statement) {
  const Ast& ast = inference.ast();
  NodeId function = EnclosingFunctionDef(inference, statement);
  if (!function.valid()) return;
  std::optional<TypeId> expected = inference.DeclaredReturnType(function);
  if (!expected) expected = GeneratorReturnExpectation(inference, function);
  if (!expected) return;
  Program& program = inference.program();
  TypeStore& store = program.types();
  NodeId value = ReturnView{ast, statement}.value();
  TypeId actual = value.valid() ? inference.ExprType(value) : store.None();
  if (HasUnknownMember(store, actual) || IsAssignable(program, actual, *expected)) return;
  Diagnostic d = MakeDiagnostic(Rule::InvalidReturnType, inference.file(),
                                value.valid() ? ast.range(value) : ast.range(statement),
                                "Return type does not match returned value");
  std::string expected_text = inference.Display(*expected);
  d.primary_message = "expected `" + expected_text + "`, found `" + inference.Display(actual) + "`";
  NodeId returns = FunctionDefView{ast, function}.returns();
  d.secondary.push_back({inference.file(), ast.range(returns), "Expected `" + expected_text + "` because of return type"});
  if (auto hint = DidYouForgetAwait(inference, actual, *expected)) d.infos.push_back(std::move(*hint));
  inference.Report(std::move(d));
}

void CheckImplicitReturn(FileInference& inference, NodeId function_def) {
  const Ast& ast = inference.ast();
  FunctionDefView view{ast, function_def};
  if (!view.returns().valid() || BodyOnlyDeclares(ast, view.body(), /*pass_declares=*/true)) return;
  const SemanticIndex& index = inference.index();
  ScopeId scope = index.ScopeOpenedBy(function_def);
  if (!scope.valid() || !inference.EndReachable(scope)) return;
  std::optional<TypeId> expected = inference.DeclaredReturnType(function_def);
  if (!expected) expected = GeneratorReturnExpectation(inference, function_def);
  if (!expected) return;
  Program& program = inference.program();
  TypeStore& store = program.types();
  if (store.kind(*expected) == TypeKind::Never || ContainsNone(store, *expected)) return;
  if (IsAssignable(program, store.None(), *expected)) return;
  // The last statement may be a call that never returns (`sys.exit()`, a helper that raises).
  auto body = ast.children(view.body());
  if (!body.empty() && ast.kind(body.back()) == NodeKind::ExprStmt) {
    TypeId last = inference.ExprType(ExprStmtView{ast, body.back()}.value());
    if (store.kind(last) == TypeKind::Never || store.IsDynamic(last)) return;
  }
  bool has_value_return = index.scope(scope).has_value_return;
  std::string expected_text = inference.Display(*expected);
  Diagnostic d = MakeDiagnostic(
      Rule::InvalidReturnType, inference.file(), ast.range(view.returns()),
      std::string(has_value_return ? "Function can implicitly return `None`"
                                   : "Function always implicitly returns `None`") +
          ", which is not assignable to return type `" + expected_text + "`");
  if (!has_value_return) {
    d.infos.push_back("Consider changing the return annotation to `-> None` or adding a `return` statement");
  }
  inference.Report(std::move(d));
}

namespace {

// `x = value` where `x` is declared (`x: T`) in the same scope: checked against `T`.
void CheckAssignToDeclared(FileInference& inference, NodeId statement) {
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  Program& program = inference.program();
  TypeStore& store = program.types();
  AssignView assign{ast, statement};
  NodeId value = assign.value();
  for (NodeId target : assign.targets()) {
    if (!target.valid() || ast.kind(target) != NodeKind::Name) continue;  // plain names only
    DefinitionId def = index.DefinitionOf(target);
    if (!def.valid()) continue;
    NodeId declaration = index.symbol(index.definition(def).symbol).declaration;
    if (!declaration.valid()) continue;
    NodeId annotation = AnnAssignView{ast, declaration}.annotation();
    if (store.kind(inference.ExprType(annotation)) == TypeKind::SpecialForm) continue;
    TypeContext context;
    if (index.scope(index.definition(def).scope).kind == ScopeKind::Class) continue;
    TypeId declared = inference.AnnotationType(annotation, context);
    if (store.kind(declared) == TypeKind::SpecialForm) continue;
    TypeId actual = inference.ExprType(value);
    if (HasUnknownMember(store, actual) || IsAssignable(program, actual, declared)) continue;
    Diagnostic d = MakeDiagnostic(Rule::InvalidAssignment, inference.file(), ast.range(target),
                                  "Object of type `" + inference.Display(actual) + "` is not assignable to `" +
                                      inference.Display(declared) + "`");
    if (auto hint = DidYouMeanToCall(inference, actual, declared)) d.infos.push_back(std::move(*hint));
    if (auto hint = DidYouForgetAwait(inference, actual, declared)) d.infos.push_back(std::move(*hint));
    inference.Report(std::move(d));
  }
}

}  // namespace

void CheckAssignment(FileInference& inference, NodeId statement) {
  const Ast& ast = inference.ast();
  if (ast.kind(statement) == NodeKind::Assign) {
    CheckAssignToDeclared(inference, statement);
    return;
  }
  if (ast.kind(statement) != NodeKind::AnnAssign) return;
  AnnAssignView assign{ast, statement};
  NodeId target = assign.target();
  NodeId value = assign.value();
  if (!value.valid()) return;
  Program& program = inference.program();
  TypeContext context;
  TypeId declared = inference.AnnotationType(assign.annotation(), context);
  TypeStore& store = program.types();
  if (store.kind(inference.ExprType(assign.annotation())) == TypeKind::SpecialForm) return;  // TypeAlias, Final
  if (store.kind(declared) == TypeKind::SpecialForm) return;
  TypeId actual = inference.ExprType(value);
  if (HasUnknownMember(store, actual) || IsAssignable(program, actual, declared)) return;
  (void)target;
  Diagnostic d = MakeDiagnostic(Rule::InvalidAssignment, inference.file(), ast.range(value),
                                "Object of type `" + inference.Display(actual) + "` is not assignable to `" +
                                    inference.Display(declared) + "`");
  if (auto hint = DidYouMeanToCall(inference, actual, declared)) d.infos.push_back(std::move(*hint));
  if (auto hint = DidYouForgetAwait(inference, actual, declared)) d.infos.push_back(std::move(*hint));
  inference.Report(std::move(d));
}

}  // namespace asynctype
