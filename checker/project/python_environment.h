// The user's Python environment, found without running anything (as ty does): which
// site-packages folders hold the installed packages, and which Python version they are for.
// The session (checker/project/session.h) asks for it once, for the CLI, the server and mdtests.
//
// Order: `--python` / the configured `python` (an interpreter, a virtual environment or a
// site-packages folder), else $VIRTUAL_ENV, else `.venv` in the project root, else the
// interpreter on $PATH (`python3`, then `python`; a pyenv shim stands for the pyenv version it
// selects). A virtual environment is read from its `pyvenv.cfg` (`version` / `version_info`,
// `home`, `include-system-site-packages`) and its `lib/python3.X/site-packages` (also `lib64`);
// a system interpreter's prefix is found by following its symbolic links to
// `<prefix>/bin/python3.X` (`<prefix>/lib/python3.X/site-packages`, and Debian's
// `dist-packages`). `.pth` files in a site-packages folder add the folders they name (editable
// installs); their `import` lines are not run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/base/python_version.h"
#include "checker/fs/filesystem.h"

namespace asynctype {

struct PyvenvConfig {
  std::string home;                      // the base interpreter's folder (`home = /usr/bin`)
  std::optional<PythonVersion> version;  // from `version` or `version_info` ("3.11.7" -> 3.11)
  bool include_system_site_packages = false;
};

// `key = value` lines; unknown keys and malformed lines are ignored.
PyvenvConfig ParsePyvenvConfig(std::string_view text);

// The folders the `.pth` files of `site_packages` add, in file-name order: each plain line is a
// folder (relative to `site_packages` unless absolute) kept when it exists; blank lines,
// comments and `import` lines are skipped.
std::vector<std::string> PthFolders(const FileSystem& files, const std::string& site_packages);

struct PythonEnvironment {
  std::string origin;       // what selected it: "--python", "`python` in pyproject.toml", "VIRTUAL_ENV", ...
  std::string location;     // the path as selected (interpreter, environment or site-packages)
  std::string prefix;       // the environment's root (empty for a bare site-packages folder)
  bool virtual_env = false;  // has a pyvenv.cfg
  std::optional<PythonVersion> version;
  std::string version_origin;  // "pyvenv.cfg", "lib/python3.11", "the interpreter's name"
  // Where installed packages are searched, in order: the environment's own site-packages, the
  // base interpreter's (include-system-site-packages), then what their `.pth` files add.
  std::vector<std::string> site_packages;
  std::vector<std::string> pth_folders;  // the `.pth` additions (also in site_packages)
};

struct EnvironmentInputs {
  std::string python;         // --python, else the configured `python` (empty: neither)
  std::string python_origin;  // "--python" or "`python` in <config file>"
  std::string virtual_env;    // $VIRTUAL_ENV
  std::string project_root;   // where `.venv` is looked for
  std::string path;           // $PATH
  std::string pyenv_version;  // $PYENV_VERSION (for a pyenv shim)
};

// An environment from an explicit path: a virtual environment or prefix folder, an interpreter
// in one, or a site-packages folder. nullopt with `error` set when the path is none of these.
std::optional<PythonEnvironment> EnvironmentAt(const FileSystem& files, const std::string& path,
                                               const std::string& origin, std::string* error);

// The environment in the order above. An explicit `python` that is not an environment is an
// error (nullopt, `error` set); otherwise nullopt with an empty `error` means none was found.
std::optional<PythonEnvironment> DiscoverPythonEnvironment(const FileSystem& files, const EnvironmentInputs& inputs,
                                                           std::string* error);

// The inputs from the process environment ($VIRTUAL_ENV, $PATH, $PYENV_VERSION).
EnvironmentInputs EnvironmentInputsFromProcess();

// Lines describing the environment for `--verbose` and the server's log.
std::vector<std::string> DescribeEnvironment(const std::optional<PythonEnvironment>& environment);

}  // namespace asynctype
