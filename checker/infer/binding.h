// Argument binding: which parameter of a signature each argument of a call fills, as the
// interpreter binds them (positional, keyword, defaults, `*args`, `**kwargs` and unpacked
// arguments), and which arity errors are certain. Types are not looked at here: the bound pairs
// go to the TypeVar solver (typevar_solver.h) and to the argument checks of calls.cpp.
#pragma once

#include <vector>

#include "checker/infer/semantics.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

struct BoundPair {
  TypeId param_type;  // None: unannotated
  TypeId arg_type;
  int arg_index;
};

struct BindResult {
  std::vector<BoundPair> pairs;
  bool ok = true;
  std::vector<CallError> errors;  // the reportable arity errors
};

inline bool IsPositionalParam(ParamKind k) { return k == ParamKind::PositionalOnly || k == ParamKind::PositionalOrKeyword; }

// Binds arguments to parameters as the interpreter does. `ok` is false when they cannot bind;
// `errors` holds the failures that are certain (with unpacked `*args` / `**kwargs` only an
// unknown keyword and a keyword repeating an explicit positional argument are).
BindResult BindArguments(const Signature& sig, llvm::ArrayRef<Argument> args);

}  // namespace asynctype
