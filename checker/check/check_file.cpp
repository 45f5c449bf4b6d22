#include "checker/check/check_file.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "checker/check/async_checks.h"
#include "checker/check/asyncio_call_checks.h"
#include "checker/check/blocking_checks.h"
#include "checker/check/cancellation_checks.h"
#include "checker/check/checks.h"
#include "checker/check/coroutine_use_checks.h"
#include "checker/check/declaration_checks.h"
#include "checker/check/event_loop_checks.h"
#include "checker/check/generator_checks.h"
#include "checker/check/lifecycle_checks.h"
#include "checker/check/lock_checks.h"
#include "checker/check/operator_checks.h"
#include "checker/check/override_checks.h"
#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "llvm/ADT/BitVector.h"

namespace asynctype {
namespace {

class Checker {
 public:
  explicit Checker(FileInference& inference, bool is_stub)
      : inference_(inference),
        ast_(inference.ast()),
        index_(inference.index()),
        is_stub_(is_stub),
        targets_(static_cast<unsigned>(ast_.size())) {}

  void Run() {
    const Program& program = inference_.program();
    for (NodeId stmt : ast_.children(ast_.root())) {
      program.ThrowIfCancelled();
      Statement(stmt);
    }
    // Definitions the walk above did not reach: those in reachable code are inferred for their
    // diagnostics; statically unreachable code (after `assert sys.platform == "darwin"`, in a
    // module that starts `if sys.platform != "win32": raise ImportError`) is not checked at all.
    llvm::BitVector dead = DeadNodes();
    for (size_t i = 0; i < ast_.size(); ++i) {
      if (i % 4096 == 4095) program.ThrowIfCancelled();
      if (dead.test(i)) continue;
      DefinitionId def = index_.DefinitionOf(NodeId(static_cast<uint32_t>(i)));
      if (def.valid()) inference_.DefinitionType(def);
    }
  }

 private:
  // The nodes inside statements that are never reached (the same test as Statement's), with
  // everything nested in them (function bodies included).
  llvm::BitVector DeadNodes() {
    llvm::BitVector dead(ast_.size());
    std::vector<std::pair<NodeId, bool>> stack = {{ast_.root(), false}};
    while (!stack.empty()) {
      auto [node, inside_dead] = stack.back();
      stack.pop_back();
      if (!node.valid()) continue;
      bool is_dead = inside_dead || (IsStatement(ast_.kind(node)) &&
                                     (index_.IsUnreachable(node) || !inference_.StatementReachable(node)));
      if (is_dead) dead.set(node.index());
      for (NodeId child : ast_.children(node)) stack.push_back({child, is_dead});
    }
    return dead;
  }


  // Subscripts that are stored to or deleted (`d[k] = v`, `del d[k]`, `for d[k] in ...`, and
  // `d[k] += 1`, which needs `__setitem__` too): not checked as reads.
  void MarkTargets(NodeId target) {
    if (!target.valid()) return;
    switch (ast_.kind(target)) {
      case NodeKind::Subscript: targets_.set(target.index()); return;
      case NodeKind::Tuple:
      case NodeKind::ListExpr:
      case NodeKind::Starred:
      case NodeKind::List:
        for (NodeId child : ast_.children(target)) MarkTargets(child);
        return;
      default: return;
    }
  }

  void MarkStatementTargets(NodeId stmt) {
    switch (ast_.kind(stmt)) {
      case NodeKind::Assign:
        for (NodeId target : AssignView{ast_, stmt}.targets()) MarkTargets(target);
        return;
      case NodeKind::AugAssign: MarkTargets(AugAssignView{ast_, stmt}.target()); return;
      case NodeKind::AnnAssign: MarkTargets(AnnAssignView{ast_, stmt}.target()); return;
      case NodeKind::Delete:
        for (NodeId target : DeleteView{ast_, stmt}.targets()) MarkTargets(target);
        return;
      case NodeKind::For: MarkTargets(ForView{ast_, stmt}.target()); return;
      default: return;
    }
  }

