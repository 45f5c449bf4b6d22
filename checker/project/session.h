// One home for "check this project as configured": turns the configuration file, the paths to
// check, the command line's overrides and the editor's workspace folders into what a check needs
// (ProgramOptions, RuleLevels, the files to check), once for the CLI, the language server and the
// mdtest runner. The default Python version, the import roots (first-party, extra paths, a `src/`
// layout), the Python environment (checker/project/python_environment.h: its site-packages are
// searched after the stdlib stubs, its version is the default) and the validation of a custom
// typeshed live here. The configuration is found upwards from the checked paths' common folder.
//
// The callers differ only where their users do:
//   - CommandLine (`asynctype check`): roots stay in the style the user gave them (relative),
//     the files are discovered under the paths (include / exclude globs), the checked packages
//     are recorded, and a broken configuration, an unknown rule or a typeshed without `stdlib`
//     stops the session (`failed`).
//   - Editor (the language server, one document): roots are absolute, the workspace folders are
//     import roots too, and a problem leaves the defaults in place (nothing fails).
//   - Given (the mdtest runner): the configuration comes with the request (a test's
//     `[environment]` and `[rules]`), its `root` is the project root, the caller names the files;
//     roots as in ty: the extra paths, the project root; the environment's site-packages after
//     the stdlib stubs.
//     Problems are returned (nothing fails) for the caller to report.
// Problems come back as data, in the order they were found; the caller prints or logs them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checker/base/python_version.h"
#include "checker/database/program.h"
#include "checker/diagnostics/rule_levels.h"
#include "checker/fs/filesystem.h"
#include "checker/project/project_config.h"
#include "checker/project/python_environment.h"

namespace asynctype {

enum class SessionKind { CommandLine, Editor, Given };

struct SessionRequest {
  SessionKind kind = SessionKind::CommandLine;
  // The configuration file (`--config-file`); empty: the nearest one, searched for upwards from
  // `config_search_dir`.
  std::string config_file;
  std::string config_search_dir = ".";
  // CommandLine: the paths to check (empty: the configured `src`, else the configuration's
  // folder). Editor: the document (its import root is a root).
  std::vector<std::string> paths;
  // Command-line overrides of the configuration.
  std::optional<PythonVersion> python_version;
  std::vector<std::string> error_rules, warn_rules, ignore_rules;  // `all` or rule names
  std::vector<std::string> exclude;                                // added to the configured ones
  // `--python`: an interpreter, a virtual environment or a site-packages folder (overrides the
  // configured `python`).
  std::string python;
  // $VIRTUAL_ENV, $PATH... for the environment's discovery (CommandLine, Editor); unset: the
  // process's own. Given sessions use only `environment`.
  std::optional<EnvironmentInputs> environment_inputs;
  // Editor: the client's workspace folders (more import roots).
  std::vector<std::string> workspace_roots;
  // Given: the configuration (instead of a file; paths in it absolute) and a virtual environment
  // whose site-packages are searched after the project.
  std::optional<ProjectConfig> config;
  std::optional<std::string> environment;
};

struct SessionProblem {
  enum class Kind {
    BadConfig,              // the configuration file cannot be read or is invalid
    UnknownRule,            // a rule level flag names no rule
    MissingPath,            // a path to check does not exist (the others are still checked), or
                            // no configured `src` entry does
    MissingConfiguredPath,  // a configured `src` / `extra-paths` entry does not exist (a warning)
    SkippedLink,            // a symbolic link leading outside the roots, not followed (a warning)
    TypeshedWithoutStdlib,  // the configured `typeshed` has no `stdlib` folder
    BadPython,              // `--python` / the configured `python` is not a Python environment
  };
  Kind kind;
  std::string message;  // e.g. "path `x` does not exist" (no "error: " prefix)
  bool warning() const { return kind == Kind::SkippedLink || kind == Kind::MissingConfiguredPath; }
};

inline constexpr PythonVersion kDefaultPythonVersion{3, 12};

// A virtual environment's site-packages folder for a Python version, relative to the
// environment: `lib/python3.12/site-packages`.
std::string SitePackagesPath(PythonVersion version);

// typeshed's third-party `stubs/` folder: `_deps/typeshed/stubs` next to the binary (the build
// folder), else `../share/asynctype/stubs` from it, else the build folder this was compiled in.
// Empty when none exists.
std::string ThirdPartyStubsFolder();

// The folder that holds every path (a file's folder for a file), for finding the configuration.
std::string CommonFolder(const std::vector<std::string>& paths);

struct Session {
  ProjectConfig config;           // as read (defaults when there is none, or it is broken)
  ProgramOptions program_options;  // python version, roots, typeshed, environment (and checked packages)
  RuleLevels levels;              // the configuration's, overridden by --ignore, --warn, --error
  // The Python environment whose site-packages are searched (none found: nullopt).
  std::optional<PythonEnvironment> environment;
  std::string project_root;       // the configuration's folder, else the checked paths' common folder
  // CommandLine: the files to check, normalized, sorted, each once. Editor: the document.
  std::vector<std::string> files;
  // CommandLine: the real file system, confined to the checked folders, the import roots and
  // the custom typeshed (files are read only inside them). Editor: null (it has its own).
  std::unique_ptr<OsFileSystem> file_system;
  std::vector<SessionProblem> problems;
  // A problem that forbids checking (CommandLine only): the CLI exits 2 without checking.
  bool failed = false;

  bool Has(SessionProblem::Kind kind) const;
};

// `files` is what the session looks at to find packages and the typeshed's `stdlib` (the CLI: an
// unconfined OsFileSystem; the server: the open documents over the disk). Folders under the
// command line's paths are walked on the real file system.
Session OpenSession(const SessionRequest& request, const FileSystem& files);

}  // namespace asynctype
