// Type inference for one file (phase 3). Lazy and memoized: the type of an expression or of a
// definition is computed on first request and stored in a side table keyed by NodeId /
// DefinitionId; cycles fall back to Unknown. Other files ask for this file's public symbols,
// classes and function signatures through Program::inference(file). Diagnostics found while
// inferring a node of this file are collected here (each node is inferred once, so each is
// reported once); the check phase pulls every node and then takes them.
//
// The type-level operations shared by all files (member lookup, calls, await, iteration,
// assignability) live in semantics.h and take the Program.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "checker/diagnostics/diagnostic.h"
#include "checker/semantic/index.h"
#include "checker/syntax/ast.h"
#include "checker/types/type_store.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace asynctype {

class Program;

// Where free TypeVars in a type expression get bound, and which class `Self` means.
struct TypeContext {
  uint32_t binding = BindingContext::Encode(BindingContext::Kind::None, 0);
  ClassId cls;  // enclosing class (its own type parameters stay bound to it)
  std::vector<TypeId>* collected = nullptr;  // receives newly bound function TypeVars
};

class FileInference {
 public:
  FileInference(Program& program, FileId file);

  FileId file() const { return file_; }
  Program& program() { return program_; }
  const Ast& ast() const { return ast_; }
  const SemanticIndex& index() const { return index_; }

  // The type of a value expression.
  TypeId ExprType(NodeId expr);
  // The type a definition binds.
  TypeId DefinitionType(DefinitionId def);
  // The type denoted by a type expression (annotation) evaluated in this file.
  TypeId AnnotationType(NodeId expr, const TypeContext& context);
  // The public type of a module-level symbol (for `from m import x` and `m.x`).
  std::optional<TypeId> ModuleSymbolType(llvm::StringRef name);
  // attribute_types.cpp: the type of an instance attribute assigned through `self` in the methods
  // of the class whose body is `class_scope`: its declared type when a method annotates it
  // (`self.x: T = v`), else the union of the types of its assignments, literals widened (`self.n =
  // 3` is an `int`). None when no method assigns it.
  std::optional<TypeId> InstanceAttributeType(ScopeId class_scope, llvm::StringRef name);
  // attribute_types.cpp: how the class whose body is `class_scope` defines the attribute `name`.
  enum class AttributeOrigin : uint8_t {
    Declared,  // annotated: `x: T` in the class body, `self.x: T` in a method
    Inferred,  // only assigned without annotation (`x = v` in the body, `self.x = v` in methods)
    Other,     // bound otherwise in the class body (`def`, `class`, imports, loops...)
  };
  struct ClassAttribute {
    TypeId type;
    AttributeOrigin origin;
    bool in_class_body;  // the class body binds it (so descriptors and methods apply)
  };
  // The class body's binding, else (for `on_instance`) the assignments through `self`. An
  // attribute both assigned without annotation in the body and through `self` has the union of
  // both (`_response = None` and `self._response = 1`: `int | None`). None: not defined here.
  std::optional<ClassAttribute> ClassAttributeType(ScopeId class_scope, llvm::StringRef name, bool on_instance);
  // Only ClassAttributeType's `origin`, read from the syntax (no type is inferred).
  std::optional<AttributeOrigin> ClassAttributeOrigin(ScopeId class_scope, llvm::StringRef name, bool on_instance);
  // Old-style aliases (`A = list[T]`, `A: TypeAlias = X | Y`; see ImplicitAliasFor) and explicit
  // ones (PEP 695 `type A = ...`, `A = TypeAliasType(...)`; see ExplicitAliasFor).
  enum class AliasForm : uint8_t { Implicit, Explicit };
  // An alias of that form this module exports as `name`, followed through `from m import name`
  // (up to 8 modules) to where it is defined; {nullptr, None} if it is not one.
  std::pair<FileInference*, DefinitionId> ExportedAlias(llvm::StringRef name, AliasForm form, int depth);
  // Whether the module binds `name` at its top level only in statically unreachable code
  // (`if sys.version_info >= (3, 11):` for an older configured version).
  bool BoundOnlyWhereUnreachable(llvm::StringRef name);
  // Whether this module may have a member `name` that no reachable binding shows: a source binds
  // it only in a branch skipped for the configured version or platform, or a stub (stubs are
  // partial) does not bind it at all. A stub name bound only for other versions is known missing.
  bool MemberMayExistUnseen(llvm::StringRef name);
  // The names the module binds at its top level or gets from the modules it star-imports (one
  // level): the candidates of a "did you mean" for a missing member.
  std::vector<llvm::StringRef> ModuleMemberNames();
  // The public type of a name in a class body scope.
  std::optional<TypeId> ScopeSymbolType(ScopeId scope, llvm::StringRef name);
  // star_imports.cpp: whether the module binds `name` at its top level (ModuleSymbolType finds
  // it without looking at star imports).
  bool BindsAtTopLevel(llvm::StringRef name) const;
  // star_imports.cpp: whether `from <this module> import *` brings `name`: listed in `__all__`
  // (with the `__all__` of the modules it adds, `__all__ += sub.__all__`), or, without an
  // `__all__` the index understands, any name not starting with `_`.
  bool ExportsThroughStar(llvm::StringRef name);

