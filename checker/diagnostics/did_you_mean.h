// "did you mean `x`?" for a misspelt name (a rule, a configuration key or level, a subcommand):
// the candidate closest by edit distance, when it is close enough to be a likely typo.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "llvm/ADT/ArrayRef.h"

namespace asynctype {

// The candidate closest to `name` (Levenshtein distance, ties to the earliest candidate) when
// the distance is at most half of `name`'s length (at least 3), else nullopt. `name` itself is
// never suggested.
std::optional<std::string_view> ClosestName(std::string_view name, llvm::ArrayRef<std::string_view> candidates);

// " (did you mean `x`?)" for the closest candidate, else "".
std::string DidYouMean(std::string_view name, llvm::ArrayRef<std::string_view> candidates);

}  // namespace asynctype
