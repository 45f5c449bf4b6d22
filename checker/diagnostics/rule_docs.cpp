#include "checker/diagnostics/rule_docs.h"

#include <iterator>

namespace asynctype {
namespace {

constexpr RuleDoc kDocs[] = {
#define DOC(name, what, why, example, fix) {name, what, why, example, fix},
#include "checker/diagnostics/rule_docs.def"
#undef DOC
};

}  // namespace

const RuleDoc* GetRuleDoc(Rule rule) {
  std::string_view name = GetRuleInfo(rule).name;
  for (const RuleDoc& doc : kDocs) {
    if (doc.name == name) return &doc;
  }
  return nullptr;
}

llvm::ArrayRef<RuleDoc> AllRuleDocs() { return kDocs; }

}  // namespace asynctype
