// The module table: one entry per module the resolver finds (or knows to exist untyped), owned by
// the Program; the module object's type is interned in the type store with the module's name.
#include <gtest/gtest.h>

#include "checker/database/module_table.h"
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/fs/filesystem.h"
#include "checker/types/type_store.h"

namespace asynctype {
namespace {

TEST(ModuleTableTest, EntriesAndTheirTypes) {
  TypeStore store;
  ModuleTable table(store);
  ModuleId pkg = table.Add(ModuleInfo{"pkg", FileId(3), true});
  ModuleId mod = table.Add(ModuleInfo{"pkg.mod", FileId::None(), false});
  EXPECT_NE(pkg, mod);
  EXPECT_EQ(table[pkg].name, "pkg");
  EXPECT_EQ(table[pkg].file, FileId(3));
  EXPECT_TRUE(table[pkg].is_package);
  EXPECT_EQ(table[mod].name, "pkg.mod");
  EXPECT_FALSE(table[mod].file.valid());
  TypeId type = table.Type(mod);
  EXPECT_EQ(table.Type(mod), type);
  EXPECT_NE(table.Type(pkg), type);
  EXPECT_EQ(ModuleTypeView(store, type).module(), mod);
  EXPECT_EQ(store.Display(type), "<module 'pkg.mod'>");
}

TEST(ModuleTableTest, TheResolverFillsTheProgramsTable) {
  MemoryFileSystem fs;
  fs.Write("/p/app/__init__.py", "");
  fs.Write("/p/app/util.py", "x = 1\n");
  ProgramOptions options;
  options.roots = {"/p"};
  Program program(options, fs);
  ModuleId util = program.resolver().Resolve("app.util");
  ASSERT_TRUE(util.valid());
  EXPECT_EQ(program.modules()[util].name, "app.util");
  EXPECT_TRUE(program.modules()[util].file.valid());
  EXPECT_FALSE(program.modules()[util].is_package);
  ModuleId app = program.resolver().Resolve("app");
  ASSERT_TRUE(app.valid());
  EXPECT_TRUE(program.modules()[app].is_package);
  EXPECT_EQ(program.resolver().Resolve("app.util"), util);  // one id per module
  EXPECT_FALSE(program.resolver().Resolve("app.missing").valid());
  EXPECT_EQ(program.types().Display(program.modules().Type(util)), "<module 'app.util'>");
}

}  // namespace
}  // namespace asynctype
