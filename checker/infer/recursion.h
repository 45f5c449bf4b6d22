// Bounds on the recursion of lazy inference, shared by every file of one Program (see
// Program::recursion()). Inference is recursive and crosses files: a definition's type needs the
// definitions it mentions (`from a import x` chains, `x = y` chains, a module inferred from
// another one), a class needs its bases, a signature its annotations, an alias its value. Cycles
// are cut by the memo tables' in-progress marks; this bounds the depth of the chains, so that a
// project with a 100,000-level chain ends in Unknown (silent) instead of a stack overflow, on any
// thread's stack. About 1 KB of stack is used per level in a release build (more under the
// sanitizers).
//
// Alias expansion has its own, smaller bound and its own stack: a reference back to an alias
// being expanded is a recursive alias (Unknown there). An expansion that saw such a cut depends
// on where the expansion started, so only expansions that saw none are memoized for good; the
// others are kept until the outermost expansion ends (so a cycle of aliases is expanded once per
// use, not once per path).
#pragma once

#include <cstdint>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

struct InferenceRecursion {
  // Nested computations of definition types, class bases and signatures, across files.
  static constexpr int kMaxDepth = 2000;
  int depth = 0;
  // Nested alias expansions, across files.
  static constexpr size_t kMaxAliasDepth = 100;
  std::vector<std::pair<const FileInference*, DefinitionId>> aliases;
  // Incremented whenever an alias expansion is cut short (a recursive alias, the bound).
  uint64_t alias_cuts = 0;
  // Expansions that saw a cut, reused until the outermost expansion ends: (file, alias, class).
  std::map<std::tuple<const FileInference*, uint32_t, uint32_t>, TypeId> alias_scratch;
};

// One more level of nested inference for as long as it lives; `exceeded()` past the bound (the
// caller then answers without recursing further).
class RecursionGuard {
 public:
  explicit RecursionGuard(InferenceRecursion& recursion) : recursion_(recursion) { ++recursion_.depth; }
  ~RecursionGuard() { --recursion_.depth; }
  RecursionGuard(const RecursionGuard&) = delete;
  RecursionGuard& operator=(const RecursionGuard&) = delete;
  bool exceeded() const { return recursion_.depth > InferenceRecursion::kMaxDepth; }

 private:
  InferenceRecursion& recursion_;
};

}  // namespace asynctype
