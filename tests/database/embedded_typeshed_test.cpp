// The embedded typeshed and its VERSIONS: the table carries typeshed's stdlib with its VERSIONS and
// provenance; VERSIONS ranges apply to submodules through their closest listed parent; the
// resolver hides the modules that do not exist in the configured Python version, and takes even
// typing/builtins from the embedded stubs.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "checker/database/embedded_stubs.h"
#include "checker/database/module_table.h"
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/database/stdlib_versions.h"
#include "checker/fs/filesystem.h"

namespace asynctype {
namespace {

bool HasStub(const EmbeddedStubTable& table, llvm::StringRef path) {
  return std::any_of(table.stubs.begin(), table.stubs.end(),
                     [&](const EmbeddedStub& stub) { return path == stub.path; });
}

TEST(EmbeddedTypeshed, CarriesTypeshedWithItsProvenance) {
  const EmbeddedStubTable& full = EmbeddedStubs();
  EXPECT_GT(full.stubs.size(), 700u);
  for (llvm::StringRef path : {"builtins.pyi", "typing.pyi", "zipfile/__init__.pyi", "asyncio/taskgroups.pyi"}) {
    EXPECT_TRUE(HasStub(full, path)) << path.str();
  }
  EXPECT_TRUE(full.versions.contains("asyncio.taskgroups: 3.11-"));
  EXPECT_EQ(full.typeshed_commit.size(), 40u);
  EXPECT_TRUE(full.typeshed_commit.find_first_not_of("0123456789abcdef") == llvm::StringRef::npos);
  EXPECT_TRUE(full.origin.startswith("pyright 1.1."));
  EXPECT_TRUE(std::is_sorted(full.stubs.begin(), full.stubs.end(), [](const EmbeddedStub& a, const EmbeddedStub& b) {
    return llvm::StringRef(a.path) < llvm::StringRef(b.path);
  }));
  for (const EmbeddedStub& stub : full.stubs) ASSERT_EQ(std::char_traits<char>::length(stub.text), stub.size) << stub.path;
  EXPECT_GT(full.stdlib_module_names.size(), 300u);
}

TEST(StdlibVersions, RangesParentsAndBadLines) {
  StdlibVersions versions(
      "# comment\n"
      "\n"
      "asyncio: 3.4-\n"
      "asyncio.taskgroups: 3.11-  # trailing comment\n"
      "distutils: 3.0-3.11\n"
      "distutils.command.bdist_msi: 3.0-3.10\n"
      "broken line\n"
      "nodash: 3.5\n"
      "badversion: x.y-\n"
      "  spaced  :  3.8 - 3.9 \r\n");
  PythonVersion v310{3, 10}, v311{3, 11}, v312{3, 12};
  EXPECT_TRUE(versions.Available("asyncio", v310));
  EXPECT_TRUE(versions.Available("asyncio.tasks", v310));  // as its parent
  EXPECT_FALSE(versions.Available("asyncio.taskgroups", v310));
  EXPECT_TRUE(versions.Available("asyncio.taskgroups", v311));
  EXPECT_FALSE(versions.Available("asyncio.taskgroups.sub", v310));
  EXPECT_TRUE(versions.Available("distutils", v311));
  EXPECT_FALSE(versions.Available("distutils", v312));
  EXPECT_FALSE(versions.Available("distutils.core", v312));
  EXPECT_FALSE(versions.Available("distutils.command.bdist_msi", v311));
  EXPECT_TRUE(versions.Available("distutils.command.build", v311));
  EXPECT_TRUE(versions.Available("spaced", PythonVersion{3, 9}));
  EXPECT_FALSE(versions.Available("spaced", v310));
  // Unknown modules, and lines that do not parse, decide nothing.
  EXPECT_FALSE(versions.Knows("zipfile"));
  EXPECT_TRUE(versions.Available("zipfile", v310));
  EXPECT_FALSE(versions.Knows("broken line"));
  EXPECT_FALSE(versions.Knows("nodash"));
  EXPECT_FALSE(versions.Knows("badversion"));
  EXPECT_TRUE(StdlibVersions().empty());
  EXPECT_TRUE(StdlibVersions().Available("anything", v310));
}

// Whether `name` resolves to a module with a file, in a program over an empty file system.
bool ResolvesToStub(PythonVersion version, const std::string& name) {
  MemoryFileSystem fs;
  ProgramOptions options;
  options.python_version = version;
  Program program(options, fs);
  ModuleId id = program.resolver().Resolve(name);
  return id.valid() && program.modules()[id].file.valid();
}

TEST(EmbeddedTypeshed, ResolverUsesItsStubsAndVersions) {
  PythonVersion v310{3, 10}, v311{3, 11}, v312{3, 12};
  EXPECT_TRUE(ResolvesToStub(v312, "zipfile"));
  EXPECT_FALSE(ResolvesToStub(v310, "asyncio.taskgroups"));
  EXPECT_TRUE(ResolvesToStub(v311, "asyncio.taskgroups"));
  EXPECT_TRUE(ResolvesToStub(v311, "distutils"));
  EXPECT_FALSE(ResolvesToStub(v312, "distutils"));

  // The core modules come from the embedded stubs too: the stub's path and text.
  const EmbeddedStubTable& full = EmbeddedStubs();
  auto it = std::find_if(full.stubs.begin(), full.stubs.end(),
                         [](const EmbeddedStub& stub) { return llvm::StringRef(stub.path) == "typing.pyi"; });
  ASSERT_NE(it, full.stubs.end());
  MemoryFileSystem fs;
  ProgramOptions options;
  Program program(options, fs);
  ModuleId typing = program.resolver().Resolve("typing");
  ASSERT_TRUE(typing.valid());
  const SourceFile& source = program.source(program.modules()[typing].file);
  EXPECT_EQ(source.path(), "vendored://stdlib/typing.pyi");
  EXPECT_EQ(source.text(), llvm::StringRef(it->text, it->size));
}

}  // namespace
}  // namespace asynctype
