// Module resolution reads only what the file system calls a regular file inside the roots: a
// FIFO or device named like a module is no module (the import is unresolved, and nothing
// blocks), a module reached through a link leaving the roots is untyped (Unknown, silent) and
// never read, and links inside the roots resolve as before.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checker/check/check_file.h"
#include "checker/database/program.h"
#include "checker/fs/filesystem.h"
#include "tests/fs/temp_tree.h"

namespace asynctype {
namespace {

using testing::TempTree;

std::vector<std::string> Check(const FileSystem& fs, const std::string& root, std::string* error) {
  ProgramOptions options;
  options.roots = {root};
  Program program(options, fs);
  FileId file = program.LoadFile(root + "/main.py", error);
  std::vector<std::string> out;
  if (!file.valid()) return out;
  for (const Diagnostic& d : CheckFile(program, file)) out.push_back(d.ConciseMessage());
  return out;
}

TEST(ResolverFiles, SpecialFilesOutsideLinksAndInsideLinks) {
  TempTree tree;
  tree.Dir("project/pkg");
  tree.Dir("outside/shared");
  tree.File("outside/secret.py", "x: int = 'SECRET'\n");
  tree.File("outside/shared/__init__.py", "");
  tree.File("outside/shared/mod.py", "def f() -> int: ...\n");
  tree.File("project/pkg/__init__.py", "");
  tree.File("project/pkg/real.py", "def g() -> str: ...\n");
  tree.Link("project/alias.py", "pkg/real.py");
  tree.Link("project/leak.py", "../outside/secret.py");
  tree.Link("project/shared", tree.Path("outside/shared"));
  tree.Link("project/zero.py", "/dev/zero");
  tree.Fifo("project/pipe.py");
  tree.File("project/main.py",
            "from typing import reveal_type\n"
            "import pipe\n"
            "import zero\n"
            "import leak\n"
            "import shared.mod\n"
            "import alias\n"
            "from leak import anything\n"
            "reveal_type(leak.x)\n"
            "reveal_type(shared.mod.f())\n"
            "reveal_type(alias.g())\n");
  OsFileSystem fs({tree.Path("project")});
  std::string error;
  std::vector<std::string> diagnostics = Check(fs, tree.Path("project"), &error);
  std::vector<std::string> expected = {
      "Cannot resolve imported module `pipe`",
      "Cannot resolve imported module `zero`",
      "Revealed type: `Unknown`",
      "Revealed type: `Unknown`",
      "Revealed type: `str`",
  };
  EXPECT_EQ(diagnostics, expected) << error;
  // With the outside folder as a root too, the same links are read.
  OsFileSystem wider({tree.Path("project"), tree.Path("outside")});
  diagnostics = Check(wider, tree.Path("project"), &error);
  EXPECT_NE(std::find(diagnostics.begin(), diagnostics.end(), "Revealed type: `int`"), diagnostics.end());
}

TEST(ResolverFiles, TheCheckedFileItselfGoesThroughTheSameChecks) {
  TempTree tree;
  tree.Dir("project");
  tree.File("outside.py", "secret = 1\n");
  tree.Link("project/main.py", "../outside.py");
  OsFileSystem fs({tree.Path("project")});
  std::string error;
  EXPECT_TRUE(Check(fs, tree.Path("project"), &error).empty());
  EXPECT_EQ(error, "a symbolic link leading outside the checked folders (not followed)");
}

}  // namespace
}  // namespace asynctype
