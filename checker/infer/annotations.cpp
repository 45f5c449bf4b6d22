// Type expressions (annotations, base classes, TypeVar bounds): classes become instances with
// their type arguments, typing's special forms (Optional, Union, Callable, Literal, ...) their
// meaning, TypeVars are bound to the function or class whose signature mentions them, implicit
// aliases (`Alias = list[int]`) are expanded, and simple string forward references resolved.
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/program/program.h"

namespace asynctype {

TypeId FileInference::AnnotationType(NodeId expr, const TypeContext& context) {
  if (!expr.valid()) return store_.Unknown();
  return InferTypeExpr(expr, context);
}

TypeId FileInference::BindTypeVar(TypeVarId tv, const TypeContext& context) {
  if (context.cls.valid()) {
    const ClassInfo& info = store_.cls(context.cls);
    for (TypeId param : info.type_params) {
      if (TypeVarId(store_.data(param).a) == tv) return param;
    }
  }
  TypeId bound = store_.TypeVar(tv, context.binding);
  if (context.collected &&
      std::find(context.collected->begin(), context.collected->end(), bound) == context.collected->end()) {
    context.collected->push_back(bound);
  }
  return bound;
}

TypeId FileInference::TypeFromValue(TypeId value, const TypeContext& context) {
  const TypeData d = store_.data(value);
  switch (d.kind) {
    case TypeKind::ClassLiteral:
      if (store_.TypeArgs(value).empty()) {
        const ClassInfo& info = ResolvedClass(program_, ClassId(d.a));
        if (info.known == KnownClass::Tuple) return store_.HomogeneousTuple(store_.Unknown());
        return DefaultInstance(program_, ClassId(d.a));
      }
      return store_.Instance(ClassId(d.a), store_.TypeArgs(value));
    // A variable holding None (`Parser = None`, a placeholder filled in at run time) is not a
    // type; `None` itself is a NoneLiteral and never gets here.
    case TypeKind::NoneType: return store_.Unknown();
    case TypeKind::TypeVarObject: return BindTypeVar(TypeVarId(d.a), context);
    case TypeKind::TypeVar: return value;  // PEP 695 parameter, already bound
    case TypeKind::SpecialForm: {
      switch (static_cast<SpecialForm>(d.a)) {
        case SpecialForm::Any: return store_.AnyType();
        case SpecialForm::NoReturn:
        case SpecialForm::Never: return store_.Never();
        case SpecialForm::Self:
          if (context.cls.valid()) return store_.cls(context.cls).self_typevar;
          return store_.Unknown();
        case SpecialForm::LiteralString: return KnownInstance(program_, KnownClass::Str);
        case SpecialForm::Tuple: return store_.HomogeneousTuple(store_.Unknown());
        case SpecialForm::Type: return store_.SubclassOf(store_.Unknown());
        case SpecialForm::Callable: {
          Signature sig;
          sig.gradual = true;
          sig.return_type = store_.Unknown();
          return store_.Callable(sig);
        }
        default: return store_.Unknown();
      }
    }
    case TypeKind::Any: return value;
    default: return store_.Unknown();
  }
}

TypeId FileInference::ImplicitAliasType(DefinitionId def_id, const TypeContext& context) {
  const Definition& def = index_.definition(def_id);
  NodeId value = ast_.child(def.node, def.kind == DefinitionKind::AnnAssignment ? 2 : 0);
  if (!value.valid() || def.target != ast_.child(def.node, def.kind == DefinitionKind::AnnAssignment ? 0 : 1)) {
    return TypeId::None();
  }
  if (alias_stack_.size() > 16 || llvm::is_contained(alias_stack_, def_id)) return store_.Unknown();  // recursive
  alias_stack_.push_back(def_id);
  TypeContext alias_context;  // an alias's TypeVars stay free
  alias_context.cls = context.cls;
  TypeId t = InferTypeExpr(value, alias_context);
  alias_stack_.pop_back();
  return t;
}

TypeId FileInference::InferTypeExpr(NodeId expr, const TypeContext& context) {
  switch (ast_.kind(expr)) {
    case NodeKind::NoneLiteral: return store_.None();
    case NodeKind::EllipsisLiteral: return store_.Unknown();
    case NodeKind::Name: {
      ScopeId scope = index_.ScopeOf(expr);
      if (!scope.valid()) return store_.Unknown();
      llvm::StringRef name = ast_.str(expr);
      // Annotations may refer forward (stubs, `from __future__ import annotations`, strings).
      auto res = index_.ResolveName(scope, name, ast_.range(expr).start, false, is_stub_);
      if (res.kind != SemanticIndex::Resolution::Kind::Found) {
        res = index_.ResolveName(scope, name, ast_.range(expr).start, false, /*public_view=*/true);
      }
      if (res.kind == SemanticIndex::Resolution::Kind::Found && res.definitions.size() == 1) {
        const Definition& def = index_.definition(res.definitions[0]);
        bool alias_candidate = false;
        if (def.kind == DefinitionKind::Assignment) {
          NodeKind vk = ast_.kind(ast_.child(def.node, 0));
          alias_candidate = vk == NodeKind::Subscript || vk == NodeKind::BinOp || vk == NodeKind::StringLiteral;
        } else if (def.kind == DefinitionKind::AnnAssignment) {
          TypeId annotation = ExprType(ast_.child(def.node, 1));
          alias_candidate = store_.kind(annotation) == TypeKind::SpecialForm &&
                            static_cast<SpecialForm>(store_.data(annotation).a) == SpecialForm::TypeAlias;
        }
        if (alias_candidate) {
          TypeId alias = ImplicitAliasType(res.definitions[0], context);
          if (alias.valid()) return alias;
        }
      }
      TypeId value = res.kind == SemanticIndex::Resolution::Kind::Found
                         ? UnionOfDefinitions(res.definitions)
                         : TypeOfNameInScope(expr, name, scope, ast_.range(expr).start, false, true,
                                             /*report=*/true);
      return TypeFromValue(value, context);
    }
    case NodeKind::Attribute:
      return TypeFromValue(ExprType(expr), context);
    case NodeKind::Subscript: return SubscriptTypeExpr(expr, context);
    case NodeKind::BinOp: {
      if (static_cast<BinaryOp>(ast_.node(expr).data) != BinaryOp::BitOr) return store_.Unknown();
      TypeId left = InferTypeExpr(ast_.child(expr, 0), context);
      TypeId right = InferTypeExpr(ast_.child(expr, 1), context);
      return store_.Union({left, right});
    }
    case NodeKind::StringLiteral: {
      // A forward reference: a dotted name is resolved; anything else stays Unknown.
      llvm::StringRef text = ast_.str(expr).trim();
      if (ast_.Has(expr, kFString) || ast_.Has(expr, kBytes) || text.empty()) return store_.Unknown();
      llvm::SmallVector<llvm::StringRef, 4> parts;
      text.split(parts, '.');
      for (llvm::StringRef part : parts) {
        if (part.empty() || !(std::isalpha(static_cast<unsigned char>(part[0])) || part[0] == '_' ||
                              static_cast<unsigned char>(part[0]) >= 0x80)) {
          return store_.Unknown();
        }
        for (char c : part) {
          if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80)) {
            return store_.Unknown();
          }
        }
      }
      ScopeId scope = index_.ScopeOf(expr);
      if (!scope.valid()) return store_.Unknown();
      TypeId value = TypeOfNameInScope(expr, parts[0], scope, ast_.range(expr).start, false, true,
                                       /*report=*/false);
      for (size_t i = 1; i < parts.size(); ++i) {
        Member m = LookupMember(program_, value, parts[i]);
        value = m.type.valid() ? m.type : store_.Unknown();
      }
      return TypeFromValue(value, context);
    }
    default:
      return store_.Unknown();
  }
}

