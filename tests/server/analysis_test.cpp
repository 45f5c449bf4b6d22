// Unit tests of server/analysis: an analysis is configured by the session like the CLI, and a
// configuration problem is logged (the analysis goes on with the defaults).
#include "server/analysis.h"

#include <gtest/gtest.h>

#include "tests/fs/temp_tree.h"

namespace asynctype::lsp {
namespace {

using asynctype::testing::TempTree;

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

TEST(AnalysisTest, BrokenConfigurationIsLoggedAndTheDefaultsUsed) {
  TempTree tree;
  tree.File("asynctype.toml", "[rules]\ninvalid-assignment = \"loud\"\n");
  std::string path = tree.Path("m.py");
  std::string log;
  Analysis analysis(path, OverlayDocuments{{{path, "x: int = 'a'\n"}}, {}}, {}, &log);
  EXPECT_EQ(log.rfind("asynctype: ", 0), 0u) << log;
  EXPECT_TRUE(EndsWith(log, " (using the default configuration)")) << log;
  ASSERT_EQ(analysis.diagnostics().size(), 1u);
  EXPECT_EQ(analysis.diagnostics()[0].rule, Rule::InvalidAssignment);
  EXPECT_EQ(analysis.diagnostics()[0].severity, Severity::Error);
}

TEST(AnalysisTest, ConfiguredLevelsAndTypeshedProblem) {
  TempTree tree;
  tree.Dir("ts");
  tree.File("asynctype.toml", "typeshed = \"ts\"\n[rules]\ninvalid-assignment = \"warn\"\n");
  std::string path = tree.Path("m.py");
  std::string log;
  Analysis analysis(path, OverlayDocuments{{{path, "x: int = 'a'\n"}}, {}}, {}, &log);
  // (The configuration's path, and so its `typeshed`, are shown relative to the working folder.)
  EXPECT_EQ(log.rfind("asynctype: ", 0), 0u) << log;
  EXPECT_NE(log.find("asynctype.toml: `typeshed` folder `"), std::string::npos) << log;
  EXPECT_TRUE(EndsWith(log, "/ts` has no `stdlib` folder")) << log;
  ASSERT_EQ(analysis.diagnostics().size(), 1u);
  EXPECT_EQ(analysis.diagnostics()[0].severity, Severity::Warning);
}

TEST(AnalysisTest, UnreadableDocumentIsAnIoDiagnostic) {
  TempTree tree;
  std::string path = tree.Path("gone.py");
  std::string log;
  Analysis analysis(path, OverlayDocuments{}, {}, &log);
  EXPECT_FALSE(analysis.ok());
  ASSERT_EQ(analysis.diagnostics().size(), 1u);
  EXPECT_EQ(analysis.diagnostics()[0].rule, Rule::Io);
  EXPECT_EQ(analysis.diagnostics()[0].message.rfind("Failed to read `" + path + "`: ", 0), 0u);
}

}  // namespace
}  // namespace asynctype::lsp
