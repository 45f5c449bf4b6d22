#include "cli/check_command.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "checker/module/filesystem.h"
#include "checker/program/program.h"
#include "checker/syntax/parse.h"

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

// The import root for a path: the nearest folder, at or above it, that is not a package. Kept
// in the same style (relative or absolute) as the path the user gave.
std::string ImportRootFor(const std::string& path) {
  std::error_code ec;
  std::string dir = fs::is_directory(path, ec) ? path : ParentPath(path);
  dir = NormalizePath(dir);
  for (int guard = 0; guard < 256; ++guard) {
    if (!fs::exists(fs::path(dir) / "__init__.py", ec) && !fs::exists(fs::path(dir) / "__init__.pyi", ec)) break;
    std::string parent = NormalizePath(JoinPath(dir, ".."));
    if (parent == dir) break;
    dir = parent;
  }
  return dir;
}

}  // namespace

std::vector<std::string> FindPythonFiles(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    files.push_back(path);
    return files;
  }
  std::vector<fs::path> stack = {path};
  while (!stack.empty()) {
    fs::path dir = stack.back();
    stack.pop_back();
    for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        if (!it->is_symlink(type_ec) && !SkipDirectory(p)) stack.push_back(p);
      } else if (IsPythonFile(p)) {
        files.push_back(p.string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

int RunCheckCommand(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(".");
  bool usage_error = false;
  std::vector<std::string> files;
  std::vector<std::string> roots;
  std::error_code ec;
  for (const std::string& path : paths) {
    if (!fs::exists(path, ec)) {
      err << "error: path `" << path << "` does not exist\n";
      usage_error = true;
      continue;
    }
    for (std::string& f : FindPythonFiles(path)) files.push_back(NormalizePath(f));
    std::string root = ImportRootFor(path);
    if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());

  OsFileSystem os_fs;
  ProgramOptions program_options;
  program_options.python_version = options.python_version;
  program_options.roots = roots;
  Program program(program_options, os_fs);

  size_t errors = 0, warnings = 0, infos = 0;
  for (const std::string& path : files) {
    std::string error;
    FileId file = program.LoadFile(path, &error);
    if (!file.valid()) {
      Diagnostic d = MakeDiagnostic(Rule::Io, FileId::None(), {}, "Failed to read `" + path + "`: " + error);
      RenderDiagnostic(d, path, nullptr, options.format, out);
      ++errors;
      continue;
    }
    std::vector<Diagnostic> diagnostics =
        options.parse_only ? program.parsed(file).syntax_errors : program.CheckFile(file);
    for (const Diagnostic& d : diagnostics) {
      if (!GetRuleInfo(d.rule).enabled_by_default) continue;  // not configurable yet (issue 5)
      RenderDiagnostic(d, path, &program.source(file), options.format, out);
      switch (d.severity) {
        case Severity::Error: ++errors; break;
        case Severity::Warning: ++warnings; break;
        case Severity::Info: ++infos; break;
      }
    }
  }
  size_t total = errors + warnings + infos;
  if (total == 0) {
    err << "All checks passed! (" << files.size() << " files)\n";
  } else {
    err << "Found " << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
        << (warnings == 1 ? " warning" : " warnings") << " in " << files.size()
        << (files.size() == 1 ? " file" : " files") << "\n";
  }
  if (usage_error) return 2;
  return errors > 0 ? 1 : 0;
}

}  // namespace asynctype
