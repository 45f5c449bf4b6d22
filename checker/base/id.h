// Typed 32-bit IDs. Every table in the checker (AST nodes, scopes, symbols, definitions, types,
// classes, functions, files) is a vector indexed by one of these, never by raw pointers, so
// results are compact, cheap to copy and hash, and safe to keep across phases.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>

namespace asynctype {

template <class Tag>
struct Id {
  static constexpr uint32_t kNoneValue = std::numeric_limits<uint32_t>::max();
  uint32_t value = kNoneValue;

  constexpr Id() = default;
  constexpr explicit Id(uint32_t v) : value(v) {}
  static constexpr Id None() { return Id(); }
  constexpr bool valid() const { return value != kNoneValue; }
  constexpr explicit operator bool() const { return valid(); }
  constexpr uint32_t index() const { return value; }
  friend constexpr bool operator==(Id a, Id b) { return a.value == b.value; }
  friend constexpr bool operator!=(Id a, Id b) { return a.value != b.value; }
  friend constexpr bool operator<(Id a, Id b) { return a.value < b.value; }
};

struct IdHash {
  template <class Tag>
  size_t operator()(Id<Tag> id) const { return std::hash<uint32_t>()(id.value); }
};

using NodeId = Id<struct NodeTag>;
using FileId = Id<struct FileTag>;
using ScopeId = Id<struct ScopeTag>;
using SymbolId = Id<struct SymbolTag>;
using DefinitionId = Id<struct DefinitionTag>;
using TypeId = Id<struct TypeTag>;
using TypeListId = Id<struct TypeListTag>;
using ClassId = Id<struct ClassTag>;
using FunctionId = Id<struct FunctionTag>;
using TypeVarId = Id<struct TypeVarTag>;
using ModuleId = Id<struct ModuleTag>;

}  // namespace asynctype
