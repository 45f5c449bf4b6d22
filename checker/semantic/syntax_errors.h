// The semantic syntax errors that need no types, which the index builder reports as it walks:
// the questions it asks of the scope tree built so far (is this inside a function? may this
// `await` / `async for` / asynchronous comprehension be here?) and the reports themselves
// (`invalid-syntax`, in visit order). The builder decides when to ask; the rules live here:
// `return` / `yield` outside a function, `await` and the `async` statements outside an
// asynchronous function, and, before Python 3.11, asynchronous comprehensions inside
// synchronous ones.
#pragma once

#include <string>
#include <vector>

#include "checker/base/id.h"
#include "checker/base/python_version.h"
#include "checker/base/text_range.h"
#include "checker/diagnostics/diagnostic.h"
#include "checker/semantic/index.h"
#include "checker/syntax/ast.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace asynctype {

class SyntaxErrors {
 public:
  // `scopes` is the scope tree being built (read at each call); reports go to `diagnostics`.
  SyntaxErrors(const Ast& ast, FileId file, PythonVersion version, const std::vector<Scope>& scopes,
               std::vector<Diagnostic>& diagnostics)
      : ast_(ast), file_(file), version_(version), scopes_(scopes), diagnostics_(diagnostics) {}

  // Reports an `invalid-syntax` error.
  void Report(TextRange range, std::string message);

  // Whether `current` is inside a function or lambda (not a class or module body).
  bool InFunction(ScopeId current) const;
  // The function whose body `current` is, through comprehensions; None otherwise.
  ScopeId EnclosingFunction(ScopeId current) const;
  // Whether `await`, `async for` in a comprehension, ... may appear in `from`: an async function,
  // also inside its comprehensions, and anywhere inside a generator expression (which becomes an
  // async generator).
  bool AsyncContextAllowed(ScopeId from) const;

  // `async for` / `async with` (`what`) in `current`: only in an async function.
  void CheckAsyncStatement(NodeId stmt, ScopeId current, const char* what);
  // Before 3.11 a synchronous comprehension (generator expressions included) cannot contain an
  // asynchronous list / set / dict comprehension, one with `async for` or one that awaits, even
  // inside an `async def`. Reported once per comprehension, at `range` (its first `async for`
  // clause or `await`).
  void CheckAsyncInSyncComprehension(ScopeId comprehension, TextRange range);

 private:
  const Scope& scope(ScopeId id) const { return scopes_[id.index()]; }
  bool InSyncComprehension(ScopeId from);
  bool ContainsOwnAwait(NodeId expr) const;

  const Ast& ast_;
  FileId file_;
  PythonVersion version_;
  const std::vector<Scope>& scopes_;
  std::vector<Diagnostic>& diagnostics_;
  llvm::DenseMap<uint32_t, bool> awaits_directly_;  // comprehension scope -> it awaits in its own scope
  llvm::DenseSet<uint32_t> async_nesting_reported_;  // comprehension scopes reported as nested async
};

}  // namespace asynctype
