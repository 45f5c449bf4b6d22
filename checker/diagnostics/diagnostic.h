// A diagnostic as plain data: rule, severity, file and primary range, headline, an optional
// message on the primary annotation, secondary annotations (possibly in other files) and
// `info:` sub-diagnostics. Renderers (text, mdtest matcher, later JSON/SARIF/LSP) read this;
// nothing here prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/base/id.h"
#include "checker/base/text_range.h"
#include "checker/diagnostics/rules.h"

namespace asynctype {

struct Annotation {
  FileId file;
  TextRange range;
  std::string message;
};

struct Diagnostic {
  Rule rule;
  Severity severity;
  FileId file;
  TextRange range;
  std::string message;          // the headline
  std::string primary_message;  // optional message on the primary annotation
  std::vector<Annotation> secondary;
  std::vector<std::string> infos;
  std::optional<std::string> concise_override;

  // ty's concise message: "headline: primary message", or the custom override.
  std::string ConciseMessage() const {
    if (concise_override) return *concise_override;
    if (primary_message.empty()) return message;
    return message + ": " + primary_message;
  }
};

inline Diagnostic MakeDiagnostic(Rule rule, FileId file, TextRange range, std::string message) {
  Diagnostic d;
  d.rule = rule;
  d.severity = GetRuleInfo(rule).default_severity;
  d.file = file;
  d.range = range;
  d.message = std::move(message);
  return d;
}

}  // namespace asynctype
