// A scratch folder on the real file system for tests of OsFileSystem and what reads through it:
// files, links, FIFOs and sockets are created under it and removed with it.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace asynctype::testing {

class TempTree {
 public:
  TempTree() {
    std::string pattern = (std::filesystem::temp_directory_path() / "asynctype-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    root_ = pattern;
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  std::string Path(const std::string& rel) const { return root_ + "/" + rel; }
  std::string root() const { return root_; }

  void Dir(const std::string& rel) const { std::filesystem::create_directories(Path(rel)); }
  void File(const std::string& rel, const std::string& text) const {
    std::ofstream(Path(rel), std::ios::binary) << text;
  }
  // `rel` -> `target` (as written: relative targets resolve from the link's folder).
  void Link(const std::string& rel, const std::string& target) const {
    std::error_code ec;
    std::filesystem::create_symlink(target, Path(rel), ec);
    if (ec) ADD_FAILURE() << "symlink " << rel << ": " << ec.message();
  }
  void Fifo(const std::string& rel) const {
    if (::mkfifo(Path(rel).c_str(), 0644) != 0) ADD_FAILURE() << "mkfifo " << rel;
  }
  // A listening-less bound Unix socket (the path stays after the descriptor is closed).
  void Socket(const std::string& rel) const {
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::string path = Path(rel);
    if (fd < 0 || path.size() >= sizeof(address.sun_path)) {
      ADD_FAILURE() << "socket " << rel;
      if (fd >= 0) ::close(fd);
      return;
    }
    path.copy(address.sun_path, path.size());
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) ADD_FAILURE() << "bind " << rel;
    ::close(fd);
  }
  // A sparse file of `bytes` (no disk space, no time).
  void Sparse(const std::string& rel, off_t bytes) const {
    File(rel, "");
    if (::truncate(Path(rel).c_str(), bytes) != 0) ADD_FAILURE() << "truncate " << rel;
  }

 private:
  std::string root_;
};

}  // namespace asynctype::testing
