// `asynctype rules` (the registry as a table: text, markdown for the README, json) and
// `asynctype rule NAME` (one rule's documentation), both from checker/diagnostics' registries
// (rules.def, rule_docs.def).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace asynctype {

enum class RulesFormat { Text, Markdown, Json };

// One line per rule: name, default level (`off (warning)` for an off-by-default rule: the level
// it gets once enabled), summary. Markdown: the README's rules table. Json: an array of objects.
void WriteRules(RulesFormat format, std::ostream& out);

// The rule's documentation; an unknown name is an error with "did you mean" (exit 2).
int RunRuleCommand(std::string_view name, std::ostream& out, std::ostream& err);

}  // namespace asynctype
