// Unit tests of the argument binder (checker/infer/binding.h): a signature and a call's arguments
// give the (parameter type, argument type, argument index) pairs in argument order, whether the
// call binds, and the arity errors that are certain: positional and keyword arguments, `*args`
// and `**kwargs` parameters, unpacked arguments, missing and excess arguments, keywords that are
// unknown or repeat a parameter.
#include "checker/infer/binding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checker/types/type_store.h"

namespace asynctype {
namespace {

class BindingTest : public ::testing::Test {
 protected:
  // A parameter whose type is `Literal["<name>"]`, so that pairs show which parameter they fill.
  Param P(const char* name, ParamKind kind = ParamKind::PositionalOrKeyword, bool has_default = false) {
    Param p;
    p.name = name;
    p.kind = kind;
    p.type = store_.StringLiteral(name);
    p.has_default = has_default;
    return p;
  }
  // The argument types are `Literal[<n>]`: `Pos(7)` is a positional argument of type `Literal[7]`.
  Argument Pos(int64_t n) { return Argument{Argument::Kind::Positional, "", store_.IntLiteral(n), {}}; }
  Argument Kw(const char* name, int64_t n) {
    return Argument{Argument::Kind::Keyword, name, store_.IntLiteral(n), {}};
  }
  Argument Star(TypeId element = TypeId::None()) {
    return Argument{Argument::Kind::Star, "", store_.Unknown(), element};
  }
  Argument DoubleStar() { return Argument{Argument::Kind::DoubleStar, "", store_.Unknown(), {}}; }

  static Signature Sig(std::vector<Param> params) {
    Signature sig;
    sig.params = std::move(params);
    return sig;
  }

  // The pairs as "param<-argindex:argtype" strings, e.g. "a<-0:1".
  std::vector<std::string> Pairs(const BindResult& r) {
    std::vector<std::string> out;
    for (const BoundPair& pair : r.pairs) {
      std::string param = StringLiteralTypeView{store_, pair.param_type}.value().str();
      std::string arg = pair.arg_type == store_.Unknown()
                            ? "?"
                            : std::to_string(IntLiteralTypeView{store_, pair.arg_type}.value());
      out.push_back(param + "<-" + std::to_string(pair.arg_index) + ":" + arg);
    }
    return out;
  }

  TypeStore store_;
};

using Strings = std::vector<std::string>;

TEST_F(BindingTest, PositionalArgumentsFillPositionalParametersInOrder) {
  BindResult r = BindArguments(Sig({P("a"), P("b")}), {Pos(1), Pos(2)});
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Pairs(r), (Strings{"a<-0:1", "b<-1:2"}));
}

TEST_F(BindingTest, KeywordArgumentsFillParametersByName) {
  BindResult r = BindArguments(Sig({P("a"), P("b"), P("k", ParamKind::KeywordOnly)}), {Kw("k", 3), Kw("b", 2), Pos(1)});
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Pairs(r), (Strings{"k<-0:3", "b<-1:2", "a<-2:1"}));
}

TEST_F(BindingTest, DefaultsMayBeLeftOut) {
  BindResult r = BindArguments(Sig({P("a"), P("b", ParamKind::PositionalOrKeyword, true)}), {Pos(1)});
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Pairs(r), (Strings{"a<-0:1"}));
}

TEST_F(BindingTest, ExcessPositionalArgumentsGoToVarArgs) {
  BindResult r = BindArguments(Sig({P("a"), P("rest", ParamKind::VarArgs)}), {Pos(1), Pos(2), Pos(3)});
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Pairs(r), (Strings{"a<-0:1", "rest<-1:2", "rest<-2:3"}));
}

TEST_F(BindingTest, UnknownKeywordsGoToKwArgs) {
  BindResult r = BindArguments(Sig({P("a"), P("kw", ParamKind::KwArgs)}), {Pos(1), Kw("x", 2), Kw("a", 3)});
  // `a` is filled twice: positionally, then by keyword.
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, CallError::Kind::ParameterAlreadyAssigned);
  EXPECT_EQ(r.errors[0].argument, 2);
  EXPECT_EQ(r.errors[0].parameters, (std::vector<std::string>{"a"}));
  EXPECT_EQ(Pairs(r), (Strings{"a<-0:1", "kw<-1:2"}));

  BindResult fine = BindArguments(Sig({P("a"), P("kw", ParamKind::KwArgs)}), {Kw("y", 2), Pos(1)});
  EXPECT_TRUE(fine.ok);
  EXPECT_EQ(Pairs(fine), (Strings{"kw<-0:2", "a<-1:1"}));
}

