#include "server/overlay_fs.h"

#include <algorithm>
#include <cstdio>

namespace asynctype::lsp {

OverlayFileSystem::OverlayFileSystem(OverlayDocuments documents, DiskCache* disk)
    : documents_(std::move(documents.texts)), oversized_(std::move(documents.oversized)), disk_(disk) {
  for (const auto& [path, size] : oversized_) documents_[path];  // present, never read
}

PathKind OverlayFileSystem::Stat(const std::string& path) const {
  std::string p = NormalizePath(path);
  if (documents_.count(p)) return PathKind::File;
  PathKind kind = DiskStat(p);
  if (kind != PathKind::Missing) return kind;
  // A folder holding only unsaved documents.
  std::string prefix = p == "/" ? p : p + "/";
  auto it = documents_.lower_bound(prefix);
  if (it != documents_.end() && it->first.compare(0, prefix.size(), prefix) == 0) return PathKind::Directory;
  return PathKind::Missing;
}

std::optional<std::string> OverlayFileSystem::Read(const std::string& path, std::string* error) const {
  std::string p = NormalizePath(path);
  auto big = oversized_.find(p);
  if (big != oversized_.end()) {
    if (error) {
      char sizes[96];
      std::snprintf(sizes, sizeof sizes, "%.1f MB; the limit is %zu MB", static_cast<double>(big->second) / (1 << 20),
                    kMaxDocumentBytes >> 20);
      *error = std::string("document too large to check (") + sizes + ")";
    }
    return std::nullopt;
  }
  auto it = documents_.find(p);
  if (it != documents_.end()) return it->second;
  return disk_ ? disk_->Read(os_, path, error) : os_.Read(path, error);
}

std::vector<std::string> OverlayFileSystem::List(const std::string& dir) const {
  std::vector<std::string> names = disk_ ? disk_->List(os_, dir) : os_.List(dir);
  std::string d = NormalizePath(dir);
  std::string prefix = d == "/" ? d : d + "/";
  for (auto it = documents_.lower_bound(prefix); it != documents_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    std::string rest = it->first.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('/'));
    if (!name.empty()) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace asynctype::lsp
