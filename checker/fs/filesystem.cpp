#include "checker/fs/filesystem.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"

namespace asynctype {

namespace {

constexpr const char* kOutsideRoots = "a symbolic link leading outside the checked folders (not followed)";

std::string NotRegularFile(mode_t mode) {
  const char* what = S_ISFIFO(mode)   ? "a named pipe"
                     : S_ISSOCK(mode) ? "a socket"
                     : S_ISCHR(mode)  ? "a character device"
                     : S_ISBLK(mode)  ? "a block device"
                                      : "an unknown kind of file";
  return std::string("not a regular file (") + what + ")";
}

std::optional<std::string> RealPath(const std::string& path) {
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(path, real)) return std::nullopt;
  return std::string(real.str());
}

// Closes a descriptor on every way out.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

}  // namespace

std::string FileTooLargeMessage(uint64_t max_file_bytes) {
  constexpr uint64_t kMiB = uint64_t{1} << 20;
  std::string limit = max_file_bytes % kMiB == 0 ? std::to_string(max_file_bytes / kMiB) + " MiB"
                                                 : std::to_string(max_file_bytes) + " bytes";
  return "file is larger than the " + limit + " limit";
}

OsFileSystem::OsFileSystem(uint64_t max_file_bytes) : max_file_bytes_(max_file_bytes) {}

OsFileSystem::OsFileSystem(const std::vector<std::string>& roots, uint64_t max_file_bytes)
    : confined_(true), max_file_bytes_(max_file_bytes) {
  for (const std::string& root : roots) {
    std::optional<std::string> real = RealPath(root.empty() ? "." : root);
    if (!real) continue;
    if (real->size() > 1 && real->back() == '/') real->pop_back();
    if (std::find(real_roots_.begin(), real_roots_.end(), *real) == real_roots_.end()) real_roots_.push_back(*real);
  }
}

bool OsFileSystem::IsInsideRoots(const std::string& path) const {
  if (!confined_) return true;
  std::optional<std::string> real = RealPath(path);
  return real && IsRealPathInsideRoots(*real);
}

bool OsFileSystem::IsRealPathInsideRoots(llvm::StringRef r) const {
  for (const std::string& root : real_roots_) {
    if (root == "/") return true;
    if (r.startswith(root) && (r.size() == root.size() || r[root.size()] == '/')) return true;
  }
  return false;
}

PathKind OsFileSystem::Stat(const std::string& path) const {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return PathKind::Missing;
  if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) return PathKind::Special;
  if (!IsInsideRoots(path)) return PathKind::Outside;
  return S_ISDIR(st.st_mode) ? PathKind::Directory : PathKind::File;
}

std::optional<std::string> OsFileSystem::Read(const std::string& path, std::string* error) const {
  auto fail = [&](std::string message) -> std::optional<std::string> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  // Decide from the metadata before opening: opening a FIFO or a device can block or act.
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return fail(std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return fail("Is a directory");
  if (!S_ISREG(st.st_mode)) return fail(NotRegularFile(st.st_mode));
  std::string target = path;
  int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
  if (confined_) {
    std::optional<std::string> real = RealPath(path);
    if (!real || !IsRealPathInsideRoots(*real)) return fail(kOutsideRoots);
    target = *real;  // open what was checked, not a link swapped in since
    flags |= O_NOFOLLOW;
  }
  if (static_cast<uint64_t>(st.st_size) > max_file_bytes_) return fail(FileTooLargeMessage(max_file_bytes_));
  int fd;
  do {
    fd = ::open(target.c_str(), flags);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return fail(errno == ELOOP ? kOutsideRoots : std::strerror(errno));
  FdCloser closer{fd};
  // The opened file is what counts (the path may have been replaced in between).
  if (::fstat(fd, &st) != 0) return fail(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return fail(NotRegularFile(st.st_mode));
  if (static_cast<uint64_t>(st.st_size) > max_file_bytes_) return fail(FileTooLargeMessage(max_file_bytes_));
  // Read at most limit + 1 bytes (a file growing meanwhile is caught, never read without end).
  const uint64_t cap = max_file_bytes_ + 1;
  std::string bytes(static_cast<size_t>(std::min<uint64_t>(static_cast<uint64_t>(st.st_size) + 1, cap)), '\0');
  size_t have = 0;
  for (;;) {
    if (have == bytes.size()) {
      if (bytes.size() >= cap) break;
      bytes.resize(static_cast<size_t>(std::min<uint64_t>(cap, std::max<uint64_t>(bytes.size() * 2, 64 << 10))));
    }
    ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(std::strerror(errno));
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  if (have > max_file_bytes_) return fail(FileTooLargeMessage(max_file_bytes_));
  bytes.resize(have);
  return bytes;
}

std::vector<std::string> OsFileSystem::List(const std::string& dir) const {
  std::vector<std::string> names;
  if (!IsInsideRoots(dir)) return names;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

void MemoryFileSystem::Write(const std::string& path, std::string text) {
  files_[NormalizePath(path)] = std::move(text);
}

PathKind MemoryFileSystem::Stat(const std::string& path) const {
  std::string p = NormalizePath(path);
  if (files_.count(p)) return PathKind::File;
  std::string prefix = p == "/" ? p : p + "/";
  auto it = files_.lower_bound(prefix);
  if (it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
    return PathKind::Directory;
  }
  return PathKind::Missing;
}

std::optional<std::string> MemoryFileSystem::Read(const std::string& path,
                                                  std::string* error) const {
  auto it = files_.find(NormalizePath(path));
  if (it == files_.end()) {
    if (error) *error = Stat(path) == PathKind::Directory ? "Is a directory" : "No such file or directory";
    return std::nullopt;
  }
  return it->second;
}

std::vector<std::string> MemoryFileSystem::List(const std::string& dir) const {
  std::string p = NormalizePath(dir);
  std::string prefix = p == "/" ? p : p + "/";
  std::vector<std::string> names;
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string rest = it->first.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('/'));
    if (names.empty() || names.back() != name) names.push_back(name);
  }
  return names;
}

std::string NormalizePath(const std::string& path) {
  bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(path);
  while (std::getline(in, part, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
      continue;
    }
    if (part == ".." && absolute) continue;
    parts.push_back(part);
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  if (out.empty()) out.push_back('.');  // (not `= "."`: a GCC 12 -Wrestrict false positive)
  return out;
}

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

std::string ParentPath(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace asynctype
