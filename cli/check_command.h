// `asynctype check [PATH...]`: finds the Python files under the given paths, checks them, prints
// the diagnostics and a summary, and returns the exit code (0: no errors, 1: errors found,
// 2: usage or internal failure, e.g. a path that does not exist).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/render.h"
#include "checker/program/python_version.h"

namespace asynctype {

struct CheckOptions {
  std::vector<std::string> paths;
  PythonVersion python_version;
  OutputFormat format = OutputFormat::Full;
  bool parse_only = false;  // benchmark aid: parse every file, report only syntax errors
};

int RunCheckCommand(const CheckOptions& options, std::ostream& out, std::ostream& err);

// The Python files (.py, .pyi) under `path`, sorted; skips hidden folders, virtual environments
// and __pycache__.
std::vector<std::string> FindPythonFiles(const std::string& path);

}  // namespace asynctype
