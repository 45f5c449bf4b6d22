// Unit tests for the type-level certainty predicates: AnyMember over a type or its union
// members, dynamic parts (including the `Any` class of a first-party `typing.py`), Unknown
// members, and when a union's failing members may be reported.
#include "checker/infer/certainty.h"

#include <gtest/gtest.h>

namespace asynctype {
namespace {

TypeId InstanceOf(TypeStore& store, const char* module, const char* name) {
  ClassInfo info;
  info.name = name;
  info.module = module;
  info.resolved = true;
  return store.Instance(store.AddClass(info));
}

TEST(CertaintyTest, AnyMemberLooksAtTheTypeAndItsUnionMembers) {
  TypeStore store;
  TypeId i = InstanceOf(store, "builtins", "int");
  TypeId s = InstanceOf(store, "builtins", "str");
  auto is_none = [&](TypeId t) { return store.kind(t) == TypeKind::NoneType; };
  EXPECT_TRUE(AnyMember(store, store.None(), is_none));
  EXPECT_TRUE(AnyMember(store, store.Union({i, store.None()}), is_none));
  EXPECT_FALSE(AnyMember(store, store.Union({i, s}), is_none));
  EXPECT_FALSE(AnyMember(store, i, is_none));
}

TEST(CertaintyTest, DynamicPartsAndUnknownMembers) {
  TypeStore store;
  TypeId i = InstanceOf(store, "builtins", "int");
  TypeId stand_in = InstanceOf(store, "typing", "Any");  // `class Any` of a first-party typing.py
  TypeId other_any = InstanceOf(store, "mylib", "Any");
  EXPECT_TRUE(IsAnyStandIn(store, stand_in));
  EXPECT_FALSE(IsAnyStandIn(store, other_any));
  EXPECT_TRUE(HasDynamicPart(store, store.AnyType()));
  EXPECT_TRUE(HasDynamicPart(store, store.Union({i, store.Unknown()})));
  EXPECT_TRUE(HasDynamicPart(store, store.Union({i, stand_in})));
  EXPECT_FALSE(HasDynamicPart(store, store.Union({i, other_any})));
  EXPECT_TRUE(HasUnknownMember(store, store.Unknown()));
  EXPECT_TRUE(HasUnknownMember(store, store.Union({i, store.Unknown()})));
  EXPECT_FALSE(HasUnknownMember(store, store.AnyType()));
}

TEST(CertaintyTest, OnlyNoneFailsOrAll) {
  TypeStore store;
  TypeId i = InstanceOf(store, "builtins", "int");
  TypeId s = InstanceOf(store, "builtins", "str");
  TypeId optional = store.Union({i, store.None()});
  EXPECT_TRUE(OnlyNoneFailsOrAll(store, optional, {store.None()}));
  EXPECT_TRUE(OnlyNoneFailsOrAll(store, optional, {i, store.None()}));
  EXPECT_FALSE(OnlyNoneFailsOrAll(store, store.Union({i, s}), {s}));
}

}  // namespace
}  // namespace asynctype
