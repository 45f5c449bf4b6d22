#include "cli/report.h"

#include <filesystem>
#include <map>
#include <system_error>
#include <tuple>

#include <nlohmann/json.hpp>

#include "llvm/Support/xxhash.h"
#include "llvm/Support/ErrorHandling.h"
#include "server/uri.h"

namespace asynctype {
namespace {

using nlohmann::json;

json Range(const ReportedDiagnostic& d) {
  return {{"start", {{"line", d.line}, {"column", d.column}}}, {"end", {{"line", d.end_line}, {"column", d.end_column}}}};
}

void WriteJson(const std::vector<ReportedDiagnostic>& diagnostics, const Summary& summary, std::ostream& out) {
  json list = json::array();
  for (const ReportedDiagnostic& d : diagnostics) {
    json related = json::array();
    for (const RelatedLocation& r : d.related) {
      related.push_back({{"file", r.path},
                         {"message", r.message},
                         {"range",
                          {{"start", {{"line", r.line}, {"column", r.column}}},
                           {"end", {{"line", r.end_line}, {"column", r.end_column}}}}}});
    }
    list.push_back({{"file", d.path},
                    {"rule", GetRuleInfo(d.rule).name},
                    {"severity", SeverityName(d.severity)},
                    {"message", d.message},
                    {"concise_message", d.concise_message},
                    {"range", Range(d)},
                    {"related", related},
                    {"infos", d.infos},
                    {"fingerprint", d.fingerprint}});
  }
  json doc = {{"version", 1},
              {"tool", "asynctype"},
              {"diagnostics", list},
              {"summary",
               {{"errors", summary.errors}, {"warnings", summary.warnings}, {"infos", summary.infos},
                {"files", summary.files}}}};
  out << doc.dump(2) << "\n";
}

std::string SarifLevel(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  llvm_unreachable("every Severity is handled");
}

// SARIF locations are relative to %SRCROOT%, the working folder (the repository's root in CI);
// a path outside it is an absolute file URI.
class SarifPaths {
 public:
  SarifPaths() {
    std::error_code ec;
    root_ = std::filesystem::current_path(ec);
    if (ec) root_.clear();
  }
  json Root() const {
    std::string uri = "file://" + lsp::PercentEncodePath(root_.generic_string());
    if (uri.back() != '/') uri += '/';
    return {{"%SRCROOT%", {{"uri", uri}}}};
  }
  json Artifact(const std::string& path) const {
    std::filesystem::path p(path);
    std::error_code ec;
    if (p.is_absolute() && !root_.empty()) {
      std::filesystem::path relative = p.lexically_relative(root_);
      if (relative.empty() || *relative.begin() == "..") {
        return {{"uri", "file://" + lsp::PercentEncodePath(p.generic_string())}};
      }
      p = relative;
    }
    return {{"uri", lsp::PercentEncodePath(p.lexically_normal().generic_string())}, {"uriBaseId", "%SRCROOT%"}};
  }

 private:
  std::filesystem::path root_;
};

json SarifRegion(uint32_t line, uint32_t column, uint32_t end_line, uint32_t end_column) {
  return {{"startLine", line}, {"startColumn", column}, {"endLine", end_line}, {"endColumn", end_column}};
}

void WriteSarif(const std::vector<ReportedDiagnostic>& diagnostics, std::ostream& out) {
  constexpr const char* kInformationUri = "https://github.com/asynctype/asynctype";
  SarifPaths paths;
  json rules = json::array();
  std::map<Rule, size_t> rule_index;
  for (const RuleInfo& info : AllRules()) {
    rule_index[info.rule] = rules.size();
    rules.push_back({{"id", info.name},
                     {"shortDescription", {{"text", info.summary}}},
                     {"fullDescription", {{"text", info.readme}}},
                     {"helpUri", std::string(kInformationUri) + "#rules"},
                     {"defaultConfiguration", {{"level", SarifLevel(info.default_severity)}, {"enabled", info.enabled_by_default}}}});
  }
  json results = json::array();
  for (const ReportedDiagnostic& d : diagnostics) {
    json location = {{"physicalLocation", {{"artifactLocation", paths.Artifact(d.path)}}}};
    if (d.line > 0) location["physicalLocation"]["region"] = SarifRegion(d.line, d.column, d.end_line, d.end_column);
    json result = {{"ruleId", GetRuleInfo(d.rule).name},
                   {"ruleIndex", rule_index[d.rule]},
                   {"level", SarifLevel(d.severity)},
                   {"message", {{"text", MessageWithInfos(d)}}},
                   {"locations", json::array({location})},
                   {"partialFingerprints", {{"asynctype/v1", d.fingerprint}}}};
    if (!d.related.empty()) {
      json related = json::array();
      for (const RelatedLocation& r : d.related) {
        json physical = {{"artifactLocation", paths.Artifact(r.path)},
                         {"region", SarifRegion(r.line, r.column, r.end_line, r.end_column)}};
        json entry = {{"id", related.size()}, {"physicalLocation", physical}};
        if (!r.message.empty()) entry["message"] = {{"text", r.message}};
        related.push_back(entry);
      }
      result["relatedLocations"] = related;
    }
    results.push_back(result);
  }
  json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({{{"tool",
                                      {{"driver",
                                        {{"name", "asynctype"},
                                         {"version", ASYNCTYPE_VERSION},
                                         {"informationUri", kInformationUri},
                                         {"rules", rules}}}}},
                                     {"originalUriBaseIds", paths.Root()},
                                     {"columnKind", "unicodeCodePoints"},
                                     {"results", results}}})}};
  out << doc.dump(2) << "\n";
}

