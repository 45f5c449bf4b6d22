// Variance inference for the type parameters of PEP 695 classes (`class Box[T]: ...`) and for
// `TypeVar("T", infer_variance=True)`, as the typing spec describes it, by the positions a
// parameter occurs in among the class's public members: only in outputs (method return types,
// `Final` attributes, read-only fields of frozen dataclasses and named tuples, properties
// without setters) -> covariant; only in inputs (method parameters other than `self`) ->
// contravariant; in both, or in a mutable attribute -> invariant; nowhere -> covariant.
// Occurrences inside other generic types follow those types' variance; base classes count as
// outputs. `__init__`, `__new__` and private names are exempt. Whatever the walk cannot follow
// (unknown decorators, a class whose variance is being inferred further up, a parameter count
// that does not match) leaves the parameter Bivariant: compared leniently, never reported.
// Memoized per class in its ClassInfo.
#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/decorators.h"

namespace asynctype {
namespace {

enum class Polarity : uint8_t { Co, Contra, Inv };

Polarity Flip(Polarity p) {
  return p == Polarity::Co ? Polarity::Contra : p == Polarity::Contra ? Polarity::Co : Polarity::Inv;
}

// Where each of the class's parameters was seen.
struct Usage {
  bool co = false, contra = false, unknown = false;
};

class VarianceWalker {
 public:
  VarianceWalker(Program& program, ClassId cls) : program_(program), store_(program.types()), cls_(cls) {
    for (TypeId p : store_.cls(cls).type_params) {
      targets_.push_back(store_.kind(p) == TypeKind::TypeVar ? TypeVarTypeView{store_, p}.typevar() : TypeVarId::None());
    }
    usage_.resize(targets_.size());
  }

  std::vector<Usage>& usage() { return usage_; }

  void Walk(TypeId type, Polarity polarity, int depth = 0) {
    if (!type.valid() || depth > 24) return;
    switch (store_.kind(type)) {
      case TypeKind::TypeVar:
        for (size_t i = 0; i < targets_.size(); ++i) {
          if (targets_[i] != TypeVarTypeView{store_, type}.typevar()) continue;
          if (polarity != Polarity::Contra) usage_[i].co = true;
          if (polarity != Polarity::Co) usage_[i].contra = true;
        }
        return;
      case TypeKind::Union:
        for (TypeId m : store_.UnionMembers(type)) Walk(m, polarity, depth + 1);
        return;
      case TypeKind::Tuple:
        for (TypeId e : TupleTypeView{store_, type}.elements()) Walk(e, polarity, depth + 1);
        return;
      case TypeKind::SubclassOf:
        Walk(SubclassOfTypeView{store_, type}.instance(), polarity, depth + 1);
        return;
      case TypeKind::Callable: WalkSignature(CallableTypeView{store_, type}.signature(), polarity, /*skip_first=*/false, depth); return;
      case TypeKind::Instance:
      case TypeKind::ClassLiteral: WalkArgs(store_.ClassOf(type), store_.TypeArgs(type), polarity, depth); return;
      default: return;
    }
  }

  void WalkSignature(const Signature& sig, Polarity polarity, bool skip_first, int depth = 0) {
    for (size_t i = skip_first ? 1 : 0; i < sig.params.size(); ++i) Walk(sig.params[i].type, Flip(polarity), depth + 1);
    if (sig.param_spec.valid()) Walk(sig.param_spec, Flip(polarity), depth + 1);
    Walk(sig.return_type, polarity, depth + 1);
  }

  // Every target mentioned in `type` (at any depth) is marked as not understood.
  void MarkUnknown(TypeId type) {
    VarianceWalker inner(program_, cls_);
    inner.Walk(type, Polarity::Inv);
    for (size_t i = 0; i < usage_.size(); ++i) {
      if (inner.usage_[i].co || inner.usage_[i].contra) usage_[i].unknown = true;
    }
  }

