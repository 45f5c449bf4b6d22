// The rules' documentation (`asynctype rule NAME`, `asynctype rules --format json`): what a rule
// catches, why it matters, an example that triggers it and its fix. The rows live in
// rule_docs.def, one per rule of rules.def, keyed by the rule's name.
#pragma once

#include <string_view>

#include "checker/diagnostics/rules.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

struct RuleDoc {
  std::string_view name;
  std::string_view what;     // what it catches
  std::string_view why;      // why it matters
  std::string_view example;  // a module the rule reports on
  std::string_view fix;      // the same module, fixed: the rule stays silent
};

// The rule's documentation; nullptr when rule_docs.def has no row for it (a unit test forbids it).
const RuleDoc* GetRuleDoc(Rule rule);
// Every row of rule_docs.def, in its order.
llvm::ArrayRef<RuleDoc> AllRuleDocs();

}  // namespace asynctype
