// Unit tests of the warm cache's store and keys (checker/project/result_cache.h): entries round
// trip; truncated, altered or foreign entries are ignored; the folder is marked and versioned;
// a result key changes with the file, a dependency's interface (not its async bodies), an
// import that starts to resolve, and the salt (options).
#include "checker/project/result_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace asynctype {
namespace {

namespace fs = std::filesystem;

TEST(ResultCacheTest, EntriesRoundTrip) {
  std::vector<std::string> fields{"", "one", std::string("bin\0ary\n", 8), "end \n"};
  std::string bytes = EncodeCacheEntry("k1", fields);
  auto decoded = DecodeCacheEntry(bytes, "k1");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, fields);
  EXPECT_FALSE(DecodeCacheEntry(bytes, "k2"));  // another key's entry
}

TEST(ResultCacheTest, DamagedEntriesAreIgnored) {
  std::string bytes = EncodeCacheEntry("k", {"alpha", "beta"});
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(DecodeCacheEntry(bytes.substr(0, cut), "k")) << cut;
  }
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string altered = bytes;
    altered[i] ^= 0x20;
    EXPECT_FALSE(DecodeCacheEntry(altered, "k")) << i;
  }
  EXPECT_FALSE(DecodeCacheEntry("garbage", "k"));
  EXPECT_FALSE(DecodeCacheEntry(std::string(200, '\n'), "k"));
}

class CacheFolderTest : public ::testing::Test {
 protected:
  CacheFolderTest() {
    dir_ = (fs::temp_directory_path() / ("asynctype_cache_test_" + std::to_string(getpid()))).string();
    fs::remove_all(dir_);
  }
  ~CacheFolderTest() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_F(CacheFolderTest, MarkedVersionedAndRewritable) {
  std::string error;
  std::optional<CacheFolder> folder = CacheFolder::Open(dir_ + "/c", &error);
  ASSERT_TRUE(folder) << error;
  EXPECT_TRUE(fs::is_regular_file(dir_ + "/c/.gitignore"));
  EXPECT_TRUE(fs::is_regular_file(dir_ + "/c/CACHEDIR.TAG"));
  EXPECT_TRUE(fs::is_directory(dir_ + "/c/v1"));
  std::string key = HashHex("a key");
  EXPECT_FALSE(folder->Read("results", key));
  ASSERT_TRUE(folder->Write("results", key, {"x", "y"}));
  EXPECT_EQ(folder->Read("results", key), (std::vector<std::string>{"x", "y"}));
  // A truncated entry reads as missing and can be written again.
  std::string path = dir_ + "/c/v1/results/" + key.substr(0, 2) + "/" + key;
  fs::resize_file(path, fs::file_size(path) / 2);
  EXPECT_FALSE(folder->Read("results", key));
  ASSERT_TRUE(folder->Write("results", key, {"z"}));
  EXPECT_EQ(folder->Read("results", key), (std::vector<std::string>{"z"}));
  // No temporary files are left behind.
  for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
    EXPECT_FALSE(entry.path().filename().string().starts_with(".tmp-")) << entry.path();
  }
  // Pruning keeps what this run used.
  std::string other = HashHex("other");
  ASSERT_TRUE(folder->Write("results", other, {}));
  EXPECT_EQ(folder->Prune("results", {key}, 10), 0u);
  EXPECT_EQ(folder->Prune("results", {key}, 1), 1u);
  EXPECT_TRUE(folder->Read("results", key));
  EXPECT_FALSE(folder->Read("results", other));
}

TEST_F(CacheFolderTest, UnwritableFolderIsReported) {
  std::string error;
  fs::create_directories(dir_);
  std::ofstream(dir_ + "/file") << "x";
  EXPECT_FALSE(CacheFolder::Open(dir_ + "/file/c", &error));
  EXPECT_FALSE(error.empty());
}

class ResultKeysTest : public ::testing::Test {
 protected:
  ResultKeysTest() {
    files_.Write("/p/main.py", "from lib import fetch\nfrom pkg import later\nasync def main() -> None:\n    await fetch()\n");
    files_.Write("/p/lib.py", "async def fetch() -> int:\n    return 1\n");
    files_.Write("/p/pkg/__init__.py", "");
    files_.Write("/p/other.py", "x = 1\n");
    options_.roots = {"/p"};
  }
  std::string Key(const std::string& path = "/p/main.py", const std::string& salt = "s") {
    ResultKeys keys(options_, files_, nullptr, salt);
    std::optional<std::string> key = keys.KeyOf(path);
    EXPECT_TRUE(key);
    return key ? *key : "";
  }
  MemoryFileSystem files_;
  ProgramOptions options_;
};

TEST_F(ResultKeysTest, WhatChangesTheKey) {
  std::string base = Key();
  EXPECT_EQ(base, Key());
  EXPECT_NE(base, Key("/p/main.py", "other options"));
  // Another file that main does not import: same key.
  files_.Write("/p/other.py", "x = 2\n");
  EXPECT_EQ(base, Key());
  // The body of an annotated async def in a dependency: same key.
  files_.Write("/p/lib.py", "async def fetch() -> int:\n    return 2\n");
  EXPECT_EQ(base, Key());
  // Its interface: another key.
  files_.Write("/p/lib.py", "async def fetch() -> str:\n    return 2\n");
  std::string changed = Key();
  EXPECT_NE(base, changed);
  // An import that starts to resolve.
  files_.Write("/p/pkg/later.py", "");
  EXPECT_NE(changed, Key());
  // The file itself.
  std::string before = Key();
  files_.Write("/p/main.py", "from lib import fetch\nfrom pkg import later\nasync def main() -> None:\n    await fetch()  # \n");
  EXPECT_NE(before, Key());
}

TEST_F(ResultKeysTest, TransitiveDependencies) {
  files_.Write("/p/a.py", "from b import f\n");
  files_.Write("/p/b.py", "from c import f\n");
  files_.Write("/p/c.py", "def f() -> int: ...\n");
  std::string base = Key("/p/a.py");
  files_.Write("/p/c.py", "def f() -> str: ...\n");
  EXPECT_NE(base, Key("/p/a.py"));
}

TEST_F(ResultKeysTest, UnreadableOrHugeFilesAreNotCached) {
  ResultKeys keys(options_, files_, nullptr, "s");
  EXPECT_FALSE(keys.KeyOf("/p/missing.py"));
  files_.Write("/p/huge.py", std::string(kMaxCachedFileSize + 1, '\n'));
  files_.Write("/p/uses_huge.py", "import huge\n");
  ResultKeys again(options_, files_, nullptr, "s");
  EXPECT_FALSE(again.KeyOf("/p/huge.py"));
  EXPECT_FALSE(again.KeyOf("/p/uses_huge.py"));
}

}  // namespace
}  // namespace asynctype
