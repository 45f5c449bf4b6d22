// `asynctype mdtest [PATHS...] [--filter SUBSTR] [--exact NAME] [--list]`: runs ty-style
// markdown tests. PATHS are markdown files or directories (searched recursively for `*.md`).
//
// Output (to `out`): one line per failure, `path:LINE: [test name] message`, then the summary
// `N passed, M failed` alone on the last line. With `--list`, only the selected tests' full
// names, one per line (for CTest registration). Errors (usage, unreadable files, markdown parse
// errors as `path:LINE: message`) go to `err`.
//
// Exit code: 0 all selected tests passed, 1 some failed, 2 usage error, unreadable file,
// markdown parse error, or `--exact` naming no test.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace asynctype {

// `args` are the arguments after `asynctype mdtest`.
int RunMdtestCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace asynctype
