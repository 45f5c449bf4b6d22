#include "cli/render.h"

#include <sstream>
#include <string>
#include <vector>

#include "checker/base/utf8.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype {
namespace {

struct Palette {
  bool on;
  std::string severity(Severity s) const {
    if (!on) return "";
    switch (s) {
      case Severity::Error: return "\x1b[1;31m";
      case Severity::Warning: return "\x1b[1;33m";
      case Severity::Info: return "\x1b[1;36m";
    }
    llvm_unreachable("every Severity is handled");
  }
  std::string blue() const { return on ? "\x1b[1;34m" : ""; }
  std::string bold() const { return on ? "\x1b[1m" : ""; }
  std::string reset() const { return on ? "\x1b[0m" : ""; }
};

}  // namespace

// One snippet: the source line of `range` with an underline of `mark` and its message.
void Snippet(std::ostringstream& out, const Palette& p, const SourceFile& source, TextRange range, char mark,
             const std::string& color, const std::string& message, const std::string& gutter) {
  const LineIndex& lines = source.lines();
  LineCol start = lines.CharLineCol(range.start);
  uint32_t line_start = lines.LineStart(start.line);
  uint32_t line_end = lines.LineEnd(start.line);
  std::string_view text(source.text());
  std::string_view line = text.substr(line_start, line_end - line_start);
  std::string number = std::to_string(start.line + 1);
  // Very long lines are cut around the caret.
  constexpr size_t kMaxShown = 200;
  size_t caret_col = start.column;
  std::string shown(line);
  if (utf8::CountCodePoints(line) > kMaxShown) {
    std::string_view prefix = text.substr(line_start, std::min(range.start, line_end) - line_start);
    shown = std::string(prefix.substr(prefix.size() > 60 ? prefix.size() - 60 : 0)) + "…";
    caret_col = utf8::CountCodePoints(prefix.substr(prefix.size() > 60 ? prefix.size() - 60 : 0));
  }
  uint32_t stop = std::min(range.end, line_end);
  size_t width = range.end > range.start && stop > range.start ? utf8::CountCodePoints(text.substr(range.start, stop - range.start)) : 1;
  if (width == 0) width = 1;
  std::string pad(gutter.size() > number.size() ? gutter.size() - number.size() : 0, ' ');
  out << gutter << p.blue() << " |" << p.reset() << "\n";
  out << p.blue() << pad << number << " |" << p.reset() << " " << shown << "\n";
  out << gutter << p.blue() << " |" << p.reset() << " " << std::string(caret_col, ' ') << color << std::string(width, mark);
  if (!message.empty()) out << " " << message;
  out << p.reset() << "\n";
  out << gutter << p.blue() << " |" << p.reset() << "\n";
}

ReportedDiagnostic Report(const Diagnostic& d, const std::string& display_path, const SourceFile* source, bool color,
                          const SourceLookup& lookup) {
  Palette p{color};
  ReportedDiagnostic r;
  r.path = display_path;
  r.rule = d.rule;
  r.severity = d.severity;
  r.message = d.message;
  r.concise_message = d.ConciseMessage();
  r.infos = d.infos;
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
  r.line_text = llvm::StringRef(text).substr(line_start, line_end - line_start).trim(" \t\r").str();

  // The gutter is as wide as the largest line number shown.
  std::vector<std::pair<const SourceFile*, const Annotation*>> secondary;
  size_t widest = std::to_string(r.line).size();
  for (const Annotation& a : d.secondary) {
    const SourceFile* other = a.file == source->id() ? source : (lookup ? lookup(a.file) : nullptr);
    if (!other || a.range.start > other->text().size()) continue;
    secondary.emplace_back(other, &a);
    widest = std::max(widest, std::to_string(other->lines().CharLineCol(a.range.start).line + 1).size());
  }
  std::string gutter(widest, ' ');
  std::string location = display_path + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
  out << gutter << p.blue() << "-->" << p.reset() << " " << location << "\n";
  Snippet(out, p, *source, d.range, '^', p.severity(d.severity), d.primary_message, gutter);
  for (const auto& [other, a] : secondary) {
    LineCol at = other->lines().CharLineCol(a->range.start);
    std::string path = other == source ? display_path : other->path();
    LineCol until = other->lines().CharLineCol(a->range.end);
    r.related.push_back(RelatedLocation{path, at.line + 1, at.column + 1, until.line + 1, until.column + 1, a->message});
    out << gutter << p.blue() << ":::" << p.reset() << " " << path << ":" << at.line + 1 << ":" << at.column + 1 << "\n";
    Snippet(out, p, *other, a->range, '-', p.blue(), a->message, gutter);
  }
  for (const std::string& info : d.infos) out << p.bold() << "info" << p.reset() << ": " << info << "\n";
  out << "\n";
  r.full_text = out.str();
  return r;
}

}  // namespace asynctype
