// Checks of the protocols behind `with` / `async with`, `for` / `async for` (and comprehension
// and `yield from` iterables), and of awaitables dropped by expression statements. They run in the
// check phase on top of inference and use its building blocks (LookupDunder, CheckCall, TryAwait)
// to find out *why* a protocol fails, then word the diagnostics as ty does:
//   invalid-context-manager  "Object of type `T` cannot be used with `async with` because ..."
//   not-iterable             "Object of type `T` is not iterable" / "... is not async-iterable"
//   unused-coroutine         "Object of type `T` is not awaited" (a dropped coroutine object)
//   unused-task              the same for the task `asyncio.create_task` & co. just made
//   unused-awaitable         the same for any other awaitable (off by default)
// All three stay silent unless the type is fully known: no Any/Unknown (nor a union member of
// them), no class with an unknown base, no TypeVar or class object (whose metaclass is not
// modelled), and no call whose failure the call checker itself does not trust.
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// A `with` / `async with` statement: every item's context expression.
void CheckWithStatement(FileInference& inference, NodeId with_statement);
// A `for` / `async for` statement: its iterable.
void CheckForStatement(FileInference& inference, NodeId for_statement);
// One `for` / `async for` clause of a comprehension (a Comprehension node): its iterable.
void CheckComprehensionClause(FileInference& inference, NodeId comprehension);
// A `yield from` expression: its operand must be iterable.
void CheckYieldFrom(FileInference& inference, NodeId yield_from);
// An expression statement whose value is an awaitable that nobody awaits: a coroutine object
// (unused-coroutine), a new task (unused-task), or another awaitable (unused-awaitable).
void CheckUnusedAwaitable(FileInference& inference, NodeId expr_statement);
// Whether `expr` certainly evaluates to a coroutine object (every member of its fully known
// type is a `CoroutineType` / `Coroutine` instance, as unused-coroutine requires); false for
// `reveal_type(...)` and friends. Used by the coroutine lifecycle and value-use checks.
bool IsCertainCoroutine(FileInference& inference, NodeId expr);

}  // namespace asynctype
