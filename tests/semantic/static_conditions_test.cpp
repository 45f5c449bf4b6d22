// Unit tests for the static conditions (StaticConditions: what the configured version and
// platform decide) and for the names a skipped branch would bind (CollectSkippedBindings).
#include "checker/semantic/static_conditions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checker/semantic/skipped_bindings.h"
#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

struct Parsed {
  explicit Parsed(const std::string& text) : source(FileId(0), "test.py", text), parsed(Parse(source)) {}
  const Ast& ast() const { return parsed.ast; }
  NodeId Statement(size_t i) const { return ModuleView{ast(), ast().root()}.statements()[i]; }
  SourceFile source;
  ParsedFile parsed;
};

// The static truth of the expression `test` under `version`.
std::optional<bool> Truth(const std::string& test, PythonVersion version = {3, 12}) {
  Parsed p(test + "\n");
  EXPECT_TRUE(p.parsed.syntax_errors.empty()) << test;
  StaticConditions conditions(p.ast(), version);
  return conditions.Truth(ExprStmtView{p.ast(), p.Statement(0)}.value());
}

TEST(StaticConditionsTest, VersionComparisons) {
  EXPECT_EQ(Truth("sys.version_info >= (3, 10)"), true);
  EXPECT_EQ(Truth("sys.version_info >= (3, 13)"), false);
  EXPECT_EQ(Truth("sys.version_info < (3, 12)"), false);
  EXPECT_EQ(Truth("sys.version_info > (3, 12)"), true);  // 3.12.x is greater than (3, 12)
  EXPECT_EQ(Truth("sys.version_info <= (3, 12)"), false);
  EXPECT_EQ(Truth("sys.version_info == (3, 12)"), std::nullopt);
  EXPECT_EQ(Truth("sys.version_info[:2] == (3, 12)"), true);
  EXPECT_EQ(Truth("sys.version_info[0:2] >= (3, 8)", {3, 7}), false);
  EXPECT_EQ(Truth("sys.version_info[0] == 3"), true);
  EXPECT_EQ(Truth("sys.version_info.minor >= 11", {3, 10}), false);
  EXPECT_EQ(Truth("sys.version_info[1] < 9", {3, 8}), true);
  EXPECT_EQ(Truth("sys.version_info[2] == 0"), std::nullopt);
  EXPECT_EQ(Truth("sys.version_info >= (3, x)"), std::nullopt);
  EXPECT_EQ(Truth("os.version_info >= (3, 10)"), std::nullopt);
  EXPECT_EQ(Truth("(3, 10) <= sys.version_info"), std::nullopt);
  EXPECT_EQ(Truth("(3, 8) <= sys.version_info < (3, 12)"), std::nullopt);  // two operators
}

TEST(StaticConditionsTest, PlatformTypeCheckingAndCombinations) {
  EXPECT_EQ(Truth("sys.platform == 'linux'"), true);
  EXPECT_EQ(Truth("sys.platform != \"win32\""), true);
  EXPECT_EQ(Truth("sys.platform.startswith('linux')"), true);
  EXPECT_EQ(Truth("sys.platform.startswith('win')"), false);
  EXPECT_EQ(Truth("not sys.platform.startswith('darwin')"), true);
  EXPECT_EQ(Truth("sys.platform.startswith(prefix)"), std::nullopt);
  EXPECT_EQ(Truth("sys.platform.endswith('x')"), std::nullopt);
  EXPECT_EQ(Truth("os.name == 'nt'"), false);
  EXPECT_EQ(Truth("os.name != 'nt'"), true);
  EXPECT_EQ(Truth("os.name == \"posix\""), true);
  EXPECT_EQ(Truth("other.name == 'nt'"), std::nullopt);
  EXPECT_EQ(Truth("TYPE_CHECKING"), true);
  EXPECT_EQ(Truth("typing.TYPE_CHECKING"), true);
  EXPECT_EQ(Truth("not TYPE_CHECKING"), false);
  EXPECT_EQ(Truth("-TYPE_CHECKING"), std::nullopt);
  EXPECT_EQ(Truth("TYPE_CHECKING and sys.platform == 'darwin'"), false);
  EXPECT_EQ(Truth("TYPE_CHECKING and x"), std::nullopt);
  EXPECT_EQ(Truth("x or TYPE_CHECKING"), true);
  EXPECT_EQ(Truth("x"), std::nullopt);
}

TEST(StaticConditionsTest, NamesBoundOnceKeepTheirValue) {
  Parsed p("PY3\nPY2\n");
  StaticConditions conditions(p.ast(), {3, 12});
  NodeId py3 = ExprStmtView{p.ast(), p.Statement(0)}.value();
  NodeId py2 = ExprStmtView{p.ast(), p.Statement(1)}.value();
  EXPECT_EQ(conditions.Truth(py3), std::nullopt);
  conditions.RecordName("PY3", true, /*bound_before=*/false);
  conditions.RecordName("PY2", false, /*bound_before=*/true);  // bound before: not static
  EXPECT_EQ(conditions.Truth(py3), true);
  EXPECT_EQ(conditions.Truth(py2), std::nullopt);
  conditions.NoteOtherBinding("PY3");
  EXPECT_EQ(conditions.Truth(py3), std::nullopt);
  conditions.RecordName("PY3", true, false);  // bound twice: stays not static
  EXPECT_EQ(conditions.Truth(py3), std::nullopt);
}

std::vector<std::string> Skipped(const std::string& text) {
  Parsed p(text);
  EXPECT_TRUE(p.parsed.syntax_errors.empty()) << text;
  llvm::StringSet<> names;
  CollectSkippedBindings(p.ast(), p.Statement(0), names);
  std::vector<std::string> sorted;
  for (const auto& entry : names) sorted.push_back(entry.getKey().str());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

TEST(SkippedBindingsTest, NamesABranchWouldBind) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Skipped("if c:\n"
                    "    a, [b, *c] = x\n"
                    "    d: int = 1\n"
                    "    e += 1\n"
                    "    f.g = h[i] = 1\n"
                    "    import os.path, json as j\n"
                    "    from m import n, o as p\n"
                    "    for q in r:\n"
                    "        s = 1\n"
                    "    with t as u, v:\n"
                    "        pass\n"
                    "    def w():\n"
                    "        inner = 1\n"
                    "    class X:\n"
                    "        attr = 1\n"
                    "    y = lambda: (z := 1)\n"),
            (V{"X", "a", "b", "c", "d", "e", "j", "n", "os", "p", "q", "s", "u", "w", "y"}));
  EXPECT_EQ(Skipped("print(x)\n"), V{});
}

}  // namespace
}  // namespace asynctype
