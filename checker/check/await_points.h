// Await points: where a coroutine may suspend (and where cancellation arrives). An `await`
// expression, an `async for` (statement or comprehension clause) and an `async with`, found in
// a subtree of one function body without entering nested functions, lambdas, classes or
// generator expressions (their code runs elsewhere, or later). Used by the lock and
// cancellation checks.
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class Ast;

// The first await point in `node`'s subtree (source order), `node` included; None if there is
// none.
NodeId FirstAwaitPoint(const Ast& ast, NodeId node);

// The body of `function_def` when it is an `async def` (where await points can suspend); None for
// anything else.
NodeId AsyncFunctionBody(const Ast& ast, NodeId function_def);

// Whether `node` is itself an await point (an Await, an async For / With, an async
// Comprehension clause).
bool IsAwaitPoint(const Ast& ast, NodeId node);

}  // namespace asynctype
