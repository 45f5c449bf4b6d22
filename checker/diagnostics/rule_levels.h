// Rule levels chosen by the user (`[rules]` in the configuration, `--error/--warn/--ignore` on
// the command line, `[rules]` in an mdtest section): which lints run and at what severity. An
// `all` entry applies first; entries naming a rule override it; later entries override earlier
// ones. The command line's levels override the configuration's as a whole (OverrideWith): its
// `all` replaces every configured level. Always-on IDs (invalid-syntax, revealed-type, io) cannot
// be changed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checker/diagnostics/diagnostic.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

enum class RuleLevel : uint8_t { Ignore, Warn, Error };

// "error" / "warn" / "ignore", or nullopt (ty's levels: "warning" is not one).
std::optional<RuleLevel> ParseRuleLevel(std::string_view text);
// The level names ParseRuleLevel accepts, for "did you mean" suggestions.
llvm::ArrayRef<std::string_view> RuleLevelNames();

class RuleLevels {
 public:
  // `rule` is a rule name or "all"; the caller has validated it (see IsKnownRuleSelector).
  void Set(std::string rule, RuleLevel level);
  // `later` (the command line) overrides these levels (the configuration): a rule it names takes
  // its level; its `all` drops every level set here, named rules included.
  void OverrideWith(const RuleLevels& later);
  bool empty() const { return entries_.empty(); }
  const std::vector<std::pair<std::string, RuleLevel>>& entries() const { return entries_; }

  // The severity `rule` reports at, or nullopt when it does not run.
  std::optional<Severity> SeverityOf(Rule rule) const;

  // Drops the diagnostics of rules that do not run and re-levels the rest. With
  // `disabled_as_info` (ty's mdtests), rules that are off by default run at severity info.
  void Apply(std::vector<Diagnostic>* diagnostics, bool disabled_as_info = false) const;

 private:
  std::vector<std::pair<std::string, RuleLevel>> entries_;
};

// A rule name or "all".
bool IsKnownRuleSelector(std::string_view name);
// "all" and every rule name, for "did you mean" suggestions.
std::vector<std::string_view> RuleSelectorNames();

}  // namespace asynctype
