// Per-function "may block" summaries: whether calling a plain `def` of the user's code may
// block the event loop (or run an event loop), directly or through the plain `def` helpers it
// calls, across modules. Memoized in the FunctionInfo like inferred return types; a cycle counts
// as not blocking, and chains are bounded (kMaxChain helpers), so each function is summarized
// once and the whole is linear in the size of the code. Only the calls of a function's own body
// count: not those in nested functions, lambdas or classes (a function passed to
// `asyncio.to_thread` is passed, not called), nor those in unreachable code. Stubs, installed
// packages, `async def`s and generators (whose bodies do not run when called) are not helpers.
#pragma once

#include <string>
#include <vector>

#include "checker/base/id.h"
#include "checker/base/text_range.h"
#include "checker/infer/blocking_calls.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace asynctype {

class FileInference;
class Program;

// The longest helper chain reported (`a() → b() → c() → d() → e() → open()`).
inline constexpr int kMaxChain = 5;

// Calls `visit` for every call of the body of `function_def` (a FunctionDef of `inference`'s
// file) that runs when the function runs, in source order.
void ForEachOwnCall(FileInference& inference, NodeId function_def, llvm::function_ref<void(NodeId call)> visit);

// What a call does, for one effect: the table row it calls directly, or the user helper it calls
// that reaches that row (through `chain`: the helpers' names, then the row's `shown` name).
struct CallEffectFinding {
  int row = -1;       // -1: the call does not have the effect
  FunctionId helper;  // None: a direct call of the row
  std::vector<std::string> chain;
  // Through helpers: the call of the row at the end of the chain (in the last helper's file).
  FileId site_file;
  TextRange site;
};
// `function_def`: the function whose body holds the call (for the rows whose blocking depends on
// the receiver's state, BlockingCallee::state_dependent).
CallEffectFinding FindCallEffect(FileInference& inference, NodeId function_def, NodeId call, CallEffect effect);

}  // namespace asynctype
