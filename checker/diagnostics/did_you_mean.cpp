#include "checker/diagnostics/did_you_mean.h"

#include <algorithm>

#include "llvm/ADT/StringRef.h"

namespace asynctype {

std::optional<std::string_view> ClosestName(std::string_view name, llvm::ArrayRef<std::string_view> candidates) {
  const unsigned limit = std::max<unsigned>(3, static_cast<unsigned>(name.size() / 2));
  std::optional<std::string_view> best;
  unsigned best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    if (candidate == name) continue;
    unsigned distance = llvm::StringRef(name).edit_distance(llvm::StringRef(candidate), /*AllowReplacements=*/true,
                                                             limit + 1);
    if (distance < best_distance) best = candidate, best_distance = distance;
  }
  return best;
}

std::string DidYouMean(std::string_view name, llvm::ArrayRef<std::string_view> candidates) {
  std::optional<std::string_view> closest = ClosestName(name, candidates);
  if (!closest) return {};
  std::string text = " (did you mean `";
  text.append(*closest);
  text.append("`?)");
  return text;
}

}  // namespace asynctype
