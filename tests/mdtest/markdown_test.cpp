// Tests of the mdtest markdown parser: test names, merged snippets and their line maps, explicit
// paths, TOML configuration (replace, not merge), directives, and every parse error.
#include "mdtest/markdown.h"

#include <gtest/gtest.h>

#include <string>

namespace asynctype::mdtest {
namespace {

MarkdownSuite ParseOk(std::string_view source) {
  MarkdownParseResult result = ParseMarkdown("file.md", source);
  EXPECT_TRUE(result.ok()) << (result.error ? result.error->message : "");
  return std::move(result.suite);
}

std::string ParseError(std::string_view source) {
  MarkdownParseResult result = ParseMarkdown("file.md", source);
  EXPECT_FALSE(result.ok());
  return result.error ? result.error->message : "";
}

uint32_t ParseErrorLine(std::string_view source) {
  MarkdownParseResult result = ParseMarkdown("file.md", source);
  EXPECT_FALSE(result.ok());
  return result.error ? result.error->line : 0;
}

const EmbeddedFile& OnlyFile(const MarkdownSuite& suite) {
  EXPECT_EQ(suite.tests.size(), 1u);
  EXPECT_EQ(suite.tests.at(0).file_count, 1u);
  return suite.files.at(suite.tests.at(0).first_file);
}

TEST(MarkdownTest, EmptyFileHasNoTests) {
  EXPECT_TRUE(ParseOk("").tests.empty());
  EXPECT_TRUE(ParseOk("# Title\n\nJust prose.\n").tests.empty());
}

TEST(MarkdownTest, SingleRootTestIsNamedAfterTheFile) {
  MarkdownSuite suite = ParseOk("\n```py\nx = 1\n```\n");
  ASSERT_EQ(suite.tests.size(), 1u);
  EXPECT_EQ(suite.tests[0].name, "file.md");
  const EmbeddedFile& file = OnlyFile(suite);
  EXPECT_EQ(file.path, "mdtest_snippet.py");
  EXPECT_FALSE(file.explicit_path);
  EXPECT_EQ(file.lang, "py");
  EXPECT_EQ(file.code, "x = 1");
  ASSERT_EQ(file.blocks.size(), 1u);
  EXPECT_EQ(file.blocks[0].fence_line, 2u);
  EXPECT_EQ(file.blocks[0].line_count, 1u);
  EXPECT_EQ(file.MarkdownLine(1), 3u);
}

TEST(MarkdownTest, NoNewlineAtEndOfFile) {
  EXPECT_EQ(OnlyFile(ParseOk("\n```py\nx = 1\n```")).code, "x = 1");
}

TEST(MarkdownTest, SectionTitlesJoinIntoTestNames) {
  MarkdownSuite suite = ParseOk(
      "# `async` / `await`\n\n## Basic\n\n```py\nx = 1\n```\n\n## Use cases\n\n"
      "### `asyncio.Task`\n\n```py\ny = 2\n```\n\n# Two\n\n```python\nz = 3\n```\n");
  ASSERT_EQ(suite.tests.size(), 3u);
  EXPECT_EQ(suite.tests[0].name, "file.md - `async` / `await` - Basic");
  EXPECT_EQ(suite.tests[1].name, "file.md - `async` / `await` - Use cases - `asyncio.Task`");
  EXPECT_EQ(suite.tests[2].name, "file.md - Two");
  EXPECT_EQ(suite.files[suite.tests[2].first_file].lang, "python");
}

TEST(MarkdownTest, HeaderNeedsNoSpaceAndEmptyHeadersAreIgnored) {
  MarkdownSuite suite = ParseOk("#Foo\n\n##\nLorem\n\n```py\nx = 1\n```\n");
  ASSERT_EQ(suite.tests.size(), 1u);
  EXPECT_EQ(suite.tests[0].name, "file.md - Foo");
}

TEST(MarkdownTest, IndentedHashIsNotAHeader) {
  MarkdownSuite suite = ParseOk("# A test\n\n    # not a header\n\n```py\nx = 1\n```\n");
  ASSERT_EQ(suite.tests.size(), 1u);
  EXPECT_EQ(suite.tests[0].name, "file.md - A test");
}

TEST(MarkdownTest, MergedSnippetsAndLineMap) {
  std::string source =
      "# One\n\nFirst part:\n\n"      // lines 1-4
      "```py\nx = 1\ny = 2\n```\n\n"  // lines 5-9
      "Second part:\n\n"              // lines 10-11
      "```py\n```\n\n"                // lines 12-14: an empty block
      "```py\nz = 3\n```\n";          // lines 15-17
  MarkdownSuite suite = ParseOk(source);
  const EmbeddedFile& file = OnlyFile(suite);
  EXPECT_EQ(file.code, "x = 1\ny = 2\nz = 3");
  ASSERT_EQ(file.blocks.size(), 2u);  // the empty block adds nothing
  EXPECT_EQ(file.blocks[0].fence_line, 5u);
  EXPECT_EQ(file.blocks[1].fence_line, 15u);
  EXPECT_EQ(file.blocks[1].embedded_start_offset, 12u);
  EXPECT_EQ(file.MarkdownLine(1), 6u);
  EXPECT_EQ(file.MarkdownLine(2), 7u);
  EXPECT_EQ(file.MarkdownLine(3), 16u);
  EXPECT_EQ(file.MarkdownLine(4), std::nullopt);
  EXPECT_EQ(file.LastMarkdownLine(), 16u);
}

TEST(MarkdownTest, ClosingFenceIsTheFirstTripleBacktickAnywhere) {
  // The rest of the closing line is ignored.
  EXPECT_EQ(OnlyFile(ParseOk("\n```py\nx = 1```ignored\n\nprose\n")).code, "x = 1");
}

TEST(MarkdownTest, ExplicitPaths) {
  MarkdownSuite suite = ParseOk(
      "# One\n\n`main.py`:\n\n```py\nfrom foo import y\n```\n\n`foo.py` :\n\n```py\ny = 2\n```\n"
      "\n`foo bar.pyi`: some prose\n```pyi\nz: int\n```\n\n`/typeshed/stdlib/VERSIONS`:\n\n"
      "```text\nfoo: 3.8-\n```\n\n`lorem`:\n\n```foo\nx = 1\n```\n\n`lorem.yaml`:\n\n```text\n"
      "a: b\n```\n");
  ASSERT_EQ(suite.tests.size(), 1u);
  ASSERT_EQ(suite.tests[0].file_count, 6u);
  const auto* files = &suite.files[suite.tests[0].first_file];
  EXPECT_EQ(files[0].path, "main.py");
  EXPECT_TRUE(files[0].explicit_path);
  EXPECT_EQ(files[0].code, "from foo import y");
  EXPECT_EQ(files[1].path, "foo.py");
  EXPECT_EQ(files[2].path, "foo bar.pyi");
  EXPECT_EQ(files[2].lang, "pyi");
  EXPECT_EQ(files[3].path, "/typeshed/stdlib/VERSIONS");
  EXPECT_FALSE(files[3].IsCheckable());
  EXPECT_EQ(files[4].path, "lorem");
  EXPECT_EQ(files[5].path, "lorem.yaml");
}

TEST(MarkdownTest, NotAnExplicitPath) {
  // Path with a line break, a backtick inside, the colon on the next line, or not preceded by a
  // blank line: all are prose, and the block gets the automatic name.
  for (const char* source : {
           "\n`foo\n.py`:\n\n```py\nx = 1\n```\n",
           "\n`foo`bar.py`:\n\n```py\nx = 1\n```\n",
           "\n`foo.py`\n:\n\n```py\nx = 1\n```\n",
           "\nA long sentence that forces a line break\n`int`:\n\n```py\nx = 1\n```\n",
           "\n`foo.py`:\n\nprose resets the pending path\n\n```py\nx = 1\n```\n",
       }) {
    EXPECT_EQ(OnlyFile(ParseOk(source)).path, "mdtest_snippet.py") << source;
  }
}

TEST(MarkdownTest, SinglePyAndPyiNextToExplicitFilesAreFine) {
  MarkdownSuite suite =
      ParseOk("\n```py\nx = 1\n```\n\n```pyi\nx: int\n```\n\n`b.py`:\n\n```py\ny = 1\n```\n");
  ASSERT_EQ(suite.tests.size(), 1u);
  ASSERT_EQ(suite.tests[0].file_count, 3u);
  EXPECT_EQ(suite.files[1].path, "mdtest_snippet.pyi");
}

TEST(MarkdownTest, IgnoredBlocks) {
  MarkdownSuite suite = ParseOk(
      "\n```ignore\nnot python\n```\n\n```pycon\n>>> 1\n```\n\n"
      "```py {.example data-mdtest=\"ignore\" title=\"x\"}\nignored = 1\n```\n\n"
      "```py {title=\"kept\"}\nx = 1\n```\n");
  EXPECT_EQ(OnlyFile(suite).code, "x = 1");
}

TEST(MarkdownTest, TomlConfigAndDefaults) {
  MarkdownSuite suite = ParseOk(
      "# Default\n\n```py\nx = 1\n```\n\n# Configured\n\n```py\nx = 1\n```\n\n"
      "```toml\n[environment]\npython-version = \"3.12\"  # Use 3.12 for PEP 695\n"
      "python-platform = \"linux\"\nextra-paths = [\"/packages\"]\n\n[rules]\n"
      "unsound-yield = \"error\"\ninvalid-await = \"ignore\"\n```\n");
  ASSERT_EQ(suite.tests.size(), 2u);
  const MdtestConfig& defaults = suite.sections[suite.tests[0].section].config;
  EXPECT_EQ(defaults.python_version, (PythonVersion{3, 10}));
  EXPECT_FALSE(defaults.python_version_set);
  // The toml block comes after the py block and still configures the whole test.
  const MdtestConfig& config = suite.sections[suite.tests[1].section].config;
  EXPECT_EQ(config.python_version, (PythonVersion{3, 12}));
  EXPECT_TRUE(config.python_version_set);
  EXPECT_EQ(config.python_platform, "linux");
  ASSERT_EQ(config.extra_paths.size(), 1u);
  EXPECT_EQ(config.extra_paths[0], "/packages");
  // toml++ keeps table keys sorted.
  ASSERT_EQ(config.rules.size(), 2u);
  EXPECT_EQ(config.rules[0].first, "invalid-await");
  EXPECT_EQ(config.rules[0].second, RuleLevel::Ignore);
  EXPECT_EQ(config.rules[1].first, "unsound-yield");
  EXPECT_EQ(config.rules[1].second, RuleLevel::Error);
}

TEST(MarkdownTest, TomlReplaceNotMerge) {
  MarkdownSuite suite = ParseOk(
      "# Parent\n\n```toml\n[environment]\npython-version = \"3.12\"\n```\n\n"
      "## Inherits\n\n```py\nx = 1\n```\n\n"
      "## Replaces\n\n```toml\n[rules]\ninvalid-await = \"warn\"\n```\n\n"
      "### Grandchild\n\n```py\nx = 1\n```\n");
  ASSERT_EQ(suite.tests.size(), 2u);
  EXPECT_EQ(suite.tests[0].name, "file.md - Parent - Inherits");
  const MdtestConfig& inherited = suite.sections[suite.tests[0].section].config;
  EXPECT_EQ(inherited.python_version, (PythonVersion{3, 12}));
  EXPECT_EQ(suite.tests[1].name, "file.md - Parent - Replaces - Grandchild");
  const MdtestConfig& replaced = suite.sections[suite.tests[1].section].config;
  EXPECT_EQ(replaced.python_version, (PythonVersion{3, 10}));  // not merged with the parent
  EXPECT_FALSE(replaced.python_version_set);
  ASSERT_EQ(replaced.rules.size(), 1u);
  EXPECT_EQ(replaced.rules[0].second, RuleLevel::Warn);
}

TEST(MarkdownTest, RootSectionConfigFlowsDown) {
  MarkdownSuite suite = ParseOk(
      "Config for the whole file:\n\n```toml\nenvironment.python-version = \"3.13\"\n```\n\n"
      "# A\n\n```py\nx = 1\n```\n");
  ASSERT_EQ(suite.tests.size(), 1u);
  EXPECT_EQ(suite.sections[suite.tests[0].section].config.python_version, (PythonVersion{3, 13}));
}

TEST(MarkdownTest, ConfigSchema) {
  std::string error;
  uint32_t line = 0;
  auto full = ParseMdtestConfig(
      "log = \"ty=WARN\"\nverbose = true\nsystem = \"os\"\n[environment]\ntypeshed = "
      "\"/typeshed\"\n"
      "python = \".venv\"\n[analysis]\nstrict-generic-narrowing = true\n"
      "strict-literal-narrowing = false\nrespect-type-ignore-comments = false\n"
      "allowed-unresolved-imports = [\"foo.*\"]\nreplace-imports-with-any = [\"foo\"]\n"
      "[project]\ndependencies = [\"pydantic==2.12.2\"]\n",
      &error, &line);
  ASSERT_TRUE(full.has_value()) << error;
  EXPECT_EQ(full->typeshed, "/typeshed");
  EXPECT_EQ(full->python, ".venv");
  EXPECT_EQ(full->strict_equality_semantics, false);
  EXPECT_EQ(full->dependencies.size(), 1u);

  EXPECT_FALSE(ParseMdtestConfig("[environment]\npython-versoin = \"3.12\"\n", &error, &line));
  EXPECT_EQ(error, "unknown field `environment.python-versoin`");
  EXPECT_EQ(line, 2u);
  EXPECT_FALSE(ParseMdtestConfig("unknown = 1\n", &error, &line));
  EXPECT_EQ(error, "unknown field `unknown`");
  EXPECT_FALSE(ParseMdtestConfig("[environment]\npython-version = 3.12\n", &error, &line));
  EXPECT_EQ(error, "invalid type for `environment.python-version`: expected a string");
  EXPECT_FALSE(ParseMdtestConfig("[environment]\npython-version = \"three\"\n", &error, &line));
  EXPECT_FALSE(ParseMdtestConfig("[rules]\ninvalid-await = \"loud\"\n", &error, &line));
  EXPECT_FALSE(ParseMdtestConfig("[analysis]\nfoo = true\n", &error, &line));
  EXPECT_FALSE(ParseMdtestConfig("[environment\n", &error, &line));
  EXPECT_EQ(line, 1u);
}

TEST(MarkdownTest, TomlErrorsAreParseErrorsWithMarkdownLines) {
  std::string source = "# T\n\n```toml\n[environment]\nbogus = 1\n```\n\n```py\n```\n";
  EXPECT_EQ(ParseError(source),
            "Error while parsing Markdown TOML config: unknown field `environment.bogus`");
  EXPECT_EQ(ParseErrorLine(source), 5u);
}

TEST(MarkdownTest, Directives) {
  MarkdownSuite suite = ParseOk(
      "<!-- snapshot-diagnostics -->\n\n# A\n\n<!-- pull-types:skip -->\n"
      "<!-- expect-panic: boom -->\n<!-- fmt:off -->\n\n```py\nx = 1\n```\n<!-- fmt:on -->\n");
  ASSERT_EQ(suite.tests.size(), 1u);
  const Directives& directives = suite.sections[suite.tests[0].section].directives;
  EXPECT_TRUE(directives.snapshot_diagnostics);  // inherited from the root
  EXPECT_TRUE(directives.pull_types_skip);
  EXPECT_TRUE(directives.expect_panic);
  EXPECT_EQ(directives.expect_panic_message, "boom");
}

TEST(MarkdownTest, MultiLineHtmlComment) {
  MarkdownSuite suite = ParseOk("<!--\nsnapshot-diagnostics\n-->\n\n```py\nx = 1\n```\n");
  EXPECT_TRUE(suite.sections[0].directives.snapshot_diagnostics);
}

TEST(MarkdownTest, SnapshotBlocksAttachToThePrecedingPythonBlock) {
  MarkdownSuite suite =
      ParseOk("\n```py\nx = 1\n```\n\n```snapshot\nerror[x]: y\n```\n\n```py\nz = 1\n```\n");
  const EmbeddedFile& file = OnlyFile(suite);
  ASSERT_EQ(file.blocks.size(), 2u);
  ASSERT_TRUE(file.blocks[0].snapshot.has_value());
  EXPECT_EQ(file.blocks[0].snapshot->expected, "error[x]: y");
  EXPECT_EQ(file.blocks[0].snapshot->fence_line, 6u);
  EXPECT_FALSE(file.blocks[1].snapshot.has_value());
}

// ---- Parse errors

TEST(MarkdownErrorTest, HtmlComments) {
  EXPECT_EQ(ParseError("<!-- snapshot-diagnostics\n"), "Unterminated HTML comment.");
  EXPECT_EQ(ParseError("# T\n\n<!-- snapshot-diagnostic -->\n"),
            "Unknown HTML comment `snapshot-diagnostic` -- possibly a typo?");
  EXPECT_EQ(ParseErrorLine("# T\n\n<!-- snapshot-diagnostic -->\n"), 3u);
  // A prose comment is not a directive: it is ignored (ty rejects it; we accept it).
  EXPECT_TRUE(ParseMarkdown("file.md", "<!-- A note: prose in a comment -->\n").ok());
  EXPECT_EQ(ParseError("<!-- snapshot-diagnostics: yes -->\n"),
            "The `snapshot-diagnostics` directive does not take a value.");
}

TEST(MarkdownErrorTest, DirectivePlacement) {
  EXPECT_EQ(ParseError("# H\n\n<!-- snapshot-diagnostics -->\n<!--snapshot-diagnostics-->\n"),
            "Section config to enable snapshotting diagnostics should appear at most once.");
  EXPECT_EQ(ParseError("<!-- snapshot-diagnostics -->\n\n# H\n\n<!-- snapshot-diagnostics -->\n"),
            "Section config to enable snapshotting diagnostics should appear at most once.");
  EXPECT_EQ(ParseError("# H\n\n```toml\n[environment]\ntypeshed = \"/typeshed\"\n```\n\n"
                       "<!-- snapshot-diagnostics -->\n"),
            "Section config to enable snapshotting diagnostics must come before everything else "
            "(including TOML configuration blocks).");
  EXPECT_EQ(ParseError("# H\n\n```py\nx = 1\n```\n\n<!-- expect-panic -->\n"),
            "Section config to enable expect test to panic must come before everything else "
            "(including embedded files).");
}

TEST(MarkdownErrorTest, CodeBlockShape) {
  // Like ty: a fence on the first line has no blank line before it.
  EXPECT_EQ(ParseError("```py\nx = 1\n```\n"),
            "Code blocks must start on a new line and be preceded by at least one blank line.");
  EXPECT_EQ(ParseError("# A test?\n\n    ```py\n    x = 1\n    ```\n"),
            "Indented code blocks are not supported.");
  EXPECT_EQ(ParseError("Some code:\nNo newline between prose and code:\n```py\nx = 1\n```\n"),
            "Code blocks must start on a new line and be preceded by at least one blank line.");
  EXPECT_EQ(ParseError("\n```py foo=bar\nx = 1\n```\n"),
            "Trailing code-block metadata must use the {...} attribute-list syntax.");
  EXPECT_EQ(ParseError("\n```\nx = 1\n"), "Unterminated code block on line 2.");
  EXPECT_EQ(ParseError("\n## A well-fenced block\n\n```py\ny = 2\n```\n\n"
                       "## A not-so-well-fenced block\n\n```py\nx = 1\n"),
            "Unterminated code block on line 10.");
  EXPECT_EQ(ParseErrorLine("\n```\nx = 1\n"), 2u);
}

TEST(MarkdownErrorTest, FileNames) {
  EXPECT_EQ(ParseError("\n# No language specifier\n\n```\nx = 10\n```\n"),
            "Cannot auto-generate file name for code block with empty language specifier in "
            "test `No language specifier`");
  EXPECT_EQ(ParseError("\n# JSON test?\n\n```json\n{}\n```\n"),
            "Cannot auto-generate file name for code block with language `json` in test "
            "`JSON test?`");
  EXPECT_EQ(ParseError("\n# T\n\n```text\nx\n```\n"),
            "Cannot auto-generate file name for code block with language `text` in test `T`");
  EXPECT_EQ(ParseError("\n# Accidental stub\n\n`a.py`:\n\n```pyi\nx = 1\n```\n"),
            "File extension of test file path `a.py` in test `Accidental stub` does not match "
            "language specified `pyi` of code block on line `6`");
  EXPECT_EQ(ParseError("\n# Name clash\n\n`mdtest_snippet.py`:\n\n```py\nx = 1\n```\n"),
            "The file name `mdtest_snippet.py` in test `Name clash` must not be used explicitly.");
  EXPECT_EQ(ParseError("\n`foo.py`:\n\n```py\nx = 1\n```\n\n`foo.py`:\n\n```py\ny = 2\n```\n"),
            "Test `file.md` has duplicate files named `foo.py`.");
}

TEST(MarkdownErrorTest, MergedSnippetsNextToOtherFiles) {
  const std::string expected =
      "Merged snippets in test `One` are not allowed in the presence of other files.";
  EXPECT_EQ(ParseError("# One\n\n```py\nx = 1\n```\n\n```py\ny = 2\n```\n\n`foo.py`:\n\n"
                       "```py\nprint('hello')\n```\n"),
            expected);
  EXPECT_EQ(ParseError("# One\n\n`foo.py`:\n\n```py\nprint('hello')\n```\n\n```py\nx = 1\n```\n"
                       "\n```py\ny = 2\n```\n"),
            expected);
  EXPECT_EQ(ParseError("# One\n\n```py\nx = 1\n```\n\n```py\ny = 2\n```\n\n```pyi\nx: int\n```\n"),
            expected);
}

TEST(MarkdownErrorTest, Sections) {
  EXPECT_EQ(ParseError("\n# One\n\n```py\nx = 1\n```\n\n## Two\n"),
            "Header 'Two' not valid inside a test case; parent 'One' has code files.");
  EXPECT_EQ(ParseErrorLine("\n# One\n\n```py\nx = 1\n```\n\n## Two\n"), 8u);
  EXPECT_EQ(ParseError("# T\n\n```toml\n```\n\n```toml\n```\n"),
            "Multiple TOML configuration blocks in the same section are not allowed.");
}

TEST(MarkdownErrorTest, SnapshotBlocks) {
  EXPECT_EQ(ParseError("# T\n\n```snapshot\nerror[x]: y\n```\n"),
            "`snapshot` code block on line 3 must follow a Python code block, but section has "
            "no files.");
  EXPECT_EQ(ParseError("# T\n\n`a.txt`:\n\n```text\nx\n```\n\n```snapshot\nerror[x]: y\n```\n"),
            "`snapshot` code block on line 9 must follow a `python` code block in the same "
            "section but it follows a `text` block.");
  EXPECT_EQ(ParseError("# T\n\n```py\nx\n```\n\n```snapshot\n```\n\n```snapshot\n```\n"),
            "Python code block on line `3` has more than one `snapshot` block: first on line 7 "
            "and another on line 10.");
}

}  // namespace
}  // namespace asynctype::mdtest
