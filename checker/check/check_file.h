// The check phase's entry point: pulls the type of every expression and definition of a file
// (so every inference diagnostic is produced exactly once), reports import errors, and returns
// all diagnostics of the file (syntax, semantic, inference) in source order.
#pragma once

#include <vector>

#include "checker/diagnostics/diagnostic.h"

namespace asynctype {

class Program;

std::vector<Diagnostic> CheckFile(Program& program, FileId file);

}  // namespace asynctype
