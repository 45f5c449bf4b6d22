// Unit tests for the semantic index: scopes and their kinds, function flags, definitions and
// name resolution, static version branches.
#include "checker/semantic/index.h"

#include <gtest/gtest.h>

#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

struct Indexed {
  explicit Indexed(const char* text, PythonVersion version = {3, 12})
      : source(FileId(0), "test.py", text), parsed(Parse(source)) {
    IndexOptions options;
    options.python_version = version;
    index = BuildIndex(parsed.ast, FileId(0), options);
  }
  // The scope of the first node whose text starts at `needle`.
  NodeId NodeAt(const char* needle, NodeKind kind) const {
    size_t offset = source.text().find(needle);
    for (size_t i = 0; i < parsed.ast.size(); ++i) {
      NodeId id(static_cast<uint32_t>(i));
      if (parsed.ast.kind(id) == kind && parsed.ast.range(id).start == offset) return id;
    }
    return NodeId::None();
  }
  SourceFile source;
  ParsedFile parsed;
  SemanticIndex index;
};

TEST(SemanticIndexTest, ScopesAndFunctionFlags) {
  Indexed t(
      "async def f():\n"
      "    await g()\n"
      "def gen():\n"
      "    yield 1\n"
      "class C:\n"
      "    x = [i for i in range(3)]\n"
      "    l = lambda: 1\n");
  ASSERT_TRUE(t.parsed.syntax_errors.empty());
  std::vector<ScopeKind> kinds;
  for (size_t i = 0; i < t.index.scope_count(); ++i) kinds.push_back(t.index.scope(ScopeId(i)).kind);
  EXPECT_EQ(kinds, (std::vector<ScopeKind>{ScopeKind::Module, ScopeKind::Function, ScopeKind::Function,
                                           ScopeKind::Class, ScopeKind::Comprehension, ScopeKind::Lambda}));
  const Scope& f = t.index.scope(ScopeId(1));
  EXPECT_TRUE(f.is_async);
  EXPECT_TRUE(f.has_await);
  EXPECT_FALSE(f.is_generator);
  const Scope& gen = t.index.scope(ScopeId(2));
  EXPECT_FALSE(gen.is_async);
  EXPECT_TRUE(gen.is_generator);
  EXPECT_TRUE(t.index.diagnostics().empty());
}

TEST(SemanticIndexTest, ResolvesTheBindingBeforeTheUse) {
  Indexed t("x = 1\nx = 'a'\nprint(x)\nx = 2.0\n");
  NodeId use = t.NodeAt("x)", NodeKind::Name);
  ASSERT_TRUE(use.valid());
  auto res = t.index.ResolveName(t.index.ScopeOf(use), "x", t.parsed.ast.range(use).start, false, false);
  ASSERT_EQ(res.kind, SemanticIndex::Resolution::Kind::Found);
  ASSERT_EQ(res.definitions.size(), 1u);
  EXPECT_EQ(t.index.definition(res.definitions[0]).offset, t.source.text().find("\nprint"));
  auto builtin = t.index.ResolveName(t.index.ScopeOf(use), "print", 0, false, false);
  EXPECT_EQ(builtin.kind, SemanticIndex::Resolution::Kind::Builtin);
}

TEST(SemanticIndexTest, LocalUsedBeforeAssignmentIsUnbound) {
  Indexed t("def f():\n    print(y)\n    y = 1\n");
  NodeId use = t.NodeAt("y)", NodeKind::Name);
  auto res = t.index.ResolveName(t.index.ScopeOf(use), "y", t.parsed.ast.range(use).start, false, false);
  EXPECT_EQ(res.kind, SemanticIndex::Resolution::Kind::Unbound);
}

TEST(SemanticIndexTest, EvaluatesVersionBranchesStatically) {
  const char* text =
      "import sys\n"
      "if sys.version_info >= (3, 11):\n"
      "    new = 1\n"
      "else:\n"
      "    old = 1\n";
  Indexed v312(text, {3, 12});
  Indexed v310(text, {3, 10});
  ScopeId module = v312.index.module_scope();
  EXPECT_TRUE(v312.index.LookupSymbol(module, "new").valid());
  EXPECT_FALSE(v312.index.LookupSymbol(module, "old").valid());
  EXPECT_FALSE(v310.index.LookupSymbol(module, "new").valid());
  EXPECT_TRUE(v310.index.LookupSymbol(module, "old").valid());
}

TEST(SemanticIndexTest, ReportsAwaitOutsideAsyncFunction) {
  Indexed t("def f():\n    await g()\nasync def h():\n    x = (await g() for _ in y)\n");
  ASSERT_EQ(t.index.diagnostics().size(), 1u);
  EXPECT_EQ(t.index.diagnostics()[0].message, "`await` outside of an asynchronous function");
  EXPECT_EQ(t.index.diagnostics()[0].range.start, t.source.text().find("await"));
}

}  // namespace
}  // namespace asynctype

namespace asynctype {
namespace {

// Repeated tests of one name, and branches ending in calls, must not multiply the bindings that
// reach later uses (they used to double with each `if`).
TEST(SemanticIndexTest, RepeatedNarrowingKeepsBindingsSmall) {
  std::string text = "def f(x, y):\n";
  for (int i = 0; i < 60; ++i) {
    text += "    if x is None:\n        log()\n    if y:\n        z = 1\n    else:\n        fail()\n";
  }
  text += "    print(x, y)\n";
  Indexed t(text.c_str());
  size_t use = t.source.text().rfind("x, y)");
  NodeId x_use, y_use;
  for (size_t i = 0; i < t.parsed.ast.size(); ++i) {
    NodeId id(static_cast<uint32_t>(i));
    if (t.parsed.ast.kind(id) != NodeKind::Name) continue;
    if (t.parsed.ast.range(id).start == use) x_use = id;
    if (t.parsed.ast.range(id).start == use + 3) y_use = id;
  }
  ASSERT_TRUE(x_use.valid() && y_use.valid());
  ASSERT_NE(t.index.UseOf(x_use), nullptr);
  EXPECT_LE(t.index.UseOf(x_use)->bindings.size(), FlowState::kMaxBindings);
  EXPECT_LE(t.index.UseOf(y_use)->bindings.size(), FlowState::kMaxBindings);
}

}  // namespace
}  // namespace asynctype
