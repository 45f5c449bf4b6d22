#include "cli/check_command.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include <unistd.h>

#include "checker/check/check_file.h"
#include "checker/check/suppressions.h"
#include "checker/database/program.h"
#include "checker/fs/filesystem.h"
#include "checker/project/project_config.h"
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

FoundFiles FindPythonFiles(const std::string& path, const FileSystem& files) {
  FoundFiles found;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    found.files.push_back(path);
    return found;
  }
  std::vector<fs::path> stack = {path};
  while (!stack.empty()) {
    fs::path dir = stack.back();
    stack.pop_back();
    for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code type_ec;
      fs::file_status own = it->symlink_status(type_ec);  // the entry itself, not a link's target
      if (type_ec) continue;
      if (fs::is_symlink(own)) {
        // A linked file is checked where its target stays inside the roots; a linked folder is
        // not walked (its target, inside the roots, is checked where it is: no duplicates, no
        // loops). Links leaving the roots are reported; links to FIFOs, devices... ignored.
        bool is_dir = fs::is_directory(it->status(type_ec));
        if (is_dir && SkipDirectory(p)) continue;
        PathKind kind = files.Stat(p.string());
        if (kind == PathKind::Outside && (is_dir || IsPythonFile(p))) {
          found.skipped_links.push_back(p.string());
        } else if (kind == PathKind::File && IsPythonFile(p)) {
          found.files.push_back(p.string());
        }
      } else if (fs::is_directory(own)) {
        if (!SkipDirectory(p)) stack.push_back(p);
      } else if (fs::is_regular_file(own) && IsPythonFile(p)) {
        found.files.push_back(p.string());
      }
      // FIFOs, sockets and devices named `*.py` are not source files: ignored.
    }
  }
  std::sort(found.files.begin(), found.files.end());
  std::sort(found.skipped_links.begin(), found.skipped_links.end());
  return found;
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

// Lexically (a linked file is matched and named where the link is, not where it leads).
std::string RelativeTo(const std::string& root, const std::string& path) {
  std::error_code ec;
  fs::path abs_path = fs::absolute(path, ec).lexically_normal();
  fs::path abs_root = fs::absolute(root, ec).lexically_normal();
  fs::path rel = abs_path.lexically_relative(abs_root);
  return ec || rel.empty() ? path : rel.generic_string();
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
  CheckPool(const std::vector<std::string>& files, const FileSystem& fs, const ProgramOptions& program_options,
            const RuleLevels& levels, bool parse_only, bool color)
      : files_(files), fs_(fs), options_(program_options), levels_(levels), parse_only_(parse_only), color_(color),
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
    Program program(options_, fs_);
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
    std::vector<Diagnostic> diagnostics = parse_only_ ? program.parsed(file).syntax_errors : CheckFile(program, file);
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
  const FileSystem& fs_;  // stateless reads: shared by the workers
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
  // Files are read only inside these folders (symbolic links resolved): the checked folders,
  // the import roots and the custom typeshed. A link in the tree leading elsewhere is not read.
  std::vector<std::string> existing_paths;
  std::vector<std::string> read_roots;
  for (const std::string& path : paths) {
    if (!fs::exists(path, ec)) {
      err << "error: path `" << path << "` does not exist\n";
      usage_error = true;
      continue;
    }
    existing_paths.push_back(path);
    std::string root = ImportRootFor(path);
    if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
    if (fs::is_directory(path, ec)) read_roots.push_back(path);
  }
  for (const std::string& root : config.src) {
    if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
  }
  for (const std::string& root : config.extra_paths) {
    if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
  }
  read_roots.insert(read_roots.end(), roots.begin(), roots.end());
  if (!config.typeshed.empty()) read_roots.push_back(config.typeshed);
  const OsFileSystem file_system(read_roots);

  std::vector<std::string> skipped_links;
  for (const std::string& path : existing_paths) {
    bool explicit_file = !fs::is_directory(path, ec);
    FoundFiles found = FindPythonFiles(path, file_system);
    // Files named on the command line are checked even when a glob would leave them out.
    auto selected = [&](const std::string& f) {
      if (explicit_file) return true;
      std::string rel = RelativeTo(config.root, f);
      if (!config.include.empty() &&
          std::none_of(config.include.begin(), config.include.end(), [&](const std::string& g) { return MatchesGlob(g, rel); })) {
        return false;
      }
      return std::none_of(excludes.begin(), excludes.end(), [&](const std::string& g) { return MatchesGlob(g, rel); });
    };
    for (const std::string& f : found.files) {
      if (selected(f)) files.push_back(NormalizePath(f));
    }
    for (const std::string& link : found.skipped_links) {
      if (selected(link)) skipped_links.push_back(NormalizePath(link));
    }
    std::string root = ImportRootFor(path);
    for (const std::string& f : found.files) {
      std::string top = TopLevelModuleUnder(root, f);
      if (!top.empty()) checked_packages.push_back(top);
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  // Reported once each (overlapping paths find a link twice), on stderr: the report stays clean.
  std::sort(skipped_links.begin(), skipped_links.end());
  skipped_links.erase(std::unique(skipped_links.begin(), skipped_links.end()), skipped_links.end());
  for (const std::string& link : skipped_links) {
    err << "warning: skipped `" << link << "`: a symbolic link leading outside the checked folders (not followed)\n";
  }

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
  CheckPool pool(files, file_system, program_options, levels, options.parse_only, color);
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
