// Unit tests of checker/project/session: the command line's, the editor's and a given
// configuration's sessions (roots, overrides, rule levels, file discovery) and the problems they
// report as data.
#include "checker/project/session.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/fs/temp_tree.h"

namespace asynctype {
namespace {

using testing::TempTree;
using Kind = SessionProblem::Kind;
using Strings = std::vector<std::string>;

// Runs in `dir` for its lifetime (the command line keeps roots relative to the working folder).
class InFolder {
 public:
  explicit InFolder(const std::string& dir) : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~InFolder() { std::filesystem::current_path(saved_); }

 private:
  std::filesystem::path saved_;
};

// proj/asynctype.toml (src, extra-paths), proj/src/pkg/{__init__,mod}.py, proj/src/top.py,
// proj/vendor/.
void MakeProject(const TempTree& tree, const std::string& extra_config = "") {
  tree.Dir("proj/src/pkg");
  tree.Dir("proj/vendor");
  tree.File("proj/asynctype.toml", "src = [\"src\"]\nextra-paths = [\"vendor\"]\n" + extra_config);
  tree.File("proj/src/pkg/__init__.py", "");
  tree.File("proj/src/pkg/mod.py", "x = 1\n");
  tree.File("proj/src/top.py", "y = 2\n");
}

TEST(SessionTest, CommandLineKeepsRootsAsGiven) {
  TempTree tree;
  MakeProject(tree);
  InFolder in(tree.Path("proj"));
  SessionRequest request;
  request.paths = {"src/pkg/mod.py"};
  request.environment_inputs = EnvironmentInputs{};  // no environment (not this machine's python)
  OsFileSystem os;
  Session session = OpenSession(request, os);
  EXPECT_FALSE(session.failed);
  EXPECT_TRUE(session.problems.empty());
  EXPECT_EQ(session.config.path, "asynctype.toml");
  // The file's import root (above the package), then `src` (the same) and `extra-paths`.
  EXPECT_EQ(session.program_options.roots, (Strings{"src", "vendor"}));
  EXPECT_EQ(session.files, (Strings{"src/pkg/mod.py"}));
  EXPECT_EQ(session.program_options.checked_packages, (Strings{"pkg"}));
  EXPECT_EQ(session.program_options.python_version, kDefaultPythonVersion);
  ASSERT_NE(session.file_system, nullptr);
  EXPECT_TRUE(session.file_system->confined());
}

TEST(SessionTest, CommandLineDefaultsToTheConfiguredSource) {
  TempTree tree;
  MakeProject(tree, "exclude = [\"top.py\"]\n");
  InFolder in(tree.Path("proj"));
  SessionRequest request;
  OsFileSystem os;
  Session session = OpenSession(request, os);
  EXPECT_TRUE(session.problems.empty());
  EXPECT_EQ(session.files, (Strings{"src/pkg/__init__.py", "src/pkg/mod.py"}));
  // --exclude adds to the configured globs.
  request.exclude = {"mod.py"};
  EXPECT_EQ(OpenSession(request, os).files, (Strings{"src/pkg/__init__.py"}));
  // A file named on the command line is checked even when a glob leaves it out.
  request.paths = {"src/top.py"};
  EXPECT_EQ(OpenSession(request, os).files, (Strings{"src/top.py"}));
}

TEST(SessionTest, EditorMakesRootsAbsoluteAndAddsWorkspaceFolders) {
  TempTree tree;
  MakeProject(tree);
  SessionRequest request;
  request.kind = SessionKind::Editor;
  request.config_search_dir = tree.Path("proj/src/pkg");
  request.paths = {tree.Path("proj/src/pkg/mod.py")};
  request.workspace_roots = {tree.Path("proj"), tree.Path("proj/src")};
  OsFileSystem os;
  Session session = OpenSession(request, os);
  EXPECT_FALSE(session.failed);
  EXPECT_TRUE(session.problems.empty());
  std::string proj = NormalizePath(tree.Path("proj"));
  EXPECT_EQ(session.program_options.roots, (Strings{proj + "/src", proj + "/vendor", proj}));
  EXPECT_EQ(session.files, (Strings{tree.Path("proj/src/pkg/mod.py")}));
  EXPECT_FALSE(session.program_options.checked_packages.has_value());
  EXPECT_EQ(session.file_system, nullptr);
}

TEST(SessionTest, EditorSeesPackagesThroughItsFileSystem) {
  // An unsaved `__init__.py` (in the editor's file system only) makes its folder a package.
  TempTree tree;
  tree.Dir("ws/pkg");
  MemoryFileSystem files;
  files.Write(tree.Path("ws/pkg/__init__.py"), "");
  files.Write(tree.Path("ws/pkg/mod.py"), "");
  SessionRequest request;
  request.kind = SessionKind::Editor;
  request.config_search_dir = tree.Path("ws/pkg");
  request.paths = {tree.Path("ws/pkg/mod.py")};
  Session session = OpenSession(request, files);
  EXPECT_EQ(session.program_options.roots, (Strings{NormalizePath(tree.Path("ws"))}));
}

TEST(SessionTest, CommandLineOverridesTheConfiguration) {
  TempTree tree;
  MakeProject(tree, "python-version = \"3.10\"\n[rules]\ninvalid-await = \"warn\"\nnot-iterable = \"error\"\n");
  InFolder in(tree.Path("proj"));
  SessionRequest request;
  request.python_version = PythonVersion{3, 13};
  request.ignore_rules = {"all"};
  request.warn_rules = {"unused-awaitable"};
  request.error_rules = {"invalid-await", "unused-awaitable"};
  OsFileSystem os;
  Session session = OpenSession(request, os);
  EXPECT_FALSE(session.failed);
  EXPECT_EQ(session.program_options.python_version, (PythonVersion{3, 13}));
  EXPECT_EQ(session.levels.SeverityOf(Rule::InvalidAwait), Severity::Error);
  EXPECT_EQ(session.levels.SeverityOf(Rule::UnusedAwaitable), Severity::Error);  // the strongest flag wins
  EXPECT_EQ(session.levels.SeverityOf(Rule::InvalidAssignment), std::nullopt);  // `--ignore all`
  // The command line's `all` overrides the configuration's named rules too (issue 17).
  EXPECT_EQ(session.levels.SeverityOf(Rule::NotIterable), std::nullopt);
  // Without overrides: the configuration's.
  Session configured = OpenSession(SessionRequest{}, os);
  EXPECT_EQ(configured.program_options.python_version, (PythonVersion{3, 10}));
  EXPECT_EQ(configured.levels.SeverityOf(Rule::InvalidAwait), Severity::Warning);
}

TEST(SessionTest, UnknownRuleFails) {
  TempTree tree;
  MakeProject(tree);
  InFolder in(tree.Path("proj"));
  SessionRequest request;
  request.warn_rules = {"no-such-rule", "another-one"};
  OsFileSystem os;
  Session session = OpenSession(request, os);
  EXPECT_TRUE(session.failed);
  ASSERT_EQ(session.problems.size(), 1u);  // the first one stops the session
  EXPECT_EQ(session.problems[0].kind, Kind::UnknownRule);
  EXPECT_EQ(session.problems[0].message, "unknown rule `no-such-rule` (see `asynctype rules`)");
  EXPECT_TRUE(session.files.empty());
}

TEST(SessionTest, MissingPathsAreReportedAndTheOthersChecked) {
  TempTree tree;
  MakeProject(tree);
  InFolder in(tree.Path("proj"));
  SessionRequest request;
  request.paths = {"missing", "src/top.py", "gone.py"};
  OsFileSystem os;
  Session session = OpenSession(request, os);
  EXPECT_FALSE(session.failed);
  ASSERT_EQ(session.problems.size(), 2u);
  EXPECT_EQ(session.problems[0].kind, Kind::MissingPath);
  EXPECT_EQ(session.problems[0].message, "path `missing` does not exist");
  EXPECT_EQ(session.problems[1].message, "path `gone.py` does not exist");
  EXPECT_FALSE(session.problems[0].warning());
  EXPECT_TRUE(session.Has(Kind::MissingPath));
  EXPECT_EQ(session.files, (Strings{"src/top.py"}));
}

TEST(SessionTest, LinksLeavingTheRootsAreSkippedWithAWarning) {
  TempTree tree;
  MakeProject(tree);
  tree.File("secret.py", "s = 1\n");
  tree.Link("proj/src/leak.py", tree.Path("secret.py"));
  InFolder in(tree.Path("proj"));
  SessionRequest request;
  request.paths = {"src"};
  OsFileSystem os;
  Session session = OpenSession(request, os);
  ASSERT_EQ(session.problems.size(), 1u);
  EXPECT_EQ(session.problems[0].kind, Kind::SkippedLink);
  EXPECT_TRUE(session.problems[0].warning());
  EXPECT_EQ(session.problems[0].message,
            "skipped `src/leak.py`: a symbolic link leading outside the checked folders (not followed)");
  EXPECT_EQ(session.files, (Strings{"src/pkg/__init__.py", "src/pkg/mod.py", "src/top.py"}));
}

TEST(SessionTest, TypeshedWithoutStdlib) {
  TempTree tree;
  MakeProject(tree, "typeshed = \"ts\"\n");
  tree.Dir("proj/ts");
  OsFileSystem os;
  {
    InFolder in(tree.Path("proj"));
    Session session = OpenSession(SessionRequest{}, os);
    EXPECT_TRUE(session.failed);  // the command line stops
    ASSERT_EQ(session.problems.size(), 1u);
    EXPECT_EQ(session.problems[0].kind, Kind::TypeshedWithoutStdlib);
    EXPECT_EQ(session.problems[0].message, "asynctype.toml: `typeshed` folder `ts` has no `stdlib` folder");
  }
  SessionRequest editor;
  editor.kind = SessionKind::Editor;
  editor.config_search_dir = tree.Path("proj/src");
  editor.paths = {tree.Path("proj/src/top.py")};
  Session session = OpenSession(editor, os);
  EXPECT_FALSE(session.failed);  // the editor goes on with the bundled stubs
  EXPECT_TRUE(session.Has(Kind::TypeshedWithoutStdlib));
  EXPECT_EQ(session.program_options.typeshed, "");
  // With a stdlib folder the editor's typeshed is absolute.
  tree.Dir("proj/ts/stdlib");
  Session with_stdlib = OpenSession(editor, os);
  EXPECT_TRUE(with_stdlib.problems.empty());
  EXPECT_EQ(with_stdlib.program_options.typeshed, NormalizePath(tree.Path("proj/ts")));
}

TEST(SessionTest, BadConfiguration) {
  TempTree tree;
  tree.File("asynctype.toml", "pyhton-version = \"3.11\"\n");
  tree.File("m.py", "");
  OsFileSystem os;
  SessionRequest request;
  request.config_file = tree.Path("asynctype.toml");
  request.paths = {tree.Path("m.py")};
  Session session = OpenSession(request, os);
  EXPECT_TRUE(session.failed);
  ASSERT_EQ(session.problems.size(), 1u);
  EXPECT_EQ(session.problems[0].kind, Kind::BadConfig);
  EXPECT_NE(session.problems[0].message.find("unknown key `pyhton-version`"), std::string::npos);
  // The editor keeps the defaults.
  SessionRequest editor;
  editor.kind = SessionKind::Editor;
  editor.config_search_dir = tree.root();
  editor.paths = {tree.Path("m.py")};
  editor.environment_inputs = EnvironmentInputs{};
  Session defaults = OpenSession(editor, os);
  EXPECT_FALSE(defaults.failed);
  EXPECT_TRUE(defaults.Has(Kind::BadConfig));
  EXPECT_EQ(defaults.program_options.python_version, kDefaultPythonVersion);
  EXPECT_EQ(defaults.program_options.roots, (Strings{NormalizePath(tree.root())}));
}

TEST(SessionTest, GivenConfigurationRootsInTysOrder) {
  // The mdtest runner's session: extra paths, the project root, then (after the stdlib stubs)
  // the environment's site-packages; the configuration's rule levels.
  MemoryFileSystem files;
  files.Write("/typeshed/stdlib/fastio.pyi", "");
  files.Write("/.venv/lib/python3.11/site-packages/installed.py", "");
  ProjectConfig config;
  config.path = "t.md";
  config.root = "/src";
  config.python_version = PythonVersion{3, 11};
  config.extra_paths = {"/vendor"};
  config.typeshed = "/typeshed";
  config.rules.Set("unused-awaitable", RuleLevel::Error);
  SessionRequest request;
  request.kind = SessionKind::Given;
  request.config = config;
  request.environment = "/.venv";
  Session session = OpenSession(request, files);
  EXPECT_FALSE(session.failed);
  EXPECT_TRUE(session.problems.empty());
  EXPECT_TRUE(session.files.empty());  // the caller names the files
  EXPECT_EQ(session.program_options.roots, (Strings{"/vendor", "/src"}));
  EXPECT_EQ(session.program_options.site_packages, (Strings{"/.venv/lib/python3.11/site-packages"}));
  EXPECT_EQ(session.program_options.python_version, (PythonVersion{3, 11}));
  EXPECT_EQ(session.program_options.typeshed, "/typeshed");
  EXPECT_EQ(session.levels.SeverityOf(Rule::UnusedAwaitable), Severity::Error);
  // A typeshed without `stdlib` is a problem returned to the caller; nothing fails.
  request.config->typeshed = "/elsewhere";
  Session broken = OpenSession(request, files);
  EXPECT_FALSE(broken.failed);
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_EQ(broken.problems[0].message, "t.md: `typeshed` folder `/elsewhere` has no `stdlib` folder");
  EXPECT_EQ(broken.program_options.typeshed, "");
  // An environment that is not there is a problem too.
  request.config->typeshed = "/typeshed";
  request.environment = "/missing-venv";
  Session no_env = OpenSession(request, files);
  ASSERT_EQ(no_env.problems.size(), 1u);
  EXPECT_EQ(no_env.problems[0].kind, Kind::BadPython);
  EXPECT_TRUE(no_env.program_options.site_packages.empty());
}

TEST(SessionTest, EnvironmentVersionSitePackagesAndConfigFromCheckedPath) {
  // The configuration is found from the checked path (not the working folder); its `python`
  // names a virtual environment whose version is the target's and whose site-packages are
  // searched; `--python` overrides it; a `src/` layout is an import root.
  TempTree tree;
  for (const char* dir : {"proj/env/lib/python3.10/site-packages/lib1", "proj/other/lib/python3.13/site-packages",
                          "proj/src/app", "proj/tests", "elsewhere"}) {
    tree.Dir(dir);
  }
  tree.File("proj/pyproject.toml", "[tool.asynctype]\npython = \"env\"\n");
  tree.File("proj/env/pyvenv.cfg", "home = /usr/bin\nversion = 3.10.2\n");
  tree.Dir("proj/env/lib/python3.10/site-packages/lib1");
  tree.File("proj/other/pyvenv.cfg", "version_info = 3.13.0\n");
  tree.Dir("proj/other/lib/python3.13/site-packages");
  tree.File("proj/src/app/__init__.py", "");
  tree.File("proj/tests/test_a.py", "");
  tree.Dir("elsewhere");
  InFolder in(tree.Path("elsewhere"));
  SessionRequest request;
  request.paths = {tree.Path("proj/tests")};
  request.environment_inputs = EnvironmentInputs{};
  OsFileSystem os;
  Session session = OpenSession(request, os);
  EXPECT_FALSE(session.failed);
  EXPECT_TRUE(session.problems.empty());
  EXPECT_EQ(session.config.path, "../proj/pyproject.toml");
  ASSERT_TRUE(session.environment);
  EXPECT_EQ(session.program_options.python_version, (PythonVersion{3, 10}));
  EXPECT_EQ(session.program_options.site_packages, (Strings{"../proj/env/lib/python3.10/site-packages"}));
  EXPECT_NE(std::find(session.program_options.roots.begin(), session.program_options.roots.end(), "../proj/src"),
            session.program_options.roots.end());
  request.python = tree.Path("proj/other");
  Session overridden = OpenSession(request, os);
  EXPECT_EQ(overridden.program_options.python_version, (PythonVersion{3, 13}));
  request.python_version = PythonVersion{3, 9};
  EXPECT_EQ(OpenSession(request, os).program_options.python_version, (PythonVersion{3, 9}));
  request.python = tree.Path("proj/src");
  Session bad = OpenSession(request, os);
  EXPECT_TRUE(bad.failed);
  EXPECT_TRUE(bad.Has(Kind::BadPython));
}

}  // namespace
}  // namespace asynctype
