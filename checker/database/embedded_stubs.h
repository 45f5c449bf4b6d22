// The stub sets embedded into the binary at build time (embedded_stubs/embed_stubs.cmake generates
// their definitions): the hand-written typeshed_subset/stdlib (the default), and the full typeshed
// stdlib/ fetched from the pinned pyright package (scripts/fetch-typeshed.sh; experimental until
// the engine handles it, selected with ProgramOptions::stubs).
#pragma once

#include <cstddef>
#include <optional>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

enum class StubSet { Subset, Full };

inline llvm::StringRef StubSetName(StubSet set) { return set == StubSet::Full ? "full" : "subset"; }
inline std::optional<StubSet> ParseStubSet(llvm::StringRef name) {
  if (name == "subset") return StubSet::Subset;
  if (name == "full") return StubSet::Full;
  return std::nullopt;
}

struct EmbeddedStub {
  const char* path;  // relative to stdlib/, e.g. "asyncio/tasks.pyi"
  const char* text;
  size_t size;
};

struct EmbeddedStubTable {
  llvm::ArrayRef<EmbeddedStub> stubs;  // sorted by path
  // Top-level standard library module names (typeshed_subset/stdlib_modules.txt): modules known to
  // exist even where no stub describes them.
  llvm::ArrayRef<const char*> stdlib_module_names;
  // typeshed's stdlib/VERSIONS (which modules exist in which Python versions); empty: unknown.
  llvm::StringRef versions;
  llvm::StringRef typeshed_commit;  // the typeshed commit the stubs come from; empty: hand-written
  llvm::StringRef origin;           // the package they were taken from, e.g. "pyright 1.1.414"
};

const EmbeddedStubTable& EmbeddedStubs(StubSet set);

}  // namespace asynctype
