// The stubs of typeshed_subset/stdlib, embedded into the binary at build time
// (typeshed_subset/embed_stubs.cmake generates the definition).
#pragma once

#include <cstddef>

#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

struct EmbeddedStub {
  const char* path;  // relative to stdlib/, e.g. "asyncio/tasks.pyi"
  const char* text;
  size_t size;
};

llvm::ArrayRef<EmbeddedStub> EmbeddedStubs();
// Top-level standard library module names (typeshed_subset/stdlib_modules.txt): modules known to
// exist even where no stub describes them.
llvm::ArrayRef<const char*> StdlibModuleNames();

}  // namespace asynctype
