#include "checker/check/operator_checks.h"

#include <string>
#include <vector>

#include "checker/database/program.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/decorators.h"

namespace asynctype {
namespace {

std::string Code(const std::string& text) { return "`" + text + "`"; }

// How calling one dunder with one argument went.
enum class Verdict : uint8_t { Fits, Fails, Unsure };

Verdict CallWith(Program& program, TypeId object, const std::string& dunder, TypeId argument) {
  TypeStore& store = program.types();
  Member method = LookupDunder(program, object, dunder);
  if (!method.type.valid()) return Verdict::Fails;
  if (method.maybe || store.IsDynamic(method.type)) return Verdict::Unsure;
  const Argument args[] = {Argument{Argument::Kind::Positional, "", argument}};
  CallOutcome outcome = CheckCall(program, method.type, args);
  if (outcome.callable && outcome.matched) return Verdict::Fits;
  // Trusted only when the call checker itself reports why the argument does not fit.
  for (const CallError& e : outcome.errors) {
    if (e.kind == CallError::Kind::InvalidArgumentType || e.kind == CallError::Kind::NoMatchingOverload) {
      return Verdict::Fails;
    }
  }
  return Verdict::Unsure;
}

// The members of a union, or the type itself.
std::vector<TypeId> Members(const TypeStore& store, TypeId type) {
  if (store.kind(type) != TypeKind::Union) return {type};
  auto members = store.UnionMembers(type);
  return {members.begin(), members.end()};
}

// Whether a class lets its instances answer dunder lookups the checker cannot see: `__getattr__`
// or `__getattribute__` (proxies, `unittest.mock.Mock`, which builds each mock's dunders at run
// time), or any other class than `object` itself being dynamic enough to mean "anything" (stubs
// type values that may be anything as `object`, as `sys.ps1`).
bool DynamicInstance(Program& program, TypeId instance) {
  TypeStore& store = program.types();
  if (store.kind(instance) != TypeKind::Instance) return false;
  const ClassInfo& info = ResolvedClass(program, store.ClassOf(instance));
  if (info.known == KnownClass::Object) return true;
  for (TypeId entry : info.mro) {
    if (store.kind(entry) != TypeKind::Instance) continue;
    ClassId cls = store.ClassOf(entry);
    if (store.cls(cls).known == KnownClass::Object) continue;
    Member getattr = LookupMember(program, store.ClassLiteral(cls, {}), "__getattr__");
    Member getattribute = LookupMember(program, store.ClassLiteral(cls, {}), "__getattribute__");
    if ((getattr.type.valid() && getattr.owner == cls) || (getattribute.type.valid() && getattribute.owner == cls)) {
      return true;
    }
  }
  return false;
}

// Whether every member's class is what its body says (no synthesized `__lt__` from
// `@dataclass(order=True)` or `@functools.total_ordering`, no unknown base).
bool Modelled(Program& program, TypeId type) {
  TypeStore& store = program.types();
  for (TypeId m : Members(store, type)) {
    switch (store.kind(m)) {
      case TypeKind::Instance: {
        if (!ClassFullyModelled(program, store.ClassOf(m)) || DynamicInstance(program, m)) return false;
        // `@functools.total_ordering` fills in the comparisons the class leaves out.
        for (TypeId entry : ResolvedClass(program, store.ClassOf(m)).mro) {
          const ClassInfo& base = store.cls(store.ClassOf(entry));
          if (!base.file.valid() || !base.node.valid()) continue;
          const Ast& ast = program.inference(base.file).ast();
          if (ast.kind(base.node) != NodeKind::ClassDef) continue;
          NodeId decorators = ClassDefView{ast, base.node}.decorators();
          if (!decorators.valid()) continue;
          for (NodeId dec : ast.children(decorators)) {
            if (ClassifyDecorator(ast, dec).kind == KnownDecorator::TotalOrdering) return false;
          }
        }
        break;
      }
      case TypeKind::IntLiteral:
      case TypeKind::BoolLiteral:
      case TypeKind::StringLiteral:
      case TypeKind::BytesLiteral:
      case TypeKind::Tuple:
      case TypeKind::NoneType:
        break;
      default: return false;  // functions, modules, class objects: not for these checks
    }
  }
  return true;
}

// Whether a single pair of operands certainly fails (`left OP right`): the left operand's dunder
// does not accept the right one and the right operand's reflected dunder does not accept the left.
Verdict PairVerdict(Program& program, TypeId left, TypeId right, const std::string& dunder,
                    const std::string& reflected) {
  Verdict forward = CallWith(program, left, dunder, right);
  if (forward == Verdict::Fits) return Verdict::Fits;
  Verdict backward = CallWith(program, right, reflected, left);
  if (backward == Verdict::Fits) return Verdict::Fits;
  if (forward == Verdict::Unsure || backward == Verdict::Unsure) return Verdict::Unsure;
  return Verdict::Fails;
}

// Every combination of union members fails (Fails), one fits (Fits), or it is not certain.
Verdict OperationVerdict(Program& program, TypeId left, TypeId right, const std::string& dunder,
                         const std::string& reflected) {
  const TypeStore& store = program.types();
  bool unsure = false;
  for (TypeId l : Members(store, left)) {
    for (TypeId r : Members(store, right)) {
      Verdict v = PairVerdict(program, l, r, dunder, reflected);
      if (v == Verdict::Fits) return Verdict::Fits;
      unsure |= v == Verdict::Unsure;
    }
  }
  return unsure ? Verdict::Unsure : Verdict::Fails;
}

// The awaited type of an awaitable operand, when it is one the checks can use; None otherwise.
TypeId AwaitedOperand(Program& program, TypeId operand) {
  TypeStore& store = program.types();
  if (store.kind(operand) != TypeKind::Instance) return TypeId::None();
  AwaitResult awaited = TryAwait(program, operand);
  if (awaited.error != AwaitError::None || !FullyKnown(program, awaited.type) || !Modelled(program, awaited.type)) {
    return TypeId::None();
  }
  return awaited.type;
}

std::string ForgotAwait(FileInference& inference, TypeId operand) {
  return Code(inference.Display(operand)) + " is awaitable: did you forget `await`?";
}

// Reports `left OP right` at `range` when it certainly fails.
void CheckOperation(FileInference& inference, NodeId left_expr, NodeId right_expr, TextRange range, const char* op,
                    const std::string& dunder, const std::string& reflected) {
  Program& program = inference.program();
  TypeId left = inference.ExprType(left_expr);
  TypeId right = inference.ExprType(right_expr);
  if (!Reportable(inference, left_expr, left) || !Reportable(inference, right_expr, right)) return;
  // An implicit `self` is typed as the enclosing class, though a subclass may be what it is.
  if (IsMethodReceiver(inference, left_expr, /*unannotated_only=*/true) ||
      IsMethodReceiver(inference, right_expr, /*unannotated_only=*/true)) {
    return;
  }
  if (!Modelled(program, left) || !Modelled(program, right)) return;
  if (OperationVerdict(program, left, right, dunder, reflected) != Verdict::Fails) return;
  Diagnostic d = MakeDiagnostic(Rule::UnsupportedOperator, inference.file(), range,
                                std::string("Operator ") + Code(op) + " is not supported between objects of type " +
                                    Code(inference.Display(left)) + " and " + Code(inference.Display(right)));
  // A forgotten `await` on one operand (or both) that would have made the operation work.
  TypeId awaited_left = AwaitedOperand(program, left), awaited_right = AwaitedOperand(program, right);
  TypeId fixed_left = awaited_left.valid() ? awaited_left : left;
  TypeId fixed_right = awaited_right.valid() ? awaited_right : right;
  if ((awaited_left.valid() || awaited_right.valid()) &&
      OperationVerdict(program, fixed_left, fixed_right, dunder, reflected) == Verdict::Fits) {
    if (awaited_left.valid()) d.infos.push_back(ForgotAwait(inference, left));
    if (awaited_right.valid()) d.infos.push_back(ForgotAwait(inference, right));
  }
  inference.Report(std::move(d));
}

const char* BinaryDunder(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "add";
    case BinaryOp::Sub: return "sub";
    case BinaryOp::Mult: return "mul";
    case BinaryOp::MatMult: return "matmul";
    case BinaryOp::Div: return "truediv";
    case BinaryOp::FloorDiv: return "floordiv";
    case BinaryOp::Mod: return "mod";
    case BinaryOp::Pow: return "pow";
    case BinaryOp::LShift: return "lshift";
    case BinaryOp::RShift: return "rshift";
    case BinaryOp::BitOr: return "or";
    case BinaryOp::BitXor: return "xor";
    case BinaryOp::BitAnd: return "and";
  }
  return "";
}

}  // namespace

