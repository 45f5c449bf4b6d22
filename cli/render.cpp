#include "cli/render.h"

#include <sstream>
#include <string>

namespace asynctype {
namespace {

// Number of characters (code points) in a UTF-8 string.
size_t CharCount(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

struct Palette {
  bool on;
  std::string severity(Severity s) const {
    if (!on) return "";
    switch (s) {
      case Severity::Error: return "\x1b[1;31m";
      case Severity::Warning: return "\x1b[1;33m";
      case Severity::Info: return "\x1b[1;36m";
    }
    return "";
  }
  std::string blue() const { return on ? "\x1b[1;34m" : ""; }
  std::string bold() const { return on ? "\x1b[1m" : ""; }
  std::string reset() const { return on ? "\x1b[0m" : ""; }
};

std::string Trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
  return std::string(s.substr(a, b - a));
}

}  // namespace

ReportedDiagnostic Report(const Diagnostic& d, const std::string& display_path, const SourceFile* source, bool color) {
  Palette p{color};
  ReportedDiagnostic r;
  r.path = display_path;
  r.rule = d.rule;
  r.severity = d.severity;
  r.message = d.message;
  r.concise_message = d.ConciseMessage();
  std::string severity(SeverityName(d.severity));
  std::string rule(GetRuleInfo(d.rule).name);
  std::ostringstream out;
  out << p.severity(d.severity) << severity << "[" << rule << "]" << p.reset() << p.bold() << ": " << d.message
      << p.reset() << "\n";
  if (!source) {
    out << " " << p.blue() << "-->" << p.reset() << " " << display_path << "\n\n";
    r.full_text = out.str();
    return r;
  }
  const LineIndex& lines = source->lines();
  LineCol start = lines.CharLineCol(d.range.start);
  LineCol end = lines.CharLineCol(d.range.end);
  r.line = start.line + 1;
  r.column = start.column + 1;
  r.end_line = end.line + 1;
  r.end_column = end.column + 1;
  uint32_t line_start = lines.LineStart(start.line);
  uint32_t line_end = lines.LineEnd(start.line);
  std::string_view text(source->text());
  std::string_view line = text.substr(line_start, line_end - line_start);
  r.line_text = Trim(line);

  std::string location = display_path + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
  std::string number = std::to_string(r.line);
  std::string gutter(number.size(), ' ');
  out << gutter << p.blue() << "-->" << p.reset() << " " << location << "\n";
  // Very long lines are cut around the caret.
  constexpr size_t kMaxShown = 200;
  size_t caret_col = start.column;
  std::string shown(line);
  if (CharCount(line) > kMaxShown) {
    std::string_view prefix = text.substr(line_start, std::min(d.range.start, line_end) - line_start);
    shown = std::string(prefix.substr(prefix.size() > 60 ? prefix.size() - 60 : 0)) + "…";
    caret_col = CharCount(prefix.substr(prefix.size() > 60 ? prefix.size() - 60 : 0));
  }
  uint32_t stop = std::min(d.range.end, line_end);
  size_t width = d.range.end > d.range.start && stop > d.range.start
                     ? CharCount(text.substr(d.range.start, stop - d.range.start))
                     : 1;
  if (width == 0) width = 1;
  out << gutter << p.blue() << " |" << p.reset() << "\n";
  out << p.blue() << number << " |" << p.reset() << " " << shown << "\n";
  out << gutter << p.blue() << " |" << p.reset() << " " << std::string(caret_col, ' ') << p.severity(d.severity)
      << std::string(width, '^');
  if (!d.primary_message.empty()) out << " " << d.primary_message;
  out << p.reset() << "\n";
  out << gutter << p.blue() << " |" << p.reset() << "\n";
  for (const std::string& info : d.infos) out << p.bold() << "info" << p.reset() << ": " << info << "\n";
  out << "\n";
  r.full_text = out.str();
  return r;
}

}  // namespace asynctype