// GitHub workflow command escaping: the message escapes %, CR and LF; properties also ':' and ','.
std::string GithubEscape(const std::string& text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

void WriteGithub(const std::vector<ReportedDiagnostic>& diagnostics, std::ostream& out) {
  for (const ReportedDiagnostic& d : diagnostics) {
    std::string command = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
    out << "::" << command << " file=" << GithubEscape(d.path, true);
    if (d.line > 0) {
      out << ",line=" << d.line << ",col=" << d.column << ",endLine=" << d.end_line << ",endColumn=" << d.end_column;
    }
    out << ",title=" << GithubEscape("asynctype (" + std::string(GetRuleInfo(d.rule).name) + ")", true) << "::"
        << GithubEscape(MessageWithInfos(d), false) << "\n";
  }
}

void WriteGitlab(const std::vector<ReportedDiagnostic>& diagnostics, std::ostream& out) {
  json list = json::array();
  for (const ReportedDiagnostic& d : diagnostics) {
    std::string severity = d.severity == Severity::Error ? "major" : d.severity == Severity::Warning ? "minor" : "info";
    list.push_back({{"description", MessageWithInfos(d)},
                    {"check_name", GetRuleInfo(d.rule).name},
                    {"fingerprint", d.fingerprint},
                    {"severity", severity},
                    {"location", {{"path", d.path}, {"lines", {{"begin", d.line}, {"end", d.end_line}}}}}});
  }
  out << list.dump(2) << "\n";
}

}  // namespace

std::string MessageWithInfos(const ReportedDiagnostic& d) {
  std::string text = d.concise_message;
  for (const std::string& info : d.infos) {
    text += "\ninfo: ";
    text += info;
  }
  return text;
}

void WriteReport(const std::vector<ReportedDiagnostic>& diagnostics, const Summary& summary,
                 OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::Full:
      for (const ReportedDiagnostic& d : diagnostics) out << d.full_text;
      return;
    case OutputFormat::Concise:
      for (const ReportedDiagnostic& d : diagnostics) {
        out << d.path;
        if (d.line > 0) out << ":" << d.line << ":" << d.column;
        out << ": " << SeverityName(d.severity) << "[" << GetRuleInfo(d.rule).name << "] " << d.concise_message << "\n";
      }
      return;
    case OutputFormat::Json: WriteJson(diagnostics, summary, out); return;
    case OutputFormat::Sarif: WriteSarif(diagnostics, out); return;
    case OutputFormat::Github: WriteGithub(diagnostics, out); return;
    case OutputFormat::Gitlab: WriteGitlab(diagnostics, out); return;
  }
}

void AssignFingerprints(std::vector<ReportedDiagnostic>* diagnostics) {
  std::map<std::tuple<std::string, Rule, std::string, std::string>, unsigned> seen;
  for (ReportedDiagnostic& d : *diagnostics) {
    unsigned occurrence = seen[{d.path, d.rule, d.message, d.line_text}]++;
    std::string key = d.path + '\0' + std::string(GetRuleInfo(d.rule).name) + '\0' + d.message + '\0' + d.line_text +
                      '\0' + std::to_string(occurrence);
    uint64_t hash = llvm::xxHash64(key);
    char buffer[17];
    snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    d.fingerprint = buffer;
  }
}

}  // namespace asynctype
