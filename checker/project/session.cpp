#include "checker/project/session.h"

#include <algorithm>
#include <filesystem>

#include "checker/diagnostics/did_you_mean.h"
#include "checker/project/discovery.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {
namespace stdfs = std::filesystem;

namespace {

using Kind = SessionProblem::Kind;

std::string Absolute(const std::string& path) {
  std::error_code ec;
  stdfs::path p = stdfs::absolute(path, ec);
  return NormalizePath(ec ? path : p.lexically_normal().string());
}

// An absolute folder as the command line shows paths: relative to the working folder when it
// lies inside it.
std::string Shown(const std::string& path) {
  std::error_code ec;
  stdfs::path rel = stdfs::path(path).lexically_relative(stdfs::current_path(ec));
  if (ec || rel.empty() || *rel.begin() == "..") return path;
  return NormalizePath(rel.string());
}

void AddUnique(std::vector<std::string>* list, const std::string& item) {
  if (std::find(list->begin(), list->end(), item) == list->end()) list->push_back(item);
}

class SessionBuilder {
 public:
  SessionBuilder(const SessionRequest& request, const FileSystem& files)
      : request_(request), files_(files), editor_(request.kind == SessionKind::Editor) {}

  Session Build() {
    if (request_.kind == SessionKind::Given) return BuildGiven();
    if (!LoadConfiguration() || !BuildRuleLevels()) {
      session_.failed = true;
      return std::move(session_);
    }
    FindProjectRoot();
    if (!FindEnvironment()) {
      session_.failed = true;
      return std::move(session_);
    }
    if (editor_) {
      for (const std::string& path : request_.paths) {
        AddRoot(ImportRootFor(files_, path));
        session_.files.push_back(path);
      }
      AddConfiguredRoots();
      for (const std::string& root : request_.workspace_roots) AddRoot(root);
    } else {
      FindFiles();
    }
    ProgramOptions& options = session_.program_options;
    options.python_version =
        request_.python_version.value_or(session_.config.python_version.value_or(EnvironmentVersion()));
    options.roots = roots_;
    if (!editor_) options.checked_packages = checked_packages_;
    SetEnvironmentOptions();
    SetTypeshed();
    return std::move(session_);
  }

 private:
  void Problem(Kind kind, std::string message) { session_.problems.push_back({kind, std::move(message)}); }

  // The configuration as given: roots in ty's order (extra paths, the project root, the
  // environment's site-packages); the caller checks the files it names.
  Session BuildGiven() {
    session_.config = request_.config.value_or(ProjectConfig{});
    const ProjectConfig& config = session_.config;
    session_.levels = config.rules;
    for (const std::string& extra : config.extra_paths) AddRoot(extra);
    AddRoot(config.root);
    session_.project_root = config.root;
    if (request_.environment) {
      std::string error;
      session_.environment = EnvironmentAt(files_, *request_.environment, "`environment.python`", &error);
      if (!session_.environment) Problem(Kind::BadPython, error);
    }
    ProgramOptions& options = session_.program_options;
    options.python_version = config.python_version.value_or(EnvironmentVersion());
    options.roots = roots_;
    SetEnvironmentOptions();
    SetTypeshed();
    return std::move(session_);
  }

  // The configuration's folder, else the folder holding the checked paths (the editor: the
  // document's import root).
  void FindProjectRoot() {
    if (!session_.config.path.empty()) {
      session_.project_root = session_.config.root;
    } else if (editor_ && !request_.workspace_roots.empty()) {
      session_.project_root = request_.workspace_roots.front();
    } else if (!request_.paths.empty()) {
      session_.project_root = Shown(CommonFolder(request_.paths));
    } else {
      session_.project_root = request_.config_search_dir;
    }
  }

