#include "checker/database/resolver.h"

#include <algorithm>

#include "checker/database/embedded_stubs.h"
#include "checker/database/module_table.h"
#include "checker/database/program.h"
#include "checker/fs/filesystem.h"
#include "checker/types/type_store.h"

namespace asynctype {
namespace {

constexpr llvm::StringLiteral kStubPrefix = "vendored://stdlib/";

std::string DottedToPath(const std::string& name) {
  std::string path = name;
  for (char& c : path) {
    if (c == '.') c = '/';
  }
  return path;
}

}  // namespace

ModuleResolver::ModuleResolver(Program& program) : program_(program) {
  const EmbeddedStubTable& table = EmbeddedStubs();
  stubs_ = table.stubs;
  for (size_t i = 0; i < stubs_.size(); ++i) stub_index_[stubs_[i].path] = i;
  for (const char* name : table.stdlib_module_names) stdlib_names_.insert(name);
  if (!table.versions.empty()) versions_ = StdlibVersions(table.versions);
  if (const auto& checked = program.options().checked_packages) {
    stubs_before_roots_ = true;
    for (const std::string& name : *checked) checked_packages_.insert(name);
  }
}

ModuleId ModuleResolver::AddModule(const std::string& name, FileId file, bool is_package) {
  ModuleId id = program_.modules().Add(ModuleInfo{name, file, is_package});
  if (file.valid()) {
    file_modules_.try_emplace(file.index(), id);
    module_names_[file.index()] = name;
  }
  return id;
}

bool ModuleResolver::IsStubFile(FileId file) const {
  if (stub_files_.count(file.index())) return true;
  return llvm::StringRef(program_.source(file).path()).startswith("vendored://");
}

bool ModuleResolver::IsEmbeddedStdlibStub(FileId file) const {
  return llvm::StringRef(program_.source(file).path()).startswith(kStubPrefix);
}

ModuleId ModuleResolver::Resolve(const std::string& name, FileId importer) {
  if (!importer.valid()) return Resolve(name);
  if (!IsStubFile(importer)) {
    // A first-party module named like a standard-library one is seen by the files of its own
    // root folder (a project's `queue.py`, the standard library checked as a project); a checked
    // copy of a stdlib package under another root (CPython's `asyncio/` given as a checked path
    // beside the project) does not replace the stub for the project's files.
    llvm::StringRef top = llvm::StringRef(name).split('.').first;
    if (!stdlib_names_.count(top)) return Resolve(name);
    ModuleId id = Resolve(name);
    if (!id.valid() || !program_.modules()[id].file.valid() || IsStubFile(program_.modules()[id].file)) return id;
    llvm::StringRef path = program_.source(program_.modules()[id].file).path();
    size_t components = 1 + llvm::StringRef(name).count('.');
    if (path.endswith("/__init__.py") || path.endswith("/__init__.pyi")) ++components;
    llvm::StringRef root = path;
    for (size_t i = 0; i < components && !root.empty(); ++i) {
      size_t slash = root.rfind('/');
      root = slash == llvm::StringRef::npos ? llvm::StringRef() : root.take_front(slash);
    }
    llvm::StringRef importer_path = program_.source(importer).path();
    if (root.empty() || root == "." || (importer_path.startswith(root) && importer_path.drop_front(root.size()).startswith("/"))) {
      return id;
    }
  }
  auto it = stub_cache_.find(name);
  if (it != stub_cache_.end()) return it->second;
  // An import written in a stub resolves among the stubs: a checked source of the same name
  // (CPython's `_collections_abc.py`) does not replace the stub it means.
  ModuleId id = Resolve(name);
  if (!id.valid() || !program_.modules()[id].file.valid() || !IsStubFile(program_.modules()[id].file)) {
    bool is_package = false;
    if (std::optional<FileId> file = FindInStubs(name, &is_package, /*custom=*/true)) {
      // The stub's module when a plain import already reached it (one module per stub file).
      auto known = file_modules_.find(file->index());
      id = known != file_modules_.end() ? known->second : AddModule(name, *file, is_package);
    }
  }
  stub_cache_[name] = id;
  return id;
}

ModuleId ModuleResolver::Resolve(const std::string& name) {
  if (name.empty()) return ModuleId::None();
  auto it = cache_.find(name);
  if (it != cache_.end()) return it->second;
  bool is_package = false;
  // The modules the type system itself is built from always come from the bundled stubs, so a
  // checked copy of the standard library sources does not replace them.
  llvm::StringRef top = llvm::StringRef(name).split('.').first;
  bool core = top == "typing" || top == "typing_extensions" || top == "builtins" || top == "types" ||
              top == "_typeshed" || top == "abc" || top == "sys" || name == "collections.abc";
  std::optional<FileId> file = core ? FindInStubs(name, &is_package, /*custom=*/false) : std::nullopt;
  // The sources of an unchecked standard-library module (found because a checked package sits
  // in the stdlib folder) are not first-party code: its stub, or nothing, describes it.
  bool stdlib_outside_checked = stubs_before_roots_ && stdlib_names_.count(top) && !checked_packages_.count(top);
  bool withheld = false;
  if (!file && !stdlib_outside_checked) file = FindInRoots(name, &is_package, &withheld);
  if (!file && !withheld) file = FindInStubs(name, &is_package, /*custom=*/!core);
  // Installed packages come after the stdlib stubs (a standard-library name is never taken
  // from site-packages).
  if (!file && !withheld && !stdlib_names_.count(top)) file = FindInstalled(name, &is_package, &withheld);
  ModuleId id;
  if (withheld) {
    // The module's file is a symbolic link leading outside the roots: it exists, but is not
    // read (a checked tree must not make the checker print other files), so it is untyped.
    id = program_.modules().Add(ModuleInfo{name, FileId::None(), is_package});
  } else if (file) {
    id = AddModule(name, *file, is_package);
  } else if (!stdlib_outside_checked && IsExtensionModule(name)) {
    // A compiled module (`name.cpython-311-x86_64-linux-gnu.so`, `name.pyd`) with no stub: it
    // imports at run time, but its contents are unknown.
    id = program_.modules().Add(ModuleInfo{name, FileId::None(), false});
  } else if (!stdlib_outside_checked && IsNamespacePackage(name)) {
    // A folder without __init__ (PEP 420): its submodules resolve; nothing else is known.
    id = program_.modules().Add(ModuleInfo{name, FileId::None(), true});
  } else if (IsUntypedStdlib(name)) {
    // A standard library module without a stub: it exists, but nothing about it is known.
    id = program_.modules().Add(ModuleInfo{name, FileId::None(), false});
  }
  cache_[name] = id;
  return id;
}

std::vector<std::string> ModuleResolver::SearchFolders() const {
  std::vector<std::string> folders = program_.options().roots;
  folders.insert(folders.end(), program_.options().site_packages.begin(), program_.options().site_packages.end());
  return folders;
}

std::optional<FileId> ModuleResolver::FindInFolders(llvm::ArrayRef<std::string> folders, const std::string& rel,
                                                    bool stubs_only, bool* is_package, bool* withheld,
                                                    std::string* found_in) {
  const FileSystem& fs = program_.fs();
  for (const std::string& folder : folders) {
    const std::string base = JoinPath(folder, rel);
    const std::pair<std::string, bool> candidates[] = {
        {base + ".pyi", false},
        {base + ".py", false},
        {JoinPath(base, "__init__.pyi"), true},
        {JoinPath(base, "__init__.py"), true},
    };
    for (const auto& [path, package] : candidates) {
      if (stubs_only && llvm::StringRef(path).endswith(".py")) continue;
      PathKind kind = fs.Stat(path);
      if (kind == PathKind::Outside) {
        *is_package = package;
        *withheld = true;
        return std::nullopt;
      }
      // Only regular files: a FIFO, socket or device named like a module is not one.
      if (kind != PathKind::File) continue;
      std::string error;
      FileId file = program_.LoadFile(path, &error);
      if (!file.valid()) continue;
      *is_package = package;
      if (found_in) *found_in = folder;
      return file;
    }
  }
  return std::nullopt;
}

std::optional<FileId> ModuleResolver::FindInstalled(const std::string& name, bool* is_package, bool* withheld) {
  const std::vector<std::string>& site_packages = program_.options().site_packages;
  if (site_packages.empty()) return std::nullopt;
  const FileSystem& fs = program_.fs();
  llvm::StringRef top = llvm::StringRef(name).split('.').first;
  std::string rel = DottedToPath(name);
  std::string rest = name.size() > top.size() ? DottedToPath(name.substr(top.size() + 1)) : "";
  // 1. A stub-only package (`foo-stubs`, PEP 561); a `partial` one falls through for the modules
  //    it does not have, a complete one decides.
  for (const std::string& folder : site_packages) {
    std::string stubs = JoinPath(folder, top.str() + "-stubs");
    if (fs.Stat(stubs) != PathKind::Directory) continue;
    std::string error;
    std::string marker = fs.Read(JoinPath(stubs, "py.typed"), &error).value_or("");
    bool partial = llvm::StringRef(marker).contains("partial");
    std::string module_rel = rest.empty() ? top.str() + "-stubs" : top.str() + "-stubs/" + rest;
    std::optional<FileId> file = FindInFolders({folder}, module_rel, /*stubs_only=*/true, is_package, withheld);
    if (file || *withheld) return file;
    if (!partial) return std::nullopt;
  }
  // 2. The package itself: with `py.typed` its own types win.
  std::string found_in;
  std::optional<FileId> source = FindInFolders(site_packages, rel, /*stubs_only=*/false, is_package, withheld, &found_in);
  if (*withheld) return std::nullopt;
  bool typed = source && fs.Stat(JoinPath(JoinPath(found_in, top.str()), "py.typed")) == PathKind::File;
  if (typed) return source;
  // 3. typeshed's third-party stubs, for a package installed without types.
  auto top_exists = [&](const std::string& folder) {
    PathKind kind = fs.Stat(JoinPath(folder, top.str()));
    return kind == PathKind::Directory || kind == PathKind::File;
  };
  bool installed = source.has_value() || std::any_of(site_packages.begin(), site_packages.end(), top_exists) ||
                   IsExtensionModule(top.str());
  if (installed) {
    bool stub_package = false;
    if (std::optional<FileId> stub = FindThirdPartyStub(name, &stub_package)) {
      *is_package = stub_package;
      return stub;
    }
  }
  // 4. Its sources (un-annotated code stays quiet: what is not known is Unknown).
  return source;
}

std::optional<FileId> ModuleResolver::FindThirdPartyStub(const std::string& name, bool* is_package) {
  const std::string& folder = program_.options().third_party_stubs;
  if (folder.empty()) return std::nullopt;
  OsFileSystem os;
  const FileSystem& disk = program_.options().third_party_fs ? *program_.options().third_party_fs : os;
  if (!third_party_) {
    third_party_.emplace();
    for (const std::string& distribution : disk.List(folder)) {
      std::string dir = JoinPath(folder, distribution);
      if (disk.Stat(dir) != PathKind::Directory) continue;
      for (const std::string& entry : disk.List(dir)) {
        llvm::StringRef e(entry);
        if (e.startswith("@") || e.startswith(".")) continue;
        PathKind kind = disk.Stat(JoinPath(dir, entry));
        if (kind == PathKind::File && e.consume_back(".pyi")) {
          (*third_party_)[e].push_back(distribution);
        } else if (kind == PathKind::Directory) {
          (*third_party_)[e].push_back(distribution);
        }
      }
    }
  }
  llvm::StringRef top = llvm::StringRef(name).split('.').first;
  auto it = third_party_->find(top);
  if (it == third_party_->end()) return std::nullopt;
  std::string rel = DottedToPath(name);
  for (const std::string& distribution : it->second) {
    for (bool package : {false, true}) {
      std::string path = JoinPath(distribution, package ? rel + "/__init__.pyi" : rel + ".pyi");
      std::string shown = "vendored://stubs/" + path;
      if (std::optional<FileId> existing = program_.FindFile(shown)) {
        *is_package = package;
        return existing;
      }
      std::string error;
      std::optional<std::string> text = disk.Read(JoinPath(folder, path), &error);
      if (!text) continue;
      FileId file = program_.AddFile(shown, std::move(*text));
      stub_files_.insert(file.index());
      *is_package = package;
      return file;
    }
  }
  return std::nullopt;
}

bool ModuleResolver::IsNamespacePackage(const std::string& name) {
  std::string rel = DottedToPath(name);
  for (const std::string& root : SearchFolders()) {
    // (A folder behind a link leading outside the roots: its modules are untyped, not missing.)
    PathKind kind = program_.fs().Stat(JoinPath(root, rel));
    if (kind == PathKind::Directory || kind == PathKind::Outside) return true;
  }
  return false;
}

bool ModuleResolver::IsExtensionModule(const std::string& name) {
  std::string rel = DottedToPath(name);
  size_t slash = rel.rfind('/');
  std::string folder = slash == std::string::npos ? "" : rel.substr(0, slash);
  std::string prefix = (slash == std::string::npos ? rel : rel.substr(slash + 1)) + ".";
  for (const std::string& root : SearchFolders()) {
    std::string dir = folder.empty() ? root : JoinPath(root, folder);
    if (program_.fs().Stat(dir) != PathKind::Directory) continue;
    for (const std::string& entry : program_.fs().List(dir)) {
      llvm::StringRef e(entry);
      if (!e.startswith(prefix)) continue;
      // `name.so`, `name.pyd`, or with a platform tag in between (`name.abi3.so`).
      if ((e.endswith(".so") || e.endswith(".pyd")) && program_.fs().Stat(JoinPath(dir, entry)) == PathKind::File) {
        return true;
      }
    }
  }
  return false;
}

bool ModuleResolver::IsUntypedStdlib(const std::string& name) {
  llvm::StringRef top = llvm::StringRef(name).split('.').first;
  if (!stdlib_names_.count(top)) return false;
  // A module the full set's VERSIONS places in other Python versions does not exist.
  if (!versions_.Available(name, program_.options().python_version)) return false;
  if (top == name) return true;
  // A submodule is untyped only inside an untyped package: stubs list their package's modules,
  // and a source package was already searched for the file.
  ModuleId parent = Resolve(top.str());
  if (!parent.valid()) return false;
  return !program_.modules()[parent].file.valid();
}

std::optional<FileId> ModuleResolver::FindInRoots(const std::string& name, bool* is_package, bool* withheld) {
  return FindInFolders(program_.options().roots, DottedToPath(name), /*stubs_only=*/false, is_package, withheld);
}

std::optional<FileId> ModuleResolver::FindInStubs(const std::string& name, bool* is_package, bool custom) {
  std::string rel = DottedToPath(name);
  if (const std::string& typeshed = program_.options().typeshed; custom && !typeshed.empty()) {
    for (bool package : {false, true}) {
      std::string path = JoinPath(JoinPath(typeshed, "stdlib"), package ? rel + "/__init__.pyi" : rel + ".pyi");
      if (program_.fs().Stat(path) != PathKind::File) continue;
      std::string error;
      FileId file = program_.LoadFile(path, &error);
      if (!file.valid()) continue;
      stub_files_.insert(file.index());
      *is_package = package;
      return file;
    }
  }
  if (!versions_.Available(name, program_.options().python_version)) return std::nullopt;
  for (bool package : {false, true}) {
    std::string path = package ? rel + "/__init__.pyi" : rel + ".pyi";
    auto it = stub_index_.find(path);
    if (it == stub_index_.end()) continue;
    std::string full = kStubPrefix.str() + path;
    std::optional<FileId> existing = program_.FindFile(full);
    *is_package = package;
    if (existing) return existing;
    const EmbeddedStub& stub = stubs_[it->second];
    FileId file = program_.AddFile(full, std::string(stub.text, stub.size));
    stub_files_.insert(file.index());
    return file;
  }
  return std::nullopt;
}

std::string ModuleResolver::ModuleNameOf(FileId file) {
  auto it = module_names_.find(file.index());
  if (it != module_names_.end()) return it->second;
  std::string path = program_.source(file).path();
  std::string rel;
  if (llvm::StringRef(path).startswith(kStubPrefix)) {
    rel = path.substr(kStubPrefix.size());
  } else {
    for (const std::string& root : program_.options().roots) {
      std::string prefix = root == "." ? "" : (root.back() == '/' ? root : root + "/");
      if (llvm::StringRef(path).startswith(prefix)) {
        rel = path.substr(prefix.size());
        break;
      }
    }
  }
  if (rel.empty()) return "";
  for (llvm::StringRef ext : {".pyi", ".py"}) {
    if (llvm::StringRef(rel).endswith(ext)) rel.resize(rel.size() - ext.size());
  }
  if (llvm::StringRef(rel).endswith("/__init__")) rel.resize(rel.size() - 9);
  if (rel == "__init__") rel.clear();
  for (char& c : rel) {
    if (c == '/') c = '.';
  }
  module_names_[file.index()] = rel;
  return rel;
}

std::string ModuleResolver::ResolveRelative(FileId file, unsigned level, const std::string& name) {
  std::string module = ModuleNameOf(file);
  llvm::StringRef path = program_.source(file).path();
  bool is_init = path.endswith("/__init__.py") || path.endswith("/__init__.pyi") ||
                 path == "__init__.py" || path == "__init__.pyi";
  // The package containing the file: the module itself for __init__, else its parent.
  std::string package = module;
  if (!is_init) {
    auto dot = package.rfind('.');
    package = dot == std::string::npos ? "" : package.substr(0, dot);
  }
  for (unsigned i = 1; i < level; ++i) {
    auto dot = package.rfind('.');
    if (dot == std::string::npos) {
      package.clear();
      break;
    }
    package = package.substr(0, dot);
  }
  if (name.empty()) return package;
  return package.empty() ? name : package + "." + name;
}

}  // namespace asynctype
