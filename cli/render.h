// Turns a checker Diagnostic into a ReportedDiagnostic: locations as 1-based lines and character
// columns, and the full human form rendered like ty (header, `-->` location, the source line with
// a caret underline, `info:` lines), optionally coloured for a terminal.
#pragma once

#include <string>

#include "checker/diagnostics/diagnostic.h"
#include "checker/syntax/source_file.h"
#include "cli/report.h"

namespace asynctype {

// `display_path` is the file's path as shown to the user; `source` may be null (io errors).
ReportedDiagnostic Report(const Diagnostic& d, const std::string& display_path, const SourceFile* source, bool color);

}  // namespace asynctype
