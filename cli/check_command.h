// `asynctype check [PATH...]`: opens the session (checker/project/session.h: the configuration,
// the Python files under the given paths, or the configured `src`, or the current folder, the
// rule levels), checks the files (checker/project/check_for_user.h) on a pool of threads
// (one Program per thread; output does not depend on the thread count), reusing the results of
// files nothing they observe changed in from the warm cache (cli/warm_cache.h), applies the baseline
// and writes the report. Exit codes: 0 no errors (and no
// warnings with --error-on-warning), 1 errors found, 2 usage, configuration or internal failure
// (e.g. a path that does not exist; the other paths are still checked).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "checker/base/python_version.h"
#include "cli/report.h"

namespace asynctype {

enum class ColorMode { Auto, Always, Never };

struct CheckOptions {
  std::vector<std::string> paths;
  std::optional<PythonVersion> python_version;  // overrides the configuration
  OutputFormat format = OutputFormat::Full;
  bool parse_only = false;  // benchmark aid: parse every file, report only syntax errors
  std::string config_file;  // empty: discovered upwards from the checked paths' common folder
  std::string python;       // `--python`: an interpreter, a virtual environment or site-packages
  bool verbose = false;     // `--verbose`: print the configuration and Python environment found
  std::vector<std::string> error_rules, warn_rules, ignore_rules;
  std::vector<std::string> exclude;
  unsigned threads = 0;  // 0: all cores
  ColorMode color = ColorMode::Auto;
  bool error_on_warning = false;
  std::string baseline, write_baseline;
  bool exit_zero = false;   // `--exit-zero`: exit 0 even when diagnostics are found (2 stays 2)
  bool statistics = false;  // `--statistics`: counts per rule instead of the diagnostics
  bool quiet = false;       // `-q`: no summary line (the report itself is written)
  std::string output_file;  // `--output-file`: the report goes there (written whole, then renamed)
  bool no_cache = false;  // `--no-cache`: neither read nor write the warm cache (cli/warm_cache.h)
  std::string cache_dir;  // `--cache-dir`; empty: $ASYNCTYPE_CACHE_DIR, else `.asynctype_cache/` in the project root
};

int RunCheckCommand(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace asynctype
