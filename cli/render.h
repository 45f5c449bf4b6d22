// Turns a checker Diagnostic into a ReportedDiagnostic: locations as 1-based lines and character
// columns, and the full human form rendered like ty (header, `-->` location, the source line with
// a caret underline, `info:` lines), optionally coloured for a terminal.
#pragma once

#include <functional>
#include <string>

#include "checker/diagnostics/diagnostic.h"
#include "checker/syntax/source_file.h"
#include "cli/report.h"

namespace asynctype {

// The source (and shown path) of another file, for secondary annotations; null when unknown.
using SourceLookup = std::function<const SourceFile*(FileId)>;

// `display_path` is the file's path as shown to the user; `source` may be null (io errors).
// Secondary annotations are rendered as further snippets (` ::: path:line:col`) when `lookup`
// finds their file.
ReportedDiagnostic Report(const Diagnostic& d, const std::string& display_path, const SourceFile* source, bool color,
                          const SourceLookup& lookup = {});

}  // namespace asynctype
