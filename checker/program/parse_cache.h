// Parses shared between programs. The language server builds a fresh Program for every analysis;
// with a ParseCache the files that did not change since the last one (the bundled stubs, files on
// disk, the other open documents) keep their text and AST instead of being parsed again, and a
// file whose text changed is reparsed incrementally from its previous tree-sitter tree.
//
// One entry per path: the latest text, its parse and its tree. A program adopts the cached text
// (SourceFile shares it), so the shared AST's string views stay valid as long as any program or
// the cache holds it. Thread-safe (parses through the cache are serialised). Opt-in through
// ProgramOptions::parse_cache; `asynctype check` does not use it.
#pragma once

#include <memory>
#include <mutex>
#include <string>

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

  // Counters, for tests.
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct Entry {
    std::shared_ptr<const std::string> text;
    std::shared_ptr<const ParsedFile> parsed;
    SyntaxTree tree;
  };
  std::mutex mutex_;
  llvm::StringMap<Entry> entries_;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace asynctype
