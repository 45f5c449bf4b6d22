// Unit tests of checker/project/discovery: import roots over a file system, top-level modules,
// relative paths.
#include "checker/project/discovery.h"

#include <gtest/gtest.h>

namespace asynctype {
namespace {

TEST(DiscoveryTest, ImportRootIsTheNearestNonPackageFolder) {
  MemoryFileSystem files;
  files.Write("/w/lib/pkg/__init__.py", "");
  files.Write("/w/lib/pkg/sub/__init__.pyi", "");
  files.Write("/w/lib/pkg/sub/mod.py", "");
  files.Write("/w/lib/plain.py", "");
  EXPECT_EQ(ImportRootFor(files, "/w/lib/pkg/sub/mod.py"), "/w/lib");
  EXPECT_EQ(ImportRootFor(files, "/w/lib/pkg/sub"), "/w/lib");  // a folder starts at itself
  EXPECT_EQ(ImportRootFor(files, "/w/lib/plain.py"), "/w/lib");
  EXPECT_EQ(ImportRootFor(files, "/w/lib"), "/w/lib");
}

TEST(DiscoveryTest, TopLevelModuleAndRelativePaths) {
  EXPECT_EQ(TopLevelModuleUnder("lib", "lib/asyncio/tasks.py"), "asyncio");
  EXPECT_EQ(TopLevelModuleUnder("lib", "lib/single.pyi"), "single");
  EXPECT_EQ(TopLevelModuleUnder("lib", "lib"), "");
  EXPECT_EQ(RelativeTo("/a/b", "/a/b/c/d.py"), "c/d.py");
  EXPECT_EQ(RelativeTo("a", "a/./x/../y.py"), "y.py");
}

}  // namespace
}  // namespace asynctype
