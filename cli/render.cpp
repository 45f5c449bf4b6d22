#include "cli/render.h"

#include <string>

namespace asynctype {
namespace {

// Number of characters (code points) in a UTF-8 string.
size_t CharCount(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

void RenderDiagnostic(const Diagnostic& d, const std::string& display_path, const SourceFile* source,
                      OutputFormat format, std::ostream& out) {
  std::string severity(SeverityName(d.severity));
  std::string rule(GetRuleInfo(d.rule).name);
  if (!source) {
    if (format == OutputFormat::Concise) {
      out << display_path << ": " << severity << "[" << rule << "] " << d.ConciseMessage() << "\n";
    } else {
      out << severity << "[" << rule << "]: " << d.message << "\n --> " << display_path << "\n\n";
    }
    return;
  }
  const LineIndex& lines = source->lines();
  LineCol start = lines.CharLineCol(d.range.start);
  std::string location = display_path + ":" + std::to_string(start.line + 1) + ":" + std::to_string(start.column + 1);
  if (format == OutputFormat::Concise) {
    out << location << ": " << severity << "[" << rule << "] " << d.ConciseMessage() << "\n";
    return;
  }
  out << severity << "[" << rule << "]: " << d.message << "\n";
  std::string number = std::to_string(start.line + 1);
  std::string gutter(number.size(), ' ');
  out << gutter << "--> " << location << "\n";
  uint32_t line_start = lines.LineStart(start.line);
  uint32_t line_end = lines.LineEnd(start.line);
  std::string_view text(source->text());
  std::string_view line = text.substr(line_start, line_end - line_start);
  // Very long lines are cut around the caret.
  constexpr size_t kMaxShown = 200;
  size_t caret_col = start.column;
  std::string shown(line);
  if (CharCount(line) > kMaxShown) {
    std::string_view prefix = text.substr(line_start, std::min(d.range.start, line_end) - line_start);
    shown = std::string(prefix.substr(prefix.size() > 60 ? prefix.size() - 60 : 0)) + "…";
    caret_col = CharCount(prefix.substr(prefix.size() > 60 ? prefix.size() - 60 : 0));
  }
  uint32_t end = std::min(d.range.end, line_end);
  size_t width = d.range.end > d.range.start && end > d.range.start
                     ? CharCount(text.substr(d.range.start, end - d.range.start))
                     : 1;
  if (width == 0) width = 1;
  out << gutter << " |\n";
  out << number << " | " << shown << "\n";
  out << gutter << " | " << std::string(caret_col, ' ') << std::string(width, '^');
  if (!d.primary_message.empty()) out << " " << d.primary_message;
  out << "\n";
  out << gutter << " |\n";
  for (const std::string& info : d.infos) out << "info: " << info << "\n";
  out << "\n";
}

}  // namespace asynctype
