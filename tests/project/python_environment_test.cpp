// Unit tests of checker/project/python_environment: pyvenv.cfg, .pth files and the discovery
// order, on the in-memory file system (nothing is run).
#include "checker/project/python_environment.h"

#include <gtest/gtest.h>

#include "checker/project/project_config.h"

namespace asynctype {
namespace {

using Strings = std::vector<std::string>;

TEST(PyvenvConfig, ReadsHomeVersionAndSystemSitePackages) {
  PyvenvConfig config = ParsePyvenvConfig(
      "home = /usr/local/bin\ninclude-system-site-packages = true\nversion = 3.11.7\n"
      "executable = /usr/local/bin/python3.11\n");
  EXPECT_EQ(config.home, "/usr/local/bin");
  ASSERT_TRUE(config.version);
  EXPECT_EQ(config.version->ToString(), "3.11");
  EXPECT_TRUE(config.include_system_site_packages);
}

TEST(PyvenvConfig, VersionInfoAndOddLines) {
  // uv writes `version_info`; blank, comment-like and malformed lines are ignored.
  PyvenvConfig config = ParsePyvenvConfig("\nnot a key line\nversion_info=3.13.0.final.0\r\nhome=/x\r\n"
                                          "include-system-site-packages = FALSE\n");
  ASSERT_TRUE(config.version);
  EXPECT_EQ(config.version->ToString(), "3.13");
  EXPECT_EQ(config.home, "/x");
  EXPECT_FALSE(config.include_system_site_packages);
  EXPECT_FALSE(ParsePyvenvConfig("version = banana\n").version);
  EXPECT_FALSE(ParsePyvenvConfig("").version);
}

TEST(PthFiles, PlainLinesAreFoldersImportLinesAreSkipped) {
  MemoryFileSystem fs;
  const std::string sp = "/venv/lib/python3.12/site-packages";
  fs.Write(sp + "/a.pth", "# a comment\n/work/editable\n\nimport sys; sys.path.append('/evil')\nrelative\n/missing\n");
  fs.Write(sp + "/b.pth", "/work/editable\n/work/second\n");
  fs.Write(sp + "/not-a-pth.txt", "/work/other\n");
  fs.Write("/work/editable/pkg/__init__.py", "");
  fs.Write("/work/second/mod.py", "");
  fs.Write("/work/other/mod.py", "");
  fs.Write(sp + "/relative/mod.py", "");
  fs.Write("/evil/mod.py", "");
  EXPECT_EQ(PthFolders(fs, sp), (Strings{"/work/editable", sp + "/relative", "/work/second"}));
}

// A virtual environment as `python -m venv` lays it out.
void MakeVenv(MemoryFileSystem& fs, const std::string& root, const std::string& version) {
  fs.Write(root + "/pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = false\nversion = " + version + "\n");
  fs.Write(root + "/bin/python", "");
  std::string minor = version.substr(0, version.rfind('.'));
  fs.Write(root + "/lib/python" + minor + "/site-packages/pkg/__init__.py", "");
}

TEST(PythonEnvironment, VirtualEnvironmentFromFolderOrInterpreter) {
  MemoryFileSystem fs;
  MakeVenv(fs, "/proj/.venv", "3.10.4");
  fs.Write("/proj/.venv/lib/python3.10/site-packages/edit.pth", "/src/editable\n");
  fs.Write("/src/editable/e.py", "");
  for (const std::string& path : {"/proj/.venv", "/proj/.venv/bin/python"}) {
    std::string error;
    auto env = EnvironmentAt(fs, path, "--python", &error);
    ASSERT_TRUE(env) << error;
    EXPECT_TRUE(env->virtual_env);
    EXPECT_EQ(env->prefix, "/proj/.venv");
    ASSERT_TRUE(env->version);
    EXPECT_EQ(env->version->ToString(), "3.10");
    EXPECT_EQ(env->version_origin, "pyvenv.cfg");
    EXPECT_EQ(env->site_packages, (Strings{"/proj/.venv/lib/python3.10/site-packages", "/src/editable"}));
    EXPECT_EQ(env->pth_folders, (Strings{"/src/editable"}));
  }
}

TEST(PythonEnvironment, SitePackagesFolderAndSystemSitePackages) {
  MemoryFileSystem fs;
  fs.Write("/usr/lib/python3.11/site-packages/sys_pkg/__init__.py", "");
  fs.Write("/usr/bin/python3", "");
  fs.Write("/venv/pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = true\nversion = 3.11.2\n");
  fs.Write("/venv/lib/python3.11/site-packages/own/__init__.py", "");
  std::string error;
  auto env = EnvironmentAt(fs, "/venv", "VIRTUAL_ENV", &error);
  ASSERT_TRUE(env) << error;
  EXPECT_EQ(env->site_packages,
            (Strings{"/venv/lib/python3.11/site-packages", "/usr/lib/python3.11/site-packages"}));

  auto bare = EnvironmentAt(fs, "/usr/lib/python3.11/site-packages", "--python", &error);
  ASSERT_TRUE(bare) << error;
  EXPECT_FALSE(bare->virtual_env);
  EXPECT_EQ(bare->site_packages, (Strings{"/usr/lib/python3.11/site-packages"}));
  ASSERT_TRUE(bare->version);
  EXPECT_EQ(bare->version->ToString(), "3.11");
}

TEST(PythonEnvironment, DebianSystemPrefix) {
  // Debian's python3: no site-packages, packages in lib/python3/dist-packages (apt) and
  // /usr/local/lib/python3.X/dist-packages (pip).
  MemoryFileSystem fs;
  fs.Write("/usr/lib/python3.11/os.py", "");
  fs.Write("/usr/lib/python3/dist-packages/apt_pkg/__init__.py", "");
  fs.Write("/usr/local/lib/python3.11/dist-packages/pip_pkg/__init__.py", "");
  std::string error;
  auto env = EnvironmentAt(fs, "/usr", "--python", &error);
  ASSERT_TRUE(env) << error;
  ASSERT_TRUE(env->version);
  EXPECT_EQ(env->version->ToString(), "3.11");
  EXPECT_EQ(env->site_packages,
            (Strings{"/usr/lib/python3/dist-packages", "/usr/local/lib/python3.11/dist-packages"}));
}

TEST(PythonEnvironment, BadPathsAreErrors) {
  MemoryFileSystem fs;
  fs.Write("/empty/readme.txt", "");
  std::string error;
  EXPECT_FALSE(EnvironmentAt(fs, "/nowhere", "--python", &error));
  EXPECT_EQ(error, "--python: `/nowhere` does not exist");
  EXPECT_FALSE(EnvironmentAt(fs, "/empty", "--python", &error));
  EXPECT_NE(error.find("is not a Python environment"), std::string::npos);
  EXPECT_FALSE(EnvironmentAt(fs, "/empty/readme.txt", "--python", &error));
  EXPECT_NE(error.find("cannot find the environment"), std::string::npos);
}

TEST(PythonEnvironment, DiscoveryOrder) {
  MemoryFileSystem fs;
  MakeVenv(fs, "/explicit", "3.9.1");
  MakeVenv(fs, "/active", "3.10.1");
  MakeVenv(fs, "/proj/.venv", "3.13.1");
  fs.Write("/opt/py/bin/python3", "");
  fs.Write("/opt/py/lib/python3.14/site-packages/x.py", "");
  EnvironmentInputs inputs;
  inputs.project_root = "/proj";
  inputs.path = "/nothing/here:/opt/py/bin";
  inputs.virtual_env = "/active";
  inputs.python = "/explicit";
  inputs.python_origin = "--python";
  std::string error;
  auto version_of = [&]() {
    auto env = DiscoverPythonEnvironment(fs, inputs, &error);
    EXPECT_TRUE(error.empty()) << error;
    return env ? env->origin + " " + (env->version ? env->version->ToString() : "?") : std::string("none");
  };
  EXPECT_EQ(version_of(), "--python 3.9");
  inputs.python.clear();
  EXPECT_EQ(version_of(), "VIRTUAL_ENV 3.10");
  inputs.virtual_env = "/not/a/venv";  // ignored: the next source is used
  EXPECT_EQ(version_of(), "`.venv` in the project root 3.13");
  inputs.project_root = "/elsewhere";
  EXPECT_EQ(version_of(), "`python3` on PATH 3.14");
  inputs.path.clear();
  EXPECT_EQ(version_of(), "none");
  inputs.python = "/missing";
  EXPECT_FALSE(DiscoverPythonEnvironment(fs, inputs, &error));
  EXPECT_FALSE(error.empty());
}

TEST(PythonEnvironment, PyenvShimSelectsItsVersion) {
  MemoryFileSystem fs;
  fs.Write("/pyenv/shims/python3", "#!/bin/sh\nexec pyenv exec python3\n");
  fs.Write("/pyenv/version", "3.12.1\n");
  fs.Write("/pyenv/versions/3.12.1/bin/python3", "");
  fs.Write("/pyenv/versions/3.12.1/lib/python3.12/site-packages/x.py", "");
  fs.Write("/pyenv/versions/3.10.2/bin/python3", "");
  fs.Write("/pyenv/versions/3.10.2/lib/python3.10/site-packages/x.py", "");
  EnvironmentInputs inputs;
  inputs.project_root = "/proj";
  inputs.path = "/pyenv/shims";
  std::string error;
  auto env = DiscoverPythonEnvironment(fs, inputs, &error);
  ASSERT_TRUE(env);
  EXPECT_EQ(env->prefix, "/pyenv/versions/3.12.1");
  inputs.pyenv_version = "3.10.2";
  env = DiscoverPythonEnvironment(fs, inputs, &error);
  ASSERT_TRUE(env);
  EXPECT_EQ(env->prefix, "/pyenv/versions/3.10.2");
}

}  // namespace
}  // namespace asynctype

namespace asynctype {
namespace {

TEST(PythonConfigKey, ResolvedAgainstTheFileAndValidated) {
  std::string error;
  auto config = ParseProjectConfig("[tool.asynctype]\npython = \".venv\"\n", "proj/pyproject.toml", &error);
  ASSERT_TRUE(config) << error;
  EXPECT_EQ(config->python, "proj/.venv");
  config = ParseProjectConfig("python = \"/opt/venv/bin/python\"\n", "asynctype.toml", &error);
  ASSERT_TRUE(config) << error;
  EXPECT_EQ(config->python, "/opt/venv/bin/python");
  EXPECT_FALSE(ParseProjectConfig("python = 3\n", "asynctype.toml", &error));
  EXPECT_EQ(error, "asynctype.toml:1:10: `python` must be a string (an interpreter, a virtual environment or a "
                   "site-packages folder)");
  EXPECT_FALSE(ParseProjectConfig("python = \"\"\n", "asynctype.toml", &error));
}

}  // namespace
}  // namespace asynctype
