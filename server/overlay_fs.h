// The file system the server's analyses read through: the open documents' in-memory text over
// the operating system's files. An analysis takes a snapshot (a copy of the open texts), so a
// Program never sees a document change under it. Documents larger than kMaxDocumentBytes are
// not copied: reading one fails with "document too large to check" (an `io` diagnostic). The
// disk is read through a DiskCache when one is given (the server shares one between analyses).
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "checker/fs/filesystem.h"
#include "server/disk_cache.h"

namespace asynctype::lsp {

// Open documents larger than this are not checked (nor read by the analyses of other documents).
constexpr size_t kMaxDocumentBytes = size_t(4) << 20;

struct OverlayDocuments {
  std::map<std::string, std::string> texts;  // normalized absolute path -> text
  std::map<std::string, size_t> oversized;   // normalized absolute path -> size, for documents not checked
};

class OverlayFileSystem final : public FileSystem {
 public:
  // `disk`: remembers what is read from the disk (may be null; must outlive this).
  explicit OverlayFileSystem(OverlayDocuments documents, DiskCache* disk = nullptr);

  PathKind Stat(const std::string& path) const override;
  std::optional<std::string> Read(const std::string& path, std::string* error) const override;
  std::vector<std::string> List(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> documents_;  // normalized absolute path -> text ("" when oversized)
  std::map<std::string, size_t> oversized_;
  OsFileSystem os_;
  DiskCache* disk_;

  PathKind DiskStat(const std::string& path) const { return disk_ ? disk_->Stat(os_, path) : os_.Stat(path); }
};

}  // namespace asynctype::lsp
