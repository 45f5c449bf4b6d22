// Renders diagnostics for humans, like ty: the full form with the source line and a caret
// underline, or one concise line per diagnostic.
#pragma once

#include <ostream>

#include "checker/diagnostics/diagnostic.h"
#include "checker/syntax/source_file.h"

namespace asynctype {

enum class OutputFormat { Full, Concise };

// `display_path` is the file's path as shown to the user; `source` may be null (io errors).
void RenderDiagnostic(const Diagnostic& d, const std::string& display_path, const SourceFile* source,
                      OutputFormat format, std::ostream& out);

}  // namespace asynctype
