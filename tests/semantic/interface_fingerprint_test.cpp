// Unit tests for the interface fingerprint (what importers can observe of a module): a change
// only inside an annotated `async def` or generator body keeps it; signatures, module-level
// code, class attributes, plain `def` bodies (read as blocking helpers), unannotated bodies,
// `self.x = ...` and a new `yield` change it. And the module references the cache resolves.
#include "checker/semantic/interface_fingerprint.h"

#include <gtest/gtest.h>

#include <string>

#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

ModuleInterface Interface(const std::string& text) {
  SourceFile source(FileId(0), "m.py", text);
  ParsedFile parsed = Parse(source);
  return ComputeModuleInterface(parsed.ast, text);
}

std::string Fingerprint(const std::string& text) { return Interface(text).fingerprint; }

const char* kBase =
    "import asyncio\n"
    "X: int = 1\n"
    "class C:\n"
    "    attr: int = 0\n"
    "    async def run(self, n: int) -> int:\n"
    "        await asyncio.sleep(n)\n"
    "        return n\n"
    "    def plain(self) -> int:\n"
    "        return 1\n"
    "async def fetch(url: str) -> str:\n"
    "    return url\n"
    "def infer():\n"
    "    return 3\n";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(InterfaceFingerprintTest, IsAHexDigest) {
  EXPECT_EQ(Fingerprint(kBase).size(), 32u);
  EXPECT_EQ(Fingerprint(kBase), Fingerprint(kBase));
}

TEST(InterfaceFingerprintTest, AnnotatedAsyncBodyChangesKeepIt) {
  std::string base = Fingerprint(kBase);
  EXPECT_EQ(base, Fingerprint(Replace(kBase, "    return url\n", "    x = url + url\n    return x\n")));
  EXPECT_EQ(base, Fingerprint(Replace(kBase, "        return n\n", "        print(n)\n        return n\n")));
}

TEST(InterfaceFingerprintTest, AnnotatedGeneratorBodyChangesKeepIt) {
  std::string gen = "from typing import Iterator\ndef g() -> Iterator[int]:\n    yield 1\n";
  EXPECT_EQ(Fingerprint(gen), Fingerprint(Replace(gen, "    yield 1\n", "    for i in range(3):\n        yield i\n")));
}

TEST(InterfaceFingerprintTest, InterfaceChangesChangeIt) {
  std::string base = Fingerprint(kBase);
  // A signature.
  EXPECT_NE(base, Fingerprint(Replace(kBase, "async def fetch(url: str) -> str:", "async def fetch(url: bytes) -> str:")));
  EXPECT_NE(base, Fingerprint(Replace(kBase, "-> str:", "-> bytes:")));
  // A decorator.
  EXPECT_NE(base, Fingerprint(Replace(kBase, "async def fetch", "@staticmethod\nasync def fetch")));
  // A module-level assignment.
  EXPECT_NE(base, Fingerprint(Replace(kBase, "X: int = 1", "X: int = 2")));
  // A class attribute.
  EXPECT_NE(base, Fingerprint(Replace(kBase, "attr: int = 0", "attr: str = ''")));
  // An unannotated function's body (its return type is inferred from it).
  EXPECT_NE(base, Fingerprint(Replace(kBase, "    return 3\n", "    return 'three'\n")));
  // A plain `def`'s body, even annotated: blocking-call summaries read it across modules.
  EXPECT_NE(base, Fingerprint(Replace(kBase, "        return 1\n", "        return 2\n")));
}

TEST(InterfaceFingerprintTest, MembersDeclaredInBodiesChangeIt) {
  std::string base = Fingerprint(kBase);
  EXPECT_NE(base, Fingerprint(Replace(kBase, "        return n\n", "        self.count = n\n        return n\n")));
  EXPECT_NE(base, Fingerprint(Replace(kBase, "        return n\n", "        self.count += n\n        return n\n")));
  EXPECT_NE(base, Fingerprint(Replace(kBase, "        return n\n", "        for self.i in []: pass\n        return n\n")));
  EXPECT_NE(base, Fingerprint(Replace(kBase, "    return url\n", "    global X\n    X = 2\n    return url\n")));
}

TEST(InterfaceFingerprintTest, AddingAYieldChangesIt) {
  std::string base = Fingerprint(kBase);
  EXPECT_NE(base, Fingerprint(Replace(kBase, "    return url\n", "    yield url\n")));
  // ... but a yield in a nested function does not make the outer one a generator.
  std::string nested = Replace(kBase, "    return url\n", "    def inner():\n        yield 1\n    return url\n");
  EXPECT_EQ(base, Fingerprint(nested));
}

TEST(InterfaceFingerprintTest, ReferencesImportsAndAttributeChains) {
  ModuleInterface m = Interface(
      "import a.b\n"
      "import c as d\n"
      "from .pkg import mod, name as alias\n"
      "from e import *\n"
      "def f():\n"
      "    import late\n"
      "    return d.sub.x, mod.inner, a.b.c, unrelated.attr\n");
  using K = ModuleReference::Kind;
  std::vector<ModuleReference> expected{
      {K::Import, 0, "a.b", ""},      {K::Import, 0, "c", ""},      {K::From, 1, "pkg", "mod"},
      {K::From, 1, "pkg", "name"},    {K::Star, 0, "e", ""},        {K::Import, 0, "late", ""},
  };
  for (const ModuleReference& ref : expected) {
    EXPECT_NE(std::find(m.references.begin(), m.references.end(), ref), m.references.end()) << ref.module << " " << ref.name;
  }
  auto has_attribute = [&](unsigned level, const std::string& module, const std::string& chain) {
    return std::find(m.references.begin(), m.references.end(), ModuleReference{K::Attribute, level, module, chain}) !=
           m.references.end();
  };
  EXPECT_TRUE(has_attribute(0, "c", "sub.x"));
  EXPECT_TRUE(has_attribute(1, "pkg.mod", "inner"));
  EXPECT_TRUE(has_attribute(0, "a", "b.c"));
  for (const ModuleReference& ref : m.references) EXPECT_NE(ref.module, "unrelated");
}


TEST(InterfaceFingerprintTest, MethodBodiesWithTryAndDocstrings) {
  std::string text =
      "class AsyncClient:\n"
      "    async def send(\n"
      "        self,\n"
      "        request: Request,\n"
      "        *,\n"
      "        stream: bool = False,\n"
      "    ) -> Response:\n"
      "        \"\"\"\n"
      "        Send a request.\n"
      "        \"\"\"\n"
      "        self._set_timeout(request)\n"
      "        response = await self._send_handling_auth(\n"
      "            request,\n"
      "            history=[],\n"
      "        )\n"
      "        try:\n"
      "            if not stream:\n"
      "                await response.aread()\n"
      "\n"
      "            return response\n"
      "\n"
      "        except BaseException as exc:\n"
      "            await response.aclose()\n"
      "            raise exc\n"
      "\n"
      "    async def other(self) -> None:\n"
      "        pass\n";
  EXPECT_EQ(Fingerprint(text), Fingerprint(Replace(text, "return response\n", "return response  # edited\n")));
}

}  // namespace
}  // namespace asynctype
