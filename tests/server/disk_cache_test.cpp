// Unit tests of server/disk_cache: what one analysis read from the disk serves the next ones
// until the cache is cleared, and the overlay's open documents are never taken from it.
#include "server/disk_cache.h"

#include <gtest/gtest.h>

#include "server/overlay_fs.h"
#include "tests/fs/temp_tree.h"

namespace asynctype::lsp {
namespace {

using asynctype::testing::TempTree;

TEST(DiskCacheTest, RemembersStatsListingsAndReadsUntilCleared) {
  TempTree tree;
  tree.Dir("pkg");
  tree.File("pkg/a.py", "x = 1\n");
  OsFileSystem os;
  DiskCache cache;
  EXPECT_EQ(cache.Stat(os, tree.Path("pkg/a.py")), PathKind::File);
  EXPECT_EQ(cache.Stat(os, tree.Path("pkg/b.py")), PathKind::Missing);
  EXPECT_EQ(cache.List(os, tree.Path("pkg")), std::vector<std::string>{"a.py"});
  EXPECT_EQ(cache.Read(os, tree.Path("pkg/a.py"), nullptr), "x = 1\n");
  std::string error;
  EXPECT_FALSE(cache.Read(os, tree.Path("pkg/b.py"), &error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(cache.misses(), 5u);

  // The disk changes: the cache still answers as before (no fresh look while only edits come).
  tree.File("pkg/a.py", "x = 2\n");
  tree.File("pkg/b.py", "y = 1\n");
  EXPECT_EQ(cache.Stat(os, tree.Path("pkg/b.py")), PathKind::Missing);
  EXPECT_EQ(cache.List(os, tree.Path("pkg")), std::vector<std::string>{"a.py"});
  EXPECT_EQ(cache.Read(os, tree.Path("pkg/a.py"), nullptr), "x = 1\n");
  error.clear();
  EXPECT_FALSE(cache.Read(os, tree.Path("pkg/b.py"), &error));
  EXPECT_FALSE(error.empty()) << "a remembered failure keeps its reason";
  EXPECT_EQ(cache.hits(), 4u);
  EXPECT_EQ(cache.misses(), 5u);

  // Cleared (a document saved, watched files changed...): the disk as it is now.
  EXPECT_LT(cache.age(), kDiskCacheLifetime);
  cache.Clear();
  EXPECT_EQ(cache.Stat(os, tree.Path("pkg/b.py")), PathKind::File);
  EXPECT_EQ(cache.List(os, tree.Path("pkg")), (std::vector<std::string>{"a.py", "b.py"}));
  EXPECT_EQ(cache.Read(os, tree.Path("pkg/a.py"), nullptr), "x = 2\n");
}

TEST(DiskCacheTest, OverlayDocumentsComeFirstAndTheDiskThroughTheCache) {
  TempTree tree;
  tree.File("m.py", "on_disk = 1\n");
  tree.File("n.py", "n = 1\n");
  DiskCache cache;
  std::string m = tree.Path("m.py");
  {
    OverlayFileSystem fs(OverlayDocuments{{{m, "in_editor = 1\n"}}, {}}, &cache);
    EXPECT_EQ(fs.Read(m, nullptr), "in_editor = 1\n");
    EXPECT_EQ(fs.Read(tree.Path("n.py"), nullptr), "n = 1\n");
  }
  tree.File("n.py", "n = 2\n");
  OverlayFileSystem next(OverlayDocuments{{{m, "in_editor = 2\n"}}, {}}, &cache);
  EXPECT_EQ(next.Read(m, nullptr), "in_editor = 2\n");
  EXPECT_EQ(next.Read(tree.Path("n.py"), nullptr), "n = 1\n") << "the next analysis reuses the read";
  CachedDiskFileSystem disk(&cache);
  EXPECT_EQ(disk.Read(tree.Path("n.py"), nullptr), "n = 1\n");
  EXPECT_EQ(disk.Stat(tree.Path("n.py")), PathKind::File);
}

}  // namespace
}  // namespace asynctype::lsp
