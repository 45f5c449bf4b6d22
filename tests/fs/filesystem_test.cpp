// Unit tests of OsFileSystem: only regular files are read (FIFOs, sockets and devices are
// Special and never opened for reading, so nothing blocks), at most the size limit is read, and
// confined to roots it neither reads nor lists what a symbolic link leads to outside them.
#include <gtest/gtest.h>

#include <string>

#include "checker/fs/filesystem.h"
#include "tests/fs/temp_tree.h"

namespace asynctype {
namespace {

using testing::TempTree;

std::string ReadError(const FileSystem& fs, const std::string& path) {
  std::string error;
  std::optional<std::string> bytes = fs.Read(path, &error);
  EXPECT_FALSE(bytes.has_value()) << path;
  return error;
}

TEST(OsFileSystemTest, RegularFilesFoldersAndMissingPaths) {
  TempTree tree;
  tree.Dir("pkg");
  tree.File("pkg/a.py", "x = 1\n");
  tree.File("empty.py", "");
  tree.Link("dangling.py", "nowhere.py");
  OsFileSystem fs;
  EXPECT_EQ(fs.Stat(tree.Path("pkg/a.py")), PathKind::File);
  EXPECT_EQ(fs.Stat(tree.Path("pkg")), PathKind::Directory);
  EXPECT_EQ(fs.Stat(tree.Path("missing.py")), PathKind::Missing);
  EXPECT_EQ(fs.Stat(tree.Path("dangling.py")), PathKind::Missing);
  std::string error;
  EXPECT_EQ(fs.Read(tree.Path("pkg/a.py"), &error), "x = 1\n");
  EXPECT_EQ(fs.Read(tree.Path("empty.py"), &error), "");
  EXPECT_EQ(ReadError(fs, tree.Path("pkg")), "Is a directory");
  EXPECT_EQ(ReadError(fs, tree.Path("missing.py")), "No such file or directory");
  EXPECT_EQ(fs.List(tree.Path("pkg")), std::vector<std::string>{"a.py"});
}

TEST(OsFileSystemTest, FifosSocketsAndDevicesAreNeverRead) {
  TempTree tree;
  tree.Fifo("pipe.py");  // opening it for reading would block until a writer comes
  tree.Socket("sock.py");
  tree.Link("zero.py", "/dev/zero");  // endless
  tree.Link("null.py", "/dev/null");
  OsFileSystem fs;
  for (const char* name : {"pipe.py", "sock.py", "zero.py", "null.py"}) {
    EXPECT_EQ(fs.Stat(tree.Path(name)), PathKind::Special) << name;
  }
  EXPECT_EQ(ReadError(fs, tree.Path("pipe.py")), "not a regular file (a named pipe)");
  EXPECT_EQ(ReadError(fs, tree.Path("sock.py")), "not a regular file (a socket)");
  EXPECT_EQ(ReadError(fs, tree.Path("zero.py")), "not a regular file (a character device)");
  EXPECT_EQ(ReadError(fs, "/dev/zero"), "not a regular file (a character device)");
}

TEST(OsFileSystemTest, ReadsAtMostTheSizeLimit) {
  EXPECT_EQ(FileTooLargeMessage(kMaxSourceFileBytes), "file is larger than the 64 MiB limit");
  EXPECT_EQ(FileTooLargeMessage(1000), "file is larger than the 1000 bytes limit");
  TempTree tree;
  tree.File("at_limit.py", std::string(1000, 'x'));
  tree.File("over_limit.py", std::string(1001, 'x'));
  tree.Sparse("huge.py", off_t{1} << 40);  // 1 TiB, sparse
  OsFileSystem small(1000);
  std::string error;
  std::optional<std::string> bytes = small.Read(tree.Path("at_limit.py"), &error);
  ASSERT_TRUE(bytes.has_value()) << error;
  EXPECT_EQ(bytes->size(), 1000u);
  EXPECT_EQ(ReadError(small, tree.Path("over_limit.py")), "file is larger than the 1000 bytes limit");
  // Refused from its size, before a byte is read or allocated.
  OsFileSystem fs;
  EXPECT_EQ(ReadError(fs, tree.Path("huge.py")), "file is larger than the 64 MiB limit");
  EXPECT_EQ(fs.Stat(tree.Path("huge.py")), PathKind::File);  // it is a file, just not read
}

TEST(OsFileSystemTest, ConfinedToRootsLinksLeavingThemAreOutside) {
  TempTree tree;
  tree.Dir("project/pkg");
  tree.Dir("outside/lib");
  tree.File("outside/secret.py", "TOKEN = 'do not print me'\n");
  tree.File("outside/lib/mod.py", "y = 2\n");
  tree.File("project/pkg/real.py", "x = 1\n");
  tree.Link("project/pkg/alias.py", "real.py");                  // stays inside
  tree.Link("project/leak.py", "../outside/secret.py");          // leaves (relative target)
  tree.Link("project/abs_leak.py", tree.Path("outside/secret.py"));
  tree.Link("project/lib", tree.Path("outside/lib"));            // a folder leaving the root
  tree.Link("project/loop", ".");                                 // a loop, inside
  tree.Link("project/zero.py", "/dev/zero");
  OsFileSystem fs({tree.Path("project")});
  EXPECT_TRUE(fs.confined());
  EXPECT_EQ(fs.Stat(tree.Path("project/pkg/real.py")), PathKind::File);
  EXPECT_EQ(fs.Stat(tree.Path("project/pkg/alias.py")), PathKind::File);
  EXPECT_EQ(fs.Stat(tree.Path("project/loop/loop/pkg/real.py")), PathKind::File);
  EXPECT_EQ(fs.Stat(tree.Path("project/leak.py")), PathKind::Outside);
  EXPECT_EQ(fs.Stat(tree.Path("project/abs_leak.py")), PathKind::Outside);
  EXPECT_EQ(fs.Stat(tree.Path("project/lib")), PathKind::Outside);
  EXPECT_EQ(fs.Stat(tree.Path("project/lib/mod.py")), PathKind::Outside);
  EXPECT_EQ(fs.Stat(tree.Path("project/zero.py")), PathKind::Special);  // the kind comes first
  EXPECT_EQ(fs.Stat(tree.Path("outside/secret.py")), PathKind::Outside);
  std::string error;
  EXPECT_EQ(fs.Read(tree.Path("project/pkg/alias.py"), &error), "x = 1\n");
  const std::string outside = "a symbolic link leading outside the checked folders (not followed)";
  EXPECT_EQ(ReadError(fs, tree.Path("project/leak.py")), outside);
  EXPECT_EQ(ReadError(fs, tree.Path("project/lib/mod.py")), outside);
  EXPECT_TRUE(fs.List(tree.Path("project/lib")).empty());
  EXPECT_FALSE(fs.List(tree.Path("project")).empty());
  EXPECT_TRUE(fs.IsInsideRoots(tree.Path("project/pkg/alias.py")));
  EXPECT_FALSE(fs.IsInsideRoots(tree.Path("project/leak.py")));
  EXPECT_FALSE(fs.IsInsideRoots(tree.Path("project/missing.py")));
  // Another root makes the link's target readable; unconfined, everything regular is.
  OsFileSystem two_roots({tree.Path("project"), tree.Path("outside"), tree.Path("no/such/root")});
  EXPECT_EQ(two_roots.Stat(tree.Path("project/leak.py")), PathKind::File);
  EXPECT_EQ(two_roots.Stat(tree.Path("project/lib/mod.py")), PathKind::File);
  OsFileSystem unconfined;
  EXPECT_FALSE(unconfined.confined());
  EXPECT_TRUE(unconfined.Read(tree.Path("project/leak.py"), &error).has_value());
}

TEST(OsFileSystemTest, RootsAreComparedByRealLocation) {
  TempTree tree;
  tree.Dir("real/pkg");
  tree.File("real/pkg/a.py", "x = 1\n");
  tree.Link("via", "real");  // the root is named through a link
  tree.Dir("sibling");
  tree.File("sibling/b.py", "y = 1\n");
  tree.Link("realish", "sibling");  // a name sharing the root's prefix is not inside it
  OsFileSystem fs({tree.Path("via")});
  EXPECT_EQ(fs.Stat(tree.Path("via/pkg/a.py")), PathKind::File);
  EXPECT_EQ(fs.Stat(tree.Path("real/pkg/a.py")), PathKind::File);
  EXPECT_EQ(fs.Stat(tree.Path("realish/b.py")), PathKind::Outside);
  OsFileSystem relative({"."});  // relative roots resolve against the working directory
  EXPECT_TRUE(relative.IsInsideRoots("."));
}

}  // namespace
}  // namespace asynctype
