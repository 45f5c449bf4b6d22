// Suppression comments, applied to a file's finished diagnostics (after rule levels):
//   `# type: ignore` / `# type: ignore[...]`  every lint on the line (the codes belong to other
//                                             tools and are not read); on its own line before
//                                             the first statement, the whole file (PEP 484)
//   `# asynctype: ignore`                     every lint on the line
//   `# asynctype: ignore[rule, ...]`          those rules on the line
// A comment on the first or last line of a statement spanning several lines covers all of it.
// Unknown rule names in `asynctype: ignore[...]` are reported (`unknown-rule`), and so are
// `asynctype: ignore` directives, or codes of them, that suppress nothing (`unused-ignore-comment`);
// unused `type: ignore` comments are not, since other checkers share them.
#pragma once

#include <vector>

#include "checker/diagnostics/diagnostic.h"
#include "checker/diagnostics/rule_levels.h"
#include "checker/syntax/ast.h"
#include "checker/syntax/source_file.h"

namespace asynctype {

void ApplySuppressions(const Ast& ast, const SourceFile& source, const RuleLevels& levels,
                       std::vector<Diagnostic>* diagnostics);

}  // namespace asynctype
