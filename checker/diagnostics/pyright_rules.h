// Which of our rules a pyright rule name (`reportAttributeAccessIssue`, ...) covers, so that a
// `# pyright: ignore[reportX]` comment written for pyright also silences what asynctype reports
// for the same problem. Our rule names follow ty's, so `# ty: ignore[rule]` needs no table.
#pragma once

#include "checker/diagnostics/rules.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

// Whether pyright's rule `code` covers `rule`; false for names pyright does not have or that
// cover none of ours.
bool PyrightRuleCovers(llvm::StringRef code, Rule rule);

}  // namespace asynctype
