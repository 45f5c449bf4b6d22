// Bounds on the recursion of lazy inference, shared by every file of one Program (see
// Program::recursion()). Inference is recursive and crosses files: a definition's type needs the
// definitions it mentions (`from a import x` chains, `x = y` chains, a module inferred from
// another one), a class needs its bases, a signature its annotations, an alias its value. Cycles
// are cut by the memo tables' in-progress marks; this bounds the depth of the chains, so that a
// project with a 100,000-level chain ends in Unknown (silent) instead of a stack overflow. About
// 1 KB of stack is used per level in a release build, 13 KB under AddressSanitizer: the bound is
// also cut short where the thread's stack is nearly used up (an 8 MiB thread under the
// sanitizers holds about 500 levels; the CLI's 512 MiB workers hold the full 2,000).
//
// Alias expansion has its own, smaller bound and its own stack: a reference back to an alias
// being expanded is a recursive alias (Unknown there). An expansion that saw such a cut depends
// on where the expansion started, so only expansions that saw none are memoized for good; the
// others are kept until the outermost expansion ends (so a cycle of aliases is expanded once per
// use, not once per path).
#pragma once

#include <cstdint>
#include <map>
#include <thread>
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
  // The lowest stack address the recursion may reach on the thread that runs it (0: unknown),
  // found when the outermost level is entered on a new thread.
  uintptr_t stack_limit = 0;
  std::thread::id stack_thread;
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
  explicit RecursionGuard(InferenceRecursion& recursion);
  ~RecursionGuard() { --recursion_.depth; }
  RecursionGuard(const RecursionGuard&) = delete;
  RecursionGuard& operator=(const RecursionGuard&) = delete;
  bool exceeded() const { return exceeded_; }

 private:
  InferenceRecursion& recursion_;
  bool exceeded_;
};

}  // namespace asynctype
