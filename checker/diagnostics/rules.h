// The registry of diagnostic rules: kebab-case name, default severity, one-line summary. Rule
// names follow ty's where ty has the rule, so ty-style mdtests match. The table is constant data.
#pragma once

#include <optional>
#include <string_view>

#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

enum class Severity : uint8_t { Info, Warning, Error };
std::string_view SeverityName(Severity s);

enum class Rule : uint8_t {
  InvalidSyntax,
  RevealedType,
  UndefinedReveal,
  UnresolvedReference,
  PossiblyUnresolvedReference,
  UnresolvedImport,
  InvalidAwait,
  CallNonCallable,
  MissingArgument,
  TooManyPositionalArguments,
  UnknownArgument,
  ParameterAlreadyAssigned,
  InvalidArgumentType,
  NoMatchingOverload,
  InvalidReturnType,
  InvalidAssignment,
  UnresolvedAttribute,
  InvalidContextManager,
  NotIterable,
  UnusedAwaitable,
  InvalidYield,
  InvalidTypeForm,
  InvalidSyntaxInForwardAnnotation,
  InvalidAsyncProtocolMethod,
  UnusedIgnoreComment,
  UnknownRule,
  Io,  // a file could not be read or decoded
};

struct RuleInfo {
  Rule rule;
  std::string_view name;
  Severity default_severity;
  bool is_lint;  // false for always-on IDs such as invalid-syntax and revealed-type
  std::string_view summary;
  bool enabled_by_default = true;  // off-by-default rules run only when configured (and in mdtests)
};

llvm::ArrayRef<RuleInfo> AllRules();
const RuleInfo& GetRuleInfo(Rule rule);
std::optional<Rule> FindRule(std::string_view name);

}  // namespace asynctype
