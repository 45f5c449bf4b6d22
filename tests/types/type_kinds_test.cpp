// Unit tests for the type kind registry (type_kinds.def): the generated name tables and the
// typed views read back what the store's constructors put in.
#include <gtest/gtest.h>

#include <string>

#include "checker/types/type_store.h"

namespace asynctype {
namespace {

ClassId AddClass(TypeStore& store, const char* name) {
  ClassInfo info;
  info.name = name;
  info.resolved = true;
  ClassId id = store.AddClass(info);
  store.cls(id).mro.push_back(store.Instance(id));
  return id;
}

TEST(TypeKindsTest, NamesComeFromTheRows) {
  EXPECT_STREQ(TypeKindName(TypeKind::Unknown), "Unknown");
  EXPECT_STREQ(TypeKindName(TypeKind::BoundMethod), "BoundMethod");
  EXPECT_STREQ(TypeKindName(TypeKind::TypeVarObject), "TypeVarObject");
  EXPECT_STREQ(SpecialFormName(SpecialForm::Optional), "Optional");
  EXPECT_STREQ(SpecialFormName(SpecialForm::Overload), "overload");
  EXPECT_STREQ(SpecialFormName(SpecialForm::TypeChecking), "TYPE_CHECKING");
  EXPECT_STREQ(SpecialFormName(SpecialForm::TypeIs), "TypeIs");
  EXPECT_STREQ(KnownClassModule(KnownClass::Object), "builtins");
  EXPECT_STREQ(KnownClassName(KnownClass::Object), "object");
  EXPECT_STREQ(KnownClassModule(KnownClass::Coroutine), "typing");
  EXPECT_STREQ(KnownClassModule(KnownClass::CoroutineType), "types");
  EXPECT_STREQ(KnownClassName(KnownClass::CoroutineType), "CoroutineType");
  EXPECT_STREQ(KnownClassModule(KnownClass::None_), "");
  EXPECT_STREQ(KnownClassName(KnownClass::None_), "");
}

TEST(TypeKindsTest, EveryKnownClassHasAModuleAndAName) {
  for (size_t i = 1; i < static_cast<size_t>(KnownClass::kCount); ++i) {
    auto known = static_cast<KnownClass>(i);
    EXPECT_STRNE(KnownClassModule(known), "") << i;
    EXPECT_STRNE(KnownClassName(known), "") << i;
  }
}

TEST(TypeKindsTest, ClassViewsReadClassAndArguments) {
  TypeStore store;
  ClassId list = AddClass(store, "list");
  ClassId integer = AddClass(store, "int");
  TypeId i = store.Instance(integer);
  TypeId list_int = store.Instance(list, {i});
  EXPECT_EQ(InstanceTypeView(store, list_int).cls(), list);
  ASSERT_EQ(InstanceTypeView(store, list_int).args().size(), 1u);
  EXPECT_EQ(InstanceTypeView(store, list_int).args()[0], i);
  EXPECT_TRUE(InstanceTypeView(store, i).args().empty());  // not generic
  TypeId literal = store.ClassLiteral(list);
  EXPECT_EQ(ClassLiteralTypeView(store, literal).cls(), list);
  EXPECT_TRUE(ClassLiteralTypeView(store, literal).args().empty());  // unspecialized
  EXPECT_EQ(store.ClassOf(literal), list);
  EXPECT_EQ(SubclassOfTypeView(store, store.SubclassOf(i)).instance(), i);
}

TEST(TypeKindsTest, ListViewsReadTheirMembers) {
  TypeStore store;
  TypeId i = store.Instance(AddClass(store, "int"));
  TypeId s = store.Instance(AddClass(store, "str"));
  TypeId tuple = store.Tuple({i, s});
  EXPECT_FALSE(TupleTypeView(store, tuple).homogeneous());
  EXPECT_EQ(TupleTypeView(store, tuple).elements().size(), 2u);
  TypeId many = store.HomogeneousTuple(i);
  EXPECT_TRUE(TupleTypeView(store, many).homogeneous());
  ASSERT_EQ(TupleTypeView(store, many).elements().size(), 1u);
  EXPECT_EQ(TupleTypeView(store, many).elements()[0], i);
  EXPECT_TRUE(TupleTypeView(store, store.Tuple({})).elements().empty());
  TypeId u = store.Union({i, s});
  ASSERT_EQ(UnionTypeView(store, u).members().size(), 2u);
  EXPECT_EQ(UnionTypeView(store, u).members()[1], s);
}

TEST(TypeKindsTest, CallableViewsReadFunctionsAndSignatures) {
  TypeStore store;
  FunctionInfo fn;
  fn.name = "f";
  FunctionId f = store.AddFunction(fn);
  TypeId function = store.Function(f);
  EXPECT_EQ(FunctionTypeView(store, function).function(), f);
  TypeId self = store.Instance(AddClass(store, "C"));
  TypeId bound = store.BoundMethod(function, self);
  EXPECT_EQ(BoundMethodTypeView(store, bound).function(), function);
  EXPECT_EQ(BoundMethodTypeView(store, bound).self(), self);
  Signature sig;
  sig.params.push_back(Param{"x", ParamKind::PositionalOnly, self});
  sig.return_type = store.None();
  TypeId callable = store.Callable(sig);
  EXPECT_EQ(CallableTypeView(store, callable).signature(), sig);
  TypeId overloaded = store.Overloaded({function, function});
  EXPECT_EQ(OverloadedTypeView(store, overloaded).overloads().size(), 2u);
}

TEST(TypeKindsTest, LiteralViewsReadTheirValues) {
  TypeStore store;
  EXPECT_EQ(IntLiteralTypeView(store, store.IntLiteral(-5000000000)).value(), -5000000000);
  EXPECT_EQ(store.IntLiteralValue(store.IntLiteral(7)), 7);
  EXPECT_TRUE(BoolLiteralTypeView(store, store.BoolLiteral(true)).value());
  EXPECT_FALSE(BoolLiteralTypeView(store, store.BoolLiteral(false)).value());
  EXPECT_EQ(StringLiteralTypeView(store, store.StringLiteral("abc")).value(), "abc");
  EXPECT_EQ(BytesLiteralTypeView(store, store.BytesLiteral("")).value(), "");
}

TEST(TypeKindsTest, TypeVarAndFormViews) {
  TypeStore store;
  TypeVarInfo info;
  info.name = "T";
  TypeVarId tv = store.AddTypeVar(info);
  uint32_t binding = BindingContext::Encode(BindingContext::Kind::Function, 3);
  TypeId t = store.TypeVar(tv, binding);
  EXPECT_EQ(TypeVarTypeView(store, t).typevar(), tv);
  EXPECT_EQ(TypeVarTypeView(store, t).binding(), binding);
  EXPECT_EQ(TypeVarObjectTypeView(store, store.TypeVarObject(tv)).typevar(), tv);
  TypeId form = store.Special(SpecialForm::Literal);
  EXPECT_EQ(SpecialFormTypeView(store, form).form(), SpecialForm::Literal);
  EXPECT_EQ(store.Display(form), "<special-form 'typing.Literal'>");
}

TEST(TypeKindsTest, ModuleTypesKeepTheirNameForDisplay) {
  TypeStore store;
  TypeId m = store.Module(ModuleId(4), "asyncio.tasks");
  EXPECT_EQ(ModuleTypeView(store, m).module(), ModuleId(4));
  EXPECT_EQ(ModuleTypeView(store, m).name(), "asyncio.tasks");
  EXPECT_EQ(store.Module(ModuleId(4), "asyncio.tasks"), m);
  EXPECT_EQ(store.Display(m), "<module 'asyncio.tasks'>");
}

}  // namespace
}  // namespace asynctype
