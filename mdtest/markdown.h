// The markdown side of the mdtest runner: parses one ty-style mdtest file into a suite of
// sections and tests with their embedded files. The parser is line oriented exactly like ty's
// (it is not a CommonMark parser): headers open sections, fenced blocks become embedded files
// (unnamed `py` blocks of one section are merged into `mdtest_snippet.py`), an unnamed `toml`
// block replaces the section's configuration wholesale, and HTML comments carry directives.
//
// Invariants of a successfully parsed suite: sections[0] is the implicit root section titled with
// the file name; every file belongs to a section that has no subsections; the files of one
// section are contiguous and `tests` lists the sections with files in file order. Line numbers
// here are 1-based markdown lines. Nothing here throws or prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checker/base/python_version.h"
#include "checker/diagnostics/rule_levels.h"

namespace asynctype::mdtest {

using ::asynctype::RuleLevel;

// A section's configuration (ty's `MarkdownTestConfig`). Unknown keys are rejected at parse
// time; the keys the runner cannot act on are validated and kept for completeness.
struct MdtestConfig {
  PythonVersion python_version{3, 10};  // ty's default when `python-version` is absent
  bool python_version_set = false;
  std::optional<std::string> python_platform;
  std::optional<std::string> typeshed;
  std::vector<std::string> extra_paths;
  std::optional<std::string> python;                     // mock virtual environment
  std::vector<std::pair<std::string, RuleLevel>> rules;  // `[rules]`, sorted by name
  std::optional<bool> verbose;
  std::optional<std::string> system;  // "in-memory" or "os"
  // [analysis]
  std::optional<bool> strict_generic_narrowing;
  std::optional<bool> strict_equality_semantics;
  std::optional<bool> respect_type_ignore_comments;
  std::vector<std::string> allowed_unresolved_imports;
  std::vector<std::string> replace_imports_with_any;
  // [project]
  std::vector<std::string> dependencies;
};

// Parses the text of a `toml` config block. On failure returns nullopt and sets `error` (and
// `error_line`, 1-based within the block, or 0 when unknown).
std::optional<MdtestConfig> ParseMdtestConfig(std::string_view toml_text, std::string* error,
                                              uint32_t* error_line);

// Section directives from HTML comments; inherited by child sections.
struct Directives {
  bool snapshot_diagnostics = false;
  bool pull_types_skip = false;
  bool expect_panic = false;
  std::optional<std::string> expect_panic_message;
};

// A ```` ```snapshot ```` block following a checkable code block.
struct SnapshotBlock {
  std::string expected;
  uint32_t fence_line = 0;
};

// One fenced code block contributing to an embedded file.
struct CodeBlock {
  uint32_t fence_line = 0;             // markdown line of the opening fence
  uint32_t line_count = 0;             // lines between the fences
  uint32_t embedded_start_offset = 0;  // byte offset of the block's code in the embedded file
  std::optional<SnapshotBlock> snapshot;
};

struct EmbeddedFile {
  size_t section = 0;
  std::string path;  // as written (relative to /src/, or absolute), or `mdtest_snippet.py(i)`
  bool explicit_path = false;
  std::string lang;
  std::string code;
  std::vector<CodeBlock> blocks;

  // `py`, `python` and `pyi` files are type-checked and matched against their assertions.
  bool IsCheckable() const;
  // Maps a 1-based line of `code` to its markdown line; nullopt when the line lies past the last
  // block (an assertion dangling at the end of the file).
  std::optional<uint32_t> MarkdownLine(uint32_t line) const;
  // The markdown line of the last code line of the last block.
  uint32_t LastMarkdownLine() const;
};

struct Section {
  std::string title;
  uint32_t level = 0;  // 0 for the root section
  std::optional<size_t> parent;
  uint32_t line = 0;  // markdown line of the header (0 for the root)
  MdtestConfig config;
  Directives directives;
};

struct MarkdownTest {
  size_t section = 0;
  size_t first_file = 0;  // files[first_file, first_file + file_count)
  size_t file_count = 0;
  std::string name;  // section titles from the root, joined with " - "
};

struct MarkdownSuite {
  std::vector<Section> sections;
  std::vector<EmbeddedFile> files;
  std::vector<MarkdownTest> tests;
};

struct MarkdownParseError {
  uint32_t line = 0;  // markdown line the error refers to
  std::string message;
};

struct MarkdownParseResult {
  MarkdownSuite suite;
  std::optional<MarkdownParseError> error;  // the first error; the suite is then incomplete
  bool ok() const { return !error.has_value(); }
};

// Parses `source`; `file_name` (the file name only, e.g. `async.md`) titles the root section.
MarkdownParseResult ParseMarkdown(std::string_view file_name, std::string_view source);

}  // namespace asynctype::mdtest
