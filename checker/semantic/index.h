// The semantic index of one file (phase 2): scopes, symbols and definitions, per-function flags,
// imports, statically unreachable code (`if sys.version_info >= (3, 11):` against the configured
// version), and the semantic syntax errors that need no types (`await` outside an async function,
// `yield` outside a function, ...). No types here. Built once by BuildIndex; immutable afterwards.
//
// Names: every use of a name records the bindings that reach it through control flow (UseOf),
// each with the narrowing constraints applied on the way; a use of a name its scope does not
// bind is resolved outwards (ResolveName) through the enclosing scopes' public bindings and the
// builtins, as in ty.
#pragma once

#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checker/base/id.h"
#include "checker/base/python_version.h"
#include "checker/diagnostics/diagnostic.h"
#include "checker/semantic/flow.h"
#include "checker/syntax/ast.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace asynctype {

enum class ScopeKind : uint8_t { Module, Class, Function, Lambda, Comprehension, TypeParams };

struct Scope {
  ScopeKind kind;
  ScopeId parent;
  NodeId node;  // Module, ClassDef, FunctionDef, Lambda, comprehension node; for TypeParams
                // scopes the List of type parameters
  NodeId owner;  // TypeParams scopes: the FunctionDef / ClassDef / TypeAlias declaring them
  llvm::StringMap<SymbolId> symbols;
  // Class scopes: attributes assigned through the first parameter of the class's methods
  // (`self.x = v`, `self.x: T = v`), as (statement, Attribute target) pairs in source order.
  llvm::StringMap<llvm::SmallVector<std::pair<NodeId, NodeId>, 2>> instance_attributes;
  // Function flags.
  bool is_async = false;
  bool is_generator = false;  // contains `yield` / `yield from`
  bool has_await = false;
  bool has_metaclass = false;  // class scopes: `class C(..., metaclass=M)`
  bool end_reachable = true;  // control can reach the end of the body (implicit `return None`)
  // (... perhaps only along the paths SemanticIndex::EndPaths gives.)
  bool has_value_return = false;  // contains `return <value>`
};

enum class DefinitionKind : uint8_t {
  Assignment,      // node: Assign; target: the Name
  AnnAssignment,   // node: AnnAssign (value may be absent)
  AugAssignment,   // node: AugAssign
  NamedExpr,       // node: NamedExpr
  Function,        // node: FunctionDef
  Class,           // node: ClassDef
  Parameter,       // node: Parameter
  Import,          // node: Alias of an Import
  ImportFrom,      // node: Alias of an ImportFrom
  StarImport,      // node: ImportFrom with `*`
  ForTarget,       // node: For; target: the Name
  WithTarget,      // node: WithItem
  ExceptHandler,   // node: ExceptHandler
  Comprehension,   // node: Comprehension
  TypeParam,       // node: TypeParam
  TypeAlias,       // node: TypeAlias
  MatchCapture,    // node: the pattern node binding the name
  Submodule,       // node: ImportFrom `from .sub import x` in a package's __init__, binding `sub`
};

struct Definition {
  DefinitionKind kind;
  ScopeId scope;
  SymbolId symbol;
  NodeId node;    // the defining construct (see DefinitionKind)
  NodeId target;  // the Name / Identifier / Parameter being bound
  uint32_t offset;  // where the binding takes effect (end of the defining statement's value)
  NodeId statement;  // the innermost statement containing the definition
};

struct Symbol {
  llvm::StringRef name;
  ScopeId scope;
  llvm::SmallVector<DefinitionId, 1> definitions;
  // Bindings made from nested scopes through `global` / `nonlocal` declarations.
  std::vector<DefinitionId> nested_definitions;
  // The definitions that reach the end of the scope (`try: import a as m` / `except ImportError:
  // import b as m` leaves both), in definition order; empty when the end is unreachable or the
  // scope was not followed by the flow analysis (then the last definition stands for them).
  llvm::SmallVector<DefinitionId, 1> end_definitions;
  // The AnnAssign node of the last of `definitions` that declares a type (`x: T = v`, `x: T`),
  // which the other assignments of the name are checked against; None when there is none.
  NodeId declaration;
  // Whether the offsets of `definitions` never decrease (almost always: they are in source order),
  // so that the ones before a point are found by binary search.
  bool definitions_in_order = true;
  // Whether every definition is a `def`, and how many of them are decorated `@overload` (by the
  // decorator's name, as FunctionInfo::is_overload): an overload series is one function.
  bool only_functions = true;
  uint32_t overloads = 0;
  bool is_global = false;    // declared `global` in this scope
  bool is_nonlocal = false;  // declared `nonlocal` in this scope
};

