// Unit tests for what mdtests cannot assert about `invalid-await` and the declaration checks:
// the `info:` lines and the secondary annotations pointing at the definitions (possibly in a
// stub file).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "checker/check/check_file.h"
#include "checker/database/program.h"
#include "checker/fs/filesystem.h"

namespace asynctype {
namespace {

struct Checked {
  explicit Checked(const std::string& main, const std::string& stub = "") {
    fs.Write("/src/main.py", main);
    if (!stub.empty()) fs.Write("/src/native.pyi", stub);
    ProgramOptions options;
    options.roots = {"/src"};
    program = std::make_unique<Program>(std::move(options), fs);
    std::string error;
    FileId file = program->LoadFile("/src/main.py", &error);
    diagnostics = CheckFile(*program, file);
  }
  // The text a range covers in the file it belongs to.
  std::string Text(const Annotation& a) {
    return std::string(program->source(a.file).text().substr(a.range.start, a.range.end - a.range.start));
  }
  const Diagnostic* Find(Rule rule) const {
    for (const Diagnostic& d : diagnostics) {
      if (d.rule == rule) return &d;
    }
    return nullptr;
  }
  MemoryFileSystem fs;
  std::unique_ptr<Program> program;
  std::vector<Diagnostic> diagnostics;
};

TEST(AwaitDiagnosticsTest, MissingPointsAtTheClass) {
  Checked t(
      "class Plain: ...\n"
      "async def main():\n"
      "    await Plain()\n");
  const Diagnostic* d = t.Find(Rule::InvalidAwait);
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->infos.size(), 1u);
  EXPECT_EQ(d->infos[0], "`__await__` is missing");
  ASSERT_EQ(d->secondary.size(), 1u);
  EXPECT_EQ(t.Text(d->secondary[0]), "Plain");
  EXPECT_EQ(d->secondary[0].message, "type defined here");
}

TEST(AwaitDiagnosticsTest, NeedsArgumentsPointsAtTheParameters) {
  Checked t(
      "from typing import Any, Generator\n"
      "class C:\n"
      "    def __await__(self, x: int) -> Generator[Any, None, int]: ...\n"
      "async def main():\n"
      "    await C()\n");
  const Diagnostic* d = t.Find(Rule::InvalidAwait);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->infos.at(0), "`__await__` requires arguments and cannot be called implicitly");
  ASSERT_EQ(d->secondary.size(), 1u);
  EXPECT_EQ(t.Text(d->secondary[0]), "(self, x: int)");
  EXPECT_EQ(d->secondary[0].message, "parameters here");
}

TEST(AwaitDiagnosticsTest, NotIteratorPointsAtTheMethodInTheStub) {
  Checked t(
      "from native import Broken\n"
      "async def main():\n"
      "    await Broken()\n",
      "class Broken:\n"
      "    def __await__(self) -> int: ...\n");
  const Diagnostic* d = t.Find(Rule::InvalidAwait);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->infos.at(0), "`__await__` returns `int`, which is not a valid iterator");
  ASSERT_EQ(d->secondary.size(), 1u);
  EXPECT_EQ(t.Text(d->secondary[0]), "__await__");
  EXPECT_EQ(d->secondary[0].message, "method defined here");
  EXPECT_NE(d->secondary[0].file, d->file);
}

TEST(AwaitDiagnosticsTest, NotCallablePointsAtTheAttribute) {
  Checked t(
      "class C:\n"
      "    __await__ = 1\n"
      "async def main():\n"
      "    await C()\n");
  const Diagnostic* d = t.Find(Rule::InvalidAwait);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->infos.at(0), "`__await__` is not callable");
  ASSERT_EQ(d->secondary.size(), 1u);
  EXPECT_EQ(t.Text(d->secondary[0]), "__await__");
  EXPECT_EQ(d->secondary[0].message, "attribute defined here");
}

TEST(AwaitDiagnosticsTest, UnionMembersWithoutAwait) {
  Checked t(
      "import asyncio\n"
      "class Plain: ...\n"
      "async def main(x: asyncio.Future[int] | Plain):\n"
      "    await x\n");
  const Diagnostic* d = t.Find(Rule::InvalidAwait);
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->infos.size(), 2u);
  EXPECT_EQ(d->infos[0], "`__await__` may be missing");
  EXPECT_EQ(d->infos[1], "`Plain` does not implement `__await__`");
  ASSERT_EQ(d->secondary.size(), 1u);
  EXPECT_EQ(t.Text(d->secondary[0]), "Plain");
}

TEST(AwaitDiagnosticsTest, DeclarationCheckInfo) {
  Checked t(
      "class Manager:\n"
      "    def __aenter__(self) -> int: ...\n"
      "    async def __aexit__(self, *args: object) -> None: ...\n");
  const Diagnostic* d = t.Find(Rule::InvalidAsyncProtocolMethod);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "`__aenter__` returns `int`, which is not awaitable");
  ASSERT_EQ(d->infos.size(), 1u);
  EXPECT_EQ(d->infos[0], "`async with` awaits the result of `__aenter__`");
  EXPECT_EQ(t.diagnostics.size(), 1u);
}

}  // namespace
}  // namespace asynctype