 private:
  void WalkArgs(ClassId cls, llvm::ArrayRef<TypeId> args, Polarity polarity, int depth) {
    if (args.empty()) return;
    // Copied: inferring another class's variance may add classes (and move the infos).
    std::vector<TypeId> params = ResolvedClass(program_, cls).type_params;
    if (args.size() != params.size()) {
      for (TypeId a : args) MarkUnknown(a);
      return;
    }
    for (size_t j = 0; j < args.size(); ++j) {
      TypeId param = params[j];
      if (store_.kind(param) != TypeKind::TypeVar) {
        MarkUnknown(args[j]);
        continue;
      }
      const TypeVarInfo& tv = store_.typevar(TypeVarTypeView{store_, param}.typevar());
      Variance variance = tv.flavor == TypeVarFlavor::TypeVar ? tv.variance : Variance::Invariant;
      if (variance == Variance::Bivariant) {
        // The class itself, its own parameter in its own place (`def next(self) -> Node[T]`):
        // consistent with whatever the parameter turns out to be.
        if (cls == cls_ && store_.kind(args[j]) == TypeKind::TypeVar && TypeVarTypeView{store_, args[j]}.typevar() == targets_[j]) continue;
        if (cls == cls_ || store_.cls(cls).variance_inferring) {
          MarkUnknown(args[j]);
          continue;
        }
        variance = InferredVariance(program_, cls, j);
      }
      switch (variance) {
        case Variance::Covariant: Walk(args[j], polarity, depth + 1); break;
        case Variance::Contravariant: Walk(args[j], Flip(polarity), depth + 1); break;
        case Variance::Invariant: Walk(args[j], Polarity::Inv, depth + 1); break;
        case Variance::Bivariant: MarkUnknown(args[j]); break;
      }
    }
  }

