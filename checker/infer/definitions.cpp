// Definition inference: what each kind of binding binds (assignments with unpacking, annotated
// assignments, functions with their decorators and overloads, classes, parameters, imports,
// for / with / except targets, comprehension targets, TypeVars and PEP 695 type parameters),
// and the import diagnostics of a statement.
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/decorators.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype {
namespace {

std::optional<SpecialForm> SpecialFormByName(llvm::StringRef name) {
  static constexpr std::pair<const char*, SpecialForm> kForms[] = {
      {"Any", SpecialForm::Any},           {"Union", SpecialForm::Union},
      {"Optional", SpecialForm::Optional}, {"Callable", SpecialForm::Callable},
      {"Generic", SpecialForm::Generic},   {"Protocol", SpecialForm::Protocol},
      {"Literal", SpecialForm::Literal},   {"ClassVar", SpecialForm::ClassVar},
      {"Final", SpecialForm::Final},       {"Annotated", SpecialForm::Annotated},
      {"TypeAlias", SpecialForm::TypeAlias}, {"Concatenate", SpecialForm::Concatenate},
      {"Unpack", SpecialForm::Unpack},     {"Self", SpecialForm::Self},
      {"NoReturn", SpecialForm::NoReturn}, {"Never", SpecialForm::Never},
      {"LiteralString", SpecialForm::LiteralString}, {"Tuple", SpecialForm::Tuple},
      {"Type", SpecialForm::Type},         {"Required", SpecialForm::ClassVar},
      {"NotRequired", SpecialForm::ClassVar}, {"ReadOnly", SpecialForm::ClassVar},
      {"TypeGuard", SpecialForm::TypeGuard}, {"TypeIs", SpecialForm::TypeIs},
  };
  for (const auto& [n, form] : kForms) {
    if (name == n) return form;
  }
  return std::nullopt;
}

// typing's capitalised aliases of library classes: the defining module and the class's name.
std::optional<std::pair<llvm::StringRef, llvm::StringRef>> TypingAliasTarget(llvm::StringRef name) {
  static constexpr std::pair<const char*, std::pair<const char*, const char*>> kAliases[] = {
      {"List", {"builtins", "list"}},
      {"Dict", {"builtins", "dict"}},
      {"Set", {"builtins", "set"}},
      {"FrozenSet", {"builtins", "frozenset"}},
      {"DefaultDict", {"collections", "defaultdict"}},
      {"OrderedDict", {"collections", "OrderedDict"}},
      {"Counter", {"collections", "Counter"}},
      {"Deque", {"collections", "deque"}},
      {"ChainMap", {"collections", "ChainMap"}},
  };
  for (const auto& [n, target] : kAliases) {
    if (name == n) return std::pair<llvm::StringRef, llvm::StringRef>(target.first, target.second);
  }
  return std::nullopt;
}

// The node among `root`'s direct children that contains `offset`.
NodeId ChildContaining(const Ast& ast, NodeId root, uint32_t offset) {
  for (NodeId child : ast.children(root)) {
    if (child.valid() && ast.range(child).start <= offset && offset < ast.range(child).end) return child;
  }
  return NodeId::None();
}

}  // namespace

TypeId FileInference::InferDefinition(DefinitionId id) {
  const Definition def = index_.definition(id);
  // typing's special forms are known by name, however the stub spells them (typeshed declares
  // `class Any: ...`, `Union: _SpecialForm`; a user's typeshed may write `Any = object()`), and so
  // are its capitalised aliases of library classes (`List = _Alias()` in typeshed).
  if (is_stub_ && def.scope == index_.module_scope() && def.kind != DefinitionKind::Function &&
      def.kind != DefinitionKind::Import && def.kind != DefinitionKind::ImportFrom) {
    std::string module = program_.resolver().ModuleNameOf(file_);
    if (module == "typing" || module == "typing_extensions") {
      llvm::StringRef name = index_.symbol(def.symbol).name;
      if (auto form = SpecialFormByName(name)) return store_.Special(*form);
      if (auto aliased = TypingAliasTarget(name); aliased && def.kind == DefinitionKind::Assignment) {
        ModuleId target = program_.resolver().Resolve(aliased->first.str());
        if (target.valid()) {
          FileId target_file = program_.modules()[target].file;
          if (target_file != file_) {
            if (auto t = program_.inference(target_file).ModuleSymbolType(aliased->second);
                t && store_.kind(*t) == TypeKind::ClassLiteral) {
              return *t;
            }
          }
        }
      }
    }
  }
  switch (def.kind) {
    case DefinitionKind::Assignment: {
      NodeId value = AssignView{ast_, def.node}.value();
      if (ast_.kind(value) == NodeKind::Call && ast_.kind(def.target) == NodeKind::Name) {
        if (auto flavor = TypeVarConstructor(value)) {
          return TypeVarDefinition(value, ast_.str(def.target), *flavor);
        }
      }
      TypeId value_type = ExprType(value);
      NodeId root = ChildContaining(ast_, def.node, ast_.range(def.target).start);
      if (!root.valid() || root == value) return store_.Unknown();
      if (root == def.target && ast_.kind(def.target) == NodeKind::Name) {
        // A value not assignable to the name's declared type (reported there) leaves it declared.
        TypeId declared = DeclaredTargetType(def.target);
        if (declared.valid() && !store_.IsDynamic(value_type) && !IsAssignable(program_, value_type, declared)) {
          return declared;
        }
      }
      return AssignedType(root, value_type, def.target);
    }
    case DefinitionKind::AnnAssignment: {
      NodeId annotation = AnnAssignView{ast_, def.node}.annotation();
      NodeId value = AnnAssignView{ast_, def.node}.value();
      TypeContext context;
      ScopeId scope = def.scope;
      if (index_.scope(scope).kind == ScopeKind::Class) context.cls = ClassFor(index_.scope(scope).node);
      // `X: TypeAlias = ...`, and bare `Final` / `ClassVar`, take the value's type.
      TypeId written = ExprType(annotation);
      if (store_.kind(written) == TypeKind::SpecialForm) {
        auto form = SpecialFormTypeView{store_, written}.form();
        if (form == SpecialForm::TypeAlias || form == SpecialForm::Final || form == SpecialForm::ClassVar) {
          return value.valid() ? ExprType(value) : store_.Unknown();
        }
      }
      TypeId declared = AnnotationType(annotation, context);
      if (value.valid()) ExprType(value);
      return declared;
    }
    case DefinitionKind::AugAssignment: {
      NodeId target = def.target;
      TypeId before = TypeOfNameInScope(target, ast_.str(target), def.scope, ast_.range(def.node).start,
                                        index_.InLoop(target), is_stub_, /*report=*/true);
      TypeId value = ExprType(AugAssignView{ast_, def.node}.value());
      auto op = static_cast<BinaryOp>(ast_.node(def.node).data);
      static constexpr const char* kDunders[] = {"add", "sub", "mul", "matmul", "truediv", "floordiv",
                                                 "mod", "pow", "lshift", "rshift", "or", "xor", "and"};
      std::string name = kDunders[static_cast<int>(op)];
      for (const std::string& dunder : {"__i" + name + "__", "__" + name + "__"}) {
        Member m = LookupDunder(program_, before, dunder);
        if (!m.type.valid()) continue;
        CallOutcome r = CallType(program_, m.type, {Argument{Argument::Kind::Positional, "", value}});
        if (r.matched && r.callable) return r.type;
      }
      return store_.Unknown();
    }
    case DefinitionKind::NamedExpr:
      return ExprType(NamedExprView{ast_, def.node}.value());
    case DefinitionKind::Function:
      return FunctionDefinitionType(def);
    case DefinitionKind::Class:
      return store_.ClassLiteral(ClassFor(def.node));
    case DefinitionKind::Parameter:
      return ParameterType(def);
    case DefinitionKind::Import:
      return ImportType(def);
    case DefinitionKind::ImportFrom:
      return ImportFromType(def);
    case DefinitionKind::ForTarget: {
      TypeId iterable = ExprType(ForView{ast_, def.node}.iter());
      auto element = IterationType(program_, iterable, ast_.Has(def.node, kAsync));
      return AssignedType(ForView{ast_, def.node}.target(), element ? *element : store_.Unknown(), def.target);
    }
    case DefinitionKind::Comprehension: {
      TypeId iterable = ExprType(ComprehensionView{ast_, def.node}.iter());
      auto element = IterationType(program_, iterable, ast_.Has(def.node, kAsync));
      return AssignedType(ComprehensionView{ast_, def.node}.target(), element ? *element : store_.Unknown(), def.target);
    }
    case DefinitionKind::WithTarget: {
      TypeId manager = ExprType(WithItemView{ast_, def.node}.context_expr());
      bool is_async = ast_.kind(def.statement) == NodeKind::With && ast_.Has(def.statement, kAsync);
      TypeId entered = store_.Unknown();
      Member enter = LookupDunder(program_, manager, is_async ? "__aenter__" : "__enter__");
      if (enter.type.valid()) {
        TypeId result = CallType(program_, enter.type, {}).type;
        if (is_async) {
          AwaitResult awaited = TryAwait(program_, result);
          result = awaited.error == AwaitError::None ? awaited.type : store_.Unknown();
        }
        entered = result;
      }
      return AssignedType(WithItemView{ast_, def.node}.optional_vars(), entered, def.target);
    }
    case DefinitionKind::ExceptHandler: {
      NodeId type_node = ExceptHandlerView{ast_, def.node}.type();
      if (!type_node.valid()) return KnownInstance(program_, KnownClass::BaseException);
      TypeId type = ExprType(type_node);
      auto instance_of = [&](TypeId t) -> TypeId {
        if (store_.kind(t) == TypeKind::ClassLiteral) return DefaultInstance(program_, store_.ClassOf(t));
        return store_.Unknown();
      };
      if (store_.kind(type) == TypeKind::Tuple) {
        std::vector<TypeId> members;
        for (TypeId t : TupleTypeView{store_, type}.elements()) members.push_back(instance_of(t));
        return store_.Union(members);
      }
      return instance_of(type);
    }
    case DefinitionKind::TypeParam: {
      auto it = typevars_.find(def.node.index());
      TypeVarId tv;
      if (it != typevars_.end()) {
        tv = it->second;
      } else {
        TypeVarInfo info;
        info.name = ast_.str(def.node).str();
        switch (GetTypeParamKind(ast_, def.node)) {
          case TypeParamKind::TypeVar: info.flavor = TypeVarFlavor::TypeVar; break;
          case TypeParamKind::TypeVarTuple: info.flavor = TypeVarFlavor::TypeVarTuple; break;
          case TypeParamKind::ParamSpec: info.flavor = TypeVarFlavor::ParamSpec; break;
        }
        // A class's PEP 695 parameters have inferred variance, which the checker does not infer.
        const Scope& owner_scope = index_.scope(def.scope);
        if (owner_scope.owner.valid() && ast_.kind(owner_scope.owner) == NodeKind::ClassDef) {
          info.variance = Variance::Bivariant;
        }
        tv = store_.AddTypeVar(std::move(info));
        typevars_[def.node.index()] = tv;
        NodeId bound = TypeParamView{ast_, def.node}.bound();
        if (bound.valid() && ast_.kind(bound) != NodeKind::Tuple) {
          TypeContext context;
          TypeId b = AnnotationType(bound, context);
          store_.typevar(tv).bound = b;
        }
      }
      const Scope& scope = index_.scope(def.scope);
      uint32_t binding = BindingContext::Encode(BindingContext::Kind::None, 0);
      if (scope.owner.valid()) {
        if (ast_.kind(scope.owner) == NodeKind::FunctionDef) {
          binding = BindingContext::Encode(BindingContext::Kind::Function, FunctionFor(scope.owner).value);
        } else if (ast_.kind(scope.owner) == NodeKind::ClassDef) {
          binding = BindingContext::Encode(BindingContext::Kind::Class, ClassFor(scope.owner).value);
        }
      }
      return store_.TypeVar(tv, binding);
    }
    case DefinitionKind::Submodule: {
      std::string sub = ast_.str(ImportFromView{ast_, def.node}.module()).split('.').first.str();
      ModuleId module = program_.resolver().Resolve(program_.resolver().ResolveRelative(file_, 1, sub));
      return module.valid() ? program_.modules().Type(module) : store_.Unknown();
    }
    case DefinitionKind::TypeAlias:
    case DefinitionKind::MatchCapture:
    case DefinitionKind::StarImport:
      return store_.Unknown();
  }
  llvm_unreachable("every DefinitionKind is handled");
}

TypeId FileInference::AssignedType(NodeId target, TypeId value, NodeId name) {
  if (!target.valid()) return store_.Unknown();
  if (target == name) return value;
  NodeKind kind = ast_.kind(target);
  if (kind == NodeKind::Starred) {
    return AssignedType(StarredView{ast_, target}.value(), KnownInstance(program_, KnownClass::List, {value}), name);
  }
  if (kind != NodeKind::Tuple && kind != NodeKind::ListExpr) return store_.Unknown();
  auto elements = ast_.children(target);
  size_t index = 0;
  for (; index < elements.size(); ++index) {
    NodeId e = elements[index];
    if (e.valid() && ast_.range(e).start <= ast_.range(name).start && ast_.range(name).end <= ast_.range(e).end) break;
  }
  if (index == elements.size()) return store_.Unknown();
  NodeId element = elements[index];
  int starred = -1;
  for (size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].valid() && ast_.kind(elements[i]) == NodeKind::Starred) starred = static_cast<int>(i);
  }
  // A union unpacks member by member (`Unknown | tuple[A, B]` gives `Unknown | A`).
  if (store_.kind(value) == TypeKind::Union) {
    std::vector<TypeId> parts;
    for (TypeId m : store_.UnionMembers(value)) parts.push_back(AssignedType(target, m, name));
    return store_.Union(parts);
  }
  // A fixed-length tuple unpacks element-wise.
  if (store_.kind(value) == TypeKind::Tuple && !TupleTypeView{store_, value}.homogeneous()) {
    auto items = TupleTypeView{store_, value}.elements();
    if (starred < 0) {
      if (items.size() != elements.size()) return store_.Unknown();
      return AssignedType(element, items[index], name);
    }
    size_t after = elements.size() - starred - 1;
    if (items.size() < elements.size() - 1) return store_.Unknown();
    if (static_cast<int>(index) < starred) return AssignedType(element, items[index], name);
    if (static_cast<int>(index) > starred) {
      return AssignedType(element, items[items.size() - (elements.size() - index)], name);
    }
    std::vector<TypeId> middle(items.begin() + starred, items.end() - after);
    TypeId elem = middle.empty() ? store_.Unknown() : store_.Union(middle);
    return AssignedType(StarredView{ast_, element}.value(),
                        KnownInstance(program_, KnownClass::List, {PromoteLiteral(program_, elem)}), name);
  }
  auto item = IterationType(program_, value, false);
  TypeId item_type = item ? *item : store_.Unknown();
  if (static_cast<int>(index) == starred) {
    return AssignedType(StarredView{ast_, element}.value(),
                        KnownInstance(program_, KnownClass::List, {item_type}), name);
  }
  return AssignedType(element, item_type, name);
}

