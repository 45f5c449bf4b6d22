#include "checker/diagnostics/rule_levels.h"

#include "llvm/Support/ErrorHandling.h"

namespace asynctype {

std::optional<RuleLevel> ParseRuleLevel(std::string_view text) {
  if (text == "error") return RuleLevel::Error;
  if (text == "warn") return RuleLevel::Warn;
  if (text == "ignore") return RuleLevel::Ignore;
  return std::nullopt;
}

llvm::ArrayRef<std::string_view> RuleLevelNames() {
  static constexpr std::string_view kNames[] = {"error", "warn", "ignore"};
  return kNames;
}

bool IsKnownRuleSelector(std::string_view name) { return name == "all" || FindRule(name).has_value(); }

std::vector<std::string_view> RuleSelectorNames() {
  std::vector<std::string_view> names{"all"};
  for (const RuleInfo& info : AllRules()) names.push_back(info.name);
  return names;
}

void RuleLevels::OverrideWith(const RuleLevels& later) {
  for (const auto& entry : later.entries_) {
    if (entry.first == "all") entries_.clear();
  }
  for (const auto& [rule, level] : later.entries_) Set(rule, level);
}

void RuleLevels::Set(std::string rule, RuleLevel level) {
  for (auto& entry : entries_) {
    if (entry.first == rule) {
      entry.second = level;
      return;
    }
  }
  entries_.emplace_back(std::move(rule), level);
}

std::optional<Severity> RuleLevels::SeverityOf(Rule rule) const {
  const RuleInfo& info = GetRuleInfo(rule);
  if (!info.is_lint) return info.default_severity;
  std::optional<RuleLevel> level;
  for (const auto& [name, l] : entries_) {
    if (name == "all") level = l;
  }
  for (const auto& [name, l] : entries_) {
    if (name == info.name) level = l;
  }
  if (!level) {
    if (!info.enabled_by_default) return std::nullopt;
    return info.default_severity;
  }
  switch (*level) {
    case RuleLevel::Ignore: return std::nullopt;
    case RuleLevel::Warn: return Severity::Warning;
    case RuleLevel::Error: return Severity::Error;
  }
  llvm_unreachable("every RuleLevel is handled");
}

void RuleLevels::Apply(std::vector<Diagnostic>* diagnostics, bool disabled_as_info) const {
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics->size());
  for (Diagnostic& d : *diagnostics) {
    const RuleInfo& info = GetRuleInfo(d.rule);
    if (!info.is_lint) {
      kept.push_back(std::move(d));
      continue;
    }
    std::optional<Severity> severity = SeverityOf(d.rule);
    bool configured = false;
    for (const auto& [name, l] : entries_) configured |= name == info.name || name == "all";
    if (disabled_as_info && !info.enabled_by_default && !configured) severity = Severity::Info;
    if (!severity) continue;
    d.severity = *severity;
    kept.push_back(std::move(d));
  }
  *diagnostics = std::move(kept);
}

}  // namespace asynctype
