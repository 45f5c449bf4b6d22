#include "cli/check_command.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include <unistd.h>

#include "checker/config/project_config.h"
#include "checker/config/suppressions.h"
#include "checker/module/filesystem.h"
#include "checker/program/program.h"
#include "checker/syntax/parse.h"
#include "cli/baseline.h"
#include "cli/render.h"
#include "llvm/Support/thread.h"

namespace asynctype {
namespace fs = std::filesystem;

namespace {

bool IsPythonFile(const fs::path& p) { return p.extension() == ".py" || p.extension() == ".pyi"; }

bool SkipDirectory(const fs::path& dir) {
  std::string name = dir.filename().string();
  if (name.empty()) return false;
  if (name[0] == '.' && name != "." && name != "..") return true;
  if (name == "__pycache__" || name == "node_modules" || name == "site-packages") return true;
  std::error_code ec;
  return fs::exists(dir / "pyvenv.cfg", ec);  // a virtual environment
}

// The import root for a path: the nearest folder, at or above it, that is not a package. Kept
// in the same style (relative or absolute) as the path the user gave.
std::string ImportRootFor(const std::string& path) {
  std::error_code ec;
  std::string dir = fs::is_directory(path, ec) ? path : ParentPath(path);
  dir = NormalizePath(dir);
  for (int guard = 0; guard < 256; ++guard) {
    if (!fs::exists(fs::path(dir) / "__init__.py", ec) && !fs::exists(fs::path(dir) / "__init__.pyi", ec)) break;
    std::string parent = NormalizePath(JoinPath(dir, ".."));
    if (parent == dir) break;
    dir = parent;
  }
  return dir;
}

}  // namespace

std::vector<std::string> FindPythonFiles(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    files.push_back(path);
    return files;
  }
  std::vector<fs::path> stack = {path};
  while (!stack.empty()) {
    fs::path dir = stack.back();
    stack.pop_back();
    for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        if (!it->is_symlink(type_ec) && !SkipDirectory(p)) stack.push_back(p);
      } else if (IsPythonFile(p)) {
        files.push_back(p.string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

// Rule levels from the configuration, overridden by the command line: `--ignore`, then `--warn`,
// then `--error` (so a rule named by several flags ends at the strongest level).
bool BuildRuleLevels(const CheckOptions& options, const ProjectConfig& config, RuleLevels* levels, std::ostream& err) {
  *levels = config.rules;
  const std::pair<const std::vector<std::string>*, RuleLevel> flags[] = {
      {&options.ignore_rules, RuleLevel::Ignore}, {&options.warn_rules, RuleLevel::Warn}, {&options.error_rules, RuleLevel::Error}};
  for (const auto& [names, level] : flags) {
    for (const std::string& name : *names) {
      if (!IsKnownRuleSelector(name)) {
        err << "error: unknown rule `" << name << "` (see `asynctype rules`)\n";
        return false;
      }
      levels->Set(name, level);
    }
  }
  return true;
}

std::string RelativeTo(const std::string& root, const std::string& path) {
  std::error_code ec;
  fs::path rel = fs::relative(fs::absolute(path, ec), fs::absolute(root, ec), ec);
  return ec ? path : rel.generic_string();
}

// The top-level module a checked file belongs to under its import root: `lib/asyncio/tasks.py`
// under `lib` is `asyncio`.
std::string TopLevelModuleUnder(const std::string& root, const std::string& path) {
  std::string rel = RelativeTo(root, path);
  if (rel.empty() || rel == ".") return "";
  std::string top = rel.substr(0, rel.find('/'));
  for (llvm::StringRef ext : {".pyi", ".py"}) {
    if (llvm::StringRef(top).endswith(ext)) top.resize(top.size() - ext.size());
  }
  return top;
}


struct FileResult {
  std::vector<ReportedDiagnostic> diagnostics;
};

// Checks files[i] for the indices handed out by `next`, each worker with its own Program.
class CheckPool {
 public:
  CheckPool(const std::vector<std::string>& files, const ProgramOptions& program_options, const RuleLevels& levels,
            bool parse_only, bool color)
      : files_(files), options_(program_options), levels_(levels), parse_only_(parse_only), color_(color),
        results_(files.size()) {}

  std::vector<FileResult> Run(unsigned threads, std::ostream& err, bool progress) {
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(files_.size(), 1))));
    constexpr unsigned kStackSize = 512u << 20;  // reserved, not committed: deep syntax stays safe
    std::vector<std::unique_ptr<llvm::thread>> workers;
    for (unsigned t = 0; t < threads; ++t) {
      workers.push_back(std::make_unique<llvm::thread>(llvm::Optional<unsigned>(kStackSize), [this] { Work(); }));
    }
    if (progress) {
      while (done_.load() < files_.size()) {
        err << "\rChecking " << done_.load() << "/" << files_.size() << " files" << std::flush;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      err << "\r\x1b[2K" << std::flush;
    }
    for (auto& w : workers) w->join();
    return std::move(results_);
  }

 private:
  void Work() {
    OsFileSystem os_fs;
    Program program(options_, os_fs);
    for (size_t i = next_++; i < files_.size(); i = next_++) {
      CheckOne(program, i);
      ++done_;
    }
  }

  void CheckOne(Program& program, size_t i) {
    const std::string& path = files_[i];
    FileResult& result = results_[i];
    std::string error;
    FileId file = program.LoadFile(path, &error);
    if (!file.valid()) {
      Diagnostic d = MakeDiagnostic(Rule::Io, FileId::None(), {}, "Failed to read `" + path + "`: " + error);
      result.diagnostics.push_back(Report(d, path, nullptr, color_));
      return;
    }
    std::vector<Diagnostic> diagnostics = parse_only_ ? program.parsed(file).syntax_errors : program.CheckFile(file);
    levels_.Apply(&diagnostics);
    if (!parse_only_) ApplySuppressions(program.parsed(file).ast, program.source(file), levels_, &diagnostics);
    SourceLookup lookup = [&](FileId other) -> const SourceFile* {
      return other.valid() && other.index() < program.file_count() ? &program.source(other) : nullptr;
    };
    for (const Diagnostic& d : diagnostics) {
      result.diagnostics.push_back(Report(d, path, &program.source(file), color_, lookup));
    }
  }

  const std::vector<std::string>& files_;
  const ProgramOptions& options_;
  const RuleLevels& levels_;
  bool parse_only_, color_;
  std::vector<FileResult> results_;
  std::atomic<size_t> next_{0}, done_{0};
};

}  // namespace

