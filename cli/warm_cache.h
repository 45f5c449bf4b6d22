// `asynctype check`'s warm cache, on the CLI's side: where the folder is (`--cache-dir`,
// `$ASYNCTYPE_CACHE_DIR`, else `.asynctype_cache/` in the project root: the configuration's
// folder, or the current folder without one), whether it is used (`--no-cache`, `cache = false`,
// `--parse-only` bypasses it), and the per-file results it holds: the rendered diagnostic records
// (cli/report.h) under the key checker/project/result_cache.h computes, so a warm run's output is
// byte-identical to a cold run's in every format. A record's full form may show lines of other
// files (` ::: path:line:col` snippets); what decides them (the file's interface and layout, the
// line's text) is stored with it and checked on reuse. The folder is pruned to the entries this run used when it holds over
// kMaxEntries results.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "checker/project/result_cache.h"
#include "checker/project/session.h"
#include "cli/check_command.h"
#include "cli/report.h"

namespace asynctype {

class WarmCache {
 public:
  static constexpr size_t kMaxEntries = 20000;

  // Null when the cache is off or its folder cannot be used (then everything is checked;
  // `--verbose` says why).
  static std::unique_ptr<WarmCache> Open(const CheckOptions& options, const Session& session, bool color,
                                         std::ostream& err);

  // Fills `results[i]` for every file whose result is cached; returns the indices of the others
  // (to check), in order. The files' interfaces are read or computed on `threads` threads (0: up
  // to all cores, one per 16 files).
  std::vector<size_t> Lookup(const std::vector<std::string>& files, unsigned threads,
                             std::vector<std::vector<ReportedDiagnostic>>* results);
  // Stores the result of files[index] (checked this run).
  void Store(const std::vector<std::string>& files, size_t index, const std::vector<ReportedDiagnostic>& diagnostics);
  // Prunes the folder when it has grown past kMaxEntries.
  void Finish();

  size_t hits() const { return hits_; }
  const std::string& dir() const { return folder_.dir(); }

 private:
  WarmCache(CacheFolder folder, const Session& session, std::string salt);
  // What decides a snippet of another file ("path\nline"): ResultKeys::ShownLineStamp, else
  // the file's content hash ("" when unreadable).
  std::string Stamp(const std::string& shown);

  CacheFolder folder_;
  ResultKeys keys_;
  std::vector<std::optional<std::string>> file_keys_;  // per file: its key (nullopt: not cached)
  std::vector<std::string> used_;                      // result entries read or written this run
  size_t hits_ = 0;
};

}  // namespace asynctype