  Program& program_;
  TypeStore& store_;
  ClassId cls_;
  std::vector<TypeVarId> targets_;  // the class's parameters (None: not a TypeVar)
  std::vector<Usage> usage_;
};

// The last component of a (possibly dotted) name: `Final`, `typing.Final` -> "Final".
llvm::StringRef TailName(const Ast& ast, NodeId node) {
  if (!node.valid()) return {};
  if (ast.kind(node) == NodeKind::Name) return ast.str(node);
  if (ast.kind(node) == NodeKind::Attribute) {
    NodeId attr = AttributeView{ast, node}.attr();
    if (attr.valid()) return ast.str(attr);
  }
  if (ast.kind(node) == NodeKind::Call) return TailName(ast, CallView{ast, node}.func());
  return {};
}

// `Final` or `Final[...]` (also inside `Annotated`... not followed: that is mutable).
bool IsFinalAnnotation(const Ast& ast, NodeId annotation) {
  if (!annotation.valid()) return false;
  if (ast.kind(annotation) == NodeKind::Subscript) annotation = SubscriptView{ast, annotation}.value();
  return TailName(ast, annotation) == "Final";
}

// `@dataclass(frozen=True)` / `@dataclasses.dataclass(frozen=True)`.
bool IsFrozenDataclass(const Ast& ast, NodeId class_def) {
  NodeId decorators = ClassDefView{ast, class_def}.decorators();
  if (!decorators.valid()) return false;
  for (NodeId dec : ast.children(decorators)) {
    if (ast.kind(dec) != NodeKind::Call || ClassifyDecorator(ast, dec).kind != KnownDecorator::Dataclass) continue;
    for (NodeId arg : CallView{ast, dec}.args()) {
      if (ast.kind(arg) != NodeKind::Keyword || ast.str(arg) != "frozen") continue;
      NodeId value = KeywordView{ast, arg}.value();
      if (value.valid() && ast.kind(value) == NodeKind::BoolLiteral && ast.node(value).data) return true;
    }
  }
  return false;
}

// Decorators whose effect on a method the walk understands.
// Those applied by name, except `cached_property`, `deprecated` and `runtime_checkable`.
bool KnownMethodDecorator(const Ast& ast, NodeId dec) {
  Decorator d = ClassifyDecorator(ast, dec);
  if (d.calls > 0) return false;
  return AppliedByName(d.kind) && d.kind != KnownDecorator::CachedProperty &&
         d.kind != KnownDecorator::Deprecated && d.kind != KnownDecorator::RuntimeCheckable;
}

bool IsPrivate(llvm::StringRef name) {
  return name.startswith("_") && !(name.startswith("__") && name.endswith("__"));
}

bool Exempt(llvm::StringRef name) {
  return IsPrivate(name) || name == "__init__" || name == "__new__" || name == "__slots__" ||
         name == "__match_args__" || name == "__hash__" || name == "__class_getitem__";
}

// Walks every public member of `cls`; false when some member is not understood.
bool WalkMembers(Program& program, ClassId cls, VarianceWalker& walker) {
  TypeStore& store = program.types();
  const ClassInfo info = ResolvedClass(program, cls);  // a copy: the walk may add classes
  if (info.has_unknown_base || info.is_typed_dict || !info.node.valid()) return false;
  for (TypeId base : info.bases) {
    if (store.kind(base) != TypeKind::Instance) continue;
    const ClassInfo& base_info = store.cls(store.ClassOf(base));
    if ((base_info.module == "typing" || base_info.module == "typing_extensions") &&
        (base_info.name == "Generic" || base_info.name == "Protocol")) {
      continue;
    }
    walker.Walk(base, Polarity::Co);
  }
  bool read_only_fields = IsFrozenDataclass(program.inference(info.file).ast(), info.node);
  ClassId tuple_cls = GetKnownClass(program, KnownClass::Tuple);
  for (TypeId t : info.mro) {
    if (store.kind(t) == TypeKind::Instance && store.ClassOf(t) == tuple_cls) read_only_fields = true;
  }

  FileInference& inference = program.inference(info.file);
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  ScopeId scope = index.ScopeOpenedBy(info.node);
  if (!scope.valid()) return false;
  for (const auto& entry : index.scope(scope).symbols) {
    if (Exempt(entry.getKey())) continue;
    for (DefinitionId d : index.symbol(entry.getValue()).definitions) {
      const Definition& def = index.definition(d);
      switch (def.kind) {
        case DefinitionKind::Function: {
          FunctionDefView view{ast, def.node};
          if (view.decorators().valid()) {
            for (NodeId dec : ast.children(view.decorators())) {
              if (!KnownMethodDecorator(ast, dec)) return false;
            }
          }
          FunctionId fn = inference.FunctionFor(def.node);
          const Signature& sig = GetSignature(program, fn);
          walker.WalkSignature(sig, Polarity::Co, /*skip_first=*/!store.function(fn).is_staticmethod);
          break;
        }
        case DefinitionKind::AnnAssignment: {
          TypeId type = inference.DefinitionType(d);
          bool read_only = read_only_fields || IsFinalAnnotation(ast, AnnAssignView{ast, def.node}.annotation());
          walker.Walk(type, read_only ? Polarity::Co : Polarity::Inv);
          break;
        }
        case DefinitionKind::Assignment:
        case DefinitionKind::AugAssignment:
          walker.Walk(inference.DefinitionType(d), Polarity::Inv);
          break;
        default: break;
      }
    }
  }
  // Attributes assigned through `self` in the methods (and not declared in the body).
  for (const auto& entry : index.scope(scope).instance_attributes) {
    llvm::StringRef name = entry.getKey();
    if (Exempt(name) || index.scope(scope).symbols.count(name)) continue;
    bool final = false;
    for (const auto& [stmt, target] : entry.getValue()) {
      if (ast.kind(stmt) == NodeKind::AnnAssign && AnnAssignView{ast, stmt}.target() == target) {
        final = IsFinalAnnotation(ast, AnnAssignView{ast, stmt}.annotation());
      }
    }
    if (std::optional<TypeId> type = inference.InstanceAttributeType(scope, name)) {
      walker.Walk(*type, final ? Polarity::Co : Polarity::Inv);
    }
  }
  return true;
}

}  // namespace

Variance InferredVariance(Program& program, ClassId cls, size_t index) {
  TypeStore& store = program.types();
  ResolvedClass(program, cls);
  if (!store.cls(cls).variance_inferred) {
    if (store.cls(cls).variance_inferring) return Variance::Bivariant;
    store.cls(cls).variance_inferring = true;
    VarianceWalker walker(program, cls);
    bool understood = WalkMembers(program, cls, walker);
    std::vector<Variance> result;
    for (const Usage& u : walker.usage()) {
      if (!understood || u.unknown) {
        result.push_back(Variance::Bivariant);
      } else if (u.co && u.contra) {
        result.push_back(Variance::Invariant);
      } else if (u.contra) {
        result.push_back(Variance::Contravariant);
      } else {
        result.push_back(Variance::Covariant);  // outputs only, or unused
      }
    }
    ClassInfo& info = store.cls(cls);  // the walk may have added classes: look it up again
    info.inferred_variance = std::move(result);
    info.variance_inferring = false;
    info.variance_inferred = true;
  }
  const ClassInfo& info = store.cls(cls);
  return index < info.inferred_variance.size() ? info.inferred_variance[index] : Variance::Bivariant;
}

}  // namespace asynctype
