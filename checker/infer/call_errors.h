// Diagnostics for calls: turns the CallErrors that CheckCall found for one call expression into
// diagnostics with ty's rule names, messages and ranges (`missing-argument`,
// `too-many-positional-arguments`, `unknown-argument`, `parameter-already-assigned`,
// `invalid-argument-type`, `no-matching-overload`, `call-non-callable`).
#pragma once

#include <optional>
#include <string>

#include "checker/infer/semantics.h"
#include "checker/syntax/ast.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

class FileInference;
class Program;

// Reports `errors` (from CheckCall on the call expression `call` of `inference`'s file) as
// diagnostics of that file. Errors the checker cannot be sure of at this call site are dropped:
// an argument or callee whose type may depend on narrowing the inference does not apply (the
// expression, or a prefix of it, is tested by `hasattr`, `type(x) is`, `in`, a type guard, a
// comprehension or `match` condition, ...), on destructuring or slicing, on assignments from
// nested scopes, on a module or class member bound several times, or on an attribute assigned
// without a declaration in a class body (ty sees `Unknown | T` there: subclasses may assign
// anything); an argument of a union type of which some member fits.
void ReportCallErrors(Program& program, FileInference& inference, NodeId call,
                      llvm::ArrayRef<CallError> errors);

// The hint for a function passed or assigned where a value is expected (`asyncio.run(main)`,
// `x: int = number`): "Did you mean to call it? `main()` returns `...`" when `actual` is a
// function or bound method that can be called without arguments and whose result is assignable
// to `expected`; None otherwise.
std::optional<std::string> DidYouMeanToCall(FileInference& inference, TypeId actual, TypeId expected);
// The hint for a value that is an awaitable whose awaited type would have fit `expected`
// (`x: int = fetch()`, `f(fetch())`, `return fetch()`): "`T` is awaitable: did you forget
// `await`?". Only for a fully known awaitable instance and an `expected` without dynamic parts,
// when `expected` does not itself accept awaitables; None otherwise.
std::optional<std::string> DidYouForgetAwait(FileInference& inference, TypeId actual, TypeId expected);

}  // namespace asynctype
