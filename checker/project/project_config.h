// The project's configuration: `[tool.asynctype]` in `pyproject.toml`, or an `asynctype.toml`
// (same keys at top level), found by walking up from the checked paths' common folder (the session
// decides where to start); `--config-file` names one directly. Keys:
//   python-version = "3.12"          src = ["src"]          extra-paths = ["vendor"]
//   include = ["app/**"]             exclude = ["tests/fixtures"]
//   typeshed = "path/to/typeshed"    [rules] invalid-await = "warn" / all = "error"
//   python = ".venv"                 (an interpreter, a virtual environment or site-packages)
//   cache = false                    (no warm cache for `asynctype check`; default true)
// Relative paths are resolved against the configuration file's folder. An invalid file, key or
// value is an error with its location ("pyproject.toml:12:1: ..."), with "did you mean" the closest
// key, rule or level when one is close.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/base/python_version.h"
#include "checker/diagnostics/rule_levels.h"
#include "checker/project/glob.h"  // MatchesGlob, for include / exclude

namespace asynctype {

struct ProjectConfig {
  std::string path;  // the file read; empty when there is none
  std::string root;  // its folder (globs and relative paths are resolved here)
  std::optional<PythonVersion> python_version;
  std::vector<std::string> src;
  std::vector<std::string> extra_paths;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string typeshed;
  std::string python;  // an interpreter, a virtual environment or a site-packages folder
  std::optional<bool> cache;  // `cache = false`: `asynctype check` keeps no warm cache
  RuleLevels rules;
};

// Reads the configuration at `path` (a pyproject.toml or asynctype.toml). On failure returns
// nullopt and sets `error` to a located message.
std::optional<ProjectConfig> LoadProjectConfig(const std::string& path, std::string* error);
// The same from text already read (`path` names it in messages and decides the format).
std::optional<ProjectConfig> ParseProjectConfig(std::string_view text, const std::string& path, std::string* error);

// The configuration file governing `start_dir`: the nearest asynctype.toml, or pyproject.toml with
// a `[tool.asynctype]` table, in it or a parent folder. Empty when there is none.
std::string FindProjectConfig(const std::string& start_dir);

}  // namespace asynctype