  // Function and class objects for definition nodes of this file.
  FunctionId FunctionFor(NodeId function_def);
  ClassId ClassFor(NodeId class_def);
  // Computes bases, type parameters and MRO of a class defined in this file.
  void ResolveClass(ClassId cls);
  // Computes the signature of a function defined in this file.
  void ResolveSignature(FunctionId fn);

  // Reports `unresolved-import` for an Import / ImportFrom statement.
  void ReportImportErrors(NodeId statement);

  // The declared return type a `return` in this function is checked against: the annotation
  // (for `async def`, the coroutine's result `R`). None when unannotated, dynamic, or a
  // generator (checked with the generator rules).
  std::optional<TypeId> DeclaredReturnType(NodeId function_def);

  // return_inference.cpp: the return type of a function of this file without a return
  // annotation, inferred from its body (InferredReturnType memoizes it; see semantics.h).
  TypeId InferReturnType(FunctionId fn);

  // The declared send type of the function enclosing `node` (for `yield`).
  TypeId EnclosingSendType(NodeId node);
  // await.cpp: the function (FunctionDef) whose body holds `node`, looking through comprehension
  // scopes; None at module or class level and in lambdas.
  NodeId EnclosingFunction(NodeId node);
  // A generator function decorated with `@types.coroutine` (CPython's iterable coroutine).
  bool IsIterableCoroutine(NodeId function_def);
  // `yield from` a native coroutine inside an iterable coroutine: delegated through `__await__`.
  bool DelegatesToCoroutine(NodeId yield_from);

  // names.cpp: whether a `with` / `async with` statement may swallow an exception raised in its
  // block (some manager's `__exit__` / awaited `__aexit__` returns `bool` or `Literal[True]`).
  // `dynamic_suppresses`: the answer when the manager or its exit result is dynamic (ty: no).
  bool WithSuppresses(NodeId with_statement, bool dynamic_suppresses = false);
  // names.cpp: whether control can reach the end of a function scope's body.
  bool EndReachable(ScopeId function_scope);
  // names.cpp: whether a statement the index found reachable is reached when the calls it
  // depends on return and the `with` statements it depends on swallow exceptions.
  bool StatementReachable(NodeId statement);

  // context.cpp: the type the surroundings of the value expression `expr` expect (bidirectional
  // inference): the declared type of an assignment's target, the declared return type of a
  // `return`, the yield type of a `yield`, the parameter type of a call argument, `Awaitable[E]`
  // inside `await` expected as E, and element types of an expected display. None when nothing is
  // expected (or only something dynamic at the top).
  TypeId ExpectedType(NodeId expr);

  // Displays a type after making sure everything it mentions is resolved.
  std::string Display(TypeId type);

