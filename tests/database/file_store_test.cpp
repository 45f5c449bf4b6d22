// Programs sharing a FileStore (as `asynctype check`'s worker threads do) give every path one
// FileId, read, parse and index each file once, and check exactly like programs that do not share.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "checker/check/check_file.h"
#include "checker/database/file_store.h"
#include "checker/database/program.h"
#include "checker/fs/filesystem.h"

namespace asynctype {
namespace {

const char* kMain = R"py(import asyncio
from util import helper


async def run() -> None:
    helper()
    await asyncio.sleep(0)
    undefined_name
)py";

const char* kOther = R"py(from util import helper

x: int = helper()
)py";

const char* kUtil = "async def helper() -> int:\n    return 1\n";

void WriteProject(MemoryFileSystem& fs) {
  fs.Write("/p/main.py", kMain);
  fs.Write("/p/other.py", kOther);
  fs.Write("/p/util.py", kUtil);
}

std::vector<std::string> Check(const MemoryFileSystem& fs, std::shared_ptr<FileStore> store, const char* path) {
  ProgramOptions options;
  options.roots = {"/p"};
  options.file_store = std::move(store);
  Program program(options, fs);
  std::string error;
  FileId file = program.LoadFile(path, &error);
  std::vector<std::string> out;
  for (const Diagnostic& d : CheckFile(program, file)) {
    out.push_back(std::to_string(d.file.index() == file.index()) + " " + std::to_string(d.range.start) + " " +
                  d.ConciseMessage());
  }
  return out;
}

TEST(FileStore, ProgramsSharingItCheckLikeProgramsThatDoNot) {
  MemoryFileSystem fs;
  WriteProject(fs);
  auto store = std::make_shared<FileStore>();
  for (const char* path : {"/p/main.py", "/p/other.py"}) {
    std::vector<std::string> plain = Check(fs, nullptr, path);
    EXPECT_FALSE(plain.empty()) << path;
    EXPECT_EQ(Check(fs, store, path), plain) << path;
  }
}

TEST(FileStore, OneIdPerPathAndOneParsePerFile) {
  MemoryFileSystem fs;
  WriteProject(fs);
  auto store = std::make_shared<FileStore>();
  ProgramOptions options;
  options.roots = {"/p"};
  options.file_store = store;
  Program first(options, fs);
  Program second(options, fs);
  std::string error;
  FileId util_second = second.LoadFile("/p/util.py", &error);
  FileId main_first = first.LoadFile("/p/main.py", &error);
  FileId util_first = first.LoadFile("/p/util.py", &error);
  EXPECT_EQ(util_first, util_second);
  EXPECT_NE(main_first, util_first);
  // Loaded by `second` first: `first` has ids it never loaded, and knows it.
  EXPECT_TRUE(first.has_file(util_first));
  EXPECT_FALSE(second.has_file(main_first));
  EXPECT_EQ(&first.source(util_first), &second.source(util_second));  // the same file, shared

  CheckFile(first, main_first);
  size_t parses = store->parses();
  size_t indexes = store->indexes();
  EXPECT_GE(parses, 2u);  // main, util, and the stubs they reach
  FileId main_second = second.LoadFile("/p/main.py", &error);
  CheckFile(second, main_second);
  EXPECT_EQ(store->parses(), parses);  // the second program parsed nothing again
  EXPECT_EQ(store->indexes(), indexes);
  EXPECT_EQ(&first.parsed(main_first), &second.parsed(main_second));
}

TEST(FileStore, WorkersOnThreadsParseEachFileOnce) {
  MemoryFileSystem fs;
  WriteProject(fs);
  auto store = std::make_shared<FileStore>();
  std::vector<std::string> expected = Check(fs, nullptr, "/p/main.py");
  constexpr int kWorkers = 4;
  std::vector<std::vector<std::string>> results(kWorkers);
  {
    std::vector<std::thread> workers;
    for (int w = 0; w < kWorkers; ++w) {
      workers.emplace_back([&, w] { results[w] = Check(fs, store, "/p/main.py"); });
    }
    for (std::thread& t : workers) t.join();
  }
  for (const auto& r : results) EXPECT_EQ(r, expected);
  size_t parses = store->parses();
  Check(fs, store, "/p/main.py");
  EXPECT_EQ(store->parses(), parses);
  EXPECT_EQ(store->indexes(), store->parses());
}

}  // namespace
}  // namespace asynctype
