// The file system the checker reads through: the real one for the CLI, an in-memory one for
// mdtests and tests (and the LSP server's open documents layered over the disk).
// Paths are '/'-separated strings; the memory file system treats them as absolute.
//
// The real one reads safely whatever the tree holds: only regular files are read, never FIFOs,
// sockets or devices (a read never blocks), and at most `max_file_bytes` (64 MiB by default), so
// memory stays bounded. Confined to roots, it also refuses paths whose real location (symbolic
// links resolved) lies outside every root, so a `leak.py -> /etc/shadow` link is never read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"

namespace asynctype {

enum class PathKind {
  Missing,
  File,       // a regular file (the only kind that is read)
  Directory,
  Special,    // a FIFO, socket or device (or a link to one): never read
  Outside,    // a file or folder reached through a symbolic link leading outside the roots
};

// The largest source file read: above any real module, far below what would exhaust memory.
inline constexpr uint64_t kMaxSourceFileBytes = uint64_t{64} << 20;

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
  // Unconfined: any regular file under the size limit is read.
  explicit OsFileSystem(uint64_t max_file_bytes = kMaxSourceFileBytes);
  // Confined to `roots` (folders; missing ones are ignored): a path whose real location is not
  // inside one of them is PathKind::Outside and is not read or listed.
  explicit OsFileSystem(const std::vector<std::string>& roots, uint64_t max_file_bytes = kMaxSourceFileBytes);

  PathKind Stat(const std::string& path) const override;
  std::optional<std::string> Read(const std::string& path, std::string* error) const override;
  std::vector<std::string> List(const std::string& dir) const override;

  // Whether `path`'s real location (symbolic links resolved) is inside one of the roots; always
  // true when unconfined, false when the path does not exist.
  bool IsInsideRoots(const std::string& path) const;
  bool confined() const { return confined_; }
  uint64_t max_file_bytes() const { return max_file_bytes_; }

 private:
  bool IsRealPathInsideRoots(llvm::StringRef real) const;

  std::vector<std::string> real_roots_;  // canonical, without a trailing '/' (except "/")
  bool confined_ = false;
  uint64_t max_file_bytes_;
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

// "file is larger than the 64 MiB limit" for a limit of 64 MiB (bytes when not whole MiB).
std::string FileTooLargeMessage(uint64_t max_file_bytes);

// "a/b/../c" -> "a/c"; keeps a leading '/'.
std::string NormalizePath(const std::string& path);
std::string JoinPath(const std::string& dir, const std::string& name);
std::string ParentPath(const std::string& path);

}  // namespace asynctype
