// Unit tests for the interned type store: identity, unions, display.
#include "checker/types/type_store.h"

#include <gtest/gtest.h>

namespace asynctype {
namespace {

ClassId AddClass(TypeStore& store, const char* name, int params = 0) {
  ClassInfo info;
  info.name = name;
  info.resolved = true;
  ClassId id = store.AddClass(info);
  for (int i = 0; i < params; ++i) {
    TypeVarInfo tv;
    tv.name = std::string("T") + std::to_string(i);
    TypeVarId tid = store.AddTypeVar(tv);
    store.cls(id).type_params.push_back(
        store.TypeVar(tid, BindingContext::Encode(BindingContext::Kind::Class, id.value)));
  }
  store.cls(id).mro.push_back(store.Instance(id, store.cls(id).type_params));
  return id;
}

TEST(TypeStoreTest, InterningGivesEqualIds) {
  TypeStore store;
  ClassId list = AddClass(store, "list", 1);
  ClassId integer = AddClass(store, "int");
  TypeId a = store.Instance(list, {store.Instance(integer)});
  TypeId b = store.Instance(list, {store.Instance(integer)});
  EXPECT_EQ(a, b);
  EXPECT_EQ(store.IntLiteral(42), store.IntLiteral(42));
  EXPECT_NE(store.IntLiteral(42), store.IntLiteral(-42));
  EXPECT_EQ(store.IntLiteralValue(store.IntLiteral(-42)), -42);
  EXPECT_EQ(store.StringLiteral("x"), store.StringLiteral("x"));
}

TEST(TypeStoreTest, UnionsFlattenDedupeAndKeepFirstSeenOrder) {
  TypeStore store;
  ClassId integer = AddClass(store, "int");
  ClassId str = AddClass(store, "str");
  TypeId i = store.Instance(integer), s = store.Instance(str);
  TypeId u1 = store.Union({s, i});
  TypeId u2 = store.Union({u1, s, store.Never(), i});
  EXPECT_EQ(u1, u2);
  EXPECT_EQ(store.Display(u1), "str | int");
  EXPECT_EQ(store.Union({i}), i);
  EXPECT_EQ(store.Union({}), store.Never());
  EXPECT_EQ(store.Display(store.Union({store.None(), s})), "None | str");
}

TEST(TypeStoreTest, LiteralsFoldIntoOneGroupInUnions) {
  TypeStore store;
  ClassId integer = AddClass(store, "int");
  TypeId u = store.Union({store.IntLiteral(0), store.Instance(integer), store.IntLiteral(1),
                          store.StringLiteral("a\"b"), store.BoolLiteral(true)});
  EXPECT_EQ(store.Display(u), "Literal[0, 1, \"a\\\"b\", True] | int");
  EXPECT_EQ(store.Display(store.BytesLiteral("ty")), "Literal[b\"ty\"]");
}

TEST(TypeStoreTest, DisplaysLikeTy) {
  TypeStore store;
  ClassId integer = AddClass(store, "int");
  ClassId generator = AddClass(store, "Generator", 3);
  TypeId g = store.Instance(generator, {store.AnyType(), store.None(), store.Instance(integer)});
  EXPECT_EQ(store.Display(g), "Generator[Any, None, int]");
  EXPECT_EQ(store.Display(store.ClassLiteral(integer)), "<class 'int'>");
  EXPECT_EQ(store.Display(store.Tuple({})), "tuple[()]");
  EXPECT_EQ(store.Display(store.HomogeneousTuple(store.Instance(integer))), "tuple[int, ...]");
  EXPECT_EQ(store.Display(store.Unknown()), "Unknown");
  EXPECT_EQ(store.Display(store.Never()), "Never");
  Signature sig;
  Param p;
  p.kind = ParamKind::PositionalOnly;
  p.type = store.Instance(integer);
  sig.params.push_back(p);
  sig.return_type = store.Instance(integer);
  EXPECT_EQ(store.Display(store.Callable(sig)), "(int, /) -> int");
  EXPECT_EQ(store.Display(store.Union({store.Callable(sig), store.None()})), "((int, /) -> int) | None");
  Signature gradual;
  gradual.gradual = true;
  gradual.return_type = store.Instance(integer);
  EXPECT_EQ(store.Display(store.Callable(gradual)), "(...) -> int");
}

TEST(TypeStoreTest, FunctionDisplayShowsDefaultsAndMarkers) {
  TypeStore store;
  ClassId integer = AddClass(store, "int");
  FunctionInfo fn;
  fn.name = "f";
  fn.signature_done = true;
  Param a{"a", ParamKind::PositionalOnly, store.Instance(integer), false, ""};
  Param b{"b", ParamKind::PositionalOrKeyword, TypeId::None(), true, "2"};
  Param c{"c", ParamKind::KeywordOnly, store.Instance(integer), true, "None"};
  fn.signature.params = {a, b, c};
  fn.signature.return_type = TypeId::None();
  FunctionId id = store.AddFunction(fn);
  EXPECT_EQ(store.Display(store.Function(id)), "def f(a: int, /, b=2, *, c: int = None) -> Unknown");
}

}  // namespace
}  // namespace asynctype
