// The file system the server's analyses read through: the open documents' in-memory text over
// the operating system's files. An analysis takes a snapshot (a copy of the open texts), so a
// Program never sees a document change under it.
#pragma once

#include <map>
#include <string>

#include "checker/module/filesystem.h"

namespace asynctype::lsp {

class OverlayFileSystem final : public FileSystem {
 public:
  explicit OverlayFileSystem(std::map<std::string, std::string> documents) : documents_(std::move(documents)) {}

  PathKind Stat(const std::string& path) const override;
  std::optional<std::string> Read(const std::string& path, std::string* error) const override;
  std::vector<std::string> List(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> documents_;  // normalized absolute path -> text
  OsFileSystem os_;
};

}  // namespace asynctype::lsp