std::optional<TypeVarFlavor> FileInference::TypeVarConstructor(NodeId call) {
  TypeId callee = ExprType(CallView{ast_, call}.func());
  if (store_.kind(callee) != TypeKind::ClassLiteral) return std::nullopt;
  const ClassInfo& info = store_.cls(store_.ClassOf(callee));
  if (info.module != "typing" && info.module != "typing_extensions") return std::nullopt;
  if (info.name == "TypeVar") return TypeVarFlavor::TypeVar;
  if (info.name == "ParamSpec") return TypeVarFlavor::ParamSpec;
  if (info.name == "TypeVarTuple") return TypeVarFlavor::TypeVarTuple;
  return std::nullopt;
}

TypeId FileInference::TypeVarDefinition(NodeId call, llvm::StringRef name, TypeVarFlavor flavor) {
  auto it = typevars_.find(call.index());
  if (it != typevars_.end()) return store_.TypeVarObject(it->second);
  TypeVarInfo info;
  info.name = name.str();
  info.flavor = flavor;
  TypeVarId tv = store_.AddTypeVar(info);
  typevars_[call.index()] = tv;
  TypeContext context;
  bool first = true;
  for (NodeId arg : CallView{ast_, call}.args()) {
    if (ast_.kind(arg) == NodeKind::Keyword) {
      llvm::StringRef key = ast_.str(arg);
      NodeId value = KeywordView{ast_, arg}.value();
      if (key == "bound") store_.typevar(tv).bound = AnnotationType(value, context);
      if (key == "default") store_.typevar(tv).default_type = AnnotationType(value, context);
      if (key == "covariant" && ast_.kind(value) == NodeKind::BoolLiteral && ast_.node(value).data) {
        store_.typevar(tv).variance = Variance::Covariant;
      }
      if (key == "contravariant" && ast_.kind(value) == NodeKind::BoolLiteral && ast_.node(value).data) {
        store_.typevar(tv).variance = Variance::Contravariant;
      }
      if (key == "infer_variance" && ast_.kind(value) == NodeKind::BoolLiteral && ast_.node(value).data) {
        store_.typevar(tv).variance = Variance::Bivariant;
      }
      continue;
    }
    if (first) {
      first = false;  // the name
      continue;
    }
    TypeId constraint = AnnotationType(arg, context);
    store_.typevar(tv).constraints.push_back(constraint);
  }
  return store_.TypeVarObject(tv);
}

