// The seed corpus of the multi-file fuzz target, generated rather than committed: one input per
// statement template (it opens the first module; pseudo-random bytes without star-import cycles
// fill the rest) and a few hand-written packages in raw-text chunks (re-exports through
// `__init__`, cross-module generics and aliases, a TYPE_CHECKING import cycle, protocols, a stub
// beside its source, subpackages).
#pragma once

#include <string>
#include <vector>

namespace asynctype::fuzz {

std::vector<std::string> PackageSeeds();

}  // namespace asynctype::fuzz
