#include "checker/project/discovery.h"

#include <algorithm>
#include <filesystem>

#include "llvm/ADT/StringRef.h"

namespace asynctype {
namespace fs = std::filesystem;

namespace {

bool IsPythonFile(const fs::path& p) { return p.extension() == ".py" || p.extension() == ".pyi"; }

bool SkipDirectory(const fs::path& dir) {
  std::string name = dir.filename().string();
  if (name.empty()) return false;
  if (name[0] == '.' && name != "." && name != "..") return true;
  if (name == "__pycache__" || name == "node_modules" || name == "site-packages") return true;
  std::error_code ec;
  return fs::exists(dir / "pyvenv.cfg", ec);  // a virtual environment
}

}  // namespace

FoundFiles FindPythonFiles(const std::string& path, const FileSystem& files) {
  FoundFiles found;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    found.files.push_back(path);
    return found;
  }
  std::vector<fs::path> stack = {path};
  while (!stack.empty()) {
    fs::path dir = stack.back();
    stack.pop_back();
    for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code type_ec;
      fs::file_status own = it->symlink_status(type_ec);  // the entry itself, not a link's target
      if (type_ec) continue;
      if (fs::is_symlink(own)) {
        // A linked file is checked where its target stays inside the roots; a linked folder is
        // not walked (its target, inside the roots, is checked where it is: no duplicates, no
        // loops). Links leaving the roots are reported; links to FIFOs, devices... ignored.
        bool is_dir = fs::is_directory(it->status(type_ec));
        if (is_dir && SkipDirectory(p)) continue;
        PathKind kind = files.Stat(p.string());
        if (kind == PathKind::Outside && (is_dir || IsPythonFile(p))) {
          found.skipped_links.push_back(p.string());
        } else if (kind == PathKind::File && IsPythonFile(p)) {
          found.files.push_back(p.string());
        }
      } else if (fs::is_directory(own)) {
        if (!SkipDirectory(p)) stack.push_back(p);
      } else if (fs::is_regular_file(own) && IsPythonFile(p)) {
        found.files.push_back(p.string());
      }
      // FIFOs, sockets and devices named `*.py` are not source files: ignored.
    }
  }
  std::sort(found.files.begin(), found.files.end());
  std::sort(found.skipped_links.begin(), found.skipped_links.end());
  return found;
}

std::string ImportRootFor(const FileSystem& files, const std::string& path) {
  std::string dir = NormalizePath(files.Stat(path) == PathKind::Directory ? path : ParentPath(path));
  // Anything named `__init__.py` makes a package here (as `asynctype check` has always read it).
  auto exists = [&](const std::string& name) { return files.Stat(JoinPath(dir, name)) != PathKind::Missing; };
  for (int guard = 0; guard < 256; ++guard) {
    if (!exists("__init__.py") && !exists("__init__.pyi")) break;
    std::string parent = NormalizePath(JoinPath(dir, ".."));
    if (parent == dir) break;
    dir = parent;
  }
  return dir;
}

std::string RelativeTo(const std::string& root, const std::string& path) {
  std::error_code ec;
  fs::path abs_path = fs::absolute(path, ec).lexically_normal();
  fs::path abs_root = fs::absolute(root, ec).lexically_normal();
  fs::path rel = abs_path.lexically_relative(abs_root);
  return ec || rel.empty() ? path : rel.generic_string();
}

std::string TopLevelModuleUnder(const std::string& root, const std::string& path) {
  std::string rel = RelativeTo(root, path);
  if (rel.empty() || rel == ".") return "";
  std::string top = rel.substr(0, rel.find('/'));
  for (llvm::StringRef ext : {".pyi", ".py"}) {
    if (llvm::StringRef(top).endswith(ext)) top.resize(top.size() - ext.size());
  }
  return top;
}

}  // namespace asynctype