int RunCheckCommand(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  // Configuration.
  std::string config_path = options.config_file.empty() ? FindProjectConfig(".") : options.config_file;
  ProjectConfig config;
  config.root = ".";
  if (!config_path.empty()) {
    std::string error;
    std::optional<ProjectConfig> loaded = LoadProjectConfig(config_path, &error);
    if (!loaded) {
      err << "error: " << error << "\n";
      return 2;
    }
    config = std::move(*loaded);
  }
  RuleLevels levels;
  if (!BuildRuleLevels(options, config, &levels, err)) return 2;

  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths = config.src;
  if (paths.empty()) paths.push_back(config.root);
  std::vector<std::string> excludes = config.exclude;
  excludes.insert(excludes.end(), options.exclude.begin(), options.exclude.end());

  bool usage_error = false;
  std::vector<std::string> files;
  std::vector<std::string> roots;
  std::vector<std::string> checked_packages;
  std::error_code ec;
  for (const std::string& path : paths) {
    if (!fs::exists(path, ec)) {
      err << "error: path `" << path << "` does not exist\n";
      usage_error = true;
      continue;
    }
    bool explicit_file = !fs::is_directory(path, ec);
    std::vector<std::string> found = FindPythonFiles(path);
    for (const std::string& f : found) {
      std::string rel = RelativeTo(config.root, f);
      // Files named on the command line are checked even when a glob would leave them out.
      if (!explicit_file) {
        if (!config.include.empty() &&
            std::none_of(config.include.begin(), config.include.end(), [&](const std::string& g) { return MatchesGlob(g, rel); })) {
          continue;
        }
        if (std::any_of(excludes.begin(), excludes.end(), [&](const std::string& g) { return MatchesGlob(g, rel); })) continue;
      }
      files.push_back(NormalizePath(f));
    }
    std::string root = ImportRootFor(path);
    if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
    for (const std::string& f : found) {
      std::string top = TopLevelModuleUnder(root, f);
      if (!top.empty()) checked_packages.push_back(top);
    }
  }
  for (const std::string& root : config.src) {
    if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
  }
  for (const std::string& root : config.extra_paths) {
    if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());

  ProgramOptions program_options;
  program_options.python_version = options.python_version.value_or(config.python_version.value_or(PythonVersion{3, 12}));
  program_options.roots = roots;
  program_options.checked_packages = checked_packages;
  program_options.typeshed = config.typeshed;
  if (!config.typeshed.empty() && !fs::is_directory(fs::path(config.typeshed) / "stdlib", ec)) {
    err << "error: " << config.path << ": `typeshed` folder `" << config.typeshed << "` has no `stdlib` folder\n";
    return 2;
  }

  bool human = options.format == OutputFormat::Full || options.format == OutputFormat::Concise;
  bool color = options.format == OutputFormat::Full &&
               (options.color == ColorMode::Always ||
                (options.color == ColorMode::Auto && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR")));
  // Each worker loads (parses, indexes) the modules its files import, so a worker pays off only
  // with enough files of its own: by default one per 100 files, up to the number of cores.
  constexpr size_t kFilesPerDefaultWorker = 100;
  unsigned threads = options.threads;
  if (threads == 0) {
    size_t wanted = std::max<size_t>(1, files.size() / kFilesPerDefaultWorker);
    threads = static_cast<unsigned>(std::min<size_t>(wanted, std::max(1u, std::thread::hardware_concurrency())));
  }
  bool progress = human && isatty(STDERR_FILENO) && files.size() >= 200;
  CheckPool pool(files, program_options, levels, options.parse_only, color);
  std::vector<FileResult> results = pool.Run(threads, err, progress);

  std::vector<ReportedDiagnostic> diagnostics;
  for (FileResult& r : results) {
    for (ReportedDiagnostic& d : r.diagnostics) diagnostics.push_back(std::move(d));
  }
  AssignFingerprints(&diagnostics);
  if (!options.write_baseline.empty()) {
    std::string error;
    if (!WriteBaseline(options.write_baseline, diagnostics, &error)) {
      err << "error: " << error << "\n";
      return 2;
    }
    err << "Wrote a baseline of " << diagnostics.size() << " diagnostics to `" << options.write_baseline << "`\n";
  }
  if (!options.baseline.empty()) {
    std::string error;
    if (!ApplyBaseline(options.baseline, &diagnostics, &error)) {
      err << "error: " << error << "\n";
      return 2;
    }
  }

  Summary summary;
  summary.files = files.size();
  for (const ReportedDiagnostic& d : diagnostics) {
    switch (d.severity) {
      case Severity::Error: ++summary.errors; break;
      case Severity::Warning: ++summary.warnings; break;
      case Severity::Info: ++summary.infos; break;
    }
  }
  WriteReport(diagnostics, summary, options.format, out);
  if (human) {
    size_t total = summary.errors + summary.warnings + summary.infos;
    if (total == 0) {
      err << "All checks passed! (" << files.size() << (files.size() == 1 ? " file)\n" : " files)\n");
    } else {
      err << "Found " << summary.errors << (summary.errors == 1 ? " error" : " errors") << ", " << summary.warnings
          << (summary.warnings == 1 ? " warning" : " warnings") << " in " << files.size()
          << (files.size() == 1 ? " file" : " files") << "\n";
    }
  }
  if (usage_error) return 2;
  if (summary.errors > 0) return 1;
  if (options.error_on_warning && summary.warnings > 0) return 1;
  return 0;
}

}  // namespace asynctype
