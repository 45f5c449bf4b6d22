#include "mdtest/runner.h"

#include <algorithm>
#include <exception>
#include <memory>

#include "checker/database/program.h"
#include "checker/fs/filesystem.h"
#include "checker/project/check_for_user.h"
#include "checker/project/session.h"
#include "mdtest/assertions.h"
#include "mdtest/matcher.h"

namespace asynctype::mdtest {
namespace {

constexpr std::string_view kProjectRoot = "/src";
constexpr std::string_view kSitePackagesMarker = "<path-to-site-packages>";

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// Absolute path of an embedded file or configured directory (relative ones live under /src).
std::string AbsolutePath(std::string path, const MdtestConfig& config) {
  path = ReplaceAll(std::move(path), kSitePackagesMarker, SitePackagesPath(config.python_version));
  if (path.empty() || path[0] != '/') path = JoinPath(std::string(kProjectRoot), path);
  return NormalizePath(path);
}

bool IsUnderProjectRoot(const std::string& path) {
  return path == kProjectRoot || (path.size() > kProjectRoot.size() &&
                                  path.compare(0, kProjectRoot.size(), kProjectRoot) == 0 &&
                                  path[kProjectRoot.size()] == '/');
}

// `.pth` contents: relative directory lines are made relative to /src.
std::string RewritePth(const std::string& code) {
  std::string out;
  size_t start = 0;
  while (start <= code.size()) {
    size_t end = code.find('\n', start);
    if (end == std::string::npos) end = code.size();
    std::string line = code.substr(start, end - start);
    bool keep = line.empty() || line[0] == '/' || line[0] == '#' || line.rfind("import", 0) == 0;
    out += keep ? line : JoinPath(std::string(kProjectRoot), line);
    if (end == code.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

// The session's request for a test: its configuration as given, paths made absolute.
SessionRequest SessionRequestOf(const MdtestConfig& config, const std::string& md_path) {
  ProjectConfig project;
  project.path = md_path;
  project.root = std::string(kProjectRoot);
  project.python_version = config.python_version;
  for (const std::string& extra : config.extra_paths) project.extra_paths.push_back(AbsolutePath(extra, config));
  if (config.typeshed) project.typeshed = AbsolutePath(*config.typeshed, config);
  for (const auto& [name, level] : config.rules) project.rules.Set(name, level);
  SessionRequest request;
  request.kind = SessionKind::Given;
  request.config = std::move(project);
  if (config.python) request.environment = AbsolutePath(*config.python, config);
  return request;
}

// "src/mdtest_snippet.py" for "/src/mdtest_snippet.py", as ty renders paths in snapshots.
std::string DisplayPath(const std::string& path) {
  return !path.empty() && path[0] == '/' ? path.substr(1) : path;
}

struct SnapshotLine {
  std::string headline;
  std::optional<std::string> location;
};

std::vector<SnapshotLine> ParseSnapshotHeadlines(const std::string& expected) {
  std::vector<SnapshotLine> out;
  size_t start = 0;
  while (start <= expected.size()) {
    size_t end = expected.find('\n', start);
    if (end == std::string::npos) end = expected.size();
    std::string_view line(expected.data() + start, end - start);
    bool headline = false;
    for (std::string_view severity : {"error[", "warning[", "info["}) {
      if (line.substr(0, severity.size()) == severity) {
        size_t close = line.find(']', severity.size());
        headline = close != std::string_view::npos && close > severity.size() &&
                   line.substr(close + 1, 2) == ": ";
        break;
      }
    }
    if (headline) {
      out.push_back(SnapshotLine{std::string(line), std::nullopt});
    } else if (line.substr(0, 5) == " --> " && !out.empty() && !out.back().location) {
      out.back().location = std::string(line);
    }
    if (end == expected.size()) break;
    start = end + 1;
  }
  return out;
}

class TestRunner {
 public:
  TestRunner(const MarkdownSuite& suite, const MarkdownTest& test, const std::string& md_path)
      : suite_(suite), test_(test), md_path_(md_path), config_(suite.sections[test.section].config) {}

  TestResult Run() {
    result_.name = test_.name;
    try {
      RunImpl();
    } catch (const std::exception& e) {
      Fail(FirstLine(), std::string("panic: ") + e.what());
    } catch (...) {
      Fail(FirstLine(), "panic: unknown exception");
    }
    return std::move(result_);
  }

 private:
  llvm::ArrayRef<EmbeddedFile> Files() const {
    return llvm::ArrayRef<EmbeddedFile>(suite_.files).slice(test_.first_file, test_.file_count);
  }
  uint32_t FirstLine() const {
    auto files = Files();
    if (files.empty() || files[0].blocks.empty()) return suite_.sections[test_.section].line;
    return files[0].blocks[0].fence_line;
  }
  void Fail(uint32_t md_line, std::string message) {
    result_.failures.push_back(TestFailure{md_path_, md_line, std::move(message)});
  }

  void RunImpl() {
    auto fs = std::make_unique<MemoryFileSystem>();
    std::vector<std::string> paths;
    for (const EmbeddedFile& file : Files()) {
      std::string path = AbsolutePath(file.path, config_);
      fs->Write(path, file.lang == "pth" ? RewritePth(file.code) : file.code);
      paths.push_back(std::move(path));
    }
    Session session = OpenSession(SessionRequestOf(config_, md_path_), *fs);
    for (const SessionProblem& problem : session.problems) Fail(FirstLine(), problem.message);
    levels_ = std::move(session.levels);
    Program program(std::move(session.program_options), *fs);

    auto files = Files();
    for (size_t i = 0; i < files.size(); ++i) {
      if (!files[i].IsCheckable() || !IsUnderProjectRoot(paths[i])) continue;
      CheckFile(program, files[i], paths[i]);
    }
  }

  void CheckFile(Program& program, const EmbeddedFile& file, const std::string& path) {
    std::optional<FileId> id = program.FindFile(path);
    if (!id || !id->valid()) {
      std::string error;
      FileId loaded = program.LoadFile(path, &error);
      if (!loaded.valid()) {
        Fail(file.blocks.front().fence_line, "could not load `" + path + "`: " + error);
        return;
      }
      id = loaded;
    }
    std::vector<Diagnostic> diagnostics =
        CheckLoadedFileForUser(program, *id, levels_, {.disabled_as_info = true});
    const SourceFile& source = program.source(*id);
    const ParsedFile& parsed = program.parsed(*id);
    FileMatchResult match =
        MatchFile(diagnostics, parsed.ast.comments(), source.text(), source.lines());
    for (const MatchFailure& failure : match.failures) {
      std::optional<uint32_t> md_line = file.MarkdownLine(failure.line);
      if (!md_line) {
        Fail(file.LastMarkdownLine(), std::string(kDanglingAssertionMessage));
        continue;
      }
      Fail(*md_line, failure.message);
    }
    CheckSnapshots(file, path, diagnostics, match.snapshot_diagnostics, source);
  }

  uint32_t MapLine(const EmbeddedFile& file, uint32_t line) const {
    return file.MarkdownLine(line).value_or(file.LastMarkdownLine());
  }

  void CheckSnapshots(const EmbeddedFile& file, const std::string& path,
                      const std::vector<Diagnostic>& diagnostics,
                      const std::vector<size_t>& snapshot_indices, const SourceFile& source) {
    size_t next = 0;  // snapshot_indices are sorted by offset
    for (size_t b = 0; b < file.blocks.size(); ++b) {
      const CodeBlock& block = file.blocks[b];
      uint32_t next_start =
          b + 1 < file.blocks.size() ? file.blocks[b + 1].embedded_start_offset : UINT32_MAX;
      std::vector<const Diagnostic*> block_diagnostics;
      while (next < snapshot_indices.size() &&
             diagnostics[snapshot_indices[next]].range.start < next_start) {
        block_diagnostics.push_back(&diagnostics[snapshot_indices[next++]]);
      }
      if (block_diagnostics.empty()) {
        if (block.snapshot) {
          Fail(block.fence_line + 1,
               "This code block has a `snapshot` code block but no `# snapshot` assertions. "
               "Remove the `snapshot` code block or add a `# snapshot:` assertion.");
        }
        continue;
      }
      if (!block.snapshot) {
        uint32_t line = DiagnosticLine(*block_diagnostics.front(), source.lines());
        Fail(MapLine(file, line),
             "Add a `snapshot` block after this code block for this `# snapshot` assertion");
        continue;
      }
      std::vector<SnapshotLine> actual;
      for (const Diagnostic* diagnostic : block_diagnostics) {
        SnapshotLine line;
        line.headline = std::string(SeverityName(diagnostic->severity)) + "[" +
                        std::string(GetRuleInfo(diagnostic->rule).name) +
                        "]: " + diagnostic->message;
        line.location =
            " --> " + DisplayPath(path) + ":" +
            std::to_string(DiagnosticLine(*diagnostic, source.lines())) + ":" +
            std::to_string(DiagnosticColumn(*diagnostic, source.text(), source.lines()));
        actual.push_back(std::move(line));
      }
      CompareSnapshot(*block.snapshot, ParseSnapshotHeadlines(block.snapshot->expected), actual);
    }
  }

  void CompareSnapshot(const SnapshotBlock& snapshot, const std::vector<SnapshotLine>& expected,
                       const std::vector<SnapshotLine>& actual) {
    uint32_t line = snapshot.fence_line;
    for (size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
      if (i >= actual.size()) {
        Fail(line, "snapshot: diagnostic not reported (or not asserted with `# snapshot`): `" +
                       expected[i].headline + "`");
      } else if (i >= expected.size()) {
        Fail(line, "snapshot: diagnostic missing from the `snapshot` block: `" +
                       actual[i].headline + "`");
      } else if (expected[i].headline != actual[i].headline) {
        Fail(line, "snapshot: expected `" + expected[i].headline + "`, actual `" +
                       actual[i].headline + "`");
      } else if (expected[i].location && *expected[i].location != *actual[i].location) {
        Fail(line, "snapshot: expected `" + *expected[i].location + "`, actual `" +
                       *actual[i].location + "` for `" + actual[i].headline + "`");
      }
    }
  }

  const MarkdownSuite& suite_;
  const MarkdownTest& test_;
  const std::string& md_path_;
  const MdtestConfig& config_;
  TestResult result_;
  RuleLevels levels_;  // the session's, for every file of the test
};

}  // namespace

bool TestFilter::Matches(std::string_view name) const {
  if (exact && name != *exact) return false;
  if (substring && name.find(*substring) == std::string_view::npos) return false;
  return true;
}

std::string SuiteTitle(std::string_view md_path) {
  while (md_path.size() > 1 && md_path.back() == '/') md_path.remove_suffix(1);
  auto slash = md_path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? md_path : md_path.substr(slash + 1));
}

TestResult RunTest(const MarkdownSuite& suite, const MarkdownTest& test,
                   const std::string& md_path) {
  return TestRunner(suite, test, md_path).Run();
}

}  // namespace asynctype::mdtest
