// Suppression comments, applied to a file's finished diagnostics (after rule levels):
//   `# type: ignore` / `# type: ignore[...]`  every lint on the line (the codes belong to other
//                                             tools and are not read); on its own line before
//                                             the first statement, the whole file (PEP 484)
//   `# asynctype: ignore`                     every lint on the line
//   `# asynctype: ignore[rule, ...]`          those rules on the line
//   `# ty: ignore`, `# pyright: ignore`       every lint on the line
//   `# ty: ignore[rule, ...]`                 those rules (ty's names are ours)
//   `# pyright: ignore[reportX, ...]`         the rules pyright's names cover (pyright_rules.h)
// A comment on the first or last line of a statement spanning several lines covers all of it.
// Unknown rule names in `asynctype: ignore[...]` are reported (`unknown-rule`), and so are
// `asynctype: ignore` directives, or codes of them, that suppress nothing (`unused-ignore-comment`);
// unused `type: ignore` / `ty: ignore` / `pyright: ignore` comments are not, since other checkers
// read them.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "checker/diagnostics/diagnostic.h"
#include "checker/diagnostics/rule_levels.h"
#include "checker/syntax/ast.h"
#include "checker/syntax/source_file.h"

namespace asynctype {

void ApplySuppressions(const Ast& ast, const SourceFile& source, const RuleLevels& levels,
                       std::vector<Diagnostic>* diagnostics);

// The rule list of the first `asynctype: ignore[...]` directive with its closing `]` in one
// comment, read as ApplySuppressions reads it: the range between the brackets (offsets from
// `base`, the comment's start). For tools that add a rule to an existing list.
std::optional<TextRange> FindIgnoreRuleList(std::string_view comment, uint32_t base);

}  // namespace asynctype
