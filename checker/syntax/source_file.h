// One Python source text with its path and line index. Owns the text (shared, immutable: a parse
// cache may hand the same text and its AST to several programs); the line index and every AST
// string view point into it, so a SourceFile is neither copied nor moved once created.
#pragma once

#include <memory>
#include <string>

#include "checker/base/id.h"
#include "checker/base/line_index.h"

namespace asynctype {

class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text)
      : SourceFile(id, std::move(path), std::make_shared<const std::string>(std::move(text))) {}
  SourceFile(FileId id, std::string path, std::shared_ptr<const std::string> text)
      : id_(id), path_(std::move(path)), text_(std::move(text)), lines_(*text_) {}
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  FileId id() const { return id_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return *text_; }
  const std::shared_ptr<const std::string>& shared_text() const { return text_; }
  const LineIndex& lines() const { return lines_; }
  bool is_stub() const { return path_.size() > 4 && path_.compare(path_.size() - 4, 4, ".pyi") == 0; }

 private:
  FileId id_;
  std::string path_;
  std::shared_ptr<const std::string> text_;
  LineIndex lines_;
};

}  // namespace asynctype
