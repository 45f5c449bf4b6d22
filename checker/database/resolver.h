// Module resolution: a dotted module name -> the file that defines it, in the typing spec's
// order: first-party roots (`pkg/mod.pyi` before `pkg/mod.py`, packages through `__init__`), then
// a custom typeshed folder if configured, then the bundled stdlib stubs (a stdlib module outside
// the checked packages skips the roots when the program says which packages are checked), then
// the installed packages (ProgramOptions::site_packages): a stub-only `foo-stubs` package (a
// `partial` one falls through for what it lacks), a package with `py.typed`, typeshed's
// third-party stubs for a package installed without `py.typed`, else that package's sources.
// An import written in a stub resolves among the stubs first (a checked `_collections_abc.py`
// does not replace the stub `collections.abc` imports), and a first-party module named like a
// stdlib one is seen only by files under its own root (a checked copy of CPython's `asyncio/`
// beside the project does not replace the stub for the project). The bundled stubs
// are the embedded set ProgramOptions::stubs names; the full set's VERSIONS hides the modules
// that do not exist in the configured Python version. Results (including misses) are cached per name; each module gets one ModuleId.
// Only regular files are module files (a FIFO or device named `x.py` is ignored); a module file
// the file system reports Outside (a link leaving the roots) makes an untyped module, never read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/base/id.h"
#include "checker/database/embedded_stubs.h"
#include "checker/database/stdlib_versions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace asynctype {

class Program;

class ModuleResolver {
 public:
  explicit ModuleResolver(Program& program);

  // The module's id, or None when no file provides it. A standard library module without a stub
  // gets an id with no file (an untyped module: its members are Unknown).
  ModuleId Resolve(const std::string& name);
  // The same for an import written in `importer`: in a stub, stub modules come first.
  ModuleId Resolve(const std::string& name, FileId importer);
  // Whether `file` is one of the embedded typeshed stdlib stubs.
  bool IsEmbeddedStdlibStub(FileId file) const;
  // Whether the file is a stub of the stdlib or typeshed's third-party stubs.
  bool IsStubFile(FileId file) const;
  // The dotted module name of a file inside a root or the stubs ("" when outside every root).
  std::string ModuleNameOf(FileId file);
  // The package a relative import `from .x import y` (level dots) in `file` refers to.
  std::string ResolveRelative(FileId file, unsigned level, const std::string& name);

 private:
  bool IsUntypedStdlib(const std::string& name);
  bool IsNamespacePackage(const std::string& name);
  // A compiled extension module in a root (imports at run time; untyped without a stub).
  bool IsExtensionModule(const std::string& name);
  // The first candidate file in the roots that loads. Sets `withheld` (and returns nullopt) when
  // the first existing candidate is a symbolic link leading outside the roots: not read.
  std::optional<FileId> FindInRoots(const std::string& name, bool* is_package, bool* withheld);
  // The bundled stubs; with `custom`, a configured typeshed folder first (the modules the type
  // system is built from, typing/builtins/types..., always come from the bundled stubs).
  std::optional<FileId> FindInStubs(const std::string& name, bool* is_package, bool custom);
  // The installed packages (ProgramOptions::site_packages), in the typing spec's order; typeshed's
  // third-party stubs only for a top-level package installed there in some form.
  std::optional<FileId> FindInstalled(const std::string& name, bool* is_package, bool* withheld);
  // typeshed's third-party stubs for `name` (whose distribution is installed).
  std::optional<FileId> FindThirdPartyStub(const std::string& name, bool* is_package);
  // The first module file for `rel` (a/b) under the folders; `stubs_only`: .pyi files only.
  std::optional<FileId> FindInFolders(llvm::ArrayRef<std::string> folders, const std::string& rel, bool stubs_only,
                                      bool* is_package, bool* withheld, std::string* found_in = nullptr);
  // The folders searched for namespace packages and compiled modules: roots, then site-packages.
  std::vector<std::string> SearchFolders() const;
  // A new module for the file (the file's module name becomes `name`).
  ModuleId AddModule(const std::string& name, FileId file, bool is_package);

  Program& program_;
  llvm::StringMap<ModuleId> cache_;
  llvm::ArrayRef<EmbeddedStub> stubs_;  // the selected embedded set
  llvm::StringMap<size_t> stub_index_;  // stub path -> index into stubs_
  StdlibVersions versions_;             // the embedded typeshed's VERSIONS
  llvm::StringSet<> stdlib_names_;      // top-level stdlib modules, with or without stubs
  llvm::StringSet<> checked_packages_;  // ProgramOptions::checked_packages
  bool stubs_before_roots_ = false;     // whether checked_packages was set
  llvm::DenseMap<uint32_t, std::string> module_names_;  // FileId -> module name
  llvm::DenseMap<uint32_t, ModuleId> file_modules_;     // FileId -> its module
  llvm::DenseSet<uint32_t> stub_files_;                 // stdlib and third-party stub files
  llvm::StringMap<ModuleId> stub_cache_;                // Resolve(name) from a stub
  // Third-party stubs: top-level module -> distribution folders (filled on first use).
  std::optional<llvm::StringMap<std::vector<std::string>>> third_party_;
};

}  // namespace asynctype
