// Statement-level checks run by the check phase on top of inference: returned values against the
// declared return type (`invalid-return-type`, with `async def` bodies checked against `R`), and
// assigned values against declared types (`invalid-assignment`).
#pragma once

#include "checker/base/id.h"

namespace asynctype {

class FileInference;

// A `return` statement (with or without a value).
void CheckReturn(FileInference& inference, NodeId statement);
// The implicit `return None` at the end of a function body.
void CheckImplicitReturn(FileInference& inference, NodeId function_def);
// An annotated assignment with a value, or an assignment to a declared name.
void CheckAssignment(FileInference& inference, NodeId statement);

}  // namespace asynctype