  // The Python environment: `--python`, the configured `python`, $VIRTUAL_ENV, `.venv` in the
  // project root, the interpreter on $PATH. A `python` that names no environment stops the
  // command line.
  bool FindEnvironment() {
    EnvironmentInputs inputs = request_.environment_inputs.value_or(EnvironmentInputsFromProcess());
    inputs.project_root = session_.project_root;
    if (!request_.python.empty()) {
      inputs.python = request_.python;
      inputs.python_origin = "--python";
    } else if (!session_.config.python.empty()) {
      inputs.python = session_.config.python;
      inputs.python_origin = "`python` in " + session_.config.path;
    }
    std::string error;
    session_.environment = DiscoverPythonEnvironment(files_, inputs, &error);
    if (!error.empty()) {
      Problem(Kind::BadPython, error);
      return editor_;
    }
    return true;
  }

  // The environment's Python version when the user set none (within the supported 3.9 - 3.14).
  PythonVersion EnvironmentVersion() const {
    if (session_.environment && session_.environment->version) {
      PythonVersion v = *session_.environment->version;
      if (v.major == 3 && v.minor >= 9 && v.minor <= 14) return v;
    }
    return kDefaultPythonVersion;
  }

  void SetEnvironmentOptions() {
    ProgramOptions& options = session_.program_options;
    if (session_.environment) {
      for (const std::string& folder : session_.environment->site_packages) {
        std::string f = editor_ ? Absolute(folder) : folder;
        if (std::find(options.roots.begin(), options.roots.end(), f) == options.roots.end()) {
          options.site_packages.push_back(f);
        }
      }
    }
    options.third_party_stubs = ThirdPartyStubsFolder();
  }

  // The editor keeps going with the defaults; the command line stops.
  bool LoadConfiguration() {
    session_.config.root = ".";
    // Found from the checked paths' common folder (the command line), else the given folder.
    std::string search = request_.config_search_dir;
    if (request_.kind == SessionKind::CommandLine && !request_.paths.empty()) search = CommonFolder(request_.paths);
    std::string path = request_.config_file.empty() ? FindProjectConfig(search) : request_.config_file;
    if (path.empty()) return true;
    std::string error;
    std::optional<ProjectConfig> loaded = LoadProjectConfig(path, &error);
    if (!loaded) {
      Problem(Kind::BadConfig, error);
      return editor_;
    }
    session_.config = std::move(*loaded);
    return true;
  }

  // The configuration's levels, overridden by the command line's as a whole (its `all` replaces
  // every configured level). Among the flags `--ignore`, then `--warn`, then `--error` apply, so a
  // rule named by several flags ends at the strongest level.
  bool BuildRuleLevels() {
    RuleLevels command_line;
    const std::pair<const std::vector<std::string>*, RuleLevel> flags[] = {{&request_.ignore_rules, RuleLevel::Ignore},
                                                                           {&request_.warn_rules, RuleLevel::Warn},
                                                                           {&request_.error_rules, RuleLevel::Error}};
    for (const auto& [names, level] : flags) {
      for (const std::string& name : *names) {
        if (!IsKnownRuleSelector(name)) {
          std::string message = "unknown rule `" + name + "`";
          message.append(DidYouMean(name, RuleSelectorNames()));
          message.append(" (see `asynctype rules`)");
          Problem(Kind::UnknownRule, message);
          return false;
        }
        command_line.Set(name, level);
      }
    }
    session_.levels = session_.config.rules;
    session_.levels.OverrideWith(command_line);
    return true;
  }

  // The command line keeps a root as the user wrote it; the editor makes it absolute.
  void AddRoot(const std::string& root) {
    if (!editor_) return AddUnique(&roots_, root);
    if (!root.empty()) AddUnique(&roots_, Absolute(root));
  }

  // A configured `src` / `extra-paths` entry that does not exist is a warning (the command line).
  void ReportMissingConfigured(const char* key, const std::vector<std::string>& entries) {
    if (request_.kind != SessionKind::CommandLine) return;
    for (const std::string& entry : entries) {
      if (files_.Stat(entry) != PathKind::Missing) continue;
      std::string message = "`";
      message.append(key).append("` entry `").append(entry).append("` (in ").append(session_.config.path);
      message.append(") does not exist");
      Problem(Kind::MissingConfiguredPath, message);
    }
  }

