// The registry of diagnostic rules: kebab-case name, default severity, one-line summary, README
// text. The rows live in rules.def (adding a rule starts there); the enum and the constant table
// are generated from them. Rule names follow ty's where ty has the rule.
#pragma once

#include <optional>
#include <string_view>

#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

enum class Severity : uint8_t { Info, Warning, Error };
std::string_view SeverityName(Severity s);

// One enumerator per row of rules.def, in its order.
enum class Rule : uint8_t {
#define RULE(kind, name, severity, lint, on, summary, readme) kind,
#include "checker/diagnostics/rules.def"
#undef RULE
};

struct RuleInfo {
  Rule rule;
  std::string_view name;
  Severity default_severity;
  bool is_lint;  // false for always-on IDs such as invalid-syntax and revealed-type
  std::string_view summary;
  bool enabled_by_default = true;  // off-by-default rules run only when configured (and in mdtests)
  std::string_view readme;  // the README table's "what" column
};

llvm::ArrayRef<RuleInfo> AllRules();
const RuleInfo& GetRuleInfo(Rule rule);
std::optional<Rule> FindRule(std::string_view name);

}  // namespace asynctype
