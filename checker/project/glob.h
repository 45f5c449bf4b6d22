// Include / exclude globs of the configuration and `--exclude`, matched against paths relative to
// the project root: `*` and `?` within a path component, `**` across components.
//
// Matching runs in polynomial time whatever the pattern: a pass over the pattern's segments
// keeps the set of path positions reachable so far (dynamic programming), so a pattern with many
// `**` costs O(segments x components), not the exponential backtracking of a recursive matcher.
#pragma once

#include <string>

namespace asynctype {

// Whether `relative_path` (relative to the project root, '/'-separated) matches a glob:
// `*` and `?` within a path component, `**` across components (zero or more); a pattern without
// '/' matches any component (`tests` excludes every `tests` folder); a pattern matching a folder
// matches everything below it. Empty and `.` components are ignored on both sides.
bool MatchesGlob(const std::string& pattern, const std::string& relative_path);

}  // namespace asynctype
