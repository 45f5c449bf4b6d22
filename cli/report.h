// A diagnostic as the CLI reports it: self-contained (path, 1-based line/column range, texts, a
// fingerprint), so that files checked on different threads can be merged, filtered by a
// baseline and written in any output format after their programs are gone.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "checker/diagnostics/diagnostic.h"

namespace asynctype {

// A secondary annotation of a reported diagnostic (possibly in another file).
struct RelatedLocation {
  std::string path;
  uint32_t line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based
  std::string message;
};

struct ReportedDiagnostic {
  std::string path;
  Rule rule;
  Severity severity;
  std::string message;          // headline
  std::string concise_message;  // headline with the primary message
  uint32_t line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based; 0 when no location
  std::string line_text;        // the trimmed source line (part of the fingerprint)
  std::vector<RelatedLocation> related;  // secondary annotations, in order
  std::vector<std::string> infos;        // the `info:` hints
  std::string full_text;        // pre-rendered full form (with colour if asked for)
  std::string fingerprint;      // stable across edits that only move the code
};

enum class OutputFormat { Full, Concise, Json, Sarif, Github, Gitlab };

struct Summary {
  size_t errors = 0, warnings = 0, infos = 0, files = 0;
};

// The concise message followed by the `info:` hints, one per line: the message body of formats
// that have a single text per diagnostic (GitHub, GitLab).
std::string MessageWithInfos(const ReportedDiagnostic& d);

// Writes the diagnostics (already in their final order) in `format`. The human formats (full,
// concise) do not include the summary line; the caller writes it to stderr.
void WriteReport(const std::vector<ReportedDiagnostic>& diagnostics, const Summary& summary,
                 OutputFormat format, std::ostream& out);

// Fills `fingerprint` for every diagnostic: a hash of path, rule, message and the trimmed source
// line, plus the occurrence number among identical ones, so line shifts do not change it.
void AssignFingerprints(std::vector<ReportedDiagnostic>* diagnostics);

}  // namespace asynctype