  // Records a diagnostic once: an expression inferred again on another path (an annotation read
  // both as a declaration and as a statement) reports the same finding only once.
  void Report(Diagnostic diagnostic) {
    ReportedKey key{static_cast<int>(diagnostic.rule), diagnostic.file.index(), diagnostic.range.start,
                    diagnostic.range.end, diagnostic.message};
    if (reported_.insert(std::move(key)).second) diagnostics_.push_back(std::move(diagnostic));
  }
  std::vector<Diagnostic> TakeDiagnostics() { return std::move(diagnostics_); }

 private:
  // expressions.cpp
  TypeId InferExpr(NodeId expr);
  TypeId InferName(NodeId name);
  TypeId InferCall(NodeId call);
  TypeId InferAttribute(NodeId attr);
  void ReportMissingAttribute(NodeId attr, TypeId object, llvm::StringRef name);
  bool DefinedInSubclass(ClassId cls, llvm::StringRef name);
  TypeId InferSubscript(NodeId sub);
  TypeId InferBinOp(NodeId expr);
  TypeId InferAwait(NodeId expr);
  TypeId InferComprehension(NodeId expr);
  TypeId InferCollection(NodeId expr, KnownClass cls);
  TypeId InferDict(NodeId expr);
  TypeId TypeOfNameInScope(NodeId use, llvm::StringRef name, ScopeId scope, uint32_t offset,
                           bool in_loop, bool public_view, bool report, bool skip_own = false);
  TypeId UnionOfDefinitions(llvm::ArrayRef<DefinitionId> defs);
  TypeId BuiltinSymbol(llvm::StringRef name);
  // `reveal_type` for a use that finds no binding: typing_extensions' (or typing's) function.
  TypeId RevealTypeFallback();

  // star_imports.cpp: the type `name` gets through this module's `from m import *` statements
  // (None: no star import brings it; Unknown: one from an untyped module may).
  std::optional<TypeId> StarImportedSymbol(llvm::StringRef name);
  // A module this one star-imports: its inference, or null for an untyped module (which may
  // bring anything). Unresolved modules and the module itself are left out.
  struct StarTarget {
    FileInference* module = nullptr;
  };
  // Where a name reached through star imports is bound: nowhere, maybe in an untyped module
  // (Unknown), or at the top level of `module`.
  struct StarOrigin {
    enum class Kind : uint8_t { None, Untyped, Bound } kind = Kind::None;
    FileInference* module = nullptr;
  };
  const std::vector<StarTarget>& StarTargets();
  StarOrigin StarOriginOf(llvm::StringRef name);
  // Solves StarOriginOf(name) for this module and every module its star imports reach.
  void SolveStarOrigins(llvm::StringRef name);
  // The origin a star import of `target` gives `name`, once `target` is solved (or binds it).
  StarOrigin StarEdgeOrigin(const StarTarget& target, llvm::StringRef name);
  const llvm::StringSet<>& DunderAllNames();
  // The modules whose `__all__` this module's `__all__` adds (null: not resolved).
  const std::vector<FileInference*>& DunderAllModules();
  // The module a Name / dotted Attribute of this module's top level names, through its imports
  // (no type inference); None when it does not name one.
  ModuleId ModuleNamedBy(NodeId expr, int depth = 0);

  // definitions.cpp
  TypeId InferDefinition(DefinitionId def);
  TypeId FunctionDefinitionType(const Definition& def);
  TypeId AssignedType(NodeId target_root, TypeId value, NodeId name);
  TypeId ImportType(const Definition& def);
  TypeId ImportFromType(const Definition& def);
  TypeId TypeVarDefinition(NodeId call, llvm::StringRef name, TypeVarFlavor flavor);
  TypeId ParameterType(const Definition& def);
  std::optional<TypeVarFlavor> TypeVarConstructor(NodeId call);

