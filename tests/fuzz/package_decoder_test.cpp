// The multi-file fuzz target's machinery: the byte format (package_decoder.h) decodes every input,
// spells module references as intended, appends raw chunks to the chosen file; the star-import
// scan (star_imports.h) finds cycles and blow-ups; the generated seeds are free of both.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuzz/package_decoder.h"
#include "fuzz/package_seeds.h"
#include "fuzz/star_imports.h"

namespace asynctype::fuzz {
namespace {

GeneratedPackage Decode(const std::string& bytes) {
  return DecodePackage({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()});
}

// Header: `modules` modules, Python 3.12, no prelude, checked from the first file.
std::string Header(size_t modules) { return {static_cast<char>(modules - 1), 0, 1, 0}; }

char Statements(size_t count) { return static_cast<char>(count * 4); }  // a .py module
char Op(Template t) { return static_cast<char>(t); }

TEST(PackageDecoder, EmptyInputIsOnePackageInit) {
  GeneratedPackage package = Decode("");
  ASSERT_EQ(package.files.size(), 1u);
  EXPECT_EQ(package.files[0].path, "pkg/__init__.py");
  EXPECT_NE(package.files[0].text.find("from typing import"), std::string::npos);  // the prelude
  EXPECT_EQ(package.python_version.ToString(), "3.12");
  EXPECT_EQ(package.top_level_names, std::vector<std::string>{"pkg"});
}

TEST(PackageDecoder, ModulesAndFileKinds) {
  // 4 modules: pkg/__init__ as .pyi, pkg/a as .py and .pyi, pkg/b and main as .py.
  std::string bytes = Header(4) + std::string{2, 3, 0, 0, 0, 0};
  GeneratedPackage package = Decode(bytes);
  std::vector<std::string> paths;
  for (const GeneratedFile& file : package.files) paths.push_back(file.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"pkg/__init__.pyi", "pkg/a.py", "pkg/a.pyi", "pkg/b.py",
                                             "main.py"}));
  EXPECT_EQ(package.top_level_names, (std::vector<std::string>{"pkg", "main"}));
}

TEST(PackageDecoder, ModuleReferencesAbsoluteAndRelative) {
  // 7 modules; pkg/__init__ and the next five are empty; pkg/sub/d imports pkg.a (module 1)
  // relatively, then star-imports its own package, then pkg (module 0) by its absolute name.
  std::string bytes = Header(7) + std::string(6, '\0');
  bytes += Statements(3);
  bytes += {Op(Template::RelativeImportName), 1, 0, 0};  // target, name A, no second name
  bytes += {Op(Template::RelativeImportStar), 5};        // pkg.sub
  bytes += {Op(Template::FromImportStar), 0};            // pkg
  GeneratedPackage package = Decode(bytes);
  ASSERT_EQ(package.files.size(), 7u);
  EXPECT_EQ(package.files[6].path, "pkg/sub/d.py");
  EXPECT_EQ(package.files[6].text, "from ..a import A\nfrom . import *\nfrom pkg import *\n");
}

TEST(PackageDecoder, NestingIsBounded) {
  // Every byte picks TypeCheckingBlock: blocks nest to the depth bound, then `pass`.
  std::string bytes = Header(1) + Statements(1) + std::string(64, Op(Template::TypeCheckingBlock));
  GeneratedPackage package = Decode(bytes);
  EXPECT_NE(package.files[0].text.find("            pass\n"), std::string::npos);
  EXPECT_EQ(package.files[0].text.find("                if"), std::string::npos);
}

TEST(PackageDecoder, RawChunksAreAppendedToTheChosenFile) {
  std::string bytes = Header(2) + std::string{0, 0};
  bytes += std::string("\x01x = 1") + '\0' + "\x02y = 2";  // file 1, then file 2 % 2 = 0
  GeneratedPackage package = Decode(bytes);
  ASSERT_EQ(package.files.size(), 2u);
  EXPECT_EQ(package.files[0].text, "y = 2\n");
  EXPECT_EQ(package.files[1].text, "x = 1\n");
}

GeneratedPackage Files(std::vector<GeneratedFile> files) {
  GeneratedPackage package;
  package.files = std::move(files);
  return package;
}

TEST(StarImports, CyclesAndBlowUps) {
  EXPECT_FALSE(HasRunawayStarImports(Files({{"pkg/__init__.py", "from .a import *\n"},
                                            {"pkg/a.py", "from pkg.b import *\n"},
                                            {"pkg/b.py", "from asyncio import *\n"}})));
  // Through the package, relative, in a block.
  EXPECT_TRUE(HasRunawayStarImports(Files({{"pkg/__init__.py", "from .a import *\n"},
                                           {"pkg/a.py", "if TYPE_CHECKING:\n    from . import *\n"}})));
  // After `;`, from a stub, one level up.
  EXPECT_TRUE(HasRunawayStarImports(Files({{"pkg/sub/__init__.pyi", "x = 1; from ..a import *\n"},
                                           {"pkg/a.py", "from pkg.sub import *\n"}})));
  EXPECT_TRUE(HasRunawayStarImports(Files({{"main.py", "from main import *\n"}})));
  // A diamond with repeated edges: 1 + 3 * (1 + 3 * (1 + 3)) = 40 chains from pkg.
  GeneratedPackage diamond = Files({{"pkg/__init__.py", "from .a import *\nfrom .a import *\nfrom .a import *\n"},
                                    {"pkg/a.py", "from .b import *\nfrom .b import *\nfrom .b import *\n"},
                                    {"pkg/b.py", "from .c import *\nfrom .c import *\nfrom .c import *\n"}});
  EXPECT_FALSE(HasRunawayStarImports(diamond, 40));
  EXPECT_TRUE(HasRunawayStarImports(diamond, 39));
}

TEST(PackageSeeds, CoverEveryTemplateWithoutStarCycles) {
  std::vector<std::string> seeds = PackageSeeds();
  ASSERT_GT(seeds.size(), static_cast<size_t>(kTemplateCount));
  for (uint8_t t = 0; t < kTemplateCount; ++t) {
    EXPECT_EQ(static_cast<uint8_t>(seeds[t][5]), t);  // the first statement of module 0
  }
  for (const std::string& seed : seeds) {
    GeneratedPackage package = Decode(seed);
    EXPECT_FALSE(HasRunawayStarImports(package)) << package.files[0].text;
  }
}

}  // namespace
}  // namespace asynctype::fuzz