  void AddConfiguredRoots() {
    ReportMissingConfigured("src", session_.config.src);
    ReportMissingConfigured("extra-paths", session_.config.extra_paths);
    for (const std::string& root : session_.config.src) AddRoot(root);
    if (session_.config.src.empty()) {
      // A `src/` layout: `<project root>/src` holding packages is an import root.
      std::string root = session_.project_root.empty() ? "." : session_.project_root;
      std::string src = root == "." ? "src" : JoinPath(root, "src");
      if (IsSrcLayout(src)) AddRoot(src);
    }
    for (const std::string& root : session_.config.extra_paths) AddRoot(root);
  }

  // A folder that is not itself a package and holds a package or module.
  bool IsSrcLayout(const std::string& src) const {
    if (files_.Stat(src) != PathKind::Directory) return false;
    if (files_.Stat(JoinPath(src, "__init__.py")) == PathKind::File) return false;
    for (const std::string& entry : files_.List(src)) {
      std::string path = JoinPath(src, entry);
      llvm::StringRef e(entry);
      if (e.endswith(".py") || e.endswith(".pyi")) return true;
      if (files_.Stat(JoinPath(path, "__init__.py")) == PathKind::File ||
          files_.Stat(JoinPath(path, "__init__.pyi")) == PathKind::File) {
        return true;
      }
    }
    return false;
  }

