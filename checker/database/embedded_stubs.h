// The standard library's stubs embedded into the binary at build time: typeshed's stdlib/ from the
// pinned pyright package (scripts/fetch-typeshed.sh); embedded_stubs/embed_stubs.cmake generates
// the table's definition.
#pragma once

#include <cstddef>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

struct EmbeddedStub {
  const char* path;  // relative to stdlib/, e.g. "asyncio/tasks.pyi"
  const char* text;
  size_t size;
};

struct EmbeddedStubTable {
  llvm::ArrayRef<EmbeddedStub> stubs;  // sorted by path
  // Top-level standard library module names (embedded_stubs/stdlib_modules.txt): modules known to
  // exist even where no stub describes them.
  llvm::ArrayRef<const char*> stdlib_module_names;
  // typeshed's stdlib/VERSIONS (which modules exist in which Python versions); empty: unknown.
  llvm::StringRef versions;
  llvm::StringRef typeshed_commit;  // the typeshed commit the stubs come from
  llvm::StringRef origin;           // the package they were taken from, e.g. "pyright 1.1.414"
};

const EmbeddedStubTable& EmbeddedStubs();

}  // namespace asynctype