  void Statement(NodeId stmt) {
    if (!stmt.valid() || index_.IsUnreachable(stmt) || !inference_.StatementReachable(stmt)) return;
    MarkStatementTargets(stmt);
    switch (ast_.kind(stmt)) {
      case NodeKind::FunctionDef: {
        FunctionDefView fn{ast_, stmt};
        Expressions(fn.decorators());
        TypeParams(fn.type_params());
        if (fn.parameters().valid()) {
          for (NodeId p : ast_.children(fn.parameters())) {
            ParameterView param{ast_, p};
            Annotation(param.annotation());
            Expr(param.default_value());
          }
        }
        Annotation(fn.returns());
        Block(fn.body());
        if (!is_stub_) CheckImplicitReturn(inference_, stmt);
        CheckAsyncProtocolMethod(inference_, stmt);
        if (!is_stub_) CheckGeneratorFunction(inference_, stmt);
        if (!is_stub_) CheckMethodOverride(inference_, stmt);
        if (!is_stub_) CheckAsyncDeclarationTrap(inference_, stmt);
        if (!is_stub_) CheckLocksHeldAcrossAwait(inference_, stmt);
        if (!is_stub_) CheckSwallowedCancellation(inference_, stmt);
        if (!is_stub_) CheckCoroutineLifecycle(inference_, stmt);
        if (!is_stub_) CheckCoroutineCalls(inference_, stmt);
        return;
      }
      case NodeKind::ClassDef: {
        ClassDefView cls{ast_, stmt};
        Expressions(cls.decorators());
        TypeParams(cls.type_params());
        if (cls.arguments().valid()) {
          for (NodeId arg : ast_.children(cls.arguments())) Expr(arg);
        }
        Block(cls.body());
        return;
      }
      case NodeKind::AnnAssign: {
        AnnAssignView assign{ast_, stmt};
        Expr(assign.target());
        Annotation(assign.annotation());
        Expr(assign.value());
        if (!is_stub_) CheckAssignment(inference_, stmt);
        return;
      }
      case NodeKind::Return:
        Expr(ReturnView{ast_, stmt}.value());
        if (!is_stub_) CheckReturn(inference_, stmt);
        return;
      case NodeKind::Assign:
        for (NodeId child : ast_.children(stmt)) Any(child);
        if (!is_stub_) CheckAssignment(inference_, stmt);
        return;
      case NodeKind::TypeAlias: {
        TypeAliasView alias{ast_, stmt};
        TypeParams(alias.type_params());
        Annotation(alias.value());
        return;
      }
      case NodeKind::Import:
      case NodeKind::ImportFrom:
        inference_.ReportImportErrors(stmt);
        return;
      case NodeKind::With:
      case NodeKind::For:
      case NodeKind::ExprStmt:
        for (NodeId child : ast_.children(stmt)) Any(child);
        if (is_stub_) return;
        if (ast_.kind(stmt) == NodeKind::With) CheckWithStatement(inference_, stmt);
        if (ast_.kind(stmt) == NodeKind::For) CheckForStatement(inference_, stmt);
        if (ast_.kind(stmt) == NodeKind::ExprStmt) CheckUnusedAwaitable(inference_, stmt);
        return;
      case NodeKind::Global:
      case NodeKind::Nonlocal:
      case NodeKind::Pass:
      case NodeKind::Break:
      case NodeKind::Continue:
        return;
      default:
        for (NodeId child : ast_.children(stmt)) Any(child);
        if (!is_stub_) CheckCoroutineCondition(inference_, stmt);
    }
  }

  void Any(NodeId node) {
    if (!node.valid()) return;
    switch (ast_.kind(node)) {
      case NodeKind::List: Block(node); return;
      case NodeKind::Identifier: return;
      case NodeKind::WithItem:
        MarkTargets(WithItemView{ast_, node}.optional_vars());
        for (NodeId child : ast_.children(node)) Any(child);
        return;
      case NodeKind::ExceptHandler:
      case NodeKind::MatchCase:
        for (NodeId child : ast_.children(node)) Any(child);
        return;
      default:
        if (IsPattern(ast_.kind(node))) {
          Pattern(node);
        } else if (IsStatement(ast_.kind(node)) || ast_.kind(node) == NodeKind::Error) {
          Statement(node);
        } else {
          Expr(node);
        }
    }
  }