TypeId FileInference::FunctionDefinitionType(const Definition& def) {
  FunctionId fn = FunctionFor(def.node);
  const FunctionInfo& info = store_.function(fn);
  TypeId type = store_.Function(fn);
  // Overloads: the symbol's run of `@overload` definitions.
  const Symbol& symbol = index_.symbol(def.symbol);
  bool any_overload = info.is_overload;
  std::vector<TypeId> overloads;
  // (The index counts the `@overload` definitions: none in the common case.)
  if (!info.is_overload && symbol.overloads > 0) {
    for (DefinitionId d : symbol.definitions) {
      const Definition& other = index_.definition(d);
      if (other.node == def.node) break;
      if (other.kind == DefinitionKind::Function && store_.function(FunctionFor(other.node)).is_overload) {
        any_overload = true;
      }
    }
  }
  if (any_overload) {
    for (DefinitionId d : symbol.definitions) {
      const Definition& other = index_.definition(d);
      if (other.kind != DefinitionKind::Function) continue;
      FunctionId f = FunctionFor(other.node);
      if (store_.function(f).is_overload) overloads.push_back(store_.Function(f));
    }
    if (overloads.size() > 1) type = store_.Overloaded(overloads);
  }
  // `@x.setter` / `@x.deleter` rebind the property `x`: its type is still the getter's.
  FunctionDefView view{ast_, def.node};
  if (view.decorators().valid()) {
    for (NodeId dec : ast_.children(view.decorators())) {
      Decorator form = ClassifyDecorator(ast_, dec);
      if (!form.dotted || form.calls > 0) continue;
      if (form.kind != KnownDecorator::Setter && form.kind != KnownDecorator::Deleter) continue;
      DefinitionId previous;
      for (DefinitionId d : symbol.definitions) {
        if (index_.definition(d).node == def.node) break;
        previous = d;
      }
      if (previous.valid()) return DefinitionType(previous);
    }
  }
  // Decorators other than the ones understood by name are applied as calls, innermost first.
  if (view.decorators().valid()) {
    auto decorators = ast_.children(view.decorators());
    for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
      NodeId dec = *it;
      Decorator d = ClassifyDecorator(ast_, dec);
      if (d.calls == 0 && AppliedByName(d.kind)) continue;
      TypeId decorator = ExprType(dec);
      if (store_.IsDynamic(decorator)) return store_.Unknown();
      CallOutcome r = CallType(program_, decorator, {Argument{Argument::Kind::Positional, "", type}});
      type = r.type;
    }
  }
  return type;
}

