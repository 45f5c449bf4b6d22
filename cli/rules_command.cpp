#include "cli/rules_command.h"

#include <algorithm>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "checker/diagnostics/did_you_mean.h"
#include "checker/diagnostics/rule_docs.h"
#include "checker/diagnostics/rules.h"

namespace asynctype {
namespace {

// The default as the tables show it: the severity, or `off (warning)` for an off-by-default rule.
std::string DefaultText(const RuleInfo& info) {
  std::string text;
  if (!info.enabled_by_default) text.append("off (");
  text.append(SeverityName(info.default_severity));
  if (!info.enabled_by_default) text.append(")");
  return text;
}

// The README's rules table: one row per rule, consecutive rules with the same README text and
// default sharing a row (`call-non-callable`, `missing-argument`, ... | error | ...).
void WriteMarkdown(std::ostream& out) {
  auto default_of = [](const RuleInfo& info) -> std::string_view {
    return info.enabled_by_default ? SeverityName(info.default_severity) : "off";
  };
  out << "| rule | default | what |\n| --- | --- | --- |\n";
  llvm::ArrayRef<RuleInfo> rules = AllRules();
  for (size_t i = 0; i < rules.size();) {
    size_t end = i + 1;
    while (end < rules.size() && rules[end].readme == rules[i].readme &&
           default_of(rules[end]) == default_of(rules[i])) {
      ++end;
    }
    out << "| ";
    for (size_t j = i; j < end; ++j) out << (j > i ? ", `" : "`") << rules[j].name << "`";
    out << " | " << default_of(rules[i]) << " | " << rules[i].readme << " |\n";
    i = end;
  }
}

void WriteText(std::ostream& out) {
  size_t name_width = 0, default_width = 0;
  for (const RuleInfo& info : AllRules()) {
    name_width = std::max(name_width, info.name.size());
    default_width = std::max(default_width, DefaultText(info).size());
  }
  for (const RuleInfo& info : AllRules()) {
    std::string line(info.name);
    line.append(name_width + 2 - info.name.size(), ' ');
    std::string level = DefaultText(info);
    line.append(level).append(default_width + 2 - level.size(), ' ');
    line.append(info.summary);
    out << line << "\n";
  }
}

void WriteJson(std::ostream& out) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const RuleInfo& info : AllRules()) {
    nlohmann::ordered_json rule = {{"name", info.name},
                           {"default", info.enabled_by_default ? SeverityName(info.default_severity) : "off"},
                           {"severity", SeverityName(info.default_severity)},
                           {"enabled_by_default", info.enabled_by_default},
                           {"kind", info.is_lint ? "lint" : "always-on"},
                           {"summary", info.summary},
                           {"readme", info.readme}};
    if (const RuleDoc* doc = GetRuleDoc(info.rule)) {
      rule["what"] = doc->what;
      rule["why"] = doc->why;
      rule["example"] = doc->example;
      rule["fix"] = doc->fix;
    }
    rules.push_back(std::move(rule));
  }
  out << rules.dump(2) << "\n";
}

// Code indented by four spaces (blank lines stay empty).
void WriteIndented(std::string_view code, std::ostream& out) {
  while (!code.empty()) {
    size_t end = code.find('\n');
    std::string_view line = code.substr(0, end);
    out << (line.empty() ? "" : "    ") << line << "\n";
    code = end == std::string_view::npos ? std::string_view() : code.substr(end + 1);
  }
}

}  // namespace

void WriteRules(RulesFormat format, std::ostream& out) {
  switch (format) {
    case RulesFormat::Text: return WriteText(out);
    case RulesFormat::Markdown: return WriteMarkdown(out);
    case RulesFormat::Json: return WriteJson(out);
  }
}

int RunRuleCommand(std::string_view name, std::ostream& out, std::ostream& err) {
  std::optional<Rule> rule = FindRule(name);
  if (!rule) {
    std::vector<std::string_view> names;
    for (const RuleInfo& info : AllRules()) names.push_back(info.name);
    err << "error: unknown rule `" << name << "`" << DidYouMean(name, names) << " (see `asynctype rules`)\n";
    return 2;
  }
  const RuleInfo& info = GetRuleInfo(*rule);
  out << info.name << "\n\n";
  out << "Default: " << DefaultText(info);
  if (!info.is_lint) out << ", always on (its level cannot be configured)";
  if (!info.enabled_by_default) out << "; enable it with `--warn " << info.name << "` or `[rules]`";
  out << "\n\n" << info.summary << "\n";
  const RuleDoc* doc = GetRuleDoc(*rule);
  if (!doc) return 0;
  out << "\nWhat it catches:\n  " << doc->what << "\n";
  out << "\nWhy it matters:\n  " << doc->why << "\n";
  out << "\nExample:\n\n";
  WriteIndented(doc->example, out);
  out << "\nFix:\n\n";
  WriteIndented(doc->fix, out);
  return 0;
}

}  // namespace asynctype