// A narrowing condition: `predicate` (an expression) is known to be true (`positive`) or false.
struct Constraint {
  NodeId predicate;
  bool positive;
  bool reachability = false;  // "the call / await `predicate` returns" (not `NoReturn`)
  // With `reachability`: "the `with` statement `predicate` swallows an exception raised in its
  // block" (a context manager whose `__exit__` / awaited `__aexit__` returns `bool`).
  bool suppression = false;
};

// What reaches one use of a name: the scope whose binding of the name is used (the use's own
// scope, or the scope around a comprehension) and the bindings, each with its constraints
// (stored by the index: a file has a use record per name it reads).
struct UseRecord {
  ScopeId scope;
  llvm::ArrayRef<Binding> bindings;
};

class SemanticIndex {
 public:
  const Scope& scope(ScopeId id) const { return scopes_[id.index()]; }
  const Symbol& symbol(SymbolId id) const { return symbols_[id.index()]; }
  const Definition& definition(DefinitionId id) const { return definitions_[id.index()]; }
  size_t scope_count() const { return scopes_.size(); }
  ScopeId module_scope() const { return ScopeId(0); }

  // The scope a node is evaluated in (None for nodes in unreachable code).
  ScopeId ScopeOf(NodeId node) const { return node_scope_[node.index()]; }
  // The scope a FunctionDef/ClassDef/Lambda/comprehension node opens.
  ScopeId ScopeOpenedBy(NodeId node) const;
  // The definition created by a binding target node (Name, Identifier, Parameter...).
  DefinitionId DefinitionOf(NodeId target) const;
  // Code that is statically unreachable for the configured Python version.
  bool IsUnreachable(NodeId statement) const { return unreachable_.test(statement.index()); }
  // Names bound at module level only inside a branch skipped by a static condition
  // (`if sys.version_info[0] == 2:`): on another version or platform they exist, so a use that
  // finds no binding is Unknown rather than an error.
  bool BoundInSkippedBranch(llvm::StringRef name) const { return skipped_names_.contains(name); }
  // The paths a statement is reached along when each depends on reachability constraints (after
  // a call that may never return, or after a `with` block that always exits, when its manager
  // may swallow exceptions); the inference decides (FileInference::StatementReachable). Null for
  // statements reached unconditionally.
  const Bindings* ReachPaths(NodeId statement) const {
    auto it = conditional_statements_.find(statement.index());
    return it == conditional_statements_.end() ? nullptr : &it->second;
  }
  // The paths that reach the end of a function's body (when Scope::end_reachable) if each
  // depends on reachability constraints (calls that must return, `with` statements that must
  // swallow an exception); the inference decides (EndReachable). Null when the end is reached
  // unconditionally.
  const Bindings* EndPaths(ScopeId function) const {
    auto it = end_paths_.find(function.index());
    return it == end_paths_.end() ? nullptr : &it->second;
  }

  SymbolId LookupSymbol(ScopeId scope, llvm::StringRef name) const;

  struct Resolution {
    enum class Kind : uint8_t { Found, Builtin, Unbound } kind = Kind::Unbound;
    ScopeId scope;  // the scope where the name was found
    llvm::SmallVector<DefinitionId, 2> definitions;
  };
  // The definitions a use of `name` at byte `offset`, evaluated in `scope`, can see.
  // `public_view`: ignore source order in the use's own scope (stubs, annotations).
  Resolution ResolveName(ScopeId scope, llvm::StringRef name, uint32_t offset, bool in_loop,
                         bool public_view) const;
  // The bindings of a symbol seen from other scopes and modules (its "public" type): the last
  // binding in its own scope, plus those made from nested scopes through global / nonlocal.
  llvm::SmallVector<DefinitionId, 2> PublicDefinitions(SymbolId symbol) const;
  // The bindings that reach a Name use (None for uses not followed by the flow analysis, such
  // as names inside PEP 695 type parameter lists).
  const UseRecord* UseOf(NodeId use) const {
    auto it = use_index_.find(use.index());
    return it == use_index_.end() ? nullptr : &use_records_[it->second];
  }
  const Constraint& constraint(uint32_t id) const { return constraints_[id]; }
  // The stored condition of an aliased condition (pyright's term): `def` is a plain local's
  // assignment `ok = <test>` (one Name target) whose value is a call (`isinstance(x, C)`, a type
  // guard) or a comparison (`x is None`), or `not` of one; None otherwise. A test of `ok` reached
  // only by that binding narrows what the stored test narrows.
  NodeId AliasedCondition(const Ast& ast, DefinitionId def) const;

  // Attribute names assigned anywhere in this module (`obj.name = ...`), and whether the module
  // sets attributes dynamically (`setattr`, `__setattr__`): unresolved-attribute stays silent
  // about such names and classes.
  bool AssignsAttribute(llvm::StringRef name) const { return assigned_attributes_.count(name) != 0; }
  bool SetsAttributesDynamically() const { return uses_setattr_; }
  // Attribute names tested with `hasattr(obj, "name")` in this module.
  bool TestsAttribute(llvm::StringRef name) const { return hasattr_names_.count(name) != 0; }

