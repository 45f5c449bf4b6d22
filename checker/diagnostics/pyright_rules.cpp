#include "checker/diagnostics/pyright_rules.h"

#include <initializer_list>

namespace asynctype {
namespace {

struct Mapping {
  const char* pyright;
  std::initializer_list<Rule> rules;
};

// pyright's rule names (its configuration documentation) for the problems our rules report.
const Mapping kMappings[] = {
    {"reportAttributeAccessIssue", {Rule::UnresolvedAttribute, Rule::UnresolvedImport}},
    {"reportOptionalMemberAccess", {Rule::UnresolvedAttribute}},
    {"reportMissingImports", {Rule::UnresolvedImport}},
    {"reportMissingModuleSource", {Rule::UnresolvedImport}},
    {"reportUndefinedVariable", {Rule::UnresolvedReference}},
    {"reportPossiblyUnbound", {Rule::PossiblyUnresolvedReference}},
    {"reportCallIssue",
     {Rule::MissingArgument, Rule::TooManyPositionalArguments, Rule::UnknownArgument, Rule::ParameterAlreadyAssigned,
      Rule::CallNonCallable, Rule::NoMatchingOverload}},
    {"reportOptionalCall", {Rule::CallNonCallable}},
    {"reportArgumentType", {Rule::InvalidArgumentType}},
    {"reportReturnType", {Rule::InvalidReturnType}},
    {"reportAssignmentType", {Rule::InvalidAssignment}},
    {"reportIndexIssue", {Rule::NonSubscriptable}},
    {"reportOptionalSubscript", {Rule::NonSubscriptable}},
    {"reportOperatorIssue", {Rule::UnsupportedOperator}},
    {"reportOptionalOperand", {Rule::UnsupportedOperator}},
    {"reportOptionalIterable", {Rule::NotIterable}},
    {"reportOptionalContextManager", {Rule::InvalidContextManager}},
    {"reportIncompatibleMethodOverride", {Rule::InvalidMethodOverride}},
    {"reportInvalidTypeForm", {Rule::InvalidTypeForm}},
    {"reportUnusedCoroutine", {Rule::UnusedCoroutine}},
    {"reportGeneralTypeIssues", {Rule::InvalidAwait, Rule::NotIterable, Rule::InvalidContextManager}},
};

}  // namespace

bool PyrightRuleCovers(llvm::StringRef code, Rule rule) {
  for (const Mapping& m : kMappings) {
    if (code != m.pyright) continue;
    for (Rule r : m.rules) {
      if (r == rule) return true;
    }
  }
  return false;
}

}  // namespace asynctype