TypeId FileInference::ParameterType(const Definition& def) {
  const Scope& scope = index_.scope(def.scope);
  if (ast_.kind(scope.node) != NodeKind::FunctionDef) return store_.Unknown();  // lambda
  FunctionId fn = FunctionFor(scope.node);
  const Signature& sig = GetSignature(program_, fn);
  const FunctionInfo& info = store_.function(fn);
  llvm::StringRef name = ast_.str(def.node);
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const Param& p = sig.params[i];
    if (p.name != name) continue;
    TypeId t = p.type;
    if (!t.valid()) {
      if (i == 0 && info.owner.valid() && !info.is_staticmethod &&
          (p.kind == ParamKind::PositionalOrKeyword || p.kind == ParamKind::PositionalOnly)) {
        TypeId self = SelfInstance(program_, info.owner);
        if (info.is_classmethod) return store_.ClassLiteral(info.owner, store_.TypeArgs(self));
        return self;
      }
      t = store_.Unknown();
    }
    if (p.kind == ParamKind::VarArgs) return store_.HomogeneousTuple(t);
    if (p.kind == ParamKind::KwArgs) {
      return KnownInstance(program_, KnownClass::Dict, {KnownInstance(program_, KnownClass::Str), t});
    }
    return t;
  }
  return store_.Unknown();
}

