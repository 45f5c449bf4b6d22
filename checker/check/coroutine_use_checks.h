// Coroutine objects used as plain values where their result was meant: formatted as text, or
// tested for truth. Both are forgotten `await`s; both require the operand to be certainly a
// coroutine object (IsCertainCoroutine: a fully known `CoroutineType` / `Coroutine`).
//   formatted-coroutine  f-string `{coro}`, `str()` / `format()`, `print(...)`, `"..." % coro`
//                        (or a tuple holding one), `"...".format(coro)`, and a coroutine made by
//                        the call itself in `logging` module functions and `Logger` /
//                        `LoggerAdapter` methods (`log.info("%s", fetch())`); only for a call or
//                        a `types.CoroutineType` value (not a declared `Coroutine[...]` parameter
//                        or attribute, often named on purpose); never for `repr()` / `ascii()` /
//                        `{coro!r}`, the ways to show a coroutine deliberately
//   truthy-coroutine     the test of `if` / `elif` / `while` / `assert` / `x if c else y`, the
//                        tested operands of `and` / `or` (every operand but the last, and the
//                        last one too when the whole expression is a condition), `not`'s operand,
//                        a comprehension's `if`
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// An expression: formatted or truth-tested coroutine operands of this node (FormattedValue,
// Call, BinOp `%`, BoolOp, UnaryOp `not`, IfExp, Comprehension). Each node reports only its own
// operands, so nested expressions are reported once.
void CheckCoroutineValueUse(FileInference& inference, NodeId expr);
// An `if` / `while` / `assert` statement: its test.
void CheckCoroutineCondition(FileInference& inference, NodeId statement);

}  // namespace asynctype
