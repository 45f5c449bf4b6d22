// FirstAwaitPoint / IsAwaitPoint: where a coroutine may suspend, found without entering nested
// functions, lambdas, classes or generator expressions (the lock and cancellation checks rely on
// it).
#include <gtest/gtest.h>

#include <string>

#include "checker/check/await_points.h"
#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

// The source text of the first await point in the body of the file's first function, or
// "<none>".
std::string FirstPoint(const std::string& code) {
  SourceFile source(FileId(0), "t.py", code);
  ParsedFile parsed = Parse(source);
  const Ast& ast = parsed.ast;
  NodeId fn = ast.children(ast.root()).front();
  EXPECT_EQ(ast.kind(fn), NodeKind::FunctionDef);
  NodeId point = FirstAwaitPoint(ast, FunctionDefView{ast, fn}.body());
  if (!point.valid()) return "<none>";
  TextRange r = ast.range(point);
  std::string text = code.substr(r.start, r.length());
  return text.substr(0, text.find('\n'));
}

TEST(AwaitPointsTest, FindsTheFirstInSourceOrder) {
  EXPECT_EQ(FirstPoint("async def f():\n    x = 1\n    await a()\n    await b()\n"), "await a()");
  EXPECT_EQ(FirstPoint("async def f():\n    if c:\n        print(await a())\n    await b()\n"), "await a()");
  EXPECT_EQ(FirstPoint("async def f():\n    async for x in y:\n        pass\n"), "async for x in y:");
  EXPECT_EQ(FirstPoint("async def f():\n    async with m:\n        await a()\n"), "async with m:");
  EXPECT_EQ(FirstPoint("async def f():\n    return [x async for x in y]\n"), "async for x in y");
}

TEST(AwaitPointsTest, SkipsNestedScopes) {
  EXPECT_EQ(FirstPoint("async def f():\n    async def g():\n        await a()\n    x = 1\n"), "<none>");
  EXPECT_EQ(FirstPoint("async def f():\n    class C:\n        async def m(self):\n            await a()\n"), "<none>");
  EXPECT_EQ(FirstPoint("async def f():\n    h = lambda: a()\n    g = (await x for x in y)\n"), "<none>");
  EXPECT_EQ(FirstPoint("def f():\n    x = 1\n"), "<none>");
}

}  // namespace
}  // namespace asynctype
