#include "cli/check_command.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>
#include <mutex>
#include <thread>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "checker/database/file_store.h"
#include "checker/database/program.h"
#include "checker/fs/atomic_write.h"
#include "checker/fs/filesystem.h"
#include "checker/project/check_for_user.h"
#include "checker/project/session.h"
#include "cli/baseline.h"

#include "cli/render.h"
#include "cli/warm_cache.h"
#include "llvm/Support/thread.h"

namespace asynctype {

namespace {

struct FileResult {
  std::vector<ReportedDiagnostic> diagnostics;
};

// Checks files[i] for the indices handed out by `next`, each worker with its own Program (its own
// inference), all of them sharing one FileStore: every file is read, parsed and indexed once.
class CheckPool {
 public:
  CheckPool(const std::vector<std::string>& files, const FileSystem& fs, const ProgramOptions& program_options,
            const RuleLevels& levels, bool parse_only, bool color)
      : files_(files), fs_(fs), options_(program_options), levels_(levels), parse_only_(parse_only), color_(color),
        results_(files.size()) {
    options_.file_store = std::make_shared<FileStore>();
  }

  std::vector<FileResult> Run(unsigned threads, std::ostream& err, bool progress) {
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(files_.size(), 1))));
    threads_ = threads;
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
  // Guided self-scheduling: a worker takes a run of consecutive files (neighbours in the path
  // order, so mostly one package: what one file's check infers of its siblings serves the next),
  // a fraction of what is left, so the runs shrink towards the end and the workers finish together.
  void Work() {
    Program program(options_, fs_);
    for (;;) {
      size_t begin, end;
      {
        std::lock_guard<std::mutex> lock(next_mutex_);
        if (next_ >= files_.size()) return;
        size_t left = files_.size() - next_;
        begin = next_;
        end = begin + std::max<size_t>(1, left / (2 * threads_));
        next_ = end;
      }
      for (size_t i = begin; i < end; ++i) {
        CheckOne(program, i);
        ++done_;
      }
    }
  }

  void CheckOne(Program& program, size_t i) {
    const std::string& path = files_[i];
    UserFileCheck check = CheckFileForUser(program, path, levels_, {.parse_only = parse_only_});
    if (!check.file.valid()) {
      for (const Diagnostic& d : check.diagnostics) results_[i].diagnostics.push_back(Report(d, path, nullptr, color_));
      return;
    }
    SourceLookup lookup = [&](FileId other) -> const SourceFile* {
      return program.has_file(other) ? &program.source(other) : nullptr;
    };
    for (const Diagnostic& d : check.diagnostics) {
      results_[i].diagnostics.push_back(Report(d, path, &program.source(check.file), color_, lookup));
    }
  }

  const std::vector<std::string>& files_;
  const FileSystem& fs_;  // stateless reads: shared by the workers
  ProgramOptions options_;
  const RuleLevels& levels_;
  bool parse_only_, color_;
  std::vector<FileResult> results_;
  unsigned threads_ = 1;
  std::mutex next_mutex_;
  size_t next_ = 0;  // the first file no worker has taken
  std::atomic<size_t> done_{0};
};

// `--statistics`: one line per rule (count, severity, name), most frequent first; `json` as an
// object of counts.
void WriteStatistics(const std::vector<ReportedDiagnostic>& diagnostics, OutputFormat format, std::ostream& out) {
  std::map<std::pair<std::string, Severity>, size_t> counts;
  for (const ReportedDiagnostic& d : diagnostics) ++counts[{std::string(GetRuleInfo(d.rule).name), d.severity}];
  std::vector<std::pair<std::pair<std::string, Severity>, size_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (format == OutputFormat::Json) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const auto& [key, count] : rows) {
      doc.push_back({{"rule", key.first}, {"severity", SeverityName(key.second)}, {"count", count}});
    }
    out << doc.dump(2) << "\n";
    return;
  }
  for (const auto& [key, count] : rows) {
    std::string number = std::to_string(count);
    out << std::string(number.size() < 6 ? 6 - number.size() : 0, ' ') << number << "  " << SeverityName(key.second)
        << (key.second == Severity::Error ? "    " : key.second == Severity::Info ? "     " : "  ") << key.first << "\n";
  }
}

}  // namespace