TypeId FileInference::ImportType(const Definition& def) {
  NodeId alias = def.node;
  NodeId name = AliasView{ast_, alias}.name();
  NodeId asname = AliasView{ast_, alias}.asname();
  if (!name.valid()) return store_.Unknown();
  std::string full = ast_.str(name).str();
  std::string bound = asname.valid() ? full : full.substr(0, full.find('.'));
  ModuleId module = program_.resolver().Resolve(bound, file_);
  if (!module.valid()) return store_.Unknown();
  // `import a.b` also makes `a.b` reachable as an attribute of `a`.
  if (!asname.valid() && full != bound) program_.resolver().Resolve(full, file_);
  return program_.modules().Type(module);
}

TypeId FileInference::ImportFromType(const Definition& def) {
  NodeId alias = def.node;
  NodeId stmt = def.statement;
  if (ast_.kind(stmt) != NodeKind::ImportFrom) return store_.Unknown();
  NodeId module_node = ImportFromView{ast_, stmt}.module();
  std::string module_name = module_node.valid() ? ast_.str(module_node).str() : "";
  unsigned level = ast_.node(stmt).data;
  if (level > 0) module_name = program_.resolver().ResolveRelative(file_, level, module_name);
  NodeId name = AliasView{ast_, alias}.name();
  if (!name.valid()) return store_.Unknown();
  llvm::StringRef member = ast_.str(name);
  ModuleId module = program_.resolver().Resolve(module_name, file_);
  if (module.valid()) {
    FileId file = program_.modules()[module].file;
    if (!file.valid() && !program_.modules()[module].is_package) return store_.Unknown();  // untyped
    if (file.valid() && file != file_) {
      if (auto t = program_.inference(file).ModuleSymbolType(member)) return *t;
    }
  }
  std::string sub = module_name.empty() ? member.str() : module_name + "." + member.str();
  ModuleId submodule = program_.resolver().Resolve(sub, file_);
  if (submodule.valid()) return program_.modules().Type(submodule);
  return store_.Unknown();  // also: anything from an untyped module
}

}  // namespace asynctype

