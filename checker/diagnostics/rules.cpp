#include "checker/diagnostics/rules.h"

#include <iterator>

#include "llvm/Support/ErrorHandling.h"

namespace asynctype {
namespace {

constexpr bool Lint = true;
constexpr bool AlwaysOn = false;
constexpr bool On = true;
constexpr bool Off = false;

constexpr RuleInfo kRules[] = {
#define RULE(kind, name, severity, lint, on, summary, readme) \
  {Rule::kind, name, Severity::severity, lint, summary, on, readme},
#include "checker/diagnostics/rules.def"
#undef RULE
};

constexpr bool InEnumOrder() {
  for (size_t i = 0; i < std::size(kRules); ++i) {
    if (static_cast<size_t>(kRules[i].rule) != i) return false;
  }
  return true;
}
static_assert(InEnumOrder(), "kRules[i] describes Rule(i)");

}  // namespace

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  llvm_unreachable("every Severity is handled");
}

llvm::ArrayRef<RuleInfo> AllRules() { return kRules; }

const RuleInfo& GetRuleInfo(Rule rule) {
  size_t i = static_cast<size_t>(rule);
  return i < std::size(kRules) ? kRules[i] : kRules[0];
}

std::optional<Rule> FindRule(std::string_view name) {
  for (const RuleInfo& info : kRules) {
    if (info.name == name) return info.rule;
  }
  return std::nullopt;
}

}  // namespace asynctype