TypeId FileInference::SubscriptTypeExpr(NodeId expr, const TypeContext& context) {
  NodeId head = ast_.child(expr, 0);
  NodeId slice = ast_.child(expr, 1);
  TypeId value = ExprType(head);
  std::vector<NodeId> elements;
  if (slice.valid() && ast_.kind(slice) == NodeKind::Tuple && !ast_.Has(slice, kParenthesized)) {
    for (NodeId e : ast_.children(slice)) elements.push_back(e);
  } else if (slice.valid()) {
    elements.push_back(slice);
  }
  auto args_of = [&](llvm::ArrayRef<NodeId> nodes) {
    std::vector<TypeId> types;
    for (NodeId n : nodes) types.push_back(InferTypeExpr(n, context));
    return types;
  };
  const TypeData d = store_.data(value);
  if (d.kind == TypeKind::ClassLiteral) {
    ClassId cls(d.a);
    const ClassInfo& info = ResolvedClass(program_, cls);
    if (info.known == KnownClass::Tuple) {
      if (elements.size() == 2 && ast_.kind(elements[1]) == NodeKind::EllipsisLiteral) {
        return store_.HomogeneousTuple(InferTypeExpr(elements[0], context));
      }
      if (elements.size() == 1 && ast_.kind(elements[0]) == NodeKind::Tuple && ast_.children(elements[0]).empty()) {
        return store_.Tuple({});
      }
      return store_.Tuple(args_of(elements));
    }
    if (info.known == KnownClass::Type && elements.size() == 1) {
      return store_.SubclassOf(InferTypeExpr(elements[0], context));
    }
    if (info.name == "InitVar" && info.module == "dataclasses" && elements.size() == 1) {
      return InferTypeExpr(elements[0], context);  // a dataclass init-only field
    }
    std::vector<TypeId> args = args_of(elements);
    std::vector<TypeId> params = info.type_params;
    if (params.empty()) return DefaultInstance(program_, cls);
    // Missing arguments take their defaults (or Unknown); extra ones are dropped.
    Substitution so_far;
    std::vector<TypeId> full;
    for (size_t i = 0; i < params.size(); ++i) {
      const TypeVarInfo& tv = store_.typevar(TypeVarId(store_.data(params[i]).a));
      TypeId arg;
      if (i < args.size()) {
        arg = args[i];
      } else if (tv.default_type.valid()) {
        arg = Substitute(store_, tv.default_type, so_far);
      } else {
        arg = store_.Unknown();
      }
      full.push_back(arg);
      so_far.Add(params[i], arg);
    }
    return store_.Instance(cls, full);
  }
  if (d.kind != TypeKind::SpecialForm) return store_.Unknown();
  switch (static_cast<SpecialForm>(d.a)) {
    case SpecialForm::Optional:
      if (elements.empty()) return store_.Unknown();
      return store_.Union({InferTypeExpr(elements[0], context), store_.None()});
    case SpecialForm::Union: return store_.Union(args_of(elements));
    case SpecialForm::Annotated:
    case SpecialForm::ClassVar:
    case SpecialForm::Final:
      if (elements.empty()) return store_.Unknown();
      return InferTypeExpr(elements[0], context);
    case SpecialForm::Type:
      if (elements.empty()) return store_.Unknown();
      return store_.SubclassOf(InferTypeExpr(elements[0], context));
    case SpecialForm::Tuple:
      if (elements.size() == 2 && ast_.kind(elements[1]) == NodeKind::EllipsisLiteral) {
        return store_.HomogeneousTuple(InferTypeExpr(elements[0], context));
      }
      return store_.Tuple(args_of(elements));
    case SpecialForm::Literal: {
      std::vector<TypeId> members;
      std::vector<NodeId> stack(elements.begin(), elements.end());
      for (NodeId e : stack) {
        switch (ast_.kind(e)) {
          case NodeKind::IntLiteral:
          case NodeKind::StringLiteral:
          case NodeKind::BoolLiteral:
          case NodeKind::NoneLiteral:
          case NodeKind::UnaryOp:
            members.push_back(ExprType(e));
            break;
          case NodeKind::Attribute:
            members.push_back(ExprType(e));  // enum members: not modelled yet
            break;
          case NodeKind::Subscript:
            members.push_back(InferTypeExpr(e, context));  // nested Literal[...]
            break;
          default:
            members.push_back(store_.Unknown());
        }
      }
      return store_.Union(members);
    }
    case SpecialForm::Callable: {
      Signature sig;
      sig.return_type = elements.size() == 2 ? InferTypeExpr(elements[1], context) : store_.Unknown();
      if (elements.size() == 2 && ast_.kind(elements[0]) == NodeKind::ListExpr) {
        for (NodeId p : ast_.children(elements[0])) {
          if (ast_.kind(p) == NodeKind::Starred) {
            sig.gradual = true;
            sig.params.clear();
            break;
          }
          TypeId t = InferTypeExpr(p, context);
          if (ast_.kind(p) == NodeKind::Subscript) {
            TypeId head_type = ExprType(ast_.child(p, 0));
            if (store_.kind(head_type) == TypeKind::SpecialForm &&
                static_cast<SpecialForm>(store_.data(head_type).a) == SpecialForm::Unpack) {
              sig.gradual = true;
              sig.params.clear();
              break;
            }
          }
          Param param;
          param.kind = ParamKind::PositionalOnly;
          param.type = t;
          sig.params.push_back(param);
        }
      } else {
        sig.gradual = true;  // Callable[..., R], Callable[P, R], Callable[Concatenate[...], R]
        if (elements.size() == 2 && ast_.kind(elements[0]) != NodeKind::EllipsisLiteral) {
          TypeId p = InferTypeExpr(elements[0], context);  // binds a ParamSpec
          if (store_.kind(p) == TypeKind::TypeVar &&
              store_.typevar(TypeVarId(store_.data(p).a)).flavor == TypeVarFlavor::ParamSpec) {
            sig.param_spec = p;
          }
        }
      }
      return store_.Callable(sig);
    }
    default:
      return store_.Unknown();
  }
}

}  // namespace asynctype
