#include "checker/module/filesystem.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace asynctype {

PathKind OsFileSystem::Stat(const std::string& path) const {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) return PathKind::Missing;
  if (std::filesystem::is_directory(status)) return PathKind::Directory;
  if (std::filesystem::exists(status)) return PathKind::File;
  return PathKind::Missing;
}

std::optional<std::string> OsFileSystem::Read(const std::string& path, std::string* error) const {
  if (Stat(path) == PathKind::Directory) {
    if (error) *error = "Is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    if (error) *error = "read error";
    return std::nullopt;
  }
  return std::move(buffer).str();
}

std::vector<std::string> OsFileSystem::List(const std::string& dir) const {
  std::vector<std::string> names;
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
  if (out.empty()) out = ".";
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
