// The interned representation of types. A type is a `TypeData{kind, a, b}` triple stored once in
// the TypeStore; its TypeId is its identity, so type equality is ID equality. What `a` and `b`
// hold depends on the kind (type_kinds.def); only the store and its views read them. Lists of
// types (type arguments, union members, tuple elements) are interned the same way as TypeListIds.
// Classes, functions and TypeVars are described by side tables (ClassInfo, FunctionInfo,
// TypeVarInfo) owned by the store and referred to by ID.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "checker/base/id.h"
#include "checker/base/text_range.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

// Every kind and its payload layout: type_kinds.def (one row each); read the payload through the
// typed views in type_store.h (`InstanceTypeView{store, id}.cls()`), never through `a` / `b`.
enum class TypeKind : uint8_t {
#define TYPE(kind, members) kind,
#include "checker/types/type_kinds.def"
};
const char* TypeKindName(TypeKind kind);

struct TypeData {
  TypeKind kind;
  uint32_t a = 0;
  uint32_t b = 0;
  friend bool operator==(const TypeData& x, const TypeData& y) {
    return x.kind == y.kind && x.a == y.a && x.b == y.b;
  }
};

// typing constructs recognised by name in `typing` / `typing_extensions` (and builtins helpers).
enum class SpecialForm : uint8_t {
#define SPECIAL_FORM(form, name) form,
#include "checker/types/type_kinds.def"
};
const char* SpecialFormName(SpecialForm form);

// Classes the checker knows by their defining module and name, resolved once from the stubs.
enum class KnownClass : uint8_t {
  None_,  // not a known class
#define KNOWN_CLASS(known, module, name) known,
#include "checker/types/type_kinds.def"
  kCount,
};
// The defining module and the name of a known class ("" for None_).
const char* KnownClassModule(KnownClass known);
const char* KnownClassName(KnownClass known);

// Bivariant: the variance is not declared (PEP 695 class parameters and `infer_variance=True`):
// inferred per class (InferredVariance); where that fails, type arguments are compared leniently.
enum class Variance : uint8_t { Invariant, Covariant, Contravariant, Bivariant };
enum class TypeVarFlavor : uint8_t { TypeVar, ParamSpec, TypeVarTuple };

struct TypeVarInfo {
  std::string name;
  TypeVarFlavor flavor = TypeVarFlavor::TypeVar;
  Variance variance = Variance::Invariant;
  TypeId bound;                     // None when unbounded
  std::vector<TypeId> constraints;  // TypeVar("T", int, str)
  TypeId default_type;              // None when there is no default
  bool is_self = false;             // the implicit `Self` of a class
};

// A TypeVar type remembers where it is bound, for display (`T@f`) and substitution.
struct BindingContext {
  enum class Kind : uint8_t { None, Function, Class };
  static uint32_t Encode(Kind kind, uint32_t id) { return (id << 2) | static_cast<uint32_t>(kind); }
  static Kind KindOf(uint32_t code) { return static_cast<Kind>(code & 3); }
  static uint32_t IdOf(uint32_t code) { return code >> 2; }
};

enum class ParamKind : uint8_t { PositionalOnly, PositionalOrKeyword, VarArgs, KeywordOnly, KwArgs };

struct Param {
  std::string name;  // empty for unnamed positional-only parameters of Callable[[...], R]
  ParamKind kind = ParamKind::PositionalOrKeyword;
  TypeId type;       // None: unannotated (Unknown, displayed without annotation)
  bool has_default = false;
  std::string default_text;  // display text of the default ("None", "False", "...", "2")
  friend bool operator==(const Param&, const Param&) = default;
};

struct Signature {
  std::vector<Param> params;
  TypeId return_type;  // None: unannotated
  bool gradual = false;  // Callable[..., R]: accepts any arguments
  // Callable[P, R] with a ParamSpec P (a TypeVar type): the parameters are P's, still unknown
  // (binding is gradual until P is substituted by a solved signature).
  TypeId param_spec;
  // TypeVars bound by this signature (shown as `def f[T](...)`), as TypeVar types.
  std::vector<TypeId> type_params;
  // A type guard (`-> TypeGuard[T]` / `-> TypeIs[T]`; return_type is then `bool`): the type
  // the first argument is narrowed to where the call is true. None for other functions.
  TypeId guard;
  bool guard_is_typeis = false;  // TypeIs: also narrows where the call is false
  friend bool operator==(const Signature&, const Signature&) = default;
};

struct ClassInfo {
  std::string name;
  std::string module;  // defining module's dotted name
  FileId file;
  NodeId node;         // the ClassDef
  KnownClass known = KnownClass::None_;
  bool is_protocol = false;
  bool is_final = false;
  // Filled by the inference (classes.cpp) on first use; `resolved` guards against cycles.
  bool resolved = false;
  bool resolving = false;
  std::vector<TypeId> type_params;  // TypeVar types bound to this class
  std::vector<TypeId> bases;        // Instance types (in terms of type_params), or Unknown/Any
  std::vector<TypeId> mro;          // Instance types, starting with the class itself
  bool has_unknown_base = false;    // MRO contains Unknown/Any: lookups may fall back silently
  bool is_typed_dict = false;       // a TypedDict (a base names `TypedDict`): not modelled
  TypeId metaclass;                 // Instance of the `metaclass=` class (own or a base's); None: `type`
  TypeId self_typevar;              // the implicit Self TypeVar type of this class
  // Inferred variance of the type parameters (infer/variance.cpp), filled on first use.
  bool variance_inferred = false;
  bool variance_inferring = false;
  std::vector<Variance> inferred_variance;
};

struct FunctionInfo {
  std::string name;
  FileId file;
  NodeId node;        // the FunctionDef
  ClassId owner;      // enclosing class for methods
  bool is_async = false;
  bool is_generator = false;
  bool is_staticmethod = false;
  bool is_classmethod = false;
  bool is_property = false;
  bool is_overload = false;
  bool signature_done = false;
  bool signature_in_progress = false;
  Signature signature;
  // The return type inferred from the body of a function without a return annotation
  // (infer/return_inference.cpp): 0 not yet, 1 in progress (a recursive call: Unknown), 2 done.
  uint8_t return_inference = 0;
  TypeId inferred_return;
  // infer/blocking_summary.cpp, per CallEffect (Blocks, RunsLoop): 0 not yet, 1 in progress (a
  // cycle: does not block), 2 done; the blocking table row reached (-1: none), the helper called
  // on the way (None: the row is called directly) and the chain's length.
  uint8_t blocking_state[2] = {0, 0};
  int16_t blocking_row[2] = {-1, -1};
  FunctionId blocking_via[2];
  NodeId blocking_call[2];
  uint8_t blocking_depth[2] = {0, 0};
};

}  // namespace asynctype
