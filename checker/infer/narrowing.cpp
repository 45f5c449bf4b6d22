// Narrowing: the type of a binding under the conditions known to hold at a use
// (`x is None` / `is not None`, `==` / `!=` a literal, `isinstance(x, C)`, truthiness, calls of
// `TypeGuard` / `TypeIs` functions, and `not` / `and` / `or` combinations). Anything else leaves
// the type unchanged. `hasattr(x, "name")` makes a member `x.name` the type does not show Unknown
// (GuardedByHasattr) instead of an error.
#include "checker/database/program.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/node_reads.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/place_key.h"

namespace asynctype {
namespace {

// An enum member, named by its class and name (the engine has no enum literal types yet).
struct EnumMember {
  ClassId cls;
  llvm::StringRef name;
  friend bool operator==(const EnumMember& a, const EnumMember& b) { return a.cls == b.cls && a.name == b.name; }
};

// The enum member `expr` names (`Kind.TEXT`, `module.Kind.TEXT`), evaluated in `inference`'s file.
std::optional<EnumMember> EnumMemberNamed(Program& program, FileInference& inference, NodeId expr) {
  const Ast& ast = inference.ast();
  if (!expr.valid() || ast.kind(expr) != NodeKind::Attribute) return std::nullopt;
  NodeId attr = AttributeView{ast, expr}.attr();
  if (!attr.valid()) return std::nullopt;
  TypeStore& store = program.types();
  TypeId owner = inference.ExprType(AttributeView{ast, expr}.value());
  if (store.kind(owner) != TypeKind::ClassLiteral) return std::nullopt;
  ClassId cls = store.ClassOf(owner);
  for (TypeId base : ResolvedClass(program, cls).mro) {
    const ClassInfo& b = store.cls(store.ClassOf(base));
    if (b.name == "Enum" && b.module == "enum") return EnumMember{cls, ast.str(attr)};
  }
  return std::nullopt;
}

// The enum members a class's field is declared as (`type: Literal[Kind.TEXT]`, in the class or
// the nearest base declaring it), or none when its declaration is anything else.
std::optional<llvm::SmallVector<EnumMember, 2>> FieldEnumLiterals(Program& program, ClassId cls, llvm::StringRef field) {
  TypeStore& store = program.types();
  for (TypeId entry : ResolvedClass(program, cls).mro) {
    const ClassInfo& info = store.cls(store.ClassOf(entry));
    if (info.known == KnownClass::Object) break;
    FileInference& inference = program.inference(info.file);
    ScopeId scope = inference.index().ScopeOpenedBy(info.node);
    if (!scope.valid()) return std::nullopt;
    SymbolId sym = inference.index().LookupSymbol(scope, field);
    if (!sym.valid()) continue;
    NodeId declaration = inference.index().symbol(sym).declaration;
    const Ast& ast = inference.ast();
    if (!declaration.valid() || ast.kind(declaration) != NodeKind::AnnAssign) return std::nullopt;
    NodeId annotation = AnnAssignView{ast, declaration}.annotation();
    if (!annotation.valid() || ast.kind(annotation) != NodeKind::Subscript) return std::nullopt;
    TypeId head = inference.ExprType(SubscriptView{ast, annotation}.value());
    if (store.kind(head) != TypeKind::SpecialForm || SpecialFormTypeView{store, head}.form() != SpecialForm::Literal) {
      return std::nullopt;
    }
    NodeId slice = SubscriptView{ast, annotation}.slice();
    llvm::SmallVector<NodeId, 4> elements;
    if (slice.valid() && ast.kind(slice) == NodeKind::Tuple) {
      for (NodeId e : ast.children(slice)) elements.push_back(e);
    } else {
      elements.push_back(slice);
    }
    llvm::SmallVector<EnumMember, 2> members;
    for (NodeId e : elements) {
      std::optional<EnumMember> member = EnumMemberNamed(program, inference, e);
      if (!member) return std::nullopt;
      members.push_back(*member);
    }
    return members;
  }
  return std::nullopt;
}

bool IsLiteral(TypeKind k) {
  return k == TypeKind::IntLiteral || k == TypeKind::BoolLiteral || k == TypeKind::StringLiteral ||
         k == TypeKind::BytesLiteral;
}

}  // namespace

bool FileInference::NamesTarget(NodeId node, llvm::StringRef name) const {
  if (!node.valid()) return false;
  if (ast_.kind(node) == NodeKind::Name) return ast_.str(node) == name;
  if (ast_.kind(node) == NodeKind::Attribute) {
    // A place `a.b` (or `a.b.c`) is named by the key "a.b" ("a.b.c").
    if (!name.contains('.')) return false;
    std::string key;
    return AppendPlaceKey(ast_, node, key) && key == name;
  }
  if (ast_.kind(node) == NodeKind::NamedExpr) {
    NodeId target = NamedExprView{ast_, node}.target();
    return target.valid() && ast_.str(target) == name;
  }
  return false;
}

NodeId FileInference::AliasedConditionAt(NodeId test) const {
  // `if ok:` where the only binding of `ok` reaching the test is `ok = <condition>` (the index
  // narrowed the condition's subjects only where they kept their bindings since).
  if (ast_.kind(test) != NodeKind::Name) return NodeId::None();
  const UseRecord* use = index_.UseOf(test);
  if (!use || use->bindings.size() != 1) return NodeId::None();
  DefinitionId def = use->bindings[0].def;
  if (!def.valid() || def == kPlaceDefault || IsPlaceAssignment(def)) return NodeId::None();
  return index_.AliasedCondition(ast_, def);
}

std::vector<TypeId> FileInference::Members(TypeId type) const {
  if (store_.kind(type) != TypeKind::Union) return {type};
  auto members = store_.UnionMembers(type);
  return std::vector<TypeId>(members.begin(), members.end());
}

TypeId FileInference::FilterMembers(TypeId type, const std::function<bool(TypeId)>& keep) {
  if (store_.kind(type) != TypeKind::Union) return keep(type) ? type : store_.Never();
  std::vector<TypeId> kept;
  for (TypeId m : store_.UnionMembers(type)) {
    if (keep(m)) kept.push_back(m);
  }
  return store_.Union(kept);
}

TypeId FileInference::NarrowTruthiness(TypeId type, bool truthy) {
  if (store_.IsDynamic(type)) return type;
  std::vector<TypeId> out;
  for (TypeId m : Members(type)) {
    switch (store_.kind(m)) {
      case TypeKind::NoneType:
        if (!truthy) out.push_back(m);
        break;
      case TypeKind::BoolLiteral:
        if (BoolLiteralTypeView{store_, m}.value() == truthy) out.push_back(m);
        break;
      case TypeKind::IntLiteral:
        if ((store_.IntLiteralValue(m) != 0) == truthy) out.push_back(m);
        break;
      case TypeKind::StringLiteral:
        if (!StringLiteralTypeView{store_, m}.value().empty() == truthy) out.push_back(m);
        break;
      case TypeKind::BytesLiteral:
        if (!BytesLiteralTypeView{store_, m}.value().empty() == truthy) out.push_back(m);
        break;
      case TypeKind::Function:
      case TypeKind::BoundMethod:
      case TypeKind::ClassLiteral:
      case TypeKind::Module:
        if (truthy) out.push_back(m);  // always true
        break;
      case TypeKind::Instance:
        if (ResolvedClass(program_, store_.ClassOf(m)).known == KnownClass::Bool) {
          out.push_back(store_.BoolLiteral(truthy));
        } else {
          out.push_back(m);
        }
        break;
      default:
        out.push_back(m);
    }
  }
  return store_.Union(out);
}

TypeId FileInference::NarrowIsInstance(TypeId type, TypeId classinfo, bool positive) {
  std::vector<ClassId> classes;
  const TypeKind kind = store_.kind(classinfo);
  if (kind == TypeKind::ClassLiteral) {
    classes.push_back(store_.ClassOf(classinfo));
  } else if (kind == TypeKind::Tuple && !TupleTypeView{store_, classinfo}.homogeneous()) {
    for (TypeId t : TupleTypeView{store_, classinfo}.elements()) {
      if (store_.kind(t) != TypeKind::ClassLiteral) return type;
      classes.push_back(store_.ClassOf(t));
    }
  } else {
    return type;  // not understood
  }
  auto is_instance_of = [&](TypeId member, ClassId cls) {
    TypeId promoted = PromoteLiteral(program_, member);
    if (store_.kind(promoted) == TypeKind::NoneType) return false;
    if (store_.kind(promoted) == TypeKind::Tuple) promoted = KnownInstance(program_, KnownClass::Tuple, {store_.Unknown()});
    if (store_.kind(promoted) != TypeKind::Instance) return false;
    ResolvedClass(program_, store_.ClassOf(promoted));
    return Upcast(store_, promoted, cls).valid();
  };
  if (!positive) {
    return FilterMembers(type, [&](TypeId m) {
      for (ClassId c : classes) {
        if (is_instance_of(m, c)) return false;
      }
      return true;
    });
  }
  std::vector<TypeId> out;
  for (TypeId m : Members(type)) {
    for (ClassId c : classes) {
      if (is_instance_of(m, c)) {
        out.push_back(m);
        break;
      }
      TypeId narrowed = DefaultInstance(program_, c);
      TypeId promoted = PromoteLiteral(program_, m);
      // A runtime-checkable protocol is matched structurally: a class with the members is one; a
      // class without them may have subclasses that are (`m & C`, approximated by C).
      bool protocol = ResolvedClass(program_, c).is_protocol;
      if (protocol && store_.kind(promoted) == TypeKind::Instance) {
        if (IsAssignable(program_, promoted, narrowed) && !LacksProtocolMember(program_, promoted, c) &&
            !LacksProtocolMember(program_, promoted, c, /*dataclass_ok=*/true)) {
          out.push_back(m);
          break;
        }
        if (!ResolvedClass(program_, store_.ClassOf(promoted)).is_final) {
          out.push_back(narrowed);
          continue;
        }
      }
      bool subclass = store_.IsDynamic(m) ||
                      (store_.kind(promoted) == TypeKind::Instance &&
                       Upcast(store_, narrowed, store_.ClassOf(promoted)).valid()) ||
                      store_.kind(m) == TypeKind::TypeVar;
      if (subclass) out.push_back(narrowed);
    }
  }
  return store_.Union(out);
}

TypeId FileInference::NarrowIsSubclass(TypeId type, TypeId classinfo, bool positive) {
  // `issubclass(cls, C)` narrows the class objects as `isinstance` narrows their instances:
  // `type[A] | type[B]` to `type[A]`. Only a union of class objects is understood.
  std::vector<TypeId> instances;
  for (TypeId m : Members(type)) {
    switch (store_.kind(m)) {
      case TypeKind::SubclassOf: instances.push_back(SubclassOfTypeView{store_, m}.instance()); break;
      case TypeKind::ClassLiteral: instances.push_back(DefaultInstance(program_, store_.ClassOf(m))); break;
      default: return type;
    }
  }
  TypeId narrowed = NarrowIsInstance(store_.Union(instances), classinfo, positive);
  std::vector<TypeId> classes;
  for (TypeId m : Members(narrowed)) {
    if (store_.kind(m) != TypeKind::Instance) return type;
    classes.push_back(store_.SubclassOf(m));
  }
  return store_.Union(classes);
}

TypeId FileInference::NarrowToGuard(TypeId type, TypeId guard, bool is_typeis, bool positive) {
  if (!is_typeis) return positive ? guard : type;  // TypeGuard: only where true, to the type itself
  // Assignability to a `Callable` is too lenient to split a union by (`callable(x)`).
  if (store_.kind(guard) == TypeKind::Callable) return type;
  // A member that certainly lacks a dunder method of a protocol guard is not one (assignability
  // alone gives user classes the benefit of the doubt against protocols).
  ClassId guard_protocol;
  if (store_.kind(guard) == TypeKind::Instance && ResolvedClass(program_, store_.ClassOf(guard)).is_protocol) {
    guard_protocol = store_.ClassOf(guard);
  }
  auto is_guarded = [&](TypeId m) {
    if (!IsAssignable(program_, m, guard)) return false;
    return !guard_protocol.valid() ||
           (!LacksProtocolMember(program_, m, guard_protocol) &&
            !LacksProtocolMember(program_, m, guard_protocol, /*dataclass_ok=*/true));
  };
  if (!positive) {
    return FilterMembers(type, [&](TypeId m) { return store_.IsDynamic(m) || !is_guarded(m); });
  }
  // TypeIs where true: the members that are guarded types, narrowed to the guarded type where it
  // is a subtype (the intersection, when it is one of the two).
  std::vector<TypeId> out;
  for (TypeId m : Members(type)) {
    if (store_.IsDynamic(m)) {
      out.push_back(m);  // (the intersection `Unknown & T` is not modelled)
    } else if (is_guarded(m)) {
      out.push_back(m);
    } else if (IsAssignable(program_, guard, m)) {
      out.push_back(guard);
    }
  }
  return out.empty() ? guard : store_.Union(out);
}

TypeId FileInference::NarrowType(TypeId type, NodeId predicate, bool positive, llvm::StringRef name,
                                 int depth) {
  if (!predicate.valid() || depth > 32) return type;
  switch (ast_.kind(predicate)) {
    case NodeKind::Name:
    case NodeKind::NamedExpr:
    case NodeKind::Attribute:
      if (NamesTarget(predicate, name)) return NarrowTruthiness(type, positive);
      if (ast_.kind(predicate) == NodeKind::NamedExpr) {
        return NarrowType(type, NamedExprView{ast_, predicate}.value(), positive, name, depth + 1);
      }
      if (NodeId condition = AliasedConditionAt(predicate); condition.valid()) {
        return NarrowType(type, condition, positive, name, depth + 1);
      }
      return type;
    case NodeKind::UnaryOp:
      if (static_cast<UnaryOperator>(ast_.node(predicate).data) == UnaryOperator::Not) {
        return NarrowType(type, UnaryOpView{ast_, predicate}.operand(), !positive, name, depth + 1);
      }
      return type;
    case NodeKind::BoolOp: {
      NodeId left = BoolOpView{ast_, predicate}.left(), right = BoolOpView{ast_, predicate}.right();
      bool is_and = static_cast<BoolOperator>(ast_.node(predicate).data) == BoolOperator::And;
      if (is_and == positive) {
        // Both hold (`a and b` true) or both fail (`a or b` false).
        TypeId t = NarrowType(type, left, positive, name, depth + 1);
        return NarrowType(t, right, positive, name, depth + 1);
      }
      // Either the left decides, or the left is the other way and the right decides.
      TypeId first = NarrowType(type, left, positive, name, depth + 1);
      TypeId second = NarrowType(NarrowType(type, left, !positive, name, depth + 1), right, positive, name,
                                 depth + 1);
      return store_.Union({first, second});
    }
    case NodeKind::Compare: {
      auto ops = ast_.compare_ops(predicate);
      if (ops.size() != 1) return type;
      CompareView compare{ast_, predicate};
      NodeId left = compare.left(), right = NthOrNone(compare.comparators(), 0);
      // `type(x) is C` (or `==`): `x` is an instance of exactly C, so of C; the negation says
      // nothing of a class that may have subclasses. `len(x) == N` keeps the tuples of N elements
      // (and those of unknown length); `!=` drops the ones of N.
      for (auto [side, other] : {std::pair{left, right}, std::pair{right, left}}) {
        if (!side.valid() || !other.valid() || ast_.kind(side) != NodeKind::Call) continue;
        CallView call{ast_, side};
        if (!call.func().valid() || ast_.kind(call.func()) != NodeKind::Name || call.args().size() != 1 ||
            !NamesTarget(call.args()[0], name)) {
          continue;
        }
        llvm::StringRef func = ast_.str(call.func());
        bool equal = ops[0] == CompareOp::Is || ops[0] == CompareOp::Eq;
        bool unequal = ops[0] == CompareOp::IsNot || ops[0] == CompareOp::NotEq;
        bool holds_equal = (equal && positive) || (unequal && !positive);
        if (func == "type") return holds_equal ? NarrowIsInstance(type, ExprType(other), true) : type;
        if (func != "len" || !(equal || unequal) || ops[0] == CompareOp::Is || ops[0] == CompareOp::IsNot) continue;
        TypeId length = ExprType(other);
        if (store_.kind(length) != TypeKind::IntLiteral) return type;
        int64_t n = store_.IntLiteralValue(length);
        return FilterMembers(type, [&](TypeId m) {
          if (store_.kind(m) != TypeKind::Tuple || TupleTypeView{store_, m}.homogeneous()) return true;
          bool same = static_cast<int64_t>(TupleTypeView{store_, m}.elements().size()) == n;
          return same == holds_equal;
        });
      }
      // `msg.type is Kind.TEXT` (or `==`, `!=`, a literal string or number): the members of a union
      // whose field `type` is declared as a literal other than the value are not `msg`.
      for (auto [side, other] : {std::pair{left, right}, std::pair{right, left}}) {
        if (!side.valid() || !other.valid() || ast_.kind(side) != NodeKind::Attribute ||
            !NamesTarget(AttributeView{ast_, side}.value(), name) || !AttributeView{ast_, side}.attr().valid()) {
          continue;
        }
        CompareOp op = ops[0];
        bool equal_op = op == CompareOp::Is || op == CompareOp::Eq;
        bool unequal_op = op == CompareOp::IsNot || op == CompareOp::NotEq;
        if (!equal_op && !unequal_op) return type;
        return NarrowByLiteralField(type, ast_.str(AttributeView{ast_, side}.attr()), other, equal_op == positive);
      }
      NodeId other;
      if (NamesTarget(left, name)) {
        other = right;
      } else if (NamesTarget(right, name)) {
        other = left;
      } else {
        return type;
      }
      CompareOp op = ops[0];
      bool equal_op = op == CompareOp::Is || op == CompareOp::Eq;
      bool unequal_op = op == CompareOp::IsNot || op == CompareOp::NotEq;
      if (!equal_op && !unequal_op) return type;
      bool holds_equal = equal_op == positive;  // the operands are equal / identical
      TypeId value = ExprType(other);
      if (store_.kind(value) == TypeKind::NoneType) {
        if (holds_equal) {
          if (store_.IsDynamic(type)) return store_.None();
          return FilterMembers(type, [&](TypeId m) {
            TypeKind k = store_.kind(m);
            return k == TypeKind::NoneType || k == TypeKind::TypeVar || store_.IsDynamic(m);
          });
        }
        return FilterMembers(type, [&](TypeId m) { return store_.kind(m) != TypeKind::NoneType; });
      }
      if (IsLiteral(store_.kind(value))) {
        bool identity = op == CompareOp::Is || op == CompareOp::IsNot;
        if (holds_equal) {
          // Members that may equal the literal: the literal itself, or its class.
          std::vector<TypeId> out;
          for (TypeId m : Members(type)) {
            if (m == value) {
              out.push_back(m);
            } else if (IsLiteral(store_.kind(m))) {
              continue;  // a different literal
            } else if (store_.kind(m) == TypeKind::NoneType) {
              continue;
            } else if (PromoteLiteral(program_, value) == m && !identity) {
              out.push_back(value);
            } else {
              out.push_back(m);
            }
          }
          return store_.Union(out);
        }
        // Not equal: only the literal itself (and a bool's other value) can be excluded.
        TypeId narrowed = FilterMembers(type, [&](TypeId m) { return m != value; });
        if (store_.kind(value) == TypeKind::BoolLiteral) {
          // `x != True` leaves a `bool` only `False`.
          ClassId boolean = GetKnownClass(program_, KnownClass::Bool);
          std::vector<TypeId> out;
          for (TypeId m : Members(narrowed)) {
            bool is_bool = store_.kind(m) == TypeKind::Instance && store_.ClassOf(m) == boolean;
            out.push_back(is_bool ? store_.BoolLiteral(!BoolLiteralTypeView{store_, value}.value()) : m);
          }
          return store_.Union(out);
        }
        return narrowed;
      }
      return type;
    }
    case NodeKind::Call: {
      NodeId func = CallView{ast_, predicate}.func();
      NodeId subject = NthOrNone(CallView{ast_, predicate}.args(), 0);
      NodeId classinfo = NthOrNone(CallView{ast_, predicate}.args(), 1);
      if (!func.valid() || !NamesTarget(subject, name)) return type;
      if (ast_.kind(func) == NodeKind::Name && ast_.str(func) == "isinstance") {
        if (!classinfo.valid() || CallView{ast_, predicate}.args().size() != 2) return type;
        return NarrowIsInstance(type, ExprType(classinfo), positive);
      }
      if (ast_.kind(func) == NodeKind::Name && ast_.str(func) == "issubclass") {
        if (!classinfo.valid() || CallView{ast_, predicate}.args().size() != 2) return type;
        return NarrowIsSubclass(type, ExprType(classinfo), positive);
      }
      // A user-defined type guard (`def is_str(v: object) -> TypeIs[str]`).
      ExprType(predicate);
      auto guard = call_guards_.find(predicate.index());
      if (guard == call_guards_.end()) return type;
      return NarrowToGuard(type, guard->second.first, guard->second.second, positive);
    }
    default:
      return type;
  }
}

TypeId FileInference::NarrowByLiteralField(TypeId type, llvm::StringRef field, NodeId value_expr, bool holds_equal) {
  if (store_.kind(type) != TypeKind::Union) return type;
  std::optional<EnumMember> enum_value = EnumMemberNamed(program_, *this, value_expr);
  TypeId value = enum_value ? TypeId::None() : ExprType(value_expr);
  if (!enum_value && !IsLiteral(store_.kind(value))) return type;
  return FilterMembers(type, [&](TypeId m) {
    if (store_.kind(m) != TypeKind::Instance) return true;
    if (enum_value) {
      auto declared = FieldEnumLiterals(program_, store_.ClassOf(m), field);
      if (!declared) return true;  // not a literal field: may hold the value or not
      bool may_equal = llvm::is_contained(*declared, *enum_value);
      return holds_equal ? may_equal : !(declared->size() == 1 && may_equal);
    }
    Member member = LookupMember(program_, m, field);
    if (!member.type.valid()) return true;
    std::vector<TypeId> declared = Members(member.type);
    if (!llvm::all_of(declared, [&](TypeId d) { return IsLiteral(store_.kind(d)); })) return true;
    bool may_equal = llvm::is_contained(declared, value);
    return holds_equal ? may_equal : !(declared.size() == 1 && may_equal);
  });
}

bool FileInference::ImpliesHasattr(NodeId predicate, bool positive, llvm::StringRef base, llvm::StringRef attr,
                                   int depth) const {
  if (!predicate.valid() || depth > 32) return false;
  switch (ast_.kind(predicate)) {
    case NodeKind::UnaryOp:
      return static_cast<UnaryOperator>(ast_.node(predicate).data) == UnaryOperator::Not &&
             ImpliesHasattr(UnaryOpView{ast_, predicate}.operand(), !positive, base, attr, depth + 1);
    case NodeKind::BoolOp: {
      // `a and b` true (or `a or b` false) makes both operands hold (or fail).
      bool is_and = static_cast<BoolOperator>(ast_.node(predicate).data) == BoolOperator::And;
      if (is_and != positive) return false;
      return ImpliesHasattr(BoolOpView{ast_, predicate}.left(), positive, base, attr, depth + 1) ||
             ImpliesHasattr(BoolOpView{ast_, predicate}.right(), positive, base, attr, depth + 1);
    }
    case NodeKind::Call: {
      if (!positive) return false;
      NodeId func = CallView{ast_, predicate}.func();
      auto args = CallView{ast_, predicate}.args();
      if (!func.valid() || ast_.kind(func) != NodeKind::Name || ast_.str(func) != "hasattr" || args.size() != 2) {
        return false;
      }
      NodeId subject = args[0], name = args[1];
      if (!subject.valid() || !name.valid() || ast_.kind(name) != NodeKind::StringLiteral ||
          ast_.Has(name, kFString) || ast_.Has(name, kBytes) || ast_.str(name) != attr) {
        return false;
      }
      return ast_.kind(subject) == NodeKind::Name && ast_.str(subject) == base;
    }
    default:
      return false;
  }
}

bool FileInference::GuardedByHasattr(NodeId attr) {
  NodeId value = AttributeView{ast_, attr}.value(), name = AttributeView{ast_, attr}.attr();
  if (!value.valid() || !name.valid() || ast_.kind(value) != NodeKind::Name) return false;
  const UseRecord* use = index_.UseOf(attr);
  if (!use) return false;
  bool any = false;
  for (const Binding& b : use->bindings) {
    if (!PathReturns(b)) continue;
    bool guarded = false;
    for (uint32_t c : b.constraints) {
      const Constraint& constraint = index_.constraint(c);
      if (constraint.reachability) continue;
      if (ImpliesHasattr(constraint.predicate, constraint.positive, ast_.str(value), ast_.str(name))) {
        guarded = true;
        break;
      }
    }
    if (!guarded) return false;
    any = true;
  }
  return any;
}

}  // namespace asynctype
