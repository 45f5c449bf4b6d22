// Unit tests for the decorator classifier: the last name component decides the kind, through
// attributes and calls; `calls` and `dotted` record the form, so each caller keeps its own rule
// (uncalled only, bare names only, ...).
#include "checker/semantic/decorators.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

// The decorators of the `def` (or `class`) in `text`, classified in order.
std::vector<Decorator> Classify(const std::string& text) {
  SourceFile source(FileId(0), "test.py", text);
  ParsedFile parsed = Parse(source);
  const Ast& ast = parsed.ast;
  std::vector<Decorator> result;
  for (size_t i = 0; i < ast.size(); ++i) {
    NodeId id(static_cast<uint32_t>(i));
    NodeId list;
    if (ast.kind(id) == NodeKind::FunctionDef) list = FunctionDefView{ast, id}.decorators();
    if (ast.kind(id) == NodeKind::ClassDef) list = ClassDefView{ast, id}.decorators();
    if (!list.valid()) continue;
    for (NodeId dec : ast.children(list)) {
      Decorator d = ClassifyDecorator(ast, dec);
      d.name = {};  // the text lives in `parsed`; compare kinds and forms
      result.push_back(d);
    }
  }
  return result;
}

TEST(DecoratorsTest, NamesAttributesAndCalls) {
  std::vector<Decorator> d = Classify(
      "@staticmethod\n"
      "@typing.overload\n"
      "@x.setter\n"
      "@deprecated('use g')\n"
      "@dataclasses.dataclass(frozen=True)\n"
      "@a()()\n"
      "@handlers[0]\n"
      "@my_decorator\n"
      "def f(): ...\n");
  ASSERT_EQ(d.size(), 8u);
  EXPECT_EQ(d[0].kind, KnownDecorator::StaticMethod);
  EXPECT_EQ(d[0].calls, 0u);
  EXPECT_FALSE(d[0].dotted);
  EXPECT_EQ(d[1].kind, KnownDecorator::Overload);
  EXPECT_TRUE(d[1].dotted);
  EXPECT_EQ(d[2].kind, KnownDecorator::Setter);
  EXPECT_TRUE(d[2].dotted);
  EXPECT_EQ(d[3].kind, KnownDecorator::Deprecated);
  EXPECT_EQ(d[3].calls, 1u);
  EXPECT_EQ(d[4].kind, KnownDecorator::Dataclass);
  EXPECT_EQ(d[4].calls, 1u);
  EXPECT_TRUE(d[4].dotted);
  EXPECT_EQ(d[5].kind, KnownDecorator::Unknown);
  EXPECT_EQ(d[5].calls, 2u);
  EXPECT_EQ(d[6].kind, KnownDecorator::Unknown);  // no name at all
  EXPECT_EQ(d[7].kind, KnownDecorator::Unknown);
}

TEST(DecoratorsTest, AppliedByName) {
  // The method decorators whose effect the inference applies itself.
  for (KnownDecorator k : {KnownDecorator::StaticMethod, KnownDecorator::ClassMethod, KnownDecorator::Property,
                           KnownDecorator::CachedProperty, KnownDecorator::Overload, KnownDecorator::Setter,
                           KnownDecorator::Final, KnownDecorator::Override, KnownDecorator::Deprecated}) {
    EXPECT_TRUE(AppliedByName(k)) << static_cast<int>(k);
  }
  // Class decorators and unknown names are applied as calls.
  for (KnownDecorator k : {KnownDecorator::Unknown, KnownDecorator::Dataclass, KnownDecorator::TotalOrdering,
                           KnownDecorator::Unique, KnownDecorator::TypeCheckOnly}) {
    EXPECT_FALSE(AppliedByName(k)) << static_cast<int>(k);
  }
}

}  // namespace
}  // namespace asynctype
