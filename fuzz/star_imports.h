// The star imports of a generated package, read from its text (a line-based scan, not a parse):
// the fuzz target's temporary switch ASYNCTYPE_FUZZ_SKIP_STAR_CYCLES uses it to leave out the
// inputs that hit the known star-import bugs (a cycle recurses without bound; a diamond of many
// paths takes exponential time) while they are being fixed.
#pragma once

#include "fuzz/package_decoder.h"

namespace asynctype::fuzz {

// True when the package's `from M import *` statements (anywhere in a file, also in blocks or
// after `;`) form a cycle, or when more than `max_paths` chains of them start at one module.
bool HasRunawayStarImports(const GeneratedPackage& package, size_t max_paths = 256);

}  // namespace asynctype::fuzz
