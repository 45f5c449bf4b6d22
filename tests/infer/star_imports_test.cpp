// Unit tests for what mdtests cannot assert about star imports and the inference depth bound:
// a name's origin through a star-import cycle does not depend on which module asks first (each
// `check` worker asks in its own order), and a chain far past the depth bound ends in Unknown on
// an ordinary thread's stack.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "checker/database/program.h"
#include "checker/fs/filesystem.h"
#include "checker/infer/file_inference.h"
#include "checker/types/type_store.h"

namespace asynctype {
namespace {

struct Project {
  explicit Project(const std::vector<std::pair<std::string, std::string>>& files) {
    for (const auto& [name, text] : files) fs.Write("/src/" + name, text);
    ProgramOptions options;
    options.roots = {"/src"};
    program = std::make_unique<Program>(std::move(options), fs);
  }
  FileInference& Module(const std::string& name) {
    std::string error;
    FileId file = program->LoadFile("/src/" + name, &error);
    EXPECT_TRUE(file.valid()) << name << ": " << error;
    return program->inference(file);
  }
  // The type `name` has as a member of the module, or "-" when it has none.
  std::string Member(const std::string& module, const std::string& name) {
    std::optional<TypeId> t = Module(module).ModuleSymbolType(name);
    return t ? program->types().Display(*t) : "-";
  }
  MemoryFileSystem fs;
  std::unique_ptr<Program> program;
};

// a -> b -> c -> a star-import each other; b also star-imports one.py and c two.py, which bind
// `v` differently. Whichever module is asked first, every module of the cycle gets the same `v`.
TEST(StarImportsTest, CycleAnswersDoNotDependOnTheOrderOfQuestions) {
  std::vector<std::pair<std::string, std::string>> files = {
      {"a.py", "from b import *\n"},
      {"b.py", "from c import *\nfrom one import *\n"},
      {"c.py", "from a import *\nfrom two import *\n"},
      {"one.py", "v = 1\n"},
      {"two.py", "v = 'two'\n"},
  };
  std::vector<std::string> order = {"a.py", "b.py", "c.py"};
  std::vector<std::string> first;
  do {
    Project p(files);
    std::vector<std::string> answers;
    for (const std::string& module : order) answers.push_back(module + ": " + p.Member(module, "v"));
    std::sort(answers.begin(), answers.end());
    if (first.empty()) {
      first = answers;
    } else {
      EXPECT_EQ(answers, first) << "asked in the order " << order[0] << ", " << order[1] << ", " << order[2];
    }
  } while (std::next_permutation(order.begin(), order.end()));
  // The cycle's modules in name order, a first: its edge into the cycle finds nothing leaving
  // it, b's finds one.py.
  EXPECT_EQ(first, (std::vector<std::string>{"a.py: Literal[1]", "b.py: Literal[1]", "c.py: Literal[1]"}));
}

TEST(StarImportsTest, NamesBoundNowhereInACycleAreNotFound) {
  Project p({{"a.py", "from b import *\n"}, {"b.py", "from c import *\n"}, {"c.py", "from a import *\n"}});
  EXPECT_EQ(p.Member("a.py", "print"), "-");
  EXPECT_EQ(p.Member("c.py", "missing"), "-");
}

// Run on the test's own thread (not the CLI's 512 MiB one): 6,000 definitions, each the
// previous one, asked for from another module before their own module is checked.
TEST(StarImportsTest, ChainsPastTheDepthBoundEndInUnknown) {
  std::string big = "x0 = 1\n";
  for (int i = 1; i < 6000; ++i) big += "x" + std::to_string(i) + " = x" + std::to_string(i - 1) + "\n";
  Project p({{"big.py", big}, {"main.py", "from big import x5999\n"}});
  EXPECT_EQ(p.Member("main.py", "x5999"), "Unknown");
  // Asked from nearer the start of the chain, the same names are inferred.
  EXPECT_EQ(p.Member("big.py", "x300"), "Literal[1]");
}

}  // namespace
}  // namespace asynctype
