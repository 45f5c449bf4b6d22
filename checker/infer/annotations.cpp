// Type expressions (annotations, base classes, TypeVar bounds): classes become instances with
// their type arguments, typing's special forms (Optional, Union, Callable, Literal, ...) their
// meaning, TypeVars are bound to the function or class whose signature mentions them, aliases
// are expanded (implicit `Alias = list[int]`, PEP 695 `type Alias[T] = ...`, `TypeAliasType`),
// and string forward references (`"list[Foo]"`, parsed by the lowering) resolved.
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/node_reads.h"
#include "checker/infer/recursion.h"
#include "checker/infer/semantics.h"
#include "checker/infer/typevar_solver.h"

namespace asynctype {

TypeId FileInference::AnnotationType(NodeId expr, const TypeContext& context) {
  if (!expr.valid()) return store_.Unknown();
  return InferTypeExpr(expr, context);
}

TypeId FileInference::BindTypeVar(TypeVarId tv, const TypeContext& context) {
  if (context.cls.valid()) {
    const ClassInfo& info = store_.cls(context.cls);
    for (TypeId param : info.type_params) {
      if (TypeVarTypeView{store_, param}.typevar() == tv) return param;
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
  switch (store_.kind(value)) {
    case TypeKind::ClassLiteral:
      if (store_.TypeArgs(value).empty()) {
        const ClassInfo& info = ResolvedClass(program_, store_.ClassOf(value));
        if (info.known == KnownClass::Tuple) return store_.HomogeneousTuple(store_.Unknown());
        return DefaultInstance(program_, store_.ClassOf(value));
      }
      return store_.Instance(store_.ClassOf(value), store_.TypeArgs(value));
    // A variable holding None (`Parser = None`, a placeholder filled in at run time) is not a
    // type; `None` itself is a NoneLiteral and never gets here.
    case TypeKind::NoneType: return store_.Unknown();
    case TypeKind::TypeVarObject: return BindTypeVar(TypeVarObjectTypeView{store_, value}.typevar(), context);
    case TypeKind::TypeVar: return value;  // PEP 695 parameter, already bound
    case TypeKind::SpecialForm: {
      switch (SpecialFormTypeView{store_, value}.form()) {
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
  bool annotated = def.kind == DefinitionKind::AnnAssignment;  // else an Assignment
  NodeId value = annotated ? AnnAssignView{ast_, def.node}.value() : AssignView{ast_, def.node}.value();
  NodeId target = annotated ? AnnAssignView{ast_, def.node}.target()
                            : NthOrNone(AssignView{ast_, def.node}.targets(), 0);
  if (!value.valid() || def.target != target) {
    return TypeId::None();
  }
  return ExpandAlias(def_id, value, context);  // an alias's TypeVars stay free
}

bool FileInference::IsImplicitAlias(DefinitionId def_id) {
  const Definition& def = index_.definition(def_id);
  if (def.kind == DefinitionKind::Assignment) {
    NodeKind vk = ast_.kind(AssignView{ast_, def.node}.value());
    return vk == NodeKind::Subscript || vk == NodeKind::BinOp || vk == NodeKind::StringLiteral;
  }
  if (def.kind == DefinitionKind::AnnAssignment) {
    NodeId annotation_node = AnnAssignView{ast_, def.node}.annotation();
    if (!annotation_node.valid()) return false;
    TypeId annotation = ExprType(annotation_node);
    return store_.kind(annotation) == TypeKind::SpecialForm &&
           SpecialFormTypeView{store_, annotation}.form() == SpecialForm::TypeAlias;
  }
  return false;
}

std::pair<FileInference*, DefinitionId> FileInference::ImplicitAliasFor(NodeId expr) {
  if (ast_.kind(expr) == NodeKind::Attribute) {
    // `m.Alias` for an imported module `m`.
    TypeId base = ExprType(AttributeView{ast_, expr}.value());
    if (store_.kind(base) != TypeKind::Module) return {nullptr, DefinitionId::None()};
    FileId file = program_.modules()[ModuleTypeView{store_, base}.module()].file;
    NodeId attr = AttributeView{ast_, expr}.attr();
    if (!file.valid() || file == file_ || !attr.valid()) return {nullptr, DefinitionId::None()};
    return program_.inference(file).ExportedAlias(ast_.str(attr), AliasForm::Implicit, 0);
  }
  if (ast_.kind(expr) != NodeKind::Name) return {nullptr, DefinitionId::None()};
  ScopeId scope = index_.ScopeOf(expr);
  if (!scope.valid()) return {nullptr, DefinitionId::None()};
  llvm::StringRef name = ast_.str(expr);
  auto res = index_.ResolveName(scope, name, ast_.range(expr).start, false, is_stub_);
  if (res.kind != SemanticIndex::Resolution::Kind::Found) {
    res = index_.ResolveName(scope, name, ast_.range(expr).start, false, /*public_view=*/true);
  }
  if (res.kind != SemanticIndex::Resolution::Kind::Found || res.definitions.size() != 1) {
    return {nullptr, DefinitionId::None()};
  }
  return AliasOf(res.definitions[0], AliasForm::Implicit, 0);
}

std::pair<FileInference*, DefinitionId> FileInference::ExportedAlias(llvm::StringRef name, AliasForm form, int depth) {
  SymbolId symbol = index_.LookupSymbol(index_.module_scope(), name);
  if (!symbol.valid()) return {nullptr, DefinitionId::None()};
  auto defs = index_.PublicDefinitions(symbol);
  if (defs.size() != 1) return {nullptr, DefinitionId::None()};
  return AliasOf(defs[0], form, depth);
}

std::pair<FileInference*, DefinitionId> FileInference::AliasOf(DefinitionId id, AliasForm form, int depth) {
  const Definition& def = index_.definition(id);
  if (def.kind == DefinitionKind::ImportFrom) {
    if (depth >= 8 || ast_.kind(def.statement) != NodeKind::ImportFrom) return {nullptr, DefinitionId::None()};
    // `from m import Alias`: follow it to the module that defines it.
    NodeId module_node = ImportFromView{ast_, def.statement}.module();
    std::string module_name = module_node.valid() ? ast_.str(module_node).str() : "";
    unsigned level = ast_.node(def.statement).data;
    if (level > 0) module_name = program_.resolver().ResolveRelative(file_, level, module_name);
    ModuleId module = program_.resolver().Resolve(module_name, file_);
    NodeId member = AliasView{ast_, def.node}.name();
    if (!module.valid() || !member.valid()) return {nullptr, DefinitionId::None()};
    FileId file = program_.modules()[module].file;
    if (!file.valid() || file == file_) return {nullptr, DefinitionId::None()};
    return program_.inference(file).ExportedAlias(ast_.str(member), form, depth + 1);
  }
  bool is_alias = form == AliasForm::Implicit ? IsImplicitAlias(id) : IsExplicitAlias(id);
  return is_alias ? std::make_pair(this, id) : std::make_pair(nullptr, DefinitionId::None());
}

TypeId FileInference::ExpandAlias(DefinitionId def, NodeId value, const TypeContext& context) {
  InferenceRecursion& recursion = program_.recursion();
  uint64_t key = (static_cast<uint64_t>(def.value) << 32) | context.cls.value;
  if (auto it = alias_types_.find(key); it != alias_types_.end()) return it->second;
  auto scratch_key = std::make_tuple(static_cast<const FileInference*>(this), def.value, context.cls.value);
  if (auto it = recursion.alias_scratch.find(scratch_key); it != recursion.alias_scratch.end()) {
    ++recursion.alias_cuts;  // what uses it depends on the cut too
    return it->second;
  }
  std::pair<const FileInference*, DefinitionId> frame = {this, def};
  if (recursion.aliases.size() >= InferenceRecursion::kMaxAliasDepth ||
      llvm::is_contained(recursion.aliases, frame)) {
    ++recursion.alias_cuts;
    return store_.Unknown();  // recursive
  }
  uint64_t cuts = recursion.alias_cuts;
  recursion.aliases.push_back(frame);
  struct Pop {
    InferenceRecursion& recursion;
    ~Pop() {
      recursion.aliases.pop_back();
      if (recursion.aliases.empty()) recursion.alias_scratch.clear();
    }
  };
  TypeId t;
  {
    Pop pop{recursion};
    TypeContext alias_context;  // the alias's own parameters stay free
    alias_context.cls = context.cls;
    t = InferTypeExpr(value, alias_context);
    if (recursion.alias_cuts == cuts) {
      alias_types_[key] = t;
    } else if (recursion.aliases.size() > 1) {
      recursion.alias_scratch[scratch_key] = t;
    }
  }
  return t;
}

std::pair<FileInference*, DefinitionId> FileInference::ExplicitAliasFor(NodeId name) {
  if (ast_.kind(name) != NodeKind::Name) return {nullptr, DefinitionId::None()};
  ScopeId scope = index_.ScopeOf(name);
  if (!scope.valid()) return {nullptr, DefinitionId::None()};
  auto res = index_.ResolveName(scope, ast_.str(name), ast_.range(name).start, false, /*public_view=*/true);
  if (res.kind != SemanticIndex::Resolution::Kind::Found || res.definitions.size() != 1) {
    return {nullptr, DefinitionId::None()};
  }
  return AliasOf(res.definitions[0], AliasForm::Explicit, 0);
}

bool FileInference::IsExplicitAlias(DefinitionId id) {
  const Definition& def = index_.definition(id);
  if (def.kind == DefinitionKind::TypeAlias) return true;
  if (def.kind != DefinitionKind::Assignment || def.target != NthOrNone(AssignView{ast_, def.node}.targets(), 0)) {
    return false;
  }
  NodeId call = AssignView{ast_, def.node}.value();
  if (ast_.kind(call) != NodeKind::Call) return false;
  TypeId callee = ExprType(CallView{ast_, call}.func());
  if (store_.kind(callee) != TypeKind::ClassLiteral) return false;
  const ClassInfo& info = store_.cls(store_.ClassOf(callee));
  return info.name == "TypeAliasType" && (info.module == "typing" || info.module == "typing_extensions");
}

TypeId FileInference::ExplicitAliasType(DefinitionId def_id, llvm::ArrayRef<TypeId> args, const TypeContext& context) {
  const Definition& def = index_.definition(def_id);
  NodeId value;
  std::vector<TypeId> params;
  if (def.kind == DefinitionKind::TypeAlias) {  // type Name[params] = value
    value = TypeAliasView{ast_, def.node}.value();
    if (NodeId list = TypeAliasView{ast_, def.node}.type_params(); list.valid()) {
      for (NodeId tp : ast_.children(list)) {
        DefinitionId tp_def = index_.DefinitionOf(tp);
        params.push_back(tp_def.valid() ? DefinitionType(tp_def) : store_.Unknown());
      }
    }
  } else {  // Name = TypeAliasType("Name", value, type_params=(...))
    NodeId call = AssignView{ast_, def.node}.value();
    value = NthOrNone(CallView{ast_, call}.args(), 1);
    for (NodeId arg : CallView{ast_, call}.args()) {
      if (ast_.kind(arg) != NodeKind::Keyword) continue;
      if (ast_.str(arg) == "value") value = KeywordView{ast_, arg}.value();
      if (ast_.str(arg) == "type_params" && ast_.kind(KeywordView{ast_, arg}.value()) == NodeKind::Tuple) {
        for (NodeId p : ast_.children(KeywordView{ast_, arg}.value())) params.push_back(ExprType(p));
      }
    }
    if (value.valid() && ast_.kind(value) == NodeKind::Keyword) value = NodeId::None();
  }
  if (!value.valid()) return store_.Unknown();
  TypeId t = ExpandAlias(def_id, value, context);  // the alias's own parameters stay free until specialized
  if (params.empty()) return t;
  TypeContext alias_context;
  alias_context.cls = context.cls;
  Substitution subst;
  for (size_t i = 0; i < params.size(); ++i) {
    TypeId param = params[i];
    // `T` from `type_params=(T,)` is the TypeVar object; the value mentions it bound.
    if (store_.kind(param) == TypeKind::TypeVarObject) param = BindTypeVar(TypeVarObjectTypeView{store_, param}.typevar(), alias_context);
    if (store_.kind(param) != TypeKind::TypeVar) continue;
    subst.Add(param, i < args.size() ? args[i] : store_.Unknown());
  }
  return Substitute(store_, t, subst);
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
      if (auto [owner, alias] = ExplicitAliasFor(expr); owner) return owner->ExplicitAliasType(alias, {}, context);
      if (auto [owner, alias] = ImplicitAliasFor(expr); owner) {
        TypeId t = owner->ImplicitAliasType(alias, context);
        if (t.valid()) return t;
      }
      if (res.kind == SemanticIndex::Resolution::Kind::Found) {
        // Bound on several branches (`try: X = ssl.SSLContext` / `except ImportError: X = object`):
        // the type they agree on, else Unknown (a union of classes is no type; the last one
        // textually would be a guess).
        llvm::SmallVector<DefinitionId, 4> defs(res.definitions.begin(), res.definitions.end());
        if (const UseRecord* use = index_.UseOf(expr); use && res.definitions.size() == 1) {
          defs.clear();
          for (const Binding& b : use->bindings) {
            if (b.def.valid() && !llvm::is_contained(defs, b.def)) defs.push_back(b.def);
          }
        }
        if (defs.size() > 1) {
          TypeId agreed;
          for (DefinitionId d : defs) {
            TypeId t = TypeFromValue(DefinitionType(d), context);
            if (agreed.valid() && t != agreed) return store_.Unknown();
            agreed = t;
          }
          return agreed;
        }
      }
      TypeId value = res.kind == SemanticIndex::Resolution::Kind::Found ? UnionOfDefinitions(res.definitions)
                     : index_.InForwardReference(expr)
                         ? ExprType(expr)  // memoized: an undefined name is reported once
                         : TypeOfNameInScope(expr, name, scope, ast_.range(expr).start, false, true,
                                             /*report=*/true);
      return TypeFromValue(value, context);
    }
    case NodeKind::Attribute:
      if (auto [owner, alias] = ImplicitAliasFor(expr); owner) {  // `m.Alias`
        TypeId t = owner->ImplicitAliasType(alias, context);
        if (t.valid()) return t;
      }
      return TypeFromValue(ExprType(expr), context);
    case NodeKind::Subscript: return SubscriptTypeExpr(expr, context);
    case NodeKind::BinOp: {
      if (static_cast<BinaryOp>(ast_.node(expr).data) != BinaryOp::BitOr) return store_.Unknown();
      TypeId left = InferTypeExpr(BinOpView{ast_, expr}.left(), context);
      TypeId right = InferTypeExpr(BinOpView{ast_, expr}.right(), context);
      return store_.Union({left, right});
    }
    case NodeKind::StringLiteral: {
      // A forward reference: the contents parsed by the lowering (in annotations), else a dotted
      // name (implicit aliases `A = "Foo"`); anything else stays Unknown.
      if (NodeId parsed = ast_.string_annotation(expr); parsed.valid()) {
        if (ast_.kind(parsed) == NodeKind::Error) {
          if (reported_forward_syntax_.insert(expr.index()).second) {
            llvm::StringRef text = ast_.str(expr).trim();
            std::string shown = text.size() > 60 ? text.take_front(57).str() + "..." : text.str();
            Report(MakeDiagnostic(Rule::InvalidSyntaxInForwardAnnotation, file_, ast_.range(expr),
                                  "Syntax error in forward annotation: `" + shown + "` is not an expression"));
          }
          return store_.Unknown();
        }
        return InferTypeExpr(parsed, context);
      }
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

TypeId FileInference::UnpackedTypeVarTuple(NodeId element, const TypeContext& context) {
  NodeId inner = ast_.kind(element) == NodeKind::Starred ? ast_.children(element)[0] : SubscriptView{ast_, element}.slice();
  if (!inner.valid()) return store_.Unknown();
  TypeId t = InferTypeExpr(inner, context);
  if (store_.kind(t) == TypeKind::TypeVar &&
      store_.typevar(TypeVarTypeView{store_, t}.typevar()).flavor == TypeVarFlavor::TypeVarTuple) {
    return t;
  }
  return store_.Unknown();
}

bool FileInference::IsUnpackedElement(NodeId element) {
  if (!element.valid()) return false;
  if (ast_.kind(element) == NodeKind::Starred) return true;  // `*Ts`, `*tuple[int, ...]`
  if (ast_.kind(element) != NodeKind::Subscript) return false;
  TypeId head = ExprType(SubscriptView{ast_, element}.value());  // `Unpack[Ts]`
  return store_.kind(head) == TypeKind::SpecialForm && SpecialFormTypeView{store_, head}.form() == SpecialForm::Unpack;
}

TypeId FileInference::SubscriptTypeExpr(NodeId expr, const TypeContext& context) {
  NodeId head = SubscriptView{ast_, expr}.value();
  NodeId slice = SubscriptView{ast_, expr}.slice();
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
  // A generic PEP 695 alias specialized: `Pair[int]` for `type Pair[T] = tuple[T, T]`.
  if (auto [owner, alias] = ExplicitAliasFor(head); owner) return owner->ExplicitAliasType(alias, args_of(elements), context);
  // A generic old-style alias specialized: `StrDict[int]` for `StrDict = dict[str, T]`,
  // `_FutureLike[_T]` for `Future[_T] | Awaitable[_T]`: its free TypeVars, in order of first
  // appearance, take the arguments (missing ones Unknown).
  if (auto [owner, alias] = ImplicitAliasFor(head); owner) {
    TypeId t = owner->ImplicitAliasType(alias, context);
    if (t.valid()) {
      std::vector<TypeId> mentioned;
      CollectTypeVars(store_, t, &mentioned);
      Substitution subst;
      size_t n = 0;
      std::vector<TypeId> args = args_of(elements);
      for (TypeId tv : mentioned) {
        if (store_.kind(tv) != TypeKind::TypeVar ||
            BindingContext::KindOf(TypeVarTypeView{store_, tv}.binding()) != BindingContext::Kind::None) {
          continue;  // bound to an enclosing class or function: not the alias's parameter
        }
        subst.Add(tv, n < args.size() ? args[n] : store_.Unknown());
        ++n;
      }
      if (n > 0) return Substitute(store_, t, subst);
    }
  }
  TypeId value = ExprType(head);
  const TypeKind kind = store_.kind(value);
  if (kind == TypeKind::ClassLiteral) {
    ClassId cls = store_.ClassOf(value);
    const ClassInfo& info = ResolvedClass(program_, cls);
    if (info.known == KnownClass::Tuple) {
      if (llvm::any_of(elements, [&](NodeId e) { return IsUnpackedElement(e); })) {
        return store_.HomogeneousTuple(store_.Unknown());  // `tuple[*Ts]`: its length is not modelled
      }
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
      const TypeVarInfo& tv = store_.typevar(TypeVarTypeView{store_, params[i]}.typevar());
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
  if (kind != TypeKind::SpecialForm) return store_.Unknown();
  switch (SpecialFormTypeView{store_, value}.form()) {
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
    case SpecialForm::TypeGuard:
    case SpecialForm::TypeIs:
      return KnownInstance(program_, KnownClass::Bool);  // the guarded type: Signature::guard
    case SpecialForm::Tuple:
      if (llvm::any_of(elements, [&](NodeId e) { return IsUnpackedElement(e); })) {
        return store_.HomogeneousTuple(store_.Unknown());  // `Tuple[Unpack[Ts]]`
      }
      if (elements.size() == 2 && ast_.kind(elements[1]) == NodeKind::EllipsisLiteral) {
        return store_.HomogeneousTuple(InferTypeExpr(elements[0], context));
      }
      if (elements.size() == 1 && ast_.kind(elements[0]) == NodeKind::Tuple && ast_.children(elements[0]).empty()) {
        return store_.Tuple({});  // Tuple[()]
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
        auto list = ast_.children(elements[0]);
        for (size_t i = 0; i < list.size(); ++i) {
          NodeId p = list[i];
          if (IsUnpackedElement(p)) {
            // `Callable[[A, *Ts], R]`: a trailing TypeVarTuple is `*args: *Ts`; other unpacked
            // forms are not modelled (any arguments).
            TypeId ts = i + 1 == list.size() ? UnpackedTypeVarTuple(p, context) : store_.Unknown();
            if (store_.kind(ts) == TypeKind::TypeVar) {
              Param param;
              param.name = "args";
              param.kind = ParamKind::VarArgs;
              param.type = ts;
              sig.params.push_back(param);
              break;
            }
            sig.gradual = true;
            sig.params.clear();
            break;
          }
          TypeId t = InferTypeExpr(p, context);
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
              store_.typevar(TypeVarTypeView{store_, p}.typevar()).flavor == TypeVarFlavor::ParamSpec) {
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
