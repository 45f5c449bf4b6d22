// Module resolution: a dotted module name -> the file that defines it. First-party roots are
// searched first (`pkg/mod.pyi` before `pkg/mod.py`, packages through `__init__`), then a custom
// typeshed folder if configured, then the bundled stubs (a stdlib module outside the checked
// packages skips the roots when the program says which packages are checked). The bundled stubs
// are the embedded set ProgramOptions::stubs names; the full set's VERSIONS hides the modules
// that do not exist in the configured Python version. Results (including misses) are cached per name; each module gets one ModuleId.
// Only regular files are module files (a FIFO or device named `x.py` is ignored); a module file
// the file system reports Outside (a link leaving the roots) makes an untyped module, never read.
#pragma once

#include <optional>
#include <string>

#include "checker/base/id.h"
#include "checker/database/embedded_stubs.h"
#include "checker/database/stdlib_versions.h"
#include "llvm/ADT/DenseMap.h"
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

  Program& program_;
  llvm::StringMap<ModuleId> cache_;
  llvm::ArrayRef<EmbeddedStub> stubs_;  // the selected embedded set
  llvm::StringMap<size_t> stub_index_;  // stub path -> index into stubs_
  StdlibVersions versions_;             // the set's VERSIONS (empty for the subset)
  llvm::StringSet<> stdlib_names_;      // top-level stdlib modules, with or without stubs
  llvm::StringSet<> checked_packages_;  // ProgramOptions::checked_packages
  bool stubs_before_roots_ = false;     // whether checked_packages was set
  llvm::DenseMap<uint32_t, std::string> module_names_;  // FileId -> module name
};

}  // namespace asynctype
