// Parses and semantic indexes shared between programs. The language server builds a fresh Program
// for every analysis; with a ParseCache the files that did not change since the last one (the
// bundled stubs, files on disk, the other open documents) keep their text, AST and semantic index
// instead of being parsed and indexed again, and a file whose text changed is reparsed
// incrementally from its previous tree-sitter tree. (Inference is not shared: types live in each
// program's TypeStore.)
//
// One entry per path: the latest text, its parse, its tree and its index. A program adopts the cached text
// (SourceFile shares it), so the shared AST's string views stay valid as long as any program or
// the cache holds it. Thread-safe (parses through the cache are serialised). Opt-in through
// ProgramOptions::parse_cache; `asynctype check` does not use it.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "checker/semantic/index.h"
#include "checker/syntax/parse.h"
#include "checker/syntax/source_file.h"
#include "llvm/ADT/StringMap.h"

namespace asynctype {

class ParseCache {
 public:
  ParseCache() = default;
  ParseCache(const ParseCache&) = delete;
  ParseCache& operator=(const ParseCache&) = delete;

  // The text a program should use for `path`: the cached one when equal to `text` (so its
  // parse can be shared), else `text` itself.
  std::shared_ptr<const std::string> Text(const std::string& path, std::string text);
  // The parse of `source`: the cached one when `source` shares the cached text and its
  // diagnostics name the same file id; otherwise a new parse (incremental from the path's
  // previous tree), which replaces the entry.
  std::shared_ptr<const ParsedFile> Parse(const SourceFile& source);
  // The semantic index of `source` whose parse is `parsed`: the cached one when built from the
  // same parse for the same file id and options; otherwise a new one, which is kept.
  std::shared_ptr<const SemanticIndex> Index(const SourceFile& source, const std::shared_ptr<const ParsedFile>& parsed,
                                             const IndexOptions& options);

  // Counters, for tests.
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct Entry {
    std::shared_ptr<const std::string> text;
    std::shared_ptr<const ParsedFile> parsed;
    SyntaxTree tree;
    std::shared_ptr<const SemanticIndex> index;  // built from `parsed`
    FileId index_file;
    IndexOptions index_options;
  };
  std::mutex mutex_;
  llvm::StringMap<Entry> entries_;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace asynctype
