// Runs mdtest tests: for one test of a parsed suite, writes its embedded files into a fresh
// in-memory file system (relative paths under /src/, absolute paths as given), builds a Program
// with the section's configuration, checks every `py`/`python`/`pyi` file under /src and matches
// its diagnostics against its own assertion comments. Results are plain data; failures carry the
// markdown line of the failing assertion or diagnostic (merged-file lines mapped back through
// each file's block map). `# snapshot` assertions consume diagnostics like `# error:`, and the
// `severity[rule]: headline` and ` --> path:L:C` lines of ```` ```snapshot ```` blocks are
// compared strictly (source excerpts and sub-diagnostics are not compared).
//
// Each test is independent (fresh file system and Program). Nothing here prints or throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mdtest/markdown.h"

namespace asynctype::mdtest {

struct TestFailure {
  std::string md_path;   // the markdown file, as passed to the runner
  uint32_t md_line = 0;  // 1-based markdown line
  std::string message;   // e.g. "unmatched assertion: revealed: int (revealed: Unknown)"
};

struct TestResult {
  std::string name;  // full test name, e.g. "async.md - Basic"
  std::vector<TestFailure> failures;
  bool passed() const { return failures.empty(); }
};

// Selects tests by name: a substring of the full name, and/or exactly the full name. An empty
// filter selects every test.
struct TestFilter {
  std::optional<std::string> substring;
  std::optional<std::string> exact;
  bool Matches(std::string_view name) const;
};

// The root section title for a markdown path: its file name only.
std::string SuiteTitle(std::string_view md_path);

// Runs one test of `suite` (parsed from the file at `md_path`).
TestResult RunTest(const MarkdownSuite& suite, const MarkdownTest& test, const std::string& md_path);

}  // namespace asynctype::mdtest