  // Whether an Attribute / Subscript node is the target of an assignment (a store, not a load).
  bool IsStoreTarget(NodeId node) const { return store_targets_.test(node.index()); }

  // Whether a node belongs to the type expression parsed from a string annotation (see
  // Ast::string_annotation): its names are resolved like a stub's, ignoring source order.
  bool InForwardReference(NodeId node) const { return forward_references_.test(node.index()); }

  // Whether a Name use sits inside a loop body of its own scope.
  bool InLoop(NodeId use) const { return in_loop_.test(use.index()); }

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // The position in `symbol`'s definitions just past the last one taking effect at or before
  // `offset`, in the order of the definitions (0: none does).
  size_t DefinitionsUpTo(const Symbol& symbol, uint32_t offset) const;
  // The module's `__all__`, when it is built from string literals (`__all__ = [...]`, `+=`,
  // `.extend(...)`, `.append(...)`) and other modules' `__all__` (below); None when absent or not
  // understood.
  const std::optional<std::vector<std::string>>& dunder_all() const { return dunder_all_; }
  // The modules whose `__all__` is added to this one's (`__all__ += sub.__all__`, `__all__ =
  // a.__all__ + [...]`, `.extend(sub.__all__)`): the expression naming each module (a Name or a
  // dotted Attribute), for the inference to resolve. Only meaningful when dunder_all() is set.
  const std::vector<NodeId>& dunder_all_modules() const { return dunder_all_modules_; }
  const std::vector<NodeId>& imports() const { return imports_; }

 private:
  friend class IndexBuilder;
  std::vector<Scope> scopes_;
  std::vector<Symbol> symbols_;
  std::vector<Definition> definitions_;
  std::vector<ScopeId> node_scope_;
  std::vector<DefinitionId> node_definition_;
  llvm::DenseMap<uint32_t, ScopeId> opened_scopes_;
  llvm::BitVector unreachable_;
  llvm::DenseMap<uint32_t, Bindings> conditional_statements_;
  llvm::DenseMap<uint32_t, Bindings> end_paths_;  // function scope -> EndPaths
  llvm::BitVector in_loop_;
  llvm::BitVector store_targets_;
  llvm::BitVector forward_references_;
  llvm::StringSet<> assigned_attributes_;
  bool uses_setattr_ = false;
  llvm::StringSet<> hasattr_names_;
  std::vector<NodeId> imports_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<Constraint> constraints_;
  std::optional<std::vector<std::string>> dunder_all_;
  std::vector<NodeId> dunder_all_modules_;
  llvm::StringSet<> skipped_names_;
  std::vector<UseRecord> use_records_;
  llvm::DenseMap<uint32_t, uint32_t> use_index_;  // Name node -> index into use_records_
  // What use_records_ refer to: blocks of bindings that never move. A block's storage is raw:
  // only its first `used` bindings are constructed (a stub's block is small; no file pays for
  // constructing and faulting in room it never fills).
  class BindingBlock {
   public:
    explicit BindingBlock(size_t capacity)
        : data_(static_cast<Binding*>(::operator new(capacity * sizeof(Binding)))), capacity_(capacity) {}
    ~BindingBlock() {
      std::destroy_n(data_, used_);
      ::operator delete(data_);
    }
    BindingBlock(BindingBlock&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)),
          capacity_(std::exchange(other.capacity_, 0)),
          used_(std::exchange(other.used_, 0)) {}
    BindingBlock& operator=(BindingBlock&&) = delete;
    BindingBlock(const BindingBlock&) = delete;
    BindingBlock& operator=(const BindingBlock&) = delete;
    size_t room() const { return capacity_ - used_; }
    size_t capacity() const { return capacity_; }
    // Moves `bindings` into the block (room() >= their number); they stay where they are.
    llvm::ArrayRef<Binding> Append(llvm::MutableArrayRef<Binding> bindings) {
      Binding* stored = data_ + used_;
      std::uninitialized_move(bindings.begin(), bindings.end(), stored);
      used_ += bindings.size();
      return llvm::ArrayRef<Binding>(stored, bindings.size());
    }

   private:
    Binding* data_;
    size_t capacity_;
    size_t used_ = 0;
  };
  std::vector<BindingBlock> binding_blocks_;
};

struct IndexOptions {
  PythonVersion python_version;
  bool is_stub = false;
  bool is_package_init = false;  // an `__init__.py(i)`: `from .sub import x` also binds `sub`
};

SemanticIndex BuildIndex(const Ast& ast, FileId file, const IndexOptions& options);

}  // namespace asynctype
