// Programs that share a ParseCache (as the language server's analyses do) check exactly like
// programs that do not, and ProgramOptions::cancelled stops a check with AnalysisCancelled.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "checker/check/check_file.h"
#include "checker/database/parse_cache.h"
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

const char* kUtil = "async def helper() -> int:\n    return 1\n";

std::vector<std::string> Check(MemoryFileSystem& fs, std::shared_ptr<ParseCache> cache) {
  ProgramOptions options;
  options.roots = {"/p"};
  options.parse_cache = std::move(cache);
  Program program(options, fs);
  std::string error;
  FileId file = program.LoadFile("/p/main.py", &error);
  std::vector<std::string> out;
  for (const Diagnostic& d : CheckFile(program, file)) {
    out.push_back(std::to_string(d.range.start) + " " + d.ConciseMessage());
  }
  return out;
}

TEST(SharedParses, SameDiagnosticsWithAndWithoutTheCache) {
  MemoryFileSystem fs;
  fs.Write("/p/main.py", kMain);
  fs.Write("/p/util.py", kUtil);
  auto cache = std::make_shared<ParseCache>();
  std::vector<std::string> plain = Check(fs, nullptr);
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(Check(fs, cache), plain);
  size_t misses = cache->misses();
  EXPECT_EQ(Check(fs, cache), plain);  // everything from the cache now
  EXPECT_EQ(cache->misses(), misses);
  // An edit: only the edited file is parsed again, and the result follows the new text.
  fs.Write("/p/util.py", "def helper() -> int:\n    return 1\n");
  std::vector<std::string> edited = Check(fs, cache);
  EXPECT_EQ(cache->misses(), misses + 1);
  EXPECT_EQ(edited, Check(fs, nullptr));
  EXPECT_EQ(edited.size(), 1u);
}

TEST(Cancellation, ThrowsOnceCancelled) {
  MemoryFileSystem fs;
  fs.Write("/p/main.py", kMain);
  fs.Write("/p/util.py", kUtil);
  int polls = 0;
  ProgramOptions options;
  options.roots = {"/p"};
  options.cancelled = [&polls] { return ++polls > 3; };
  Program program(options, fs);
  std::string error;
  FileId file = program.LoadFile("/p/main.py", &error);
  EXPECT_THROW(CheckFile(program, file), AnalysisCancelled);
}

}  // namespace
}  // namespace asynctype
