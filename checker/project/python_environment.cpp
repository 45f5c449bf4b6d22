#include "checker/project/python_environment.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "llvm/ADT/StringRef.h"

namespace asynctype {
namespace {

// "3.11.7", "3.11" -> 3.11; "python3.11" is not a version.
std::optional<PythonVersion> VersionPrefix(llvm::StringRef text) {
  auto [major, rest] = text.trim().split('.');
  auto [minor, tail] = rest.split('.');
  unsigned a = 0, b = 0;
  if (major.getAsInteger(10, a) || minor.getAsInteger(10, b) || a != 3 || b > 99) return std::nullopt;
  return PythonVersion{static_cast<uint8_t>(a), static_cast<uint8_t>(b)};
}

// The python3.X folders under `<prefix>/<lib>`, newest first.
std::vector<std::pair<PythonVersion, std::string>> LibFolders(const FileSystem& files, const std::string& prefix) {
  std::vector<std::pair<PythonVersion, std::string>> out;
  for (const char* lib : {"lib", "lib64"}) {
    std::string dir = JoinPath(prefix, lib);
    if (files.Stat(dir) != PathKind::Directory) continue;
    for (const std::string& name : files.List(dir)) {
      llvm::StringRef n(name);
      if (!n.consume_front("python")) continue;
      if (auto version = VersionPrefix(n); version && n.count('.') == 1) {
        out.push_back({*version, JoinPath(dir, name)});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return out;
}

std::string RealLocation(const std::string& path);

// Once each, also through links (a venv's `lib64` is a link to `lib`).
void AddFolder(const FileSystem& files, std::vector<std::string>* list, const std::string& folder) {
  if (files.Stat(folder) != PathKind::Directory) return;
  std::string real = RealLocation(folder);
  for (const std::string& existing : *list) {
    if (existing == folder || RealLocation(existing) == real) return;
  }
  list->push_back(folder);
}

// The site-packages (and Debian's dist-packages) of a prefix, for `version` (or the newest
// python3.X folder when unknown, which then sets the version).
void AddPrefixPackages(const FileSystem& files, const std::string& prefix, PythonEnvironment* env) {
  for (const auto& [version, folder] : LibFolders(files, prefix)) {
    if (env->version && version != *env->version) continue;
    if (!env->version) {
      env->version = version;
      env->version_origin = folder.substr(prefix.size() + 1);
    }
    AddFolder(files, &env->site_packages, JoinPath(folder, "site-packages"));
    AddFolder(files, &env->site_packages, JoinPath(folder, "dist-packages"));
  }
  AddFolder(files, &env->site_packages, JoinPath(prefix, "lib/python3/dist-packages"));
  // Debian's pip installs into /usr/local for the system interpreter in /usr.
  if (prefix == "/usr" && env->version) {
    AddFolder(files, &env->site_packages, "/usr/local/lib/python" + env->version->ToString() + "/dist-packages");
  }
}

// A symbolic link's final target (the real OS only; the path itself elsewhere).
std::string RealLocation(const std::string& path) {
  std::error_code ec;
  std::filesystem::path real = std::filesystem::canonical(path, ec);
  return ec ? path : real.string();
}

std::string Basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void AddPth(const FileSystem& files, PythonEnvironment* env) {
  std::vector<std::string> own = env->site_packages;
  for (const std::string& folder : own) {
    for (const std::string& added : PthFolders(files, folder)) {
      if (std::find(env->site_packages.begin(), env->site_packages.end(), added) != env->site_packages.end()) continue;
      env->site_packages.push_back(added);
      env->pth_folders.push_back(added);
    }
  }
}

// A virtual environment (a folder with pyvenv.cfg).
PythonEnvironment VirtualEnvironment(const FileSystem& files, const std::string& root, PythonEnvironment env) {
  env.prefix = root;
  env.virtual_env = true;
  std::string error;
  PyvenvConfig config = ParsePyvenvConfig(files.Read(JoinPath(root, "pyvenv.cfg"), &error).value_or(""));
  if (config.version) {
    env.version = config.version;
    env.version_origin = "pyvenv.cfg";
  }
  AddPrefixPackages(files, root, &env);
  if (config.include_system_site_packages && !config.home.empty()) {
    // `home` is the base interpreter's folder, `<prefix>/bin`.
    std::string base = ParentPath(RealLocation(JoinPath(config.home, "python3")));
    if (Basename(base) == "bin") AddPrefixPackages(files, ParentPath(base), &env);
  }
  AddPth(files, &env);
  return env;
}

// A prefix without pyvenv.cfg (a system or pyenv installation).
PythonEnvironment PrefixEnvironment(const FileSystem& files, const std::string& prefix, PythonEnvironment env) {
  env.prefix = prefix;
  AddPrefixPackages(files, prefix, &env);
  AddPth(files, &env);
  return env;
}

bool IsPrefix(const FileSystem& files, const std::string& dir) { return !LibFolders(files, dir).empty(); }

// An interpreter file: `<root>/bin/python` of a virtual environment, or a system one whose real
// location `<prefix>/bin/python3.X` names its version.
std::optional<PythonEnvironment> InterpreterEnvironment(const FileSystem& files, const std::string& path,
                                                        PythonEnvironment env) {
  std::string bin = ParentPath(path);
  std::string root = ParentPath(bin);
  if (files.Stat(JoinPath(root, "pyvenv.cfg")) == PathKind::File) return VirtualEnvironment(files, root, env);
  std::string real = RealLocation(path);
  std::string base = Basename(real);
  llvm::StringRef name(base);
  if (name.consume_front("python")) {
    if (auto version = VersionPrefix(name)) {
      env.version = version;
      env.version_origin = "the interpreter's name (" + Basename(real) + ")";
    }
  }
  std::string prefix = ParentPath(ParentPath(real));
  if (!IsPrefix(files, prefix)) return std::nullopt;
  return PrefixEnvironment(files, prefix, env);
}

// A pyenv shim (`<pyenv root>/shims/python3`): the version pyenv selects ($PYENV_VERSION, a
// `.python-version` in the project or above, then `<pyenv root>/version`), without running it.
std::optional<std::string> PyenvInterpreter(const FileSystem& files, const std::string& shim,
                                            const EnvironmentInputs& inputs) {
  std::string shims = ParentPath(shim);
  if (Basename(shims) != "shims") return std::nullopt;
  std::string pyenv_root = ParentPath(shims);
  if (files.Stat(JoinPath(pyenv_root, "versions")) != PathKind::Directory) return std::nullopt;
  std::string selected = inputs.pyenv_version;
  std::error_code ec;
  auto first_line = [&](const std::string& file) -> std::string {
    std::string error;
    std::string text = files.Read(file, &error).value_or("");
    return llvm::StringRef(text).split('\n').first.trim().str();
  };
  if (selected.empty()) {
    std::filesystem::path dir = std::filesystem::absolute(inputs.project_root.empty() ? "." : inputs.project_root, ec);
    for (int guard = 0; guard < 256 && !ec && !dir.empty(); ++guard) {
      std::string file = (dir / ".python-version").string();
      if (files.Stat(file) == PathKind::File) {
        selected = first_line(file);
        break;
      }
      if (dir == dir.parent_path()) break;
      dir = dir.parent_path();
    }
  }
  if (selected.empty()) selected = first_line(JoinPath(pyenv_root, "version"));
  selected = llvm::StringRef(selected).split(':').first.trim().str();
  if (selected.empty() || selected == "system") return std::nullopt;
  std::string interpreter = JoinPath(pyenv_root, "versions/" + selected + "/bin/" + Basename(shim));
  if (files.Stat(interpreter) != PathKind::File) return std::nullopt;
  return interpreter;
}

}  // namespace

PyvenvConfig ParsePyvenvConfig(std::string_view text) {
  PyvenvConfig config;
  llvm::StringRef rest(text.data(), text.size());
  while (!rest.empty()) {
    auto [line, tail] = rest.split('\n');
    rest = tail;
    auto [key, value] = line.split('=');
    if (key.size() == line.size()) continue;  // no '='
    key = key.trim();
    value = value.trim();
    if (key == "home") {
      config.home = value.str();
    } else if (key == "version" || key == "version_info") {
      if (auto version = VersionPrefix(value)) config.version = version;
    } else if (key == "include-system-site-packages") {
      config.include_system_site_packages = value.equals_insensitive("true");
    }
  }
  return config;
}

std::vector<std::string> PthFolders(const FileSystem& files, const std::string& site_packages) {
  std::vector<std::string> out;
  for (const std::string& name : files.List(site_packages)) {
    if (!llvm::StringRef(name).endswith(".pth")) continue;
    std::string error;
    std::optional<std::string> text = files.Read(JoinPath(site_packages, name), &error);
    if (!text) continue;
    llvm::StringRef rest(*text);
    while (!rest.empty()) {
      auto [raw, tail] = rest.split('\n');
      rest = tail;
      llvm::StringRef line = raw.rtrim();
      if (line.empty() || line.startswith("#") || line.startswith("import ") || line.startswith("import\t")) continue;
      std::string folder = NormalizePath(line.startswith("/") ? line.str() : JoinPath(site_packages, line.str()));
      if (files.Stat(folder) == PathKind::Directory && std::find(out.begin(), out.end(), folder) == out.end()) {
        out.push_back(folder);
      }
    }
  }
  return out;
}

std::optional<PythonEnvironment> EnvironmentAt(const FileSystem& files, const std::string& path,
                                               const std::string& origin, std::string* error) {
  PythonEnvironment env;
  env.origin = origin;
  env.location = path;
  std::string p = NormalizePath(path);
  PathKind kind = files.Stat(p);
  if (kind == PathKind::Missing) {
    *error = origin + ": `" + path + "` does not exist";
    return std::nullopt;
  }
  if (kind == PathKind::Directory) {
    if (files.Stat(JoinPath(p, "pyvenv.cfg")) == PathKind::File) return VirtualEnvironment(files, p, env);
    if (IsPrefix(files, p)) return PrefixEnvironment(files, p, env);
    std::string name = Basename(p);
    if (name == "site-packages" || name == "dist-packages") {
      // A site-packages folder: `<prefix>/lib/python3.X/site-packages` names its version.
      std::string lib_folder = Basename(ParentPath(p));
      llvm::StringRef lib(lib_folder);
      if (lib.consume_front("python")) {
        if (auto version = VersionPrefix(lib)) {
          env.version = version;
          env.version_origin = "its folder (" + Basename(ParentPath(p)) + ")";
        }
      }
      env.site_packages.push_back(p);
      AddPth(files, &env);
      return env;
    }
    *error = origin + ": `" + path +
             "` is not a Python environment (no pyvenv.cfg, lib/python3.X or site-packages folder)";
    return std::nullopt;
  }
  if (kind == PathKind::File) {
    if (auto found = InterpreterEnvironment(files, p, env)) return found;
    *error = origin + ": cannot find the environment of the interpreter `" + path +
             "` (no pyvenv.cfg next to it, no lib/python3.X in its prefix)";
    return std::nullopt;
  }
  *error = origin + ": `" + path + "` is not a Python interpreter or environment";
  return std::nullopt;
}

std::optional<PythonEnvironment> DiscoverPythonEnvironment(const FileSystem& files, const EnvironmentInputs& inputs,
                                                           std::string* error) {
  error->clear();
  if (!inputs.python.empty()) return EnvironmentAt(files, inputs.python, inputs.python_origin, error);
  std::string ignored;
  if (!inputs.virtual_env.empty()) {
    if (auto env = EnvironmentAt(files, inputs.virtual_env, "VIRTUAL_ENV", &ignored)) return env;
  }
  std::string venv = JoinPath(inputs.project_root.empty() ? "." : inputs.project_root, ".venv");
  if (files.Stat(JoinPath(venv, "pyvenv.cfg")) == PathKind::File) {
    if (auto env = EnvironmentAt(files, venv, "`.venv` in the project root", &ignored)) return env;
  }
  llvm::StringRef rest(inputs.path);
  while (!rest.empty()) {
    auto [dir, tail] = rest.split(':');
    rest = tail;
    if (dir.empty()) continue;
    for (const char* name : {"python3", "python"}) {
      std::string candidate = JoinPath(dir.str(), name);
      if (files.Stat(candidate) != PathKind::File) continue;
      std::string interpreter = PyenvInterpreter(files, candidate, inputs).value_or(candidate);
      if (auto env = EnvironmentAt(files, interpreter, "`" + std::string(name) + "` on PATH", &ignored)) {
        env->location = candidate == interpreter ? candidate : candidate + " -> " + interpreter;
        return env;
      }
    }
  }
  return std::nullopt;
}

EnvironmentInputs EnvironmentInputsFromProcess() {
  EnvironmentInputs inputs;
  auto get = [](const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
  };
  inputs.virtual_env = get("VIRTUAL_ENV");
  inputs.path = get("PATH");
  inputs.pyenv_version = get("PYENV_VERSION");
  return inputs;
}

std::vector<std::string> DescribeEnvironment(const std::optional<PythonEnvironment>& environment) {
  std::vector<std::string> lines;
  if (!environment) {
    lines.push_back("Python environment: none found (no --python, `python` setting, VIRTUAL_ENV, .venv or "
                    "interpreter on PATH); installed packages are not searched");
    return lines;
  }
  const PythonEnvironment& env = *environment;
  lines.push_back("Python environment: " + env.location + " (from " + env.origin + ")");
  if (!env.prefix.empty()) {
    lines.push_back("  " + std::string(env.virtual_env ? "virtual environment: " : "prefix: ") + env.prefix);
  }
  lines.push_back("  Python version: " + (env.version ? env.version->ToString() + " (from " + env.version_origin + ")"
                                                       : std::string("unknown")));
  for (const std::string& folder : env.site_packages) {
    bool pth = std::find(env.pth_folders.begin(), env.pth_folders.end(), folder) != env.pth_folders.end();
    lines.push_back("  " + std::string(pth ? "from a .pth file: " : "site-packages: ") + folder);
  }
  if (env.site_packages.empty()) lines.push_back("  site-packages: none found");
  return lines;
}

}  // namespace asynctype
