#include "checker/database/resolver.h"

#include "checker/database/embedded_stubs.h"
#include "checker/database/module_table.h"
#include "checker/database/program.h"
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
  const EmbeddedStubTable& table = EmbeddedStubs(program.options().stubs);
  stubs_ = table.stubs;
  for (size_t i = 0; i < stubs_.size(); ++i) stub_index_[stubs_[i].path] = i;
  for (const char* name : table.stdlib_module_names) stdlib_names_.insert(name);
  if (!table.versions.empty()) versions_ = StdlibVersions(table.versions);
  if (const auto& checked = program.options().checked_packages) {
    stubs_before_roots_ = true;
    for (const std::string& name : *checked) checked_packages_.insert(name);
  }
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
  ModuleId id;
  if (withheld) {
    // The module's file is a symbolic link leading outside the roots: it exists, but is not
    // read (a checked tree must not make the checker print other files), so it is untyped.
    id = program_.modules().Add(ModuleInfo{name, FileId::None(), is_package});
  } else if (file) {
    id = program_.modules().Add(ModuleInfo{name, *file, is_package});
    module_names_[file->index()] = name;
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

bool ModuleResolver::IsNamespacePackage(const std::string& name) {
  std::string rel = DottedToPath(name);
  for (const std::string& root : program_.options().roots) {
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
  for (const std::string& root : program_.options().roots) {
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
  std::string rel = DottedToPath(name);
  const FileSystem& fs = program_.fs();
  for (const std::string& root : program_.options().roots) {
    const std::string base = JoinPath(root, rel);
    const std::pair<std::string, bool> candidates[] = {
        {base + ".pyi", false},
        {base + ".py", false},
        {JoinPath(base, "__init__.pyi"), true},
        {JoinPath(base, "__init__.py"), true},
    };
    for (const auto& [path, package] : candidates) {
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
      return file;
    }
  }
  return std::nullopt;
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
    return program_.AddFile(full, std::string(stub.text, stub.size));
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
