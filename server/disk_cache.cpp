#include "server/disk_cache.h"

namespace asynctype::lsp {

PathKind DiskCache::Stat(const OsFileSystem& os, const std::string& path) {
  auto it = stats_.find(path);
  if (it != stats_.end()) {
    ++hits_;
    return it->second;
  }
  ++misses_;
  PathKind kind = os.Stat(path);
  stats_.emplace(path, kind);
  return kind;
}

std::optional<std::string> DiskCache::Read(const OsFileSystem& os, const std::string& path, std::string* error) {
  auto it = reads_.find(path);
  if (it != reads_.end()) {
    ++hits_;
    if (!it->second.bytes && error) *error = it->second.error;
    return it->second.bytes;
  }
  ++misses_;
  ReadResult result;
  result.bytes = os.Read(path, &result.error);
  if (error && !result.bytes) *error = result.error;
  size_t size = result.bytes ? result.bytes->size() : 0;
  if (cached_bytes_ + size > kMaxCachedBytes) return std::move(result.bytes);
  cached_bytes_ += size;
  return reads_.emplace(path, std::move(result)).first->second.bytes;
}

std::vector<std::string> DiskCache::List(const OsFileSystem& os, const std::string& dir) {
  auto it = lists_.find(dir);
  if (it != lists_.end()) {
    ++hits_;
    return it->second;
  }
  ++misses_;
  return lists_.emplace(dir, os.List(dir)).first->second;
}

void DiskCache::Clear() {
  stats_.clear();
  reads_.clear();
  lists_.clear();
  cached_bytes_ = 0;
  since_ = std::chrono::steady_clock::now();
}

}  // namespace asynctype::lsp