TEST_F(BindingTest, MissingArgumentsAreNamed) {
  BindResult r = BindArguments(
      Sig({P("a"), P("b"), P("c", ParamKind::PositionalOrKeyword, true), P("k", ParamKind::KeywordOnly)}), {Pos(1)});
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, CallError::Kind::MissingArguments);
  EXPECT_EQ(r.errors[0].argument, -1);
  EXPECT_EQ(r.errors[0].parameters, (std::vector<std::string>{"b", "k"}));
}

TEST_F(BindingTest, TooManyPositionalArgumentsPointAtTheFirstExcess) {
  BindResult r = BindArguments(Sig({P("a"), P("k", ParamKind::KeywordOnly, true)}), {Pos(1), Pos(2), Pos(3)});
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, CallError::Kind::TooManyPositional);
  EXPECT_EQ(r.errors[0].argument, 1);
  EXPECT_EQ(r.errors[0].expected_count, 1);
  EXPECT_EQ(r.errors[0].provided_count, 3);
  EXPECT_EQ(Pairs(r), (Strings{"a<-0:1"}));
}

TEST_F(BindingTest, TooManyAndMissingTogether) {
  // `f(1, 2)` of `def f(a, *, k)`: `2` has no place and `k` got nothing.
  BindResult r = BindArguments(Sig({P("a"), P("k", ParamKind::KeywordOnly)}), {Pos(1), Pos(2)});
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].kind, CallError::Kind::TooManyPositional);
  EXPECT_EQ(r.errors[1].kind, CallError::Kind::MissingArguments);
  EXPECT_EQ(r.errors[1].parameters, (std::vector<std::string>{"k"}));
}

TEST_F(BindingTest, UnknownKeywordIsReported) {
  BindResult r = BindArguments(Sig({P("a")}), {Pos(1), Kw("z", 2)});
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, CallError::Kind::UnknownArgument);
  EXPECT_EQ(r.errors[0].argument, 1);
  EXPECT_EQ(r.errors[0].parameters, (std::vector<std::string>{"z"}));
}

TEST_F(BindingTest, PositionalOnlyParameterByKeywordFailsSilently) {
  // ty's `positional-only-parameter-as-kwarg`, a rule the checker does not have: no error, and
  // the parameter left empty is not reported as missing either.
  BindResult r = BindArguments(Sig({P("a", ParamKind::PositionalOnly)}), {Kw("a", 1)});
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.pairs.empty());
}

TEST_F(BindingTest, UnpackedArgumentsLeaveArityUnknown) {
  // `f(*xs)` and `f(**d)` may fill every parameter: they bind, with no pairs for them.
  BindResult star = BindArguments(Sig({P("a"), P("b")}), {Star()});
  EXPECT_TRUE(star.ok);
  EXPECT_TRUE(star.errors.empty());
  EXPECT_TRUE(star.pairs.empty());
  BindResult kwargs = BindArguments(Sig({P("k", ParamKind::KeywordOnly)}), {DoubleStar()});
  EXPECT_TRUE(kwargs.ok);
  EXPECT_TRUE(kwargs.errors.empty());
  // A positional argument after `*xs` lands where the unpacked length puts it: unbound.
  BindResult after = BindArguments(Sig({P("a"), P("b")}), {Star(), Pos(1)});
  EXPECT_TRUE(after.ok);
  EXPECT_TRUE(after.pairs.empty());
}

TEST_F(BindingTest, UnpackedElementsFillVarArgsOnceNoPositionalSlotIsLeft) {
  TypeId element = store_.IntLiteral(9);
  BindResult r = BindArguments(Sig({P("a"), P("rest", ParamKind::VarArgs)}), {Pos(1), Star(element)});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(Pairs(r), (Strings{"a<-0:1", "rest<-1:9"}));
  // With a positional slot still open, the elements fill it first: no pair for `*rest`.
  BindResult open = BindArguments(Sig({P("a"), P("rest", ParamKind::VarArgs)}), {Star(element)});
  EXPECT_TRUE(open.ok);
  EXPECT_TRUE(open.pairs.empty());
}

TEST_F(BindingTest, UnpackingSilencesUncertainArityErrors) {
  // Too many positional arguments before a `*xs` fail to bind, but are not reported; an unknown
  // keyword still is.
  BindResult r = BindArguments(Sig({P("a")}), {Pos(1), Pos(2), Star(), Kw("z", 3)});
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, CallError::Kind::UnknownArgument);
}

TEST_F(BindingTest, GradualSignatureAcceptsAnything) {
  Signature sig = Sig({P("a")});
  sig.gradual = true;
  BindResult r = BindArguments(sig, {Pos(1), Kw("z", 2), Pos(3)});
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.pairs.empty());
}

}  // namespace
}  // namespace asynctype