namespace asynctype {

void FileInference::ReportImportErrors(NodeId statement) {
  ModuleResolver& resolver = program_.resolver();
  if (ast_.kind(statement) == NodeKind::Import) {
    for (NodeId alias : ast_.children(statement)) {
      NodeId name = AliasView{ast_, alias}.name();
      if (!name.valid()) continue;
      std::string module = ast_.str(name).str();
      if (!resolver.Resolve(module).valid()) {
        Report(MakeDiagnostic(Rule::UnresolvedImport, file_, ast_.range(name),
                              "Cannot resolve imported module `" + module + "`"));
      }
    }
    return;
  }
  NodeId module_node = ImportFromView{ast_, statement}.module();
  std::string written = module_node.valid() ? ast_.str(module_node).str() : "";
  if (written == "__future__") return;
  unsigned level = ast_.node(statement).data;
  std::string module_name = level > 0 ? resolver.ResolveRelative(file_, level, written) : written;
  std::string shown = std::string(level, '.') + written;
  ModuleId module = resolver.Resolve(module_name);
  if (!module.valid()) {
    // `from . import x` in a package without __init__: each name may still be a module.
    if (!(level > 0 && written.empty())) {
      TextRange range = module_node.valid() ? ast_.range(module_node) : ast_.range(statement);
      Report(MakeDiagnostic(Rule::UnresolvedImport, file_, range,
                            "Cannot resolve imported module `" + shown + "`"));
      return;
    }
  }
  if (ast_.Has(statement, kStar)) return;
  if (module.valid() && !program_.modules()[module].file.valid()) return;  // an untyped module
  for (NodeId alias : ImportFromView{ast_, statement}.aliases()) {
    NodeId name = AliasView{ast_, alias}.name();
    if (!name.valid()) continue;
    llvm::StringRef member = ast_.str(name);
    if (IsImplicitModuleAttribute(member)) continue;
    if (module.valid()) {
      FileId file = program_.modules()[module].file;
      if (file != file_ && program_.inference(file).ModuleSymbolType(member)) continue;
      if (program_.inference(file).MemberMayExistUnseen(member)) continue;
      if (program_.inference(file).ModuleSymbolType("__getattr__")) continue;  // PEP 562
      if (file == file_ && index_.LookupSymbol(index_.module_scope(), member).valid()) continue;
    }
    std::string sub = module_name.empty() ? member.str() : module_name + "." + member.str();
    if (resolver.Resolve(sub).valid()) continue;
    if (!module.valid()) {
      Report(MakeDiagnostic(Rule::UnresolvedImport, file_, ast_.range(name),
                            "Cannot resolve imported module `" + shown + member.str() + "`"));
    } else {
      Report(MakeDiagnostic(Rule::UnresolvedImport, file_, ast_.range(name),
                            "Module `" + shown + "` has no member `" + member.str() + "`"));
    }
  }
}

}  // namespace asynctype
