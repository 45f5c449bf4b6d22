// The blocking-call and callback tables name stub definitions by their defining module (typeshed
// moves definitions between a module and its C accelerator, `io` / `_io`): every standard
// library row must name a function or class method the embedded typeshed has, for every
// supported Python version, or a typeshed update would silently disable it.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/fs/filesystem.h"
#include "checker/infer/blocking_calls.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "llvm/ADT/SmallVector.h"

namespace asynctype {
namespace {

bool ThirdParty(llvm::StringRef module) {
  return module.startswith("requests") || module.startswith("httpx") || module.startswith("anyio");
}

// Whether one of the `|`-separated modules defines `name` (cls empty) or the class `cls` with a
// member `name` ("__init__": the class alone).
bool Defines(Program& program, llvm::StringRef modules, llvm::StringRef cls, llvm::StringRef name) {
  llvm::SmallVector<llvm::StringRef, 2> parts;
  modules.split(parts, '|');
  TypeStore& store = program.types();
  for (llvm::StringRef module : parts) {
    ModuleId id = program.resolver().Resolve(module.str());
    if (!id.valid() || !program.modules()[id].file.valid()) continue;
    FileInference& inference = program.inference(program.modules()[id].file);
    if (cls.empty()) {
      std::optional<TypeId> t = inference.ModuleSymbolType(name);
      if (t && (store.kind(*t) == TypeKind::Function || store.kind(*t) == TypeKind::Overloaded)) return true;
      continue;
    }
    std::optional<TypeId> c = inference.ModuleSymbolType(cls);
    if (!c || store.kind(*c) != TypeKind::ClassLiteral) continue;
    if (name == "__init__") return true;
    if (LookupMember(program, DefaultInstance(program, store.ClassOf(*c)), name).type.valid()) return true;
  }
  return false;
}

TEST(BlockingCallsTest, EveryStdlibRowNamesATypeshedDefinition) {
  for (uint8_t minor = 10; minor <= 14; ++minor) {
    MemoryFileSystem fs;
    ProgramOptions options;
    options.python_version = PythonVersion{3, minor};
    Program program(std::move(options), fs);
    // Rows sharing a `shown` name are alternatives (`_thread.lock` / `_thread.LockType` by
    // version): one of them must exist.
    std::map<std::string, bool> found;
    for (int i = 0; i < BlockingCalleeCount(); ++i) {
      const BlockingCallee& row = BlockingCalleeAt(i);
      if (ThirdParty(row.module)) continue;
      found[row.shown] |= Defines(program, row.module, row.cls, row.name);
    }
    for (const CallbackTaker& row : CallbackTakers()) {
      if (ThirdParty(row.module)) continue;
      found[std::string(row.shown) + " (callback)"] |= Defines(program, row.module, row.cls, row.name);
    }
    for (const auto& [shown, ok] : found) {
      if (shown == "asyncio.Runner.run" && minor < 11) {
        EXPECT_FALSE(ok) << "asyncio.Runner is new in 3.11";
        continue;
      }
      EXPECT_TRUE(ok) << shown << " on 3." << int(minor);
    }
  }
}

}  // namespace
}  // namespace asynctype
