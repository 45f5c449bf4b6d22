// A Program is one checking session: the options, the file system, every loaded file (user files
// and the embedded stubs) with its parse, semantic index and inference, and the shared type
// store. Everything hangs off it; there are no globals, so tests run many programs in one process.
//
// Phases are computed lazily and memoized per file: Parse -> BuildIndex -> inference on demand
// (cross-file through the module resolver). The check phase (check/check_file.h) sits above it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "checker/base/python_version.h"
#include "checker/database/module_table.h"
#include "checker/diagnostics/diagnostic.h"
#include "checker/fs/filesystem.h"
#include "checker/syntax/parse.h"
#include "checker/syntax/source_file.h"
#include "llvm/ADT/StringMap.h"

namespace asynctype {

class SemanticIndex;
class TypeStore;
class FileInference;
class ModuleResolver;
class ParseCache;
class FileStore;
struct InferenceRecursion;

struct ProgramOptions {
  PythonVersion python_version;
  // First-party import roots, searched before the bundled stubs.
  std::vector<std::string> roots;
  // A custom typeshed directory (its `stdlib/` replaces the bundled stubs where it has a
  // module); empty: only the bundled stubs.
  std::string typeshed;
  // The installed packages' folders (the Python environment's site-packages, then what their
  // `.pth` files add), searched after the stdlib stubs: `foo-stubs`, then `foo`.
  std::vector<std::string> site_packages;
  // typeshed's third-party `stubs/` folder (one folder per distribution), used for packages
  // installed without `py.typed`; empty: not used.
  std::string third_party_stubs;
  // How `third_party_stubs` is read (it lies outside the checked roots); null: the disk directly.
  // The language server passes one that remembers what earlier programs read.
  std::shared_ptr<const FileSystem> third_party_fs;
  // Top-level names of the packages and modules being checked. When set, a standard-library
  // module outside them comes from the stubs even where a root holds a source of that name (as
  // mypy does): checking `lib/python3.x/asyncio` reads `socket` from its stub, not `socket.py`.
  // Unset: roots always come first.
  std::optional<std::vector<std::string>> checked_packages;
  // Parses shared with other programs (see parse_cache.h); null: every file is parsed afresh.
  std::shared_ptr<ParseCache> parse_cache;
  // The files of a run shared by the programs of its workers (see file_store.h): one FileId per
  // path for all of them, each file read, parsed and indexed once. Exclusive with parse_cache.
  std::shared_ptr<FileStore> file_store;
  // Polled between phases and between the top-level statements of a check: once it returns true
  // the work in progress throws AnalysisCancelled (the language server abandons stale analyses;
  // the program is then discarded). Unset: never cancelled.
  std::function<bool()> cancelled;
};

// Thrown out of a Program's work when ProgramOptions::cancelled says so.
class AnalysisCancelled : public std::runtime_error {
 public:
  AnalysisCancelled() : std::runtime_error("analysis cancelled") {}
};

class Program {
 public:
  Program(ProgramOptions options, const FileSystem& fs);
  ~Program();
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  const ProgramOptions& options() const { return options_; }
  const FileSystem& fs() const { return fs_; }

  // Reads and decodes a user file. On failure (missing, unreadable, not UTF-8, binary) returns
  // None and fills `error` with an `io` diagnostic naming the path.
  FileId LoadFile(const std::string& path, std::string* error);
  // Adds a file from text already in memory (stubs, tests).
  FileId AddFile(const std::string& path, std::string text);

  // Whether `file` is a file of this program. With a file store the ids of a program are not
  // dense: they are the run's ids of the files this program loaded.
  bool has_file(FileId file) const { return file.valid() && file.index() < files_.size() && files_[file.index()]; }
  const SourceFile& source(FileId file) const;
  const ParsedFile& parsed(FileId file);
  const SemanticIndex& index(FileId file);
  FileInference& inference(FileId file);
  TypeStore& types() { return *types_; }
  ModuleTable& modules() { return *modules_; }
  ModuleResolver& resolver() { return *resolver_; }
  // The bounds on nested inference shared by the files' inferences (infer/recursion.h).
  InferenceRecursion& recursion() { return *recursion_; }
  std::optional<FileId> FindFile(const std::string& path) const;
  // Throws AnalysisCancelled when the options' `cancelled` says so.
  void ThrowIfCancelled() const {
    if (options_.cancelled && options_.cancelled()) throw AnalysisCancelled();
  }

 private:
  struct FileState;
  FileState& state(FileId file);
  FileId Adopt(std::shared_ptr<const SourceFile> source);

  ProgramOptions options_;
  const FileSystem& fs_;
  std::vector<std::unique_ptr<FileState>> files_;  // by FileId; null where not loaded
  llvm::StringMap<FileId> file_ids_;  // path -> file
  std::unique_ptr<TypeStore> types_;
  std::unique_ptr<ModuleTable> modules_;
  std::unique_ptr<ModuleResolver> resolver_;
  std::unique_ptr<InferenceRecursion> recursion_;
};

// Checks that bytes are valid UTF-8 text (no NUL bytes); returns an error text otherwise.
std::optional<std::string> ValidateSourceText(const std::string& bytes);

}  // namespace asynctype
