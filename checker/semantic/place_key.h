// The key of a place that narrowing follows: a member access chain rooted at a name,
// `self.proc.returncode` -> "self.proc.returncode" (the flow state keeps it under its root name,
// flow.h). Shared by the index builder, which records the places' narrowing, and the inference,
// which applies it. Chains longer than kMaxPlaceDepth members are not followed (a bound on the
// cost of building keys for every prefix of a long chain).
#pragma once

#include <string>

#include "checker/syntax/ast.h"

namespace asynctype {

inline constexpr int kMaxPlaceDepth = 8;

// Appends the key of `node` to `out` and returns true when it is a name or a chain of at most
// kMaxPlaceDepth member accesses on one (`out` is then unspecified on false).
inline bool AppendPlaceKey(const Ast& ast, NodeId node, std::string& out, int depth = 0) {
  if (!node.valid()) return false;
  if (ast.kind(node) == NodeKind::Name) {
    out += ast.str(node).str();
    return true;
  }
  if (ast.kind(node) != NodeKind::Attribute || depth >= kMaxPlaceDepth) return false;
  NodeId value = AttributeView{ast, node}.value(), attr = AttributeView{ast, node}.attr();
  if (!attr.valid() || !AppendPlaceKey(ast, value, out, depth + 1)) return false;
  out += '.';
  out += ast.str(attr).str();
  return true;
}

// The key of a member access chain (`a.b`, `a.b.c`), or "" for anything else.
inline std::string PlaceKeyOf(const Ast& ast, NodeId node) {
  if (!node.valid() || ast.kind(node) != NodeKind::Attribute) return "";
  std::string key;
  return AppendPlaceKey(ast, node, key) ? key : std::string();
}

}  // namespace asynctype
