// Unit tests for DunderAllCollector: a module's `__all__` from the statements that build it.
#include "checker/semantic/dunder_all.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

struct Collected {
  explicit Collected(const std::string& text) : source(FileId(0), "test.py", text), parsed(Parse(source)) {
    EXPECT_TRUE(parsed.syntax_errors.empty()) << text;
    DunderAllCollector collector(parsed.ast, names, modules);
    for (NodeId stmt : ModuleView{parsed.ast, parsed.ast.root()}.statements()) collector.Record(stmt);
  }
  // The text of the i-th module expression.
  std::string Module(size_t i) const {
    TextRange range = parsed.ast.range(modules[i]);
    return source.text().substr(range.start, range.length());
  }
  SourceFile source;
  ParsedFile parsed;
  std::optional<std::vector<std::string>> names;
  std::vector<NodeId> modules;
};

using Names = std::vector<std::string>;

TEST(DunderAllTest, BuiltFromStringLiterals) {
  EXPECT_EQ(Collected("x = 1\n").names, std::nullopt);
  EXPECT_EQ(Collected("__all__ = ['a', \"b\"]\n").names, (Names{"a", "b"}));
  EXPECT_EQ(Collected("__all__ = ('a',)\n__all__ += ['b']\n__all__.extend(('c',))\n__all__.append('d')\n").names,
            (Names{"a", "b", "c", "d"}));
  EXPECT_EQ(Collected("__all__: list[str] = ['a'] + ['b']\n").names, (Names{"a", "b"}));
  EXPECT_EQ(Collected("__all__ = ['a']\n__all__ = ['b']\n").names, (Names{"b"}));
  EXPECT_EQ(Collected("__all__ = ['a']\n__all__.remove('a')\n__all__.pop()\n").names, (Names{"a"}));
}

TEST(DunderAllTest, ValuesNotUnderstoodMakeItUnknownUntilReassigned) {
  EXPECT_EQ(Collected("__all__ = [f'{x}']\n").names, std::nullopt);
  EXPECT_EQ(Collected("__all__ = names()\n__all__ += ['a']\n").names, std::nullopt);
  EXPECT_EQ(Collected("__all__ = ['a']\n__all__.extend('bc')\n").names, std::nullopt);  // characters
  EXPECT_EQ(Collected("__all__ = x = ['a']\n").names, std::nullopt);  // two targets: not recorded
  EXPECT_EQ(Collected("__all__ = ['a'] * 2\n__all__ = ['b']\n").names, (Names{"b"}));
}

TEST(DunderAllTest, OtherModulesAllAreRecorded) {
  Collected c("__all__ = sub.__all__ + ['a']\n__all__ += pkg.mod.__all__\n__all__.extend(other.__all__)\n");
  EXPECT_EQ(c.names, (Names{"a"}));
  ASSERT_EQ(c.modules.size(), 3u);
  EXPECT_EQ(c.Module(0), "sub");
  EXPECT_EQ(c.Module(1), "pkg.mod");
  EXPECT_EQ(c.Module(2), "other");
  Collected opaque("__all__ = sub.__all__\n__all__ += g()\n");
  EXPECT_EQ(opaque.names, std::nullopt);
  EXPECT_TRUE(opaque.modules.empty());
}

}  // namespace
}  // namespace asynctype
