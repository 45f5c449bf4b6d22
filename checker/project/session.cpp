#include "checker/project/session.h"

#include <algorithm>
#include <filesystem>

#include "checker/project/discovery.h"

namespace asynctype {
namespace stdfs = std::filesystem;

namespace {

using Kind = SessionProblem::Kind;

std::string Absolute(const std::string& path) {
  std::error_code ec;
  stdfs::path p = stdfs::absolute(path, ec);
  return NormalizePath(ec ? path : p.lexically_normal().string());
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
        request_.python_version.value_or(session_.config.python_version.value_or(kDefaultPythonVersion));
    options.roots = roots_;
    if (!editor_) options.checked_packages = checked_packages_;
    options.stubs = request_.stubs.value_or(StubSet::Subset);
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
    ProgramOptions& options = session_.program_options;
    options.python_version = config.python_version.value_or(kDefaultPythonVersion);
    if (request_.environment) AddRoot(JoinPath(*request_.environment, SitePackagesPath(options.python_version)));
    options.roots = roots_;
    options.stubs = request_.stubs.value_or(StubSet::Subset);
    SetTypeshed();
    return std::move(session_);
  }

  // The editor keeps going with the defaults; the command line stops.
  bool LoadConfiguration() {
    session_.config.root = ".";
    std::string path = request_.config_file.empty() ? FindProjectConfig(request_.config_search_dir) : request_.config_file;
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

  // The configuration's levels, overridden by `--ignore`, then `--warn`, then `--error` (so a rule
  // named by several flags ends at the strongest level).
  bool BuildRuleLevels() {
    session_.levels = session_.config.rules;
    const std::pair<const std::vector<std::string>*, RuleLevel> flags[] = {{&request_.ignore_rules, RuleLevel::Ignore},
                                                                           {&request_.warn_rules, RuleLevel::Warn},
                                                                           {&request_.error_rules, RuleLevel::Error}};
    for (const auto& [names, level] : flags) {
      for (const std::string& name : *names) {
        if (!IsKnownRuleSelector(name)) {
          Problem(Kind::UnknownRule, "unknown rule `" + name + "` (see `asynctype rules`)");
          return false;
        }
        session_.levels.Set(name, level);
      }
    }
    return true;
  }

  // The command line keeps a root as the user wrote it; the editor makes it absolute.
  void AddRoot(const std::string& root) {
    if (!editor_) return AddUnique(&roots_, root);
    if (!root.empty()) AddUnique(&roots_, Absolute(root));
  }

  void AddConfiguredRoots() {
    for (const std::string& root : session_.config.src) AddRoot(root);
    for (const std::string& root : session_.config.extra_paths) AddRoot(root);
  }

  // The command line: the files under the paths, the import roots and the read roots.
  void FindFiles() {
    const ProjectConfig& config = session_.config;
    std::vector<std::string> paths = request_.paths;
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
        Problem(Kind::MissingPath, "path `" + path + "` does not exist");
        continue;
      }
      existing_paths.push_back(path);
      AddRoot(ImportRootFor(files_, path));
      if (kind == PathKind::Directory) read_roots.push_back(path);
    }
    AddConfiguredRoots();
    read_roots.insert(read_roots.end(), roots_.begin(), roots_.end());
    if (!config.typeshed.empty()) read_roots.push_back(config.typeshed);
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
