// typeshed's stdlib/VERSIONS: which standard library modules exist in which Python versions
// (`asyncio.taskgroups: 3.11-`, `distutils: 3.0-3.11`). A module not listed has its closest listed
// parent's range (`asyncio.tasks` lives as long as `asyncio`). Parsed once per program from the
// embedded typeshed; lines that do not parse are ignored.
#pragma once

#include <optional>

#include "checker/base/python_version.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

class StdlibVersions {
 public:
  StdlibVersions() = default;
  explicit StdlibVersions(llvm::StringRef text);

  bool empty() const { return ranges_.empty(); }
  // Whether VERSIONS lists the module or one of its parent packages.
  bool Knows(llvm::StringRef module) const { return Range(module) != nullptr; }
  // Whether the module exists in `version`; modules VERSIONS does not know are not its business
  // (true).
  bool Available(llvm::StringRef module, PythonVersion version) const;

 private:
  struct VersionRange {
    PythonVersion first;
    std::optional<PythonVersion> last;  // none: still available
  };
  // The range of the module or of its closest listed parent; null when none is listed.
  const VersionRange* Range(llvm::StringRef module) const;

  llvm::StringMap<VersionRange> ranges_;
};

}  // namespace asynctype