void CheckBinaryOperator(FileInference& inference, NodeId binop) {
  const Ast& ast = inference.ast();
  BinOpView view{ast, binop};
  if (!view.left().valid() || !view.right().valid()) return;
  auto op = static_cast<BinaryOp>(ast.node(binop).data);
  std::string name = BinaryDunder(op);
  CheckOperation(inference, view.left(), view.right(), ast.range(binop), BinaryOpText(op), "__" + name + "__",
                 "__r" + name + "__");
}

void CheckComparison(FileInference& inference, NodeId compare) {
  const Ast& ast = inference.ast();
  llvm::ArrayRef<CompareOp> ops = ast.compare_ops(compare);
  auto operands = ast.children(compare);  // left, then one comparator per operator
  for (size_t i = 0; i < ops.size() && i + 1 < operands.size(); ++i) {
    const char* dunder = nullptr;
    const char* reflected = nullptr;
    switch (ops[i]) {
      case CompareOp::Lt: dunder = "__lt__", reflected = "__gt__"; break;
      case CompareOp::LtE: dunder = "__le__", reflected = "__ge__"; break;
      case CompareOp::Gt: dunder = "__gt__", reflected = "__lt__"; break;
      case CompareOp::GtE: dunder = "__ge__", reflected = "__le__"; break;
      default: continue;  // `==` / `!=` fall back to identity; `is` / `in` are not these dunders
    }
    NodeId left = operands[i], right = operands[i + 1];
    if (!left.valid() || !right.valid()) continue;
    TextRange range{ast.range(left).start, ast.range(right).end};
    CheckOperation(inference, left, right, range, CompareOpText(ops[i]), dunder, reflected);
  }
}