int RunCheckCommand(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  OsFileSystem unconfined;
  SessionRequest request;
  request.config_file = options.config_file;
  request.paths = options.paths;
  request.python_version = options.python_version;
  request.error_rules = options.error_rules;
  request.warn_rules = options.warn_rules;
  request.ignore_rules = options.ignore_rules;
  request.exclude = options.exclude;
  request.python = options.python;
  Session session = OpenSession(request, unconfined);
  if (options.verbose) {
    err << "Configuration: " << (session.config.path.empty() ? std::string("none found") : session.config.path)
        << "\n";
    err << "Project root: " << session.project_root << "\n";
    if (!session.failed) {
      for (const std::string& line : DescribeEnvironment(session.environment)) err << line << "\n";
      const ProgramOptions& program = session.program_options;
      err << "Target Python version: " << program.python_version.ToString() << "\n";
      err << "Import roots:";
      for (const std::string& root : program.roots) err << " " << root;
      err << "\nThird-party stubs: "
          << (program.third_party_stubs.empty() ? std::string("not found") : program.third_party_stubs) << "\n";
    }
  }
  // Problems on stderr (the report stays clean), in the order they were found.
  for (const SessionProblem& problem : session.problems) {
    err << (problem.warning() ? "warning: " : "error: ") << problem.message << "\n";
  }
  if (session.failed) return 2;
  bool usage_error = session.Has(SessionProblem::Kind::MissingPath);
  const std::vector<std::string>& files = session.files;

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
  // The warm cache: results of files whose inputs did not change; only the others are checked.
  std::vector<std::vector<ReportedDiagnostic>> per_file(files.size());
  std::unique_ptr<WarmCache> cache = WarmCache::Open(options, session, color, err);
  std::vector<size_t> to_check_index;
  if (cache) {
    to_check_index = cache->Lookup(files, options.threads, &per_file);
  } else {
    for (size_t i = 0; i < files.size(); ++i) to_check_index.push_back(i);
  }
  std::vector<std::string> to_check;
  for (size_t i : to_check_index) to_check.push_back(files[i]);
  if (options.threads == 0) {
    size_t wanted = std::max<size_t>(1, to_check.size() / kFilesPerDefaultWorker);
    threads = static_cast<unsigned>(std::min<size_t>(wanted, std::max(1u, std::thread::hardware_concurrency())));
  }
  bool progress = human && isatty(STDERR_FILENO) && to_check.size() >= 200;
  CheckPool pool(to_check, *session.file_system, session.program_options, session.levels, options.parse_only, color);
  std::vector<FileResult> results = pool.Run(threads, err, progress);
  for (size_t k = 0; k < results.size(); ++k) {
    if (cache) cache->Store(files, to_check_index[k], results[k].diagnostics);
    per_file[to_check_index[k]] = std::move(results[k].diagnostics);
  }
  if (cache) {
    cache->Finish();
    if (options.verbose) err << "cache: " << cache->hits() << " hits, " << to_check.size() << " checked\n";
  }

  std::vector<ReportedDiagnostic> diagnostics;
  for (std::vector<ReportedDiagnostic>& file_diagnostics : per_file) {
    for (ReportedDiagnostic& d : file_diagnostics) diagnostics.push_back(std::move(d));
  }
  AssignFingerprints(&diagnostics);
  if (!options.write_baseline.empty()) {
    std::string error;
    if (!WriteBaseline(options.write_baseline, diagnostics, &error)) {
      err << "error: " << error << "\n";
      return 2;
    }
    err << "Wrote a baseline of " << diagnostics.size() << " diagnostics to `" << options.write_baseline << "`\n";
    diagnostics.clear();  // all of them are baselined now: the run succeeds
  } else if (!options.baseline.empty()) {
    std::string error;
    BaselineUse use;
    if (!ApplyBaseline(options.baseline, &diagnostics, &use, &error)) {
      err << "error: " << error << "\n";
      return 2;
    }
    err << "Baseline `" << options.baseline << "`: " << use.baselined
        << (use.baselined == 1 ? " diagnostic" : " diagnostics") << " baselined, " << use.stale
        << (use.stale == 1 ? " stale entry" : " stale entries");
    if (use.stale > 0) err << " (fixed since: rewrite it with --write-baseline)";
    err << "\n";
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
  if (options.statistics) {
    WriteStatistics(diagnostics, options.format, out);
  } else if (!options.output_file.empty()) {
    std::ostringstream report;
    WriteReport(diagnostics, summary, options.format, report);
    if (!WriteFileAtomically(options.output_file, report.str())) {
      err << "error: cannot write `" << options.output_file << "`\n";
      return 2;
    }
  } else {
    WriteReport(diagnostics, summary, options.format, out);
  }
  if (human && !options.quiet) {
    size_t total = summary.errors + summary.warnings + summary.infos;
    if (total == 0 && usage_error) {
      // Exit 2: something asked for was not checked, so not "All checks passed!".
      err << "No diagnostics in " << files.size() << (files.size() == 1 ? " file" : " files")
          << ", but not everything asked for could be checked (see above)\n";
    } else if (total == 0) {
      err << "All checks passed! (" << files.size() << (files.size() == 1 ? " file)\n" : " files)\n");
    } else {
      err << "Found " << summary.errors << (summary.errors == 1 ? " error" : " errors") << ", " << summary.warnings
          << (summary.warnings == 1 ? " warning" : " warnings") << " in " << files.size()
          << (files.size() == 1 ? " file" : " files") << "\n";
    }
  }
  if (usage_error) return 2;
  if (options.exit_zero) return 0;
  if (summary.errors > 0) return 1;
  if (options.error_on_warning && summary.warnings > 0) return 1;
  return 0;
}

}  // namespace asynctype
