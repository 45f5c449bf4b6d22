#include "checker/project/glob.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace asynctype {
namespace {

// `*` and `?` within one component. The classic scan that remembers the last `*` only: a later
// `*` makes going back further pointless, so this is O(|pattern| x |text|) at worst.
bool MatchComponent(std::string_view pat, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pat.size() && (pat[p] == '?' || pat[p] == text[t])) {
      ++p, ++t;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(begin, end - begin);
    if (!part.empty() && part != ".") parts.push_back(part);
    begin = end + 1;
  }
  return parts;
}

}  // namespace

bool MatchesGlob(const std::string& pattern, const std::string& relative_path) {
  std::vector<std::string_view> pat = Split(pattern);
  std::vector<std::string_view> parts = Split(relative_path);
  if (pat.empty()) return false;
  const size_t n = parts.size();
  // reach[s]: the segments consumed so far match the path components [start, s) for some start.
  // A pattern with a '/' inside is anchored at the root; otherwise it may start at any component.
  bool anchored = pattern.find('/') != std::string::npos && pattern.find('/') + 1 != pattern.size();
  std::vector<char> reach(n + 1, 0), next(n + 1, 0);
  if (anchored) {
    reach[0] = 1;
  } else {
    if (n == 0) return false;
    std::fill(reach.begin(), reach.begin() + static_cast<std::ptrdiff_t>(n), 1);
  }
  for (std::string_view segment : pat) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    if (segment == "**") {
      // Zero or more components: every position from the first reachable one on.
      size_t first = static_cast<size_t>(std::find(reach.begin(), reach.end(), 1) - reach.begin());
      for (size_t s = first; s <= n; ++s) {
        next[s] = 1;
        any = true;
      }
    } else {
      for (size_t s = 0; s < n; ++s) {
        if (reach[s] && MatchComponent(segment, parts[s])) {
          next[s + 1] = 1;
          any = true;
        }
      }
    }
    if (!any) return false;
    reach.swap(next);
  }
  // Every segment matched: the path is the match or lies below a matched folder.
  return true;
}

}  // namespace asynctype
