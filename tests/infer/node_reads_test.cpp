// Unit tests of NthOrNone (checker/infer/node_reads.h): a positional read of a view's TAIL answers
// what Ast::child answers for the same slot, None past the end, so that inference reading a
// call's first arguments or an assignment's first target through the views sees the same nodes.
#include "checker/infer/node_reads.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  ParsedFile result;
};

Parsed ParseText(std::string text) {
  Parsed p;
  p.file = std::make_unique<SourceFile>(FileId(0), "test.py", std::move(text));
  p.result = Parse(*p.file);
  return p;
}

// The value of the only statement of `text`, an expression statement.
NodeId OnlyExpression(const Ast& ast) {
  auto statements = ModuleView{ast, ast.root()}.statements();
  EXPECT_EQ(statements.size(), 1u);
  EXPECT_EQ(ast.kind(statements[0]), NodeKind::ExprStmt);
  return ExprStmtView{ast, statements[0]}.value();
}

TEST(NodeReads, CallArgumentsMatchTheSlots) {
  for (const char* text : {"f()\n", "f(a)\n", "f(a, b)\n", "f(a, *b, k=c)\n"}) {
    Parsed p = ParseText(text);
    const Ast& ast = p.result.ast;
    NodeId call = OnlyExpression(ast);
    ASSERT_EQ(ast.kind(call), NodeKind::Call) << text;
    auto args = CallView{ast, call}.args();
    for (size_t i = 0; i < 5; ++i) {
      EXPECT_EQ(NthOrNone(args, i), ast.child(call, static_cast<uint32_t>(i + 1))) << text << " argument " << i;
    }
    EXPECT_FALSE(NthOrNone(args, args.size()).valid()) << text;
  }
}

TEST(NodeReads, CompareAndAssignTails) {
  Parsed p = ParseText("x = y = a < b\n");
  const Ast& ast = p.result.ast;
  NodeId assign = ModuleView{ast, ast.root()}.statements()[0];
  ASSERT_EQ(ast.kind(assign), NodeKind::Assign);
  AssignView view{ast, assign};
  EXPECT_EQ(NthOrNone(view.targets(), 0), ast.child(assign, 1));
  EXPECT_EQ(NthOrNone(view.targets(), 1), ast.child(assign, 2));
  EXPECT_FALSE(NthOrNone(view.targets(), 2).valid());
  ASSERT_EQ(ast.kind(view.value()), NodeKind::Compare);
  CompareView compare{ast, view.value()};
  EXPECT_EQ(ast.str(compare.left()), "a");
  EXPECT_EQ(ast.str(NthOrNone(compare.comparators(), 0)), "b");
  EXPECT_FALSE(NthOrNone(compare.comparators(), 1).valid());
}

TEST(NodeReads, EmptyTail) {
  EXPECT_FALSE(NthOrNone({}, 0).valid());
}

}  // namespace
}  // namespace asynctype
