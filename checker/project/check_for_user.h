// Checking one file the way the user asked for it: load it, check it (check/CheckFile), apply
// the rule levels and the suppression comments; a file that cannot be loaded becomes one `io`
// diagnostic ("Failed to read `path`: reason"). The CLI's workers, the language server's
// analyses and the mdtest runner all check through here.
#pragma once

#include <string>
#include <vector>

#include "checker/database/program.h"
#include "checker/diagnostics/diagnostic.h"
#include "checker/diagnostics/rule_levels.h"

namespace asynctype {

struct UserCheckOptions {
  // `--parse-only` (a benchmark aid): only the syntax errors, levelled, no suppressions.
  bool parse_only = false;
  // ty's mdtests: rules that are off by default report at severity info (RuleLevels::Apply).
  bool disabled_as_info = false;
};

struct UserFileCheck {
  FileId file;  // None when the file could not be loaded: `diagnostics` holds the `io` error
  std::vector<Diagnostic> diagnostics;
};

// Loads `path` into `program` and checks it.
UserFileCheck CheckFileForUser(Program& program, const std::string& path, const RuleLevels& levels,
                               UserCheckOptions options = {});

// Checks a file already loaded.
std::vector<Diagnostic> CheckLoadedFileForUser(Program& program, FileId file, const RuleLevels& levels,
                                               UserCheckOptions options = {});

}  // namespace asynctype