  // narrowing.cpp
  TypeId NarrowType(TypeId type, NodeId predicate, bool positive, llvm::StringRef name, int depth = 0);
  TypeId NarrowTruthiness(TypeId type, bool truthy);
  TypeId NarrowIsInstance(TypeId type, TypeId classinfo, bool positive);
  TypeId NarrowIsSubclass(TypeId type, TypeId classinfo, bool positive);
  TypeId NarrowToGuard(TypeId type, TypeId guard, bool is_typeis, bool positive);
  TypeId FilterMembers(TypeId type, const std::function<bool(TypeId)>& keep);
  // A union narrowed by `<subject>.field == value` holding (`holds_equal`) or not: a discriminated
  // union by a literal field (`Literal[Kind.TEXT]`, `Literal["text"]`, `Literal[1]`).
  TypeId NarrowByLiteralField(TypeId type, llvm::StringRef field, NodeId value_expr, bool holds_equal);
  std::vector<TypeId> Members(TypeId type) const;  // a union's members, or the type itself
  bool NamesTarget(NodeId node, llvm::StringRef name) const;
  // The stored condition a test of the name `test` stands for (SemanticIndex::AliasedCondition).
  NodeId AliasedConditionAt(NodeId test) const;
  // Whether `predicate` being `positive` implies `hasattr(<place>, "<attr>")` for the place
  // `base.attr` (`if hasattr(socket, "AI_MASK"):`, `if not hasattr(m, "x"): return`).
  bool ImpliesHasattr(NodeId predicate, bool positive, llvm::StringRef base, llvm::StringRef attr, int depth = 0) const;
  // Whether every path to the attribute read `attr` (`base.name`) passes a `hasattr(base, "name")`
  // test: a member the type does not show is then Unknown rather than an error.
  bool GuardedByHasattr(NodeId attr);
  // names.cpp: the type of a name at a use, through the bindings that reach it.
  TypeId FlowNameType(NodeId name, const UseRecord& use, bool* handled);
  // `type` narrowed by the (non-reachability) constraints of `binding`; `key` names the place.
  TypeId NarrowByConstraints(TypeId type, const Binding& binding, llvm::StringRef key);
  // The type of a free name (`outer`, from the enclosing scopes) at `use`, narrowed by the tests
  // its unbound paths met in the function.
  TypeId NarrowedFreeName(TypeId outer, const UseRecord& use, llvm::StringRef text);
  // `lenient`: count `with` statements whose suppression is not known as suppressing.
  bool PathReturns(const Binding& binding, bool lenient = false);
  TypeId OutwardNameType(NodeId use, llvm::StringRef name, ScopeId scope, bool report);

  // context.cpp
  NodeId Parent(NodeId node);
  TypeId ComputeExpectedType(NodeId expr);
  TypeId DeclaredTargetType(NodeId target);
  TypeId ArgumentExpectedType(NodeId call, NodeId argument);
  // The type arguments a display of class `cls` takes from what is expected of it, one per type
  // parameter of `cls` (None where the context says nothing); empty without a usable context.
  std::vector<TypeId> DisplayContext(NodeId display, KnownClass cls);
  // `inferred` with each type argument replaced by the context's where every element fits it.
  TypeId FitDisplay(KnownClass cls, llvm::ArrayRef<TypeId> context,
                    llvm::ArrayRef<std::vector<TypeId>> elements, llvm::ArrayRef<TypeId> inferred);

  // annotations.cpp
  TypeId InferTypeExpr(NodeId expr, const TypeContext& context);
  TypeId TypeFromValue(TypeId value, const TypeContext& context);
  TypeId SubscriptTypeExpr(NodeId expr, const TypeContext& context);
  // A type argument that unpacks a TypeVarTuple or a tuple (`*Ts`, `Unpack[Ts]`).
  bool IsUnpackedElement(NodeId element);
  // The TypeVarTuple `*Ts` / `Unpack[Ts]` unpacks; Unknown for other unpacked forms.
  TypeId UnpackedTypeVarTuple(NodeId element, const TypeContext& context);
  TypeId BindTypeVar(TypeVarId tv, const TypeContext& context);
  TypeId ImplicitAliasType(DefinitionId def, const TypeContext& context);
  // Whether a definition is an old-style alias: an assignment of a subscript, `|` union or
  // string, or an assignment annotated `TypeAlias`.
  bool IsImplicitAlias(DefinitionId def);
  // The old-style alias a type expression's Name or `module.Name` denotes, followed through
  // `from m import Alias` to the defining module: where it is defined, or {nullptr, None}.
  std::pair<FileInference*, DefinitionId> ImplicitAliasFor(NodeId expr);
  // ExportedAlias for one definition of this module.
  std::pair<FileInference*, DefinitionId> AliasOf(DefinitionId def, AliasForm form, int depth);
  // A PEP 695 `type` alias or `TypeAliasType(...)` assignment named by a type expression's Name
  // (also imported from another module): where it is defined, or {nullptr, None}; and its value
  // specialized with `args` for its parameters (evaluated by the defining file).
  std::pair<FileInference*, DefinitionId> ExplicitAliasFor(NodeId name);
  bool IsExplicitAlias(DefinitionId def);
  TypeId ExplicitAliasType(DefinitionId def, llvm::ArrayRef<TypeId> args, const TypeContext& context);
  // The type an alias's value denotes (memoized per alias and class; see recursion.h).
  TypeId ExpandAlias(DefinitionId def, NodeId value, const TypeContext& context);

