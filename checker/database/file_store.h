// The files of one run, shared by the programs of its worker threads: every path gets one FileId
// for the whole run, and each file is read, parsed and indexed once, by whichever worker needs it
// first; the others wait for it and then read the same immutable text, AST and semantic index.
// Inference stays per program (types live in each program's TypeStore).
//
// Unlike the language server's ParseCache (the latest version of each path, reparsed as it is
// edited), a FileStore assumes the files do not change during the run: the first text adopted for a
// path is the one every program sees. Thread-safe; a file's parse or index is built outside the
// store's lock, under that file's own lock, so workers parse different files at the same time.
// Opt-in through ProgramOptions::file_store (`asynctype check` uses one per run).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "checker/base/id.h"
#include "checker/semantic/index.h"
#include "checker/syntax/parse.h"
#include "checker/syntax/source_file.h"
#include "llvm/ADT/StringMap.h"

namespace asynctype {

class FileStore {
 public:
  FileStore() = default;
  FileStore(const FileStore&) = delete;
  FileStore& operator=(const FileStore&) = delete;

  // The file already adopted for `path`, if any.
  std::shared_ptr<const SourceFile> Find(const std::string& path);
  // The file for `path`: the one adopted first when there is one (`text` is then dropped),
  // otherwise a new file with the next FileId and this text.
  std::shared_ptr<const SourceFile> Adopt(const std::string& path, std::string text);

  // The parse and the index of an adopted file, each built once.
  std::shared_ptr<const ParsedFile> Parsed(const SourceFile& source);
  std::shared_ptr<const SemanticIndex> Index(const SourceFile& source, const IndexOptions& options);

  // Counters, for tests: parses and indexes built.
  size_t parses() const;
  size_t indexes() const;

 private:
  struct Entry {
    std::shared_ptr<const SourceFile> source;
    std::mutex mutex;  // guards the two below while they are built
    std::shared_ptr<const ParsedFile> parsed;
    std::shared_ptr<const SemanticIndex> index;
  };
  Entry& EntryOf(const SourceFile& source);

  mutable std::mutex mutex_;                 // guards the tables and counters
  std::vector<std::unique_ptr<Entry>> entries_;  // by FileId
  llvm::StringMap<FileId> ids_;
  size_t parses_ = 0;
  size_t indexes_ = 0;
};

}  // namespace asynctype
