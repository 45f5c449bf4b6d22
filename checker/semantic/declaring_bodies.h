// Function bodies that only declare the function: docstrings, `...`, `raise NotImplementedError`
// (and, when asked, `pass`). Such a body says nothing about what the function returns (its
// inferred return type stays Unknown) and is exempt from "missing return" (a protocol, an
// abstract method, a placeholder).
#pragma once

#include "checker/syntax/ast.h"

namespace asynctype {

// Whether every statement of `body` (a Block; None counts as empty) only declares; `pass`
// counts as declaring when `pass_declares` (a `pass` body of an annotated function is a
// placeholder; of an unannotated one it returns None).
bool BodyOnlyDeclares(const Ast& ast, NodeId body, bool pass_declares);

}  // namespace asynctype
