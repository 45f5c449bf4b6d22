// The file system the checker reads through: the real one for the CLI, an in-memory one for
// mdtests and tests (and, later, the LSP server's open documents layered over the disk).
// Paths are '/'-separated strings; the memory file system treats them as absolute.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace asynctype {

enum class PathKind { Missing, File, Directory };

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual PathKind Stat(const std::string& path) const = 0;
  // The file's bytes, or nullopt with `error` set (e.g. "No such file or directory").
  virtual std::optional<std::string> Read(const std::string& path, std::string* error) const = 0;
  // Names (not paths) of the entries of a directory, sorted.
  virtual std::vector<std::string> List(const std::string& dir) const = 0;
};

class OsFileSystem final : public FileSystem {
 public:
  PathKind Stat(const std::string& path) const override;
  std::optional<std::string> Read(const std::string& path, std::string* error) const override;
  std::vector<std::string> List(const std::string& dir) const override;
};

class MemoryFileSystem final : public FileSystem {
 public:
  void Write(const std::string& path, std::string text);
  PathKind Stat(const std::string& path) const override;
  std::optional<std::string> Read(const std::string& path, std::string* error) const override;
  std::vector<std::string> List(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

// "a/b/../c" -> "a/c"; keeps a leading '/'.
std::string NormalizePath(const std::string& path);
std::string JoinPath(const std::string& dir, const std::string& name);
std::string ParentPath(const std::string& path);

}  // namespace asynctype