  Program& program_;
  TypeStore& store_;
  FileId file_;
  const Ast& ast_;
  const SemanticIndex& index_;
  bool is_stub_;

  std::vector<TypeId> expr_types_;        // by NodeId; None = not yet inferred
  std::vector<uint8_t> expr_state_;       // 0 = not started, 1 = in progress, 2 = done
  std::vector<TypeId> definition_types_;  // by DefinitionId
  std::vector<uint8_t> definition_state_;
  llvm::DenseMap<uint32_t, FunctionId> functions_;  // FunctionDef node -> FunctionId
  llvm::DenseMap<uint32_t, ClassId> classes_;       // ClassDef node -> ClassId
  llvm::DenseMap<uint32_t, TypeVarId> typevars_;    // defining node -> TypeVarId
  std::vector<Diagnostic> diagnostics_;
  // The diagnostics reported so far, by their full key (rule, file, range, message).
  using ReportedKey = std::tuple<int, uint32_t, uint32_t, uint32_t, std::string>;
  std::set<ReportedKey> reported_;
  // Alias values expanded (ExpandAlias), by (definition << 32 | class).
  llvm::DenseMap<uint64_t, TypeId> alias_types_;
  llvm::DenseMap<uint32_t, uint8_t> with_suppresses_;  // With node -> names.cpp's Suppression
  std::vector<NodeId> parents_;                         // by NodeId; built on first use
  llvm::DenseMap<uint32_t, TypeId> expected_types_;     // value node -> ExpectedType (None: none)
  // String annotations already reported as invalid-syntax-in-forward-annotation (type expressions
  // are not memoized).
  llvm::DenseSet<uint32_t> reported_forward_syntax_;
  // Calls of type guards (Call node -> the solved guarded type, TypeIs?), for narrowing.
  llvm::DenseMap<uint32_t, std::pair<TypeId, bool>> call_guards_;
  // star_imports.cpp: the modules `*`-imported, in statement order; the origin of each name
  // looked up through them (solved once per name for a whole component of the import graph);
  // `__all__` as a set, the modules whose `__all__` it adds, and ExportsThroughStar answers.
  std::optional<std::vector<StarTarget>> star_targets_;
  llvm::StringMap<StarOrigin> star_origins_;
  std::optional<llvm::StringSet<>> dunder_all_names_;
  std::optional<std::vector<FileInference*>> dunder_all_modules_;
  llvm::StringMap<bool> star_exports_;
  // attribute_types.cpp: InstanceAttributeType by class scope and name (state 1: in progress, a
  // cycle through the attribute's own assignments gives Unknown; 2: done).
  struct AttributeSlot {
    TypeId type;
    bool declared = false;
    uint8_t state = 0;
  };
  llvm::DenseMap<uint32_t, llvm::StringMap<AttributeSlot>> instance_attribute_types_;
  // The declared (annotated) type of `self.<name>` in the methods of the class, or None.
  std::optional<TypeId> DeclaredInstanceAttribute(ScopeId class_scope, llvm::StringRef name);
};

}  // namespace asynctype
