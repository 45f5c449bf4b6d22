// What the analyses read from the disk, remembered between them. While the user types in a
// document, every keystroke starts a fresh analysis, and each would look up the same import
// paths again (the module resolver probes many folders: the roots, site-packages, typeshed's
// third-party stubs): with a DiskCache, the stats, folder listings and file reads of one
// analysis serve the next ones. The server forgets it whenever the disk may have changed or a
// fresh look is expected: a document opened, closed or saved, watched files or the
// configuration changed, a request on a document that is not open (server.h); and, for clients
// that do not watch files, after kDiskCacheLifetime of edits, so that a file changed on disk by
// another program is seen within that time. Only edits to open documents (whose text never comes
// from the disk) keep it.
//
// Bounded: reads beyond kMaxCachedBytes in total are not remembered. One thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checker/fs/filesystem.h"

namespace asynctype::lsp {

// How long the server keeps what it read from the disk while edits come (see above).
constexpr std::chrono::seconds kDiskCacheLifetime{10};

class DiskCache {
 public:
  // The total size of the file texts remembered.
  static constexpr size_t kMaxCachedBytes = size_t(64) << 20;

  PathKind Stat(const OsFileSystem& os, const std::string& path);
  std::optional<std::string> Read(const OsFileSystem& os, const std::string& path, std::string* error);
  std::vector<std::string> List(const OsFileSystem& os, const std::string& dir);
  void Clear();
  // How long ago the cache was last cleared (or created).
  std::chrono::steady_clock::duration age() const { return std::chrono::steady_clock::now() - since_; }

  // Counters, for tests: answers from memory, answers from the disk.
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct ReadResult {
    std::optional<std::string> bytes;
    std::string error;
  };
  std::map<std::string, PathKind> stats_;
  std::map<std::string, ReadResult> reads_;
  std::map<std::string, std::vector<std::string>> lists_;
  size_t cached_bytes_ = 0;
  std::chrono::steady_clock::time_point since_ = std::chrono::steady_clock::now();
  size_t hits_ = 0;
  size_t misses_ = 0;
};

// The disk through a DiskCache (which must outlive it): what the server's programs read outside
// the overlay (typeshed's third-party stubs folder, ProgramOptions::third_party_fs).
class CachedDiskFileSystem final : public FileSystem {
 public:
  explicit CachedDiskFileSystem(DiskCache* cache) : cache_(cache) {}
  PathKind Stat(const std::string& path) const override { return cache_->Stat(os_, path); }
  std::optional<std::string> Read(const std::string& path, std::string* error) const override {
    return cache_->Read(os_, path, error);
  }
  std::vector<std::string> List(const std::string& dir) const override { return cache_->List(os_, dir); }

 private:
  OsFileSystem os_;
  DiskCache* cache_;
};

}  // namespace asynctype::lsp