  void Block(NodeId list) {
    if (!list.valid()) return;
    for (NodeId stmt : ast_.children(list)) Any(stmt);
  }

  void Expressions(NodeId list) {
    if (!list.valid()) return;
    for (NodeId e : ast_.children(list)) Expr(e);
  }

  void TypeParams(NodeId list) {
    if (!list.valid()) return;
    for (NodeId tp : ast_.children(list)) {
      TypeParamView param{ast_, tp};
      Annotation(param.bound());
      Annotation(param.default_value());
    }
  }

  void Pattern(NodeId pattern) {
    for (NodeId child : ast_.children(pattern)) {
      if (!child.valid()) continue;
      if (ast_.kind(child) == NodeKind::Identifier) continue;
      if (ast_.kind(child) == NodeKind::List) {
        for (NodeId p : ast_.children(child)) Any(p);
        continue;
      }
      Any(child);
    }
  }

  void Annotation(NodeId expr) {
    if (!expr.valid()) return;
    TypeContext context;
    inference_.AnnotationType(expr, context);
  }

  // Every expression node is inferred (memoized), children first so nested diagnostics
  // surface even where the parent does not need its children's types.
  void Expr(NodeId expr) {
    if (!expr.valid()) return;
    switch (ast_.kind(expr)) {
      case NodeKind::Identifier: return;
      case NodeKind::List:
        for (NodeId child : ast_.children(expr)) Expr(child);
        return;
      case NodeKind::Lambda: {
        LambdaView lambda{ast_, expr};
        NodeId params = lambda.parameters();
        if (params.valid()) {
          for (NodeId p : ast_.children(params)) Expr(ParameterView{ast_, p}.default_value());
        }
        Expr(lambda.body());
        break;
      }
      case NodeKind::Parameters:
      case NodeKind::Parameter:
        return;
      case NodeKind::Comprehension:
        MarkTargets(ComprehensionView{ast_, expr}.target());
        for (NodeId child : ast_.children(expr)) Expr(child);
        break;
      default:
        for (NodeId child : ast_.children(expr)) Expr(child);
    }
    inference_.ExprType(expr);
    if (!is_stub_) {
      switch (ast_.kind(expr)) {
        case NodeKind::BinOp: CheckBinaryOperator(inference_, expr); break;
        case NodeKind::Compare: CheckComparison(inference_, expr); break;
        case NodeKind::Subscript:
          if (!targets_.test(expr.index())) CheckSubscript(inference_, expr);
          break;
        case NodeKind::Call:
          CheckAsyncioCall(inference_, expr);
          CheckEventLoopCall(inference_, expr);
          break;
        default: break;
      }
    }
    if (!is_stub_ && ast_.kind(expr) == NodeKind::Comprehension) CheckComprehensionClause(inference_, expr);
    if (!is_stub_) CheckCoroutineValueUse(inference_, expr);
    if (!is_stub_ && ast_.kind(expr) == NodeKind::YieldFrom && !inference_.DelegatesToCoroutine(expr)) CheckYieldFrom(inference_, expr);
    if (!is_stub_) CheckYieldExpression(inference_, expr);
  }

  FileInference& inference_;
  const Ast& ast_;
  const SemanticIndex& index_;
  bool is_stub_;
  llvm::BitVector targets_;  // MarkTargets
};

}  // namespace

std::vector<Diagnostic> CheckFile(Program& program, FileId file) {
  std::vector<Diagnostic> diagnostics = program.parsed(file).syntax_errors;
  const SemanticIndex& index = program.index(file);
  diagnostics.insert(diagnostics.end(), index.diagnostics().begin(), index.diagnostics().end());
  FileInference& inference = program.inference(file);
  Checker(inference, program.source(file).is_stub()).Run();
  std::vector<Diagnostic> inferred = inference.TakeDiagnostics();
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(inferred.begin()),
                     std::make_move_iterator(inferred.end()));
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return static_cast<int>(a.rule) < static_cast<int>(b.rule);
  });
  return diagnostics;
}

}  // namespace asynctype
