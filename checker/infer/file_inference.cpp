// FileInference: memo tables, symbol types, and the class / function objects of this file
// (class resolution with bases, type parameters and C3 MRO; function signatures).
#include "checker/infer/file_inference.h"

#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/recursion.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/decorators.h"

namespace asynctype {

FileInference::FileInference(Program& program, FileId file)
    : program_(program),
      store_(program.types()),
      file_(file),
      ast_(program.parsed(file).ast),
      index_(program.index(file)),
      is_stub_(program.source(file).is_stub()) {
  expr_types_.assign(ast_.size(), TypeId::None());
  expr_state_.assign(ast_.size(), 0);
}

TypeId FileInference::ExprType(NodeId expr) {
  if (!expr.valid()) return store_.Unknown();
  uint8_t& state = expr_state_[expr.index()];
  if (state == 2) return expr_types_[expr.index()];
  if (state == 1) return store_.Unknown();  // cycle
  state = 1;
  TypeId type = InferExpr(expr);
  expr_types_[expr.index()] = type;
  expr_state_[expr.index()] = 2;
  return type;
}

TypeId FileInference::DefinitionType(DefinitionId def) {
  if (!def.valid()) return store_.Unknown();
  if (definition_types_.size() <= def.index()) {
    definition_types_.resize(def.index() + 1, TypeId::None());
    definition_state_.resize(def.index() + 1, 0);
  }
  if (definition_state_[def.index()] == 2) return definition_types_[def.index()];
  if (definition_state_[def.index()] == 1) return store_.Unknown();  // cycle
  // Too deep a chain (`from a import x` / `x = y` across 2,000 definitions): Unknown from here,
  // inferred again when asked from a shallower place.
  RecursionGuard guard(program_.recursion());
  if (guard.exceeded()) return store_.Unknown();
  definition_state_[def.index()] = 1;
  TypeId type = InferDefinition(def);
  // The vectors may have grown while inferring.
  definition_types_[def.index()] = type;
  definition_state_[def.index()] = 2;
  return type;
}

std::optional<TypeId> FileInference::ScopeSymbolType(ScopeId scope, llvm::StringRef name) {
  SymbolId sym = index_.LookupSymbol(scope, name);
  if (!sym.valid()) return std::nullopt;
  auto defs = index_.PublicDefinitions(sym);
  if (defs.empty()) return std::nullopt;
  return UnionOfDefinitions(defs);
}

std::optional<TypeId> FileInference::ModuleSymbolType(llvm::StringRef name) {
  if (auto t = ScopeSymbolType(index_.module_scope(), name)) return t;
  return StarImportedSymbol(name);
}

bool FileInference::MemberMayExistUnseen(llvm::StringRef name) {
  if (index_.BoundInSkippedBranch(name)) return true;
  if (!program_.source(file_).is_stub()) return false;
  // The embedded full typeshed is complete: a name it does not bind is missing, unless the stub
  // says it is incomplete (a module-level `__getattr__`). Other stubs may be partial: only names
  // they bind in unreachable version branches are known missing.
  if (IsCompleteStub(program_, file_)) return index_.LookupSymbol(index_.module_scope(), "__getattr__").valid();
  return !BoundOnlyWhereUnreachable(name);
}

std::vector<llvm::StringRef> FileInference::ModuleMemberNames() {
  std::vector<llvm::StringRef> names;
  for (const auto& entry : index_.scope(index_.module_scope()).symbols) names.push_back(entry.getKey());
  for (const StarTarget& target : StarTargets()) {
    if (!target.module || target.module == this) continue;
    const SemanticIndex& other = target.module->index();
    for (const auto& entry : other.scope(other.module_scope()).symbols) names.push_back(entry.getKey());
  }
  return names;
}

bool IsCompleteStub(Program& program, FileId file) {
  return program.resolver().IsEmbeddedStdlibStub(file);
}

bool FileInference::BoundOnlyWhereUnreachable(llvm::StringRef name) {
  if (index_.LookupSymbol(index_.module_scope(), name).valid()) return false;
  // Module-level statements, through `if` / `else` blocks (iteratively).
  std::vector<std::pair<NodeId, bool>> stack;  // statement, inside unreachable code
  for (NodeId stmt : ast_.children(ast_.root())) stack.push_back({stmt, false});
  auto binds = [&](NodeId stmt) {
    switch (ast_.kind(stmt)) {
      case NodeKind::FunctionDef:
      case NodeKind::ClassDef: {
        NodeId id = ast_.kind(stmt) == NodeKind::FunctionDef ? FunctionDefView{ast_, stmt}.name()
                                                             : ClassDefView{ast_, stmt}.name();
        return id.valid() && ast_.str(id) == name;
      }
      case NodeKind::Import:
      case NodeKind::ImportFrom:
        for (NodeId alias : ast_.children(stmt)) {
          if (!alias.valid() || ast_.kind(alias) != NodeKind::Alias) continue;
          AliasView view{ast_, alias};
          NodeId bound = view.asname().valid() ? view.asname() : view.name();
          if (bound.valid() && ast_.str(bound).split('.').first == name) return true;
        }
        return false;
      case NodeKind::Assign:
        for (NodeId target : AssignView{ast_, stmt}.targets()) {
          if (ast_.kind(target) == NodeKind::Name && ast_.str(target) == name) return true;
        }
        return false;
      case NodeKind::AnnAssign: {
        NodeId target = AnnAssignView{ast_, stmt}.target();
        return ast_.kind(target) == NodeKind::Name && ast_.str(target) == name;
      }
      default: return false;
    }
  };
  while (!stack.empty()) {
    auto [stmt, unreachable] = stack.back();
    stack.pop_back();
    if (!stmt.valid()) continue;
    unreachable = unreachable || index_.IsUnreachable(stmt);
    if (ast_.kind(stmt) == NodeKind::If) {
      for (NodeId block : {IfView{ast_, stmt}.body(), IfView{ast_, stmt}.orelse()}) {
        for (NodeId s : ast_.children(block)) stack.push_back({s, unreachable});
      }
    } else if (unreachable && binds(stmt)) {
      return true;
    }
  }
  return false;
}

FunctionId FileInference::FunctionFor(NodeId function_def) {
  auto it = functions_.find(function_def.index());
  if (it != functions_.end()) return it->second;
  FunctionDefView view{ast_, function_def};
  FunctionInfo info;
  info.name = view.name().valid() ? ast_.str(view.name()).str() : "<unknown>";
  info.file = file_;
  info.node = function_def;
  info.is_async = view.is_async();
  ScopeId body = index_.ScopeOpenedBy(function_def);
  info.is_generator = body.valid() && index_.scope(body).is_generator;
  ScopeId outer = index_.ScopeOf(function_def);
  if (outer.valid() && index_.scope(outer).kind == ScopeKind::Class) {
    info.owner = ClassFor(index_.scope(outer).node);
  }
  // Decorators the checker understands by name.
  if (view.decorators().valid()) {
    for (NodeId dec : ast_.children(view.decorators())) {
      Decorator d = ClassifyDecorator(ast_, dec);
      if (d.calls > 0) continue;
      switch (d.kind) {
        case KnownDecorator::StaticMethod: info.is_staticmethod = true; break;
        case KnownDecorator::ClassMethod: info.is_classmethod = true; break;
        case KnownDecorator::Property:
        case KnownDecorator::CachedProperty:
        case KnownDecorator::AbstractProperty:
        case KnownDecorator::Setter:
        case KnownDecorator::Getter:
        case KnownDecorator::Deleter: info.is_property = true; break;
        case KnownDecorator::Overload: info.is_overload = true; break;
        default: break;
      }
    }
  }
  // `__new__`, `__init_subclass__` and `__class_getitem__` are implicitly static/class methods.
  if (info.name == "__new__") info.is_staticmethod = true;
  if (info.name == "__init_subclass__" || info.name == "__class_getitem__") info.is_classmethod = true;
  FunctionId id = store_.AddFunction(std::move(info));
  functions_[function_def.index()] = id;
  return id;
}

ClassId FileInference::ClassFor(NodeId class_def) {
  auto it = classes_.find(class_def.index());
  if (it != classes_.end()) return it->second;
  ClassDefView view{ast_, class_def};
  ClassInfo info;
  info.name = view.name().valid() ? ast_.str(view.name()).str() : "<unknown>";
  info.module = program_.resolver().ModuleNameOf(file_);
  info.file = file_;
  info.node = class_def;
  if (is_stub_) info.known = KnownClassFor(info.module, info.name);
  TypeVarInfo self;
  self.name = "Self";
  self.is_self = true;
  TypeVarId self_id = store_.AddTypeVar(std::move(self));
  info.self_typevar = store_.TypeVar(self_id, BindingContext::Encode(BindingContext::Kind::None, 0));
  KnownClass known = info.known;
  ClassId id = store_.AddClass(std::move(info));
  classes_[class_def.index()] = id;
  if (known != KnownClass::None_ && !store_.known_class(known).valid()) store_.SetKnownClass(known, id);
  return id;
}

namespace {

// The longest MRO kept (each class stores its whole MRO: a chain of N classes stores N^2/2
// entries without a bound).
constexpr size_t kMaxMroLength = 256;

// C3 linearization; falls back to a depth-first order without duplicates when inconsistent.
std::vector<TypeId> Linearize(const TypeStore& store, TypeId self,
                              std::vector<std::vector<TypeId>> sequences) {
  std::vector<TypeId> result = {self};
  auto same_class = [&](TypeId a, TypeId b) { return store.ClassOf(a) == store.ClassOf(b); };
  while (true) {
    sequences.erase(std::remove_if(sequences.begin(), sequences.end(),
                                   [](const std::vector<TypeId>& s) { return s.empty(); }),
                    sequences.end());
    if (sequences.empty()) return result;
    TypeId candidate = TypeId::None();
    for (const auto& seq : sequences) {
      TypeId head = seq.front();
      bool in_tail = false;
      for (const auto& other : sequences) {
        for (size_t i = 1; i < other.size() && !in_tail; ++i) in_tail = same_class(other[i], head);
      }
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (!candidate.valid()) {
      // Inconsistent hierarchy: keep a stable order without duplicates.
      for (const auto& seq : sequences) {
        for (TypeId t : seq) {
          bool seen = false;
          for (TypeId r : result) seen |= same_class(r, t);
          if (!seen) result.push_back(t);
        }
      }
      return result;
    }
    result.push_back(candidate);
    for (auto& seq : sequences) {
      if (!seq.empty() && same_class(seq.front(), candidate)) seq.erase(seq.begin());
    }
  }
}

}  // namespace

void FileInference::ResolveClass(ClassId cls) {
  ClassInfo& info = store_.cls(cls);
  if (info.resolved || info.resolving) return;
  RecursionGuard guard(program_.recursion());
  if (guard.exceeded()) {
    // Too deep a chain of bases: a class whose bases are not known (any member may exist).
    ClassId object = store_.known_class(KnownClass::Object);
    ClassInfo& lenient = store_.cls(cls);
    lenient.has_unknown_base = true;
    lenient.mro = {store_.Instance(cls)};
    if (object.valid() && object != cls) lenient.mro.push_back(store_.Instance(object));
    lenient.resolved = true;
    return;
  }
  info.resolving = true;
  NodeId node = info.node;
  ClassDefView view{ast_, node};
  TypeContext context;
  context.binding = BindingContext::Encode(BindingContext::Kind::Class, cls.value);
  context.cls = cls;
  std::vector<TypeId> collected, explicit_params, pep695_params;
  bool has_explicit = false, is_protocol = false, unknown_base = false, is_typed_dict = false;
  if (view.type_params().valid()) {
    for (NodeId tp : ast_.children(view.type_params())) {
      DefinitionId def = index_.DefinitionOf(tp);
      if (def.valid()) pep695_params.push_back(DefinitionType(def));
    }
  }
  std::vector<TypeId> bases;
  TypeId metaclass;
  if (view.arguments().valid()) {
    context.collected = &collected;
    for (NodeId arg : ast_.children(view.arguments())) {
      if (arg.valid() && ast_.kind(arg) == NodeKind::Keyword && ast_.str(arg) == "metaclass") {
        TypeId meta = ExprType(KeywordView{ast_, arg}.value());
        if (store_.kind(meta) == TypeKind::ClassLiteral) metaclass = DefaultInstance(program_, store_.ClassOf(meta));
        continue;
      }
      if (!arg.valid() || ast_.kind(arg) == NodeKind::Keyword || ast_.kind(arg) == NodeKind::Starred) continue;
      // Generic[...] / Protocol[...] declare the type parameters.
      NodeId head = ast_.kind(arg) == NodeKind::Subscript ? SubscriptView{ast_, arg}.value() : arg;
      TypeId head_type = ExprType(head);
      if (store_.kind(head_type) == TypeKind::SpecialForm) {
        auto form = SpecialFormTypeView{store_, head_type}.form();
        if (form == SpecialForm::Generic || form == SpecialForm::Protocol) {
          if (form == SpecialForm::Protocol) is_protocol = true;
          if (ast_.kind(arg) == NodeKind::Subscript) {
            has_explicit = true;
            NodeId slice = SubscriptView{ast_, arg}.slice();
            std::vector<NodeId> elements;
            if (ast_.kind(slice) == NodeKind::Tuple) {
              for (NodeId e : ast_.children(slice)) elements.push_back(e);
            } else {
              elements.push_back(slice);
            }
            for (NodeId e : elements) {
              TypeId t = AnnotationType(e, context);
              if (store_.kind(t) == TypeKind::TypeVar) explicit_params.push_back(t);
            }
          }
          continue;
        }
      }
      // (also under an alias such as `_TypedDict`)
      if ((ast_.kind(head) == NodeKind::Name && ast_.str(head).endswith("TypedDict")) ||
          (ast_.kind(head) == NodeKind::Attribute && AttributeView{ast_, head}.attr().valid() &&
           ast_.str(AttributeView{ast_, head}.attr()).endswith("TypedDict"))) {
        is_typed_dict = true;
      }
      TypeId base = AnnotationType(arg, context);
      if (store_.kind(base) == TypeKind::Instance) {
        bases.push_back(base);
      } else if (store_.kind(base) == TypeKind::Tuple) {
        bases.push_back(PromoteLiteral(program_, KnownInstance(program_, KnownClass::Tuple, {store_.Unknown()})));
      } else {
        unknown_base = true;
      }
    }
  }
  ClassInfo& info2 = store_.cls(cls);
  info2.is_protocol = is_protocol;
  info2.is_typed_dict = is_typed_dict;
  info2.type_params = !pep695_params.empty() ? pep695_params : (has_explicit ? explicit_params : collected);
  info2.bases = bases;
  info2.has_unknown_base = unknown_base;
  info2.metaclass = metaclass;
  // MRO.
  TypeId self = store_.Instance(cls, info2.type_params);
  std::vector<std::vector<TypeId>> sequences;
  for (TypeId base : bases) {
    ClassId base_cls = store_.ClassOf(base);
    const ClassInfo& base_info = ResolvedClass(program_, base_cls);
    if (base_info.has_unknown_base) store_.cls(cls).has_unknown_base = true;
    if (base_info.is_typed_dict) store_.cls(cls).is_typed_dict = true;
    if (!store_.cls(cls).metaclass.valid()) store_.cls(cls).metaclass = base_info.metaclass;
    Substitution subst = ClassSubstitution(store_, base);
    std::vector<TypeId> seq;
    if (base_info.mro.empty()) {
      seq.push_back(base);
    } else {
      std::vector<TypeId> base_mro = base_info.mro;
      for (TypeId entry : base_mro) seq.push_back(Substitute(store_, entry, subst));
    }
    sequences.push_back(std::move(seq));
  }
  sequences.push_back(bases);
  std::vector<TypeId> mro;
  if (bases.size() == 1) {
    // One base: C3 gives the class, then the base's MRO (no quadratic merge down long chains).
    mro.reserve(sequences[0].size() + 1);
    mro.push_back(self);
    mro.insert(mro.end(), sequences[0].begin(), sequences[0].end());
  } else {
    mro = Linearize(store_, self, std::move(sequences));
  }
  if (mro.size() > kMaxMroLength) {
    // A hierarchy thousands of classes deep: the rest is treated like an unknown base.
    mro.resize(kMaxMroLength);
    store_.cls(cls).has_unknown_base = true;
  }
  ClassId object = store_.known_class(KnownClass::Object);
  if (store_.cls(cls).known != KnownClass::Object) {
    if (!object.valid()) object = GetKnownClass(program_, KnownClass::Object);
    bool has_object = false;
    for (TypeId t : mro) has_object |= store_.ClassOf(t) == object;
    if (object.valid() && !has_object && object != cls) mro.push_back(store_.Instance(object));
  }
  ClassInfo& done = store_.cls(cls);
  done.mro = std::move(mro);
  done.resolving = false;
  done.resolved = true;
}

void FileInference::ResolveSignature(FunctionId fn) {
  FunctionInfo& info = store_.function(fn);
  if (info.signature_done || info.signature_in_progress) return;
  RecursionGuard guard(program_.recursion());
  if (guard.exceeded()) {
    // Too deep a chain of annotations: a signature that accepts anything and returns Unknown.
    FunctionInfo& lenient = store_.function(fn);
    lenient.signature = Signature{};
    lenient.signature.gradual = true;
    lenient.signature.return_type = store_.Unknown();
    lenient.signature_done = true;
    return;
  }
  info.signature_in_progress = true;
  NodeId node = info.node;
  ClassId owner = info.owner;
  bool is_async = info.is_async, is_generator = info.is_generator;
  if (owner.valid()) ResolvedClass(program_, owner);
  FunctionDefView view{ast_, node};
  Signature sig;
  std::vector<TypeId> collected;
  TypeContext context;
  context.binding = BindingContext::Encode(BindingContext::Kind::Function, fn.value);
  context.cls = owner;
  context.collected = &collected;
  if (view.type_params().valid()) {
    for (NodeId tp : ast_.children(view.type_params())) {
      DefinitionId def = index_.DefinitionOf(tp);
      if (def.valid()) collected.push_back(DefinitionType(def));
    }
  }
  if (view.parameters().valid()) {
    for (NodeId p : ast_.children(view.parameters())) {
      Param param;
      param.name = ast_.str(p).str();
      switch (GetParameterKind(ast_, p)) {
        case ParameterKind::PositionalOnly: param.kind = ParamKind::PositionalOnly; break;
        case ParameterKind::PositionalOrKeyword: param.kind = ParamKind::PositionalOrKeyword; break;
        case ParameterKind::VarArgs: param.kind = ParamKind::VarArgs; break;
        case ParameterKind::KeywordOnly: param.kind = ParamKind::KeywordOnly; break;
        case ParameterKind::KwArgs: param.kind = ParamKind::KwArgs; break;
      }
      NodeId annotation = ParameterView{ast_, p}.annotation();
      if (annotation.valid()) {
        if (param.kind == ParamKind::VarArgs && IsUnpackedElement(annotation)) {
          // `*args: *Ts` (or `Unpack[Ts]`): the TypeVarTuple itself stands for the arguments'
          // tuple; other unpacked forms (`*tuple[int, ...]`) are not modelled.
          param.type = UnpackedTypeVarTuple(annotation, context);
        } else {
          param.type = AnnotationType(annotation, context);
        }
      }
      NodeId def = ParameterView{ast_, p}.default_value();
      if (def.valid()) {
        param.has_default = true;
        switch (ast_.kind(def)) {
          case NodeKind::NoneLiteral: param.default_text = "None"; break;
          case NodeKind::BoolLiteral: param.default_text = ast_.node(def).data ? "True" : "False"; break;
          case NodeKind::IntLiteral:
            param.default_text = ast_.Has(def, kBig) ? "..." : std::to_string(ast_.int_value(def));
            break;
          case NodeKind::StringLiteral:
            param.default_text = ast_.Has(def, kFString) || ast_.Has(def, kBytes)
                                     ? "..."
                                     : "\"" + ast_.str(def).str() + "\"";
            break;
          default: param.default_text = "..."; break;
        }
      }
      sig.params.push_back(std::move(param));
    }
  }
  TypeId ret = view.returns().valid() ? AnnotationType(view.returns(), context) : TypeId::None();
  if (is_async && !is_generator) {
    ClassId coroutine = GetKnownClass(program_, KnownClass::CoroutineType);
    TypeId r = ret.valid() ? ret : store_.Unknown();
    ret = coroutine.valid() ? store_.Instance(coroutine, {store_.AnyType(), store_.AnyType(), r}) : store_.Unknown();
  }
  sig.return_type = ret;
  if (!is_async && view.returns().valid() && ast_.kind(view.returns()) == NodeKind::Subscript) {
    TypeId head = ExprType(SubscriptView{ast_, view.returns()}.value());
    if (store_.kind(head) == TypeKind::SpecialForm) {
      auto form = SpecialFormTypeView{store_, head}.form();
      if (form == SpecialForm::TypeGuard || form == SpecialForm::TypeIs) {
        sig.guard = AnnotationType(SubscriptView{ast_, view.returns()}.slice(), context);
        sig.guard_is_typeis = form == SpecialForm::TypeIs;
      }
    }
  }
  sig.type_params = collected;
  FunctionInfo& done = store_.function(fn);
  done.signature = std::move(sig);
  done.signature_in_progress = false;
  done.signature_done = true;
}

std::optional<TypeId> FileInference::DeclaredReturnType(NodeId function_def) {
  FunctionId fn = FunctionFor(function_def);
  const FunctionInfo& info = store_.function(fn);
  if (info.is_generator || !FunctionDefView{ast_, function_def}.returns().valid()) return std::nullopt;
  const Signature& sig = GetSignature(program_, fn);
  TypeId ret = sig.return_type;
  if (!ret.valid()) return std::nullopt;
  if (store_.function(fn).is_async) {
    auto args = store_.TypeArgs(ret);
    if (args.size() != 3) return std::nullopt;
    ret = args[2];
  }
  if (store_.IsDynamic(ret)) return std::nullopt;
  return ret;
}

TypeId FileInference::EnclosingSendType(NodeId node) {
  ScopeId scope = index_.ScopeOf(node);
  while (scope.valid() && index_.scope(scope).kind == ScopeKind::Comprehension) {
    scope = index_.scope(scope).parent;
  }
  if (!scope.valid() || index_.scope(scope).kind != ScopeKind::Function) return store_.Unknown();
  FunctionId fn = FunctionFor(index_.scope(scope).node);
  const Signature& sig = GetSignature(program_, fn);
  if (!sig.return_type.valid()) return store_.Unknown();
  auto g = GetGeneratorTypes(program_, sig.return_type);
  return g ? g->send_type : store_.Unknown();
}

namespace {

void Prepare(Program& program, TypeId type, int depth) {
  if (!type.valid() || depth > 12) return;
  TypeStore& store = program.types();
  const TypeKind kind = store.kind(type);
  switch (kind) {
    case TypeKind::Function: {
      const Signature& sig = GetSignature(program, FunctionTypeView{store, type}.function());
      Signature copy = sig;
      for (const Param& p : copy.params) Prepare(program, p.type, depth + 1);
      Prepare(program, copy.return_type, depth + 1);
      return;
    }
    case TypeKind::BoundMethod:
      Prepare(program, BoundMethodTypeView{store, type}.function(), depth + 1);
      Prepare(program, BoundMethodTypeView{store, type}.self(), depth + 1);
      return;
    case TypeKind::Instance:
    case TypeKind::ClassLiteral: {
      ResolvedClass(program, store.ClassOf(type));
      std::vector<TypeId> args(store.TypeArgs(type).begin(), store.TypeArgs(type).end());
      for (TypeId t : args) Prepare(program, t, depth + 1);
      return;
    }
    case TypeKind::Union:
    case TypeKind::Tuple:
    case TypeKind::Overloaded: {
      llvm::ArrayRef<TypeId> list = kind == TypeKind::Union   ? UnionTypeView{store, type}.members()
                                    : kind == TypeKind::Tuple ? TupleTypeView{store, type}.elements()
                                                              : OverloadedTypeView{store, type}.overloads();
      std::vector<TypeId> items(list.begin(), list.end());
      for (TypeId t : items) Prepare(program, t, depth + 1);
      return;
    }
    case TypeKind::SubclassOf:
      Prepare(program, SubclassOfTypeView{store, type}.instance(), depth + 1);
      return;
    default:
      return;
  }
}

}  // namespace

std::string FileInference::Display(TypeId type) {
  Prepare(program_, type, 0);
  return store_.Display(type);
}

}  // namespace asynctype
