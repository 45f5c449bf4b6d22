// RecursionGuard: the depth count, and the stack left on the thread running the inference.
#include "checker/infer/recursion.h"

#include <algorithm>

#if defined(__linux__)
#include <pthread.h>
#endif

namespace asynctype {
namespace {

// The lowest address the inference should reach on the calling thread: its stack's end plus a
// margin for the work between two guarded levels (an eighth of the stack, at least 1 MiB). 0 when
// the stack cannot be found.
uintptr_t StackLimit() {
#if defined(__linux__)
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* low = nullptr;
  size_t size = 0;
  int rc = pthread_attr_getstack(&attr, &low, &size);
  pthread_attr_destroy(&attr);
  if (rc != 0 || low == nullptr || size == 0) return 0;
  size_t margin = std::max<size_t>(size / 8, size_t{1} << 20);
  if (margin >= size) return 0;
  return reinterpret_cast<uintptr_t>(low) + margin;
#else
  return 0;
#endif
}

}  // namespace

RecursionGuard::RecursionGuard(InferenceRecursion& recursion) : recursion_(recursion) {
  if (++recursion_.depth == 1 && recursion_.stack_thread != std::this_thread::get_id()) {
    recursion_.stack_thread = std::this_thread::get_id();
    recursion_.stack_limit = StackLimit();
  }
  uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  exceeded_ = recursion_.depth > InferenceRecursion::kMaxDepth ||
              (recursion_.stack_limit != 0 && here < recursion_.stack_limit);
}

}  // namespace asynctype