void CheckSubscript(FileInference& inference, NodeId subscript) {
  const Ast& ast = inference.ast();
  Program& program = inference.program();
  TypeStore& store = program.types();
  NodeId value_expr = SubscriptView{ast, subscript}.value();
  if (!value_expr.valid()) return;
  TypeId value = inference.ExprType(value_expr);
  if (!Reportable(inference, value_expr, value) || !Modelled(program, value) ||
      IsMethodReceiver(inference, value_expr, /*unannotated_only=*/true)) {
    return;
  }
  // Every member lacks `__getitem__` (a union where some have it is left to narrowing).
  for (TypeId m : Members(store, value)) {
    if (store.kind(m) == TypeKind::Tuple) return;
    if (LookupDunder(program, m, "__getitem__").type.valid()) return;
  }
  Diagnostic d = MakeDiagnostic(Rule::NonSubscriptable, inference.file(), ast.range(value_expr),
                                "Cannot subscript object of type " + Code(inference.Display(value)) +
                                    " with no `__getitem__` method");
  TypeId awaited = AwaitedOperand(program, value);
  if (awaited.valid() && (store.kind(awaited) == TypeKind::Tuple ||
                          LookupDunder(program, awaited, "__getitem__").type.valid())) {
    d.infos.push_back(ForgotAwait(inference, value));
  }
  inference.Report(std::move(d));
}

}  // namespace asynctype