  // The command line: the files under the paths, the import roots and the read roots.
  void FindFiles() {
    const ProjectConfig& config = session_.config;
    std::vector<std::string> paths = request_.paths;
    // The configured `src` when no path is given: a missing entry is a warning (AddConfiguredRoots).
    bool configured_paths = paths.empty() && !config.src.empty();
    if (paths.empty()) paths = config.src;
    if (paths.empty()) paths.push_back(config.root);
    std::vector<std::string> excludes = config.exclude;
    excludes.insert(excludes.end(), request_.exclude.begin(), request_.exclude.end());

    // Files are read only inside these folders (symbolic links resolved): the checked folders,
    // the import roots and the custom typeshed. A link in the tree leading elsewhere is not read.
    std::vector<std::string> existing_paths;
    std::vector<std::string> read_roots;
    for (const std::string& path : paths) {
      PathKind kind = files_.Stat(path);
      if (kind == PathKind::Missing) {
        if (!configured_paths) Problem(Kind::MissingPath, "path `" + path + "` does not exist");
        continue;
      }
      existing_paths.push_back(path);
      AddRoot(ImportRootFor(files_, path));
      if (kind == PathKind::Directory) read_roots.push_back(path);
    }
    AddConfiguredRoots();
    if (configured_paths && existing_paths.empty()) {
      std::string message = "nothing to check: no `src` entry of ";
      message.append(config.path).append(" exists");
      Problem(Kind::MissingPath, message);
    }
    read_roots.insert(read_roots.end(), roots_.begin(), roots_.end());
    if (!config.typeshed.empty()) read_roots.push_back(config.typeshed);
    // The installed packages are read too (the environment's site-packages and .pth folders).
    if (session_.environment) {
      read_roots.insert(read_roots.end(), session_.environment->site_packages.begin(),
                        session_.environment->site_packages.end());
    }
    session_.file_system = std::make_unique<OsFileSystem>(read_roots);

    std::vector<std::string>& files = session_.files;
    std::vector<std::string> skipped_links;
    for (const std::string& path : existing_paths) {
      bool explicit_file = files_.Stat(path) != PathKind::Directory;
      FoundFiles found = FindPythonFiles(path, *session_.file_system);
      // Files named on the command line are checked even when a glob would leave them out.
      auto selected = [&](const std::string& f) {
        if (explicit_file) return true;
        std::string rel = RelativeTo(config.root, f);
        auto matches = [&](const std::string& glob) { return MatchesGlob(glob, rel); };
        if (!config.include.empty() && std::none_of(config.include.begin(), config.include.end(), matches)) return false;
        return std::none_of(excludes.begin(), excludes.end(), matches);
      };
      for (const std::string& f : found.files) {
        if (selected(f)) files.push_back(NormalizePath(f));
      }
      for (const std::string& link : found.skipped_links) {
        if (selected(link)) skipped_links.push_back(NormalizePath(link));
      }
      std::string root = ImportRootFor(files_, path);
      for (const std::string& f : found.files) {
        std::string top = TopLevelModuleUnder(root, f);
        if (!top.empty()) checked_packages_.push_back(top);
      }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    // Reported once each (overlapping paths find a link twice).
    std::sort(skipped_links.begin(), skipped_links.end());
    skipped_links.erase(std::unique(skipped_links.begin(), skipped_links.end()), skipped_links.end());
    for (const std::string& link : skipped_links) {
      Problem(Kind::SkippedLink, "skipped `" + link + "`: a symbolic link leading outside the checked folders (not followed)");
    }
  }

  // A custom typeshed must have a `stdlib` folder: the command line stops, the editor (and a
  // given configuration) goes on with the bundled stubs.
  void SetTypeshed() {
    const ProjectConfig& config = session_.config;
    if (config.typeshed.empty()) return;
    std::string typeshed = editor_ ? Absolute(config.typeshed) : config.typeshed;
    if (files_.Stat(JoinPath(typeshed, "stdlib")) == PathKind::Directory) {
      session_.program_options.typeshed = typeshed;
      return;
    }
    Problem(Kind::TypeshedWithoutStdlib,
            config.path + ": `typeshed` folder `" + config.typeshed + "` has no `stdlib` folder");
    if (request_.kind == SessionKind::CommandLine) session_.failed = true;
  }

  const SessionRequest& request_;
  const FileSystem& files_;
  bool editor_;
  Session session_;
  std::vector<std::string> roots_;
  std::vector<std::string> checked_packages_;
};

}  // namespace

std::string ThirdPartyStubsFolder() {
  std::vector<std::string> candidates;
  std::error_code ec;
  stdfs::path exe = stdfs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back((exe.parent_path() / "_deps/typeshed/stubs").string());
    candidates.push_back((exe.parent_path() / "../share/asynctype/stubs").lexically_normal().string());
  }
#ifdef ASYNCTYPE_BUILD_THIRD_PARTY_STUBS
  candidates.push_back(ASYNCTYPE_BUILD_THIRD_PARTY_STUBS);
#endif
  for (const std::string& candidate : candidates) {
    if (stdfs::is_directory(candidate, ec)) return candidate;
  }
  return {};
}

std::string CommonFolder(const std::vector<std::string>& paths) {
  std::optional<stdfs::path> common;
  std::error_code ec;
  for (const std::string& p : paths) {
    stdfs::path path = stdfs::absolute(p, ec).lexically_normal();
    if (!stdfs::is_directory(path, ec)) path = path.parent_path();
    if (!common) {
      common = path;
      continue;
    }
    stdfs::path shared;
    auto a = common->begin();
    for (auto b = path.begin(); a != common->end() && b != path.end() && *a == *b; ++a, ++b) shared /= *b;
    common = shared;
  }
  return common ? common->string() : ".";
}

std::string SitePackagesPath(PythonVersion version) {
  return "lib/python" + version.ToString() + "/site-packages";
}

bool Session::Has(SessionProblem::Kind kind) const {
  return std::any_of(problems.begin(), problems.end(), [&](const SessionProblem& p) { return p.kind == kind; });
}

Session OpenSession(const SessionRequest& request, const FileSystem& files) {
  return SessionBuilder(request, files).Build();
}

}  // namespace asynctype
