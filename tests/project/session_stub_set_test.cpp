// The session turns the requested stub set (`--stubs`) into ProgramOptions::stubs for every kind
// of session; unrequested, it is the subset.
#include <gtest/gtest.h>

#include "checker/project/session.h"
#include "tests/fs/temp_tree.h"

namespace asynctype {
namespace {

TEST(SessionStubSet, EveryKindPassesTheRequestedSet) {
  testing::TempTree tree;
  tree.File("main.py", "x = 1\n");
  tree.File("asynctype.toml", "");
  MemoryFileSystem memory;
  OsFileSystem os;
  for (SessionKind kind : {SessionKind::CommandLine, SessionKind::Editor, SessionKind::Given}) {
    for (std::optional<StubSet> stubs : {std::optional<StubSet>(), std::optional(StubSet::Subset), std::optional(StubSet::Full)}) {
      SessionRequest request;
      request.kind = kind;
      request.config_search_dir = tree.Path("");
      if (kind == SessionKind::Given) request.config = ProjectConfig{};
      if (kind != SessionKind::Given) request.paths = {tree.Path("main.py")};
      request.stubs = stubs;
      Session session = OpenSession(request, kind == SessionKind::Given ? static_cast<const FileSystem&>(memory) : os);
      EXPECT_FALSE(session.failed);
      EXPECT_EQ(session.program_options.stubs, stubs.value_or(StubSet::Subset)) << static_cast<int>(kind);
    }
  }
}

}  // namespace
}  // namespace asynctype
