// Unit tests of the syntax phase: Parse() = tree-sitter-python + lowering into our Ast. Most tests
// compare a compact S-expression rendering of the AST (kinds, names/values, flags; no ranges);
// ranges, comments, diagnostics and the nesting limit are checked directly.
#include "checker/syntax/parse.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace asynctype {
namespace {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  ParsedFile result;
  const Ast& ast() const { return result.ast; }
  const std::vector<Diagnostic>& errors() const { return result.syntax_errors; }
};

Parsed ParseText(std::string text) {
  Parsed p;
  p.file = std::make_unique<SourceFile>(FileId(0), "test.py", std::move(text));
  p.result = Parse(*p.file);
  return p;
}

// S-expression of a node: `(Kind detail... children...)`; `_` for None.
std::string S(const Ast& ast, NodeId id) {
  if (!id) return "_";
  const Node& n = ast.node(id);
  std::string s = "(";
  s += NodeKindName(n.kind);
  switch (n.kind) {
    case NodeKind::Name:
    case NodeKind::Identifier:
    case NodeKind::Keyword:
      if (!ast.str(id).empty()) s += " " + ast.str(id).str();
      break;
    case NodeKind::Parameter: {
      static const char* kinds[] = {"posonly", "pos", "*", "kwonly", "**"};
      s += " " + ast.str(id).str() + ":" + kinds[n.flags];
      break;
    }
    case NodeKind::TypeParam: {
      static const char* kinds[] = {"T", "*", "**"};
      s += " " + ast.str(id).str() + ":" + kinds[n.flags];
      break;
    }
    case NodeKind::StringLiteral:
      if (!ast.Has(id, kFString)) s += " \"" + ast.str(id).str() + "\"";
      break;
    case NodeKind::IntLiteral:
      s += " " + (ast.Has(id, kBig) ? ast.str(id).str() : std::to_string(ast.int_value(id)));
      break;
    case NodeKind::BinOp:
    case NodeKind::AugAssign:
      s += std::string(" ") + BinaryOpText(static_cast<BinaryOp>(n.data));
      break;
    case NodeKind::UnaryOp:
      s += std::string(" ") + UnaryOperatorText(static_cast<UnaryOperator>(n.data));
      break;
    case NodeKind::BoolOp:
      s += n.data == static_cast<uint32_t>(BoolOperator::And) ? " and" : " or";
      break;
    case NodeKind::Compare:
      for (CompareOp op : ast.compare_ops(id)) s += std::string(" ") + CompareOpText(op);
      break;
    case NodeKind::BoolLiteral:
      s += n.data ? " True" : " False";
      break;
    case NodeKind::ImportFrom:
      if (n.data) s += " level=" + std::to_string(n.data);
      break;
    case NodeKind::FormattedValue:
      if (n.data) s += std::string(" !") + static_cast<char>(n.data);
      break;
    default:
      break;
  }
  if (n.kind != NodeKind::Parameter && n.kind != NodeKind::TypeParam) {
    if (n.flags & kAsync) s += " :async";
    if (n.flags & kStar) s += " :star";
    if (n.flags & kParenthesized) s += " :paren";
    if (n.flags & kBytes) s += " :bytes";
    if (n.flags & kFString) s += " :f";
    if (n.flags & kBig) s += " :big";
  }
  for (NodeId c : ast.children(id)) s += " " + S(ast, c);
  return s + ")";
}

// The S-expressions of the module's statements, one per line.
std::string Stmts(const Parsed& p) {
  std::string s;
  for (NodeId c : ModuleView{p.ast(), p.ast().root()}.statements()) {
    if (!s.empty()) s += "\n";
    s += S(p.ast(), c);
  }
  return s;
}

// The S-expression of the single statement (or of the expression of a single ExprStmt).
std::string One(const std::string& text) {
  Parsed p = ParseText(text);
  EXPECT_TRUE(p.errors().empty()) << text << ": " << p.errors()[0].message;
  auto stmts = ModuleView{p.ast(), p.ast().root()}.statements();
  EXPECT_EQ(stmts.size(), 1u) << text;
  if (stmts.empty()) return "";
  NodeId id = stmts[0];
  if (p.ast().kind(id) == NodeKind::ExprStmt) id = ExprStmtView{p.ast(), id}.value();
  return S(p.ast(), id);
}

std::string Messages(const Parsed& p) {
  std::string s;
  for (const Diagnostic& d : p.errors()) {
    if (!s.empty()) s += "\n";
    s += std::to_string(d.range.start) + "-" + std::to_string(d.range.end) + " " + d.message;
    EXPECT_EQ(d.rule, Rule::InvalidSyntax);
  }
  return s;
}

std::string Text(const Parsed& p, TextRange r) { return p.file->text().substr(r.start, r.length()); }

// Iterative maximum depth of the AST (tests must not recurse over deep trees themselves).
size_t MaxDepth(const Ast& ast) {
  size_t max_depth = 0;
  std::vector<std::pair<NodeId, size_t>> stack{{ast.root(), 1}};
  while (!stack.empty()) {
    auto [id, depth] = stack.back();
    stack.pop_back();
    max_depth = std::max(max_depth, depth);
    for (NodeId c : ast.children(id)) {
      if (c) stack.push_back({c, depth + 1});
    }
  }
  return max_depth;
}

// Structural invariants every AST must satisfy, whatever the input.
void CheckInvariants(const Parsed& p) {
  const Ast& ast = p.ast();
  ASSERT_GE(ast.size(), 1u);
  EXPECT_EQ(ast.kind(ast.root()), NodeKind::Module);
  EXPECT_EQ(ast.range(ast.root()), (TextRange{0, static_cast<uint32_t>(p.file->text().size())}));
  for (uint32_t i = 1; i < ast.size(); ++i) {
    NodeId id(i);
    TextRange r = ast.range(id);
    ASSERT_LE(r.start, r.end);
    ASSERT_LE(r.end, p.file->text().size());
    for (NodeId c : ast.children(id)) {
      if (c) {
        ASSERT_LT(c.index(), i) << NodeKindName(ast.kind(id));
      }
    }
    if (ast.kind(id) == NodeKind::Compare) {
      ASSERT_EQ(ast.compare_ops(id).size() + 1, ast.children(id).size());
    }
  }
  uint32_t last = 0;
  for (const Comment& c : ast.comments()) {
    ASSERT_GE(c.range.start, last);
    ASSERT_EQ(p.file->text()[c.range.start], '#');
    last = c.range.end;
  }
}

// ---------------------------------------------------------------------------------------------
// Statements

TEST(ParseTest, EmptyFile) {
  Parsed p = ParseText("");
  EXPECT_TRUE(p.errors().empty());
  EXPECT_EQ((ModuleView{p.ast(), p.ast().root()}.statements().size()), 0u);
  CheckInvariants(p);
}

TEST(ParseTest, Assignments) {
  EXPECT_EQ(One("x = 1"), "(Assign (IntLiteral 1) (Name x))");
  EXPECT_EQ(One("a = b = c"), "(Assign (Name c) (Name a) (Name b))");
  EXPECT_EQ(One("a, *b = c"), "(Assign (Name c) (Tuple (Name a) (Starred (Name b))))");
  EXPECT_EQ(One("(a, b) = [c] = d"),
            "(Assign (Name d) (Tuple :paren (Name a) (Name b)) (ListExpr (Name c)))");
  EXPECT_EQ(One("x = 1, 2"), "(Assign (Tuple (IntLiteral 1) (IntLiteral 2)) (Name x))");
  EXPECT_EQ(One("x = yield"), "(Assign (Yield _) (Name x))");
  EXPECT_EQ(One("x: int"), "(AnnAssign (Name x) (Name int) _)");
  EXPECT_EQ(One("x.y: list[int] = []"),
            "(AnnAssign (Attribute (Name x) (Identifier y)) (Subscript (Name list) (Name int)) "
            "(ListExpr))");
  EXPECT_EQ(One("(x): int = 1"), "(AnnAssign (Name x) (Name int) (IntLiteral 1))");
  EXPECT_EQ(One("a[i] += 1"), "(AugAssign + (Subscript (Name a) (Name i)) (IntLiteral 1))");
  EXPECT_EQ(One("a **= 2"), "(AugAssign ** (Name a) (IntLiteral 2))");
  EXPECT_EQ(One("a //= b"), "(AugAssign // (Name a) (Name b))");
  EXPECT_EQ(One("a @= b"), "(AugAssign @ (Name a) (Name b))");
}

TEST(ParseTest, TypeCallAttributeAssignment) {
  // tree-sitter reads these as `type` aliases; they are assignments through `type(x)`.
  EXPECT_EQ(One("type(x).attr = v"),
            "(Assign (Name v) (Attribute (Call (Name type) (Name x)) (Identifier attr)))");
  EXPECT_EQ(One("type(a)[0] = v"),
            "(Assign (Name v) (Subscript (Call (Name type) (Name a)) (IntLiteral 0)))");
  Parsed p = ParseText("type(x).attr = v");
  AssignView assign{p.ast(), ModuleView{p.ast(), p.ast().root()}.statements()[0]};
  EXPECT_EQ(Text(p, p.ast().range(assign.targets()[0])), "type(x).attr");
}

TEST(ParseTest, SimpleStatements) {
  EXPECT_EQ(One("pass"), "(Pass)");
  EXPECT_EQ(One("return"), "(Return _)");
  EXPECT_EQ(One("return 1, 2"), "(Return (Tuple (IntLiteral 1) (IntLiteral 2)))");
  EXPECT_EQ(One("del a, b[0]"), "(Delete (Name a) (Subscript (Name b) (IntLiteral 0)))");
  EXPECT_EQ(One("del (a)"), "(Delete (Name a))");
  EXPECT_EQ(One("assert x"), "(Assert (Name x) _)");
  EXPECT_EQ(One("assert x, 'm'"), "(Assert (Name x) (StringLiteral \"m\"))");
  EXPECT_EQ(One("raise"), "(Raise _ _)");
  EXPECT_EQ(One("raise E from e"), "(Raise (Name E) (Name e))");
  EXPECT_EQ(One("global a, b"), "(Global (Identifier a) (Identifier b))");
  EXPECT_EQ(One("nonlocal a"), "(Nonlocal (Identifier a))");
  EXPECT_EQ(Stmts(ParseText("while 1:\n    break\n    continue\n")),
            "(While (IntLiteral 1) (List (Break) (Continue)) (List))");
  EXPECT_EQ(Stmts(ParseText("a; b;\nc")), "(ExprStmt (Name a))\n(ExprStmt (Name b))\n"
                                          "(ExprStmt (Name c))");
}

TEST(ParseTest, Imports) {
  EXPECT_EQ(One("import a.b as c, d"),
            "(Import (Alias (Identifier a.b) (Identifier c)) (Alias (Identifier d) _))");
  EXPECT_EQ(One("from ..x import (a as b, c,)"),
            "(ImportFrom level=2 (Identifier x) (Alias (Identifier a) (Identifier b)) "
            "(Alias (Identifier c) _))");
  EXPECT_EQ(One("from . import a"), "(ImportFrom level=1 _ (Alias (Identifier a) _))");
  EXPECT_EQ(One("from ... import a"), "(ImportFrom level=3 _ (Alias (Identifier a) _))");
  EXPECT_EQ(One("from x.y import *"), "(ImportFrom :star (Identifier x.y))");
  EXPECT_EQ(One("from __future__ import annotations"),
            "(ImportFrom (Identifier __future__) (Alias (Identifier annotations) _))");
  // Dotted names written with spaces are normalized.
  EXPECT_EQ(One("import a . b"), "(Import (Alias (Identifier a.b) _))");
}

TEST(ParseTest, IfElifElse) {
  Parsed p = ParseText("if a:\n    x\nelif b:\n    y\nelif c:\n    pass\nelse:\n    z\n");
  EXPECT_TRUE(p.errors().empty());
  EXPECT_EQ(Stmts(p),
            "(If (Name a) (List (ExprStmt (Name x))) (List (If (Name b) (List (ExprStmt (Name y))) "
            "(List (If (Name c) (List (Pass)) (List (ExprStmt (Name z))))))))");
  NodeId top = ModuleView{p.ast(), p.ast().root()}.statements()[0];
  NodeId elif = ListView{p.ast(), IfView{p.ast(), top}.orelse()}.items()[0];
  EXPECT_EQ(Text(p, p.ast().range(elif)).substr(0, 6), "elif b");
  EXPECT_EQ(p.ast().range(elif).end, p.ast().range(top).end);
  EXPECT_EQ(Stmts(ParseText("if a: pass")), "(If (Name a) (List (Pass)) (List))");
}

TEST(ParseTest, Loops) {
  EXPECT_EQ(Stmts(ParseText("for a, b in x, y:\n    pass\nelse:\n    pass\n")),
            "(For (Tuple (Name a) (Name b)) (Tuple (Name x) (Name y)) (List (Pass)) (List (Pass)))");
  EXPECT_EQ(Stmts(ParseText("for (x) in y: pass")), "(For (Name x) (Name y) (List (Pass)) (List))");
  EXPECT_EQ(Stmts(ParseText("async def f():\n    async for x in y: pass\n")),
            "(FunctionDef :async (List) (Identifier f) _ (Parameters) _ "
            "(List (For :async (Name x) (Name y) (List (Pass)) (List))))");
  EXPECT_EQ(Stmts(ParseText("while x:\n    pass\nelse:\n    pass\n")),
            "(While (Name x) (List (Pass)) (List (Pass)))");
}

TEST(ParseTest, Try) {
  EXPECT_EQ(Stmts(ParseText("try:\n    a\nexcept E as e:\n    b\nexcept (A, B):\n    pass\n"
                            "except:\n    pass\nelse:\n    c\nfinally:\n    d\n")),
            "(Try (List (ExprStmt (Name a))) (List (ExceptHandler (Name E) (Identifier e) "
            "(List (ExprStmt (Name b)))) (ExceptHandler (Tuple :paren (Name A) (Name B)) _ "
            "(List (Pass))) (ExceptHandler _ _ (List (Pass)))) (List (ExprStmt (Name c))) "
            "(List (ExprStmt (Name d))))");
  EXPECT_EQ(Stmts(ParseText("try:\n    pass\nexcept* E as e:\n    pass\n")),
            "(Try :star (List (Pass)) (List (ExceptHandler (Name E) (Identifier e) (List (Pass)))) "
            "(List) (List))");
  EXPECT_EQ(Stmts(ParseText("try:\n    pass\nfinally:\n    pass\n")),
            "(Try (List (Pass)) (List) (List) (List (Pass)))");
}

TEST(ParseTest, With) {
  EXPECT_EQ(Stmts(ParseText("with a as b, c: pass")),
            "(With (List (WithItem (Name a) (Name b)) (WithItem (Name c) _)) (List (Pass)))");
  EXPECT_EQ(Stmts(ParseText("with (\n    a as b,\n    c as (d, e),\n): pass")),
            "(With (List (WithItem (Name a) (Name b)) (WithItem (Name c) (Tuple :paren (Name d) "
            "(Name e)))) (List (Pass)))");
  EXPECT_EQ(Stmts(ParseText("with (open(p) as f):\n    pass\n")),
            "(With (List (WithItem (Call (Name open) (Name p)) (Name f))) (List (Pass)))");
  EXPECT_EQ(Stmts(ParseText("async def f():\n    async with a: pass\n")),
            "(FunctionDef :async (List) (Identifier f) _ (Parameters) _ "
            "(List (With :async (List (WithItem (Name a) _)) (List (Pass)))))");
}

TEST(ParseTest, FunctionDef) {
  Parsed p = ParseText(
      "@dec\n@a.b(1)\nasync def f[T: int, *Ts, **P](a, /, b: int = 1, *args: *Ts, c, d=2, "
      "**kw) -> list[int]:\n    ...\n");
  EXPECT_TRUE(p.errors().empty());
  EXPECT_EQ(Stmts(p),
            "(FunctionDef :async (List (Name dec) (Call (Attribute (Name a) (Identifier b)) "
            "(IntLiteral 1))) (Identifier f) (List (TypeParam T:T (Name int) _) (TypeParam Ts:* _ "
            "_) (TypeParam P:** _ _)) (Parameters (Parameter a:posonly _ _) (Parameter b:pos "
            "(Name int) (IntLiteral 1)) (Parameter args:* (Starred (Name Ts)) _) (Parameter "
            "c:kwonly _ _) (Parameter d:kwonly _ (IntLiteral 2)) (Parameter kw:** _ _)) "
            "(Subscript (Name list) (Name int)) (List (ExprStmt (EllipsisLiteral))))");
  NodeId def = ModuleView{p.ast(), p.ast().root()}.statements()[0];
  EXPECT_EQ(p.ast().range(def).start, 0u);  // starts at the first decorator, like ruff
  FunctionDefView view{p.ast(), def};
  EXPECT_TRUE(view.is_async());
  EXPECT_EQ(Text(p, p.ast().range(view.name())), "f");
  EXPECT_EQ(Text(p, p.ast().range(view.parameters())).substr(0, 4), "(a, ");
  EXPECT_EQ(GetParameterKind(p.ast(), ParametersView{p.ast(), view.parameters()}.parameters()[3]),
            ParameterKind::KeywordOnly);
  EXPECT_EQ(GetTypeParamKind(p.ast(), ListView{p.ast(), view.type_params()}.items()[2]),
            TypeParamKind::ParamSpec);

  EXPECT_EQ(One("def g(a, *, b): pass"),
            "(FunctionDef (List) (Identifier g) _ (Parameters (Parameter a:pos _ _) "
            "(Parameter b:kwonly _ _)) _ (List (Pass)))");
  EXPECT_EQ(One("def h[T: (int, str)](): pass"),
            "(FunctionDef (List) (Identifier h) (List (TypeParam T:T (Tuple :paren (Name int) "
            "(Name str)) _)) (Parameters) _ (List (Pass)))");
}

TEST(ParseTest, ClassDef) {
  EXPECT_EQ(One("class C[T](B, metaclass=M, **kw): pass"),
            "(ClassDef (List) (Identifier C) (List (TypeParam T:T _ _)) (Arguments (Name B) "
            "(Keyword metaclass (Name M)) (Keyword :star (Name kw))) (List (Pass)))");
  EXPECT_EQ(One("class C: pass"), "(ClassDef (List) (Identifier C) _ _ (List (Pass)))");
  EXPECT_EQ(One("class C(): pass"), "(ClassDef (List) (Identifier C) _ (Arguments) (List (Pass)))");
  Parsed p = ParseText("@d\nclass C: pass");
  ClassDefView view{p.ast(), ModuleView{p.ast(), p.ast().root()}.statements()[0]};
  EXPECT_EQ(p.ast().range(view.id).start, 0u);
  EXPECT_EQ((ListView{p.ast(), view.decorators()}.items().size()), 1u);
}

TEST(ParseTest, TypeAlias) {
  EXPECT_EQ(One("type X = int"), "(TypeAlias (Name X) _ (Name int))");
  EXPECT_EQ(One("type X[T] = list[T] | None"),
            "(TypeAlias (Name X) (List (TypeParam T:T _ _)) (BinOp | (Subscript (Name list) "
            "(Name T)) (NoneLiteral)))");
  EXPECT_EQ(One("type = 1"), "(Assign (IntLiteral 1) (Name type))");
  EXPECT_EQ(One("type(x)"), "(Call (Name type) (Name x))");
}

TEST(ParseTest, Docstring) {
  Parsed p = ParseText("\"\"\"Doc.\"\"\"\ndef f():\n    'inner'\n");
  EXPECT_EQ(Stmts(p), "(ExprStmt (StringLiteral \"Doc.\"))\n(FunctionDef (List) (Identifier f) _ "
                      "(Parameters) _ (List (ExprStmt (StringLiteral \"inner\"))))");
}

TEST(ParseTest, Match) {
  Parsed p = ParseText(
      "match x:\n"
      "    case _: pass\n"
      "    case -1 | 2 | a.b | \"s\" \"t\" | None | True: pass\n"
      "    case [a, *rest, *_] if a: pass\n"
      "    case {\"k\": v, -1: w, **rest}: pass\n"
      "    case C(1, x=2) as z: pass\n"
      "    case (a): pass\n"
      "    case (a,): pass\n"
      "    case 1+2j: pass\n"
      "    case a, b: pass\n"
      "    case p.Q(a=[1, (2, 3)], b={}): pass\n");
  EXPECT_TRUE(p.errors().empty()) << Messages(p);
  MatchView match{p.ast(), ModuleView{p.ast(), p.ast().root()}.statements()[0]};
  auto cases = match.cases();
  ASSERT_EQ(cases.size(), 10u);
  auto pattern = [&](size_t i) { return S(p.ast(), MatchCaseView{p.ast(), cases[i]}.pattern()); };
  EXPECT_EQ(pattern(0), "(MatchAs _ _)");
  EXPECT_EQ(pattern(1),
            "(MatchOr (MatchValue (UnaryOp - (IntLiteral 1))) (MatchValue (IntLiteral 2)) "
            "(MatchValue (Attribute (Name a) (Identifier b))) (MatchValue (StringLiteral \"st\")) "
            "(MatchSingleton (NoneLiteral)) (MatchSingleton (BoolLiteral True)))");
  EXPECT_EQ(pattern(2),
            "(MatchSequence (MatchAs _ (Identifier a)) (MatchStar (Identifier rest)) (MatchStar _))");
  EXPECT_EQ(S(p.ast(), MatchCaseView{p.ast(), cases[2]}.guard()), "(Name a)");
  EXPECT_EQ(pattern(3),
            "(MatchMapping (List (StringLiteral \"k\") (UnaryOp - (IntLiteral 1))) (List (MatchAs _ "
            "(Identifier v)) (MatchAs _ (Identifier w))) (Identifier rest))");
  EXPECT_EQ(pattern(4),
            "(MatchAs (MatchClass (Name C) (List (MatchValue (IntLiteral 1))) (List (Identifier x)) "
            "(List (MatchValue (IntLiteral 2)))) (Identifier z))");
  EXPECT_EQ(pattern(5), "(MatchAs _ (Identifier a))");
  EXPECT_EQ(pattern(6), "(MatchSequence (MatchAs _ (Identifier a)))");
  EXPECT_EQ(pattern(7), "(MatchValue (BinOp + (IntLiteral 1) (ComplexLiteral)))");
  EXPECT_EQ(pattern(8), "(MatchSequence (MatchAs _ (Identifier a)) (MatchAs _ (Identifier b)))");
  EXPECT_EQ(pattern(9),
            "(MatchClass (Attribute (Name p) (Identifier Q)) (List) (List (Identifier a) "
            "(Identifier b)) (List (MatchSequence (MatchValue (IntLiteral 1)) (MatchSequence "
            "(MatchValue (IntLiteral 2)) (MatchValue (IntLiteral 3)))) (MatchMapping (List) (List) "
            "_)))");
  EXPECT_EQ(S(p.ast(), match.subject()), "(Name x)");
  EXPECT_EQ(Stmts(ParseText("match a, b:\n    case _: pass\n")),
            "(Match (Tuple (Name a) (Name b)) (MatchCase (MatchAs _ _) _ (List (Pass))))");
  // `match` is a soft keyword.
  EXPECT_EQ(One("match = 1"), "(Assign (IntLiteral 1) (Name match))");
}

// ---------------------------------------------------------------------------------------------
// Expressions

TEST(ParseTest, Operators) {
  EXPECT_EQ(One("not a and b or c"),
            "(BoolOp or (BoolOp and (UnaryOp not (Name a)) (Name b)) (Name c))");
  EXPECT_EQ(One("-x ** 2"), "(UnaryOp - (BinOp ** (Name x) (IntLiteral 2)))");
  EXPECT_EQ(One("a + b * c"), "(BinOp + (Name a) (BinOp * (Name b) (Name c)))");
  EXPECT_EQ(One("a @ b % c // d"),
            "(BinOp // (BinOp % (BinOp @ (Name a) (Name b)) (Name c)) (Name d))");
  EXPECT_EQ(One("~a | b & c ^ d << 1 >> 2"),
            "(BinOp | (UnaryOp ~ (Name a)) (BinOp ^ (BinOp & (Name b) (Name c)) (BinOp >> (BinOp << "
            "(Name d) (IntLiteral 1)) (IntLiteral 2))))");
  EXPECT_EQ(One("+a / b - c"), "(BinOp - (BinOp / (UnaryOp + (Name a)) (Name b)) (Name c))");
  EXPECT_EQ(One("a < b <= c == d != e > f >= g"),
            "(Compare < <= == != > >= (Name a) (Name b) (Name c) (Name d) (Name e) (Name f) "
            "(Name g))");
  EXPECT_EQ(One("a is not b not in c in d is e"),
            "(Compare is not not in in is (Name a) (Name b) (Name c) (Name d) (Name e))");
  EXPECT_EQ(One("a if b else c"), "(IfExp (Name a) (Name b) (Name c))");
  EXPECT_EQ(One("(y := f(x))"), "(NamedExpr (Name y) (Call (Name f) (Name x)))");
}

TEST(ParseTest, GrammarPrecedenceBugsAreCorrected) {
  // tree-sitter-python ranks `^` above `&` and `**` above `await`; Python does the reverse.
  EXPECT_EQ(One("a ^ b & c"), "(BinOp ^ (Name a) (BinOp & (Name b) (Name c)))");
  EXPECT_EQ(One("a & b ^ c"), "(BinOp ^ (BinOp & (Name a) (Name b)) (Name c))");
  EXPECT_EQ(One("a & b ^ c & d ^ e"),
            "(BinOp ^ (BinOp ^ (BinOp & (Name a) (Name b)) (BinOp & (Name c) (Name d))) (Name e))");
  EXPECT_EQ(One("a ^ b ^ c"), "(BinOp ^ (BinOp ^ (Name a) (Name b)) (Name c))");
  EXPECT_EQ(One("a & (b ^ c)"), "(BinOp & (Name a) (BinOp ^ (Name b) (Name c)))");
  EXPECT_EQ(One("a | b ^ c & d"),
            "(BinOp | (Name a) (BinOp ^ (Name b) (BinOp & (Name c) (Name d))))");
  Parsed p = ParseText("x = a & b ^ c\n");
  NodeId xor_node = AssignView{p.ast(), ModuleView{p.ast(), p.ast().root()}.statements()[0]}.value();
  EXPECT_EQ(Text(p, p.ast().range(xor_node)), "a & b ^ c");
  EXPECT_EQ(Text(p, p.ast().range(BinOpView{p.ast(), xor_node}.left())), "a & b");

  Parsed q = ParseText("async def f():\n    await x ** 2\n    await (x ** 2)\n");
  EXPECT_EQ(Stmts(q),
            "(FunctionDef :async (List) (Identifier f) _ (Parameters) _ (List (ExprStmt (BinOp ** "
            "(Await (Name x)) (IntLiteral 2))) (ExprStmt (Await (BinOp ** (Name x) (IntLiteral "
            "2))))))");
}

TEST(ParseTest, CallsAndSubscripts) {
  EXPECT_EQ(One("f(a, *b, c=1, **d)"),
            "(Call (Name f) (Name a) (Starred (Name b)) (Keyword c (IntLiteral 1)) (Keyword :star "
            "(Name d)))");
  EXPECT_EQ(One("f(x for x in y)"),
            "(Call (Name f) (GeneratorExp (Name x) (Comprehension (Name x) (Name y))))");
  EXPECT_EQ(One("f()"), "(Call (Name f))");
  EXPECT_EQ(One("a.b.c"), "(Attribute (Attribute (Name a) (Identifier b)) (Identifier c))");
  EXPECT_EQ(One("a[1]"), "(Subscript (Name a) (IntLiteral 1))");
  EXPECT_EQ(One("a[1, 2]"), "(Subscript (Name a) (Tuple (IntLiteral 1) (IntLiteral 2)))");
  EXPECT_EQ(One("a[1,]"), "(Subscript (Name a) (Tuple (IntLiteral 1)))");
  EXPECT_EQ(One("a[(1, 2)]"), "(Subscript (Name a) (Tuple :paren (IntLiteral 1) (IntLiteral 2)))");
  EXPECT_EQ(One("a[1:2, ::3, :]"),
            "(Subscript (Name a) (Tuple (Slice (IntLiteral 1) (IntLiteral 2) _) (Slice _ _ "
            "(IntLiteral 3)) (Slice _ _ _)))");
  EXPECT_EQ(One("a[x:]"), "(Subscript (Name a) (Slice (Name x) _ _))");
  EXPECT_EQ(One("a[*b]"), "(Subscript (Name a) (Starred (Name b)))");
  Parsed p = ParseText("a[1, 2]");
  NodeId sub = ExprStmtView{p.ast(), ModuleView{p.ast(), p.ast().root()}.statements()[0]}.value();
  EXPECT_EQ(Text(p, p.ast().range(SubscriptView{p.ast(), sub}.slice())), "1, 2");
}

TEST(ParseTest, Collections) {
  EXPECT_EQ(One("[1, *a]"), "(ListExpr (IntLiteral 1) (Starred (Name a)))");
  EXPECT_EQ(One("{1, *a}"), "(Set (IntLiteral 1) (Starred (Name a)))");
  EXPECT_EQ(One("{**a, 'b': 1}"),
            "(Dict (DictItem _ (Name a)) (DictItem (StringLiteral \"b\") (IntLiteral 1)))");
  EXPECT_EQ(One("()"), "(Tuple :paren)");
  EXPECT_EQ(One("(1,)"), "(Tuple :paren (IntLiteral 1))");
  EXPECT_EQ(One("{}"), "(Dict)");
  EXPECT_EQ(One("[]"), "(ListExpr)");
  EXPECT_EQ(One("[x for x in y if x if z for w in v]"),
            "(ListComp (Name x) (Comprehension (Name x) (Name y) (Name x) (Name z)) "
            "(Comprehension (Name w) (Name v)))");
  EXPECT_EQ(One("{k: v for k, v in d}"),
            "(DictComp (Name k) (Name v) (Comprehension (Tuple (Name k) (Name v)) (Name d)))");
  EXPECT_EQ(One("{a for a in b}"), "(SetComp (Name a) (Comprehension (Name a) (Name b)))");
  EXPECT_EQ(One("(a for a in b)"), "(GeneratorExp (Name a) (Comprehension (Name a) (Name b)))");
  Parsed p = ParseText("async def f():\n    return [x async for x in y]\n");
  EXPECT_NE(Stmts(p).find("(Comprehension :async (Name x) (Name y))"), std::string::npos);
}

TEST(ParseTest, ParenthesesAreUnwrapped) {
  Parsed p = ParseText("x = ((a))\ny = ((1, 2))\nz = (yield)\n");
  EXPECT_EQ(Stmts(p), "(Assign (Name a) (Name x))\n"
                      "(Assign (Tuple :paren (IntLiteral 1) (IntLiteral 2)) (Name y))\n"
                      "(Assign (Yield _) (Name z))");
  auto stmts = ModuleView{p.ast(), p.ast().root()}.statements();
  EXPECT_EQ(Text(p, p.ast().range(AssignView{p.ast(), stmts[0]}.value())), "a");
  EXPECT_EQ(Text(p, p.ast().range(AssignView{p.ast(), stmts[1]}.value())), "(1, 2)");
}

TEST(ParseTest, LambdaAwaitYield) {
  EXPECT_EQ(One("lambda: 0"), "(Lambda (Parameters) (IntLiteral 0))");
  EXPECT_EQ(One("lambda a, /, b=1, *c, d, **e: a"),
            "(Lambda (Parameters (Parameter a:posonly _ _) (Parameter b:pos _ (IntLiteral 1)) "
            "(Parameter c:* _ _) (Parameter d:kwonly _ _) (Parameter e:** _ _)) (Name a))");
  Parsed p = ParseText("async def f():\n    await x\n    yield\n    yield from z\n    yield a, b\n");
  EXPECT_EQ(Stmts(p),
            "(FunctionDef :async (List) (Identifier f) _ (Parameters) _ (List (ExprStmt (Await "
            "(Name x))) (ExprStmt (Yield _)) (ExprStmt (YieldFrom (Name z))) (ExprStmt (Yield "
            "(Tuple (Name a) (Name b))))))");
}

TEST(ParseTest, Annotations) {
  EXPECT_EQ(One("def f(a: int | None, b: typing.List[str], *c: *Ts) -> a.B: pass"),
            "(FunctionDef (List) (Identifier f) _ (Parameters (Parameter a:pos (BinOp | (Name int) "
            "(NoneLiteral)) _) (Parameter b:pos (Subscript (Attribute (Name typing) (Identifier "
            "List)) (Name str)) _) (Parameter c:* (Starred (Name Ts)) _)) (Attribute (Name a) "
            "(Identifier B)) (List (Pass)))");
  EXPECT_EQ(One("x: dict[str, int]"),
            "(AnnAssign (Name x) (Subscript (Name dict) (Tuple (Name str) (Name int))) _)");
}

// ---------------------------------------------------------------------------------------------
// Literals

TEST(ParseTest, Numbers) {
  EXPECT_EQ(One("0"), "(IntLiteral 0)");
  EXPECT_EQ(One("1_000_000"), "(IntLiteral 1000000)");
  EXPECT_EQ(One("0xFF"), "(IntLiteral 255)");
  EXPECT_EQ(One("0o17"), "(IntLiteral 15)");
  EXPECT_EQ(One("0b1010"), "(IntLiteral 10)");
  EXPECT_EQ(One("00"), "(IntLiteral 0)");
  EXPECT_EQ(One("9223372036854775807"), "(IntLiteral 9223372036854775807)");
  EXPECT_EQ(One("9223372036854775808"), "(IntLiteral 9223372036854775808 :big)");
  EXPECT_EQ(One("0x1_0000_0000_0000_0000"), "(IntLiteral 0x1_0000_0000_0000_0000 :big)");
  EXPECT_EQ(One("1.5"), "(FloatLiteral)");
  EXPECT_EQ(One("1e10"), "(FloatLiteral)");
  EXPECT_EQ(One(".5"), "(FloatLiteral)");
  EXPECT_EQ(One("2j"), "(ComplexLiteral)");
  EXPECT_EQ(One("1.5J"), "(ComplexLiteral)");
  EXPECT_EQ(One("True"), "(BoolLiteral True)");
  EXPECT_EQ(One("False"), "(BoolLiteral False)");
  EXPECT_EQ(One("None"), "(NoneLiteral)");
  EXPECT_EQ(One("..."), "(EllipsisLiteral)");
}

TEST(ParseTest, Strings) {
  EXPECT_EQ(One("'abc'"), "(StringLiteral \"abc\")");
  EXPECT_EQ(One("''"), "(StringLiteral \"\")");
  EXPECT_EQ(One(R"('a\nb\t\\\'\"')"), "(StringLiteral \"a\nb\t\\'\"\")");
  EXPECT_EQ(One(R"('\x41\101\u00e9\U0001F600')"), "(StringLiteral \"AAé😀\")");
  EXPECT_EQ(One(R"('\N{BULLET}\q')"), "(StringLiteral \"\\N{BULLET}\\q\")");
  EXPECT_EQ(One("'a\\\nb'"), "(StringLiteral \"ab\")");  // backslash-newline continuation
  EXPECT_EQ(One(R"(r'\n\x')"), "(StringLiteral \"\\n\\x\")");
  EXPECT_EQ(One(R"(b'\xff\n')"), "(StringLiteral \"\xff\n\" :bytes)");
  EXPECT_EQ(One(R"(rb'\xff')"), "(StringLiteral \"\\xff\" :bytes)");
  EXPECT_EQ(One(R"(b'\u1234')"), "(StringLiteral \"\\u1234\" :bytes)");
  EXPECT_EQ(One("'a' \"b\" '''c'''"), "(StringLiteral \"abc\")");
  EXPECT_EQ(One("'a' r'\\n' 'b\\n'"), "(StringLiteral \"a\\nb\n\")");
  EXPECT_EQ(One("\"\"\"multi\nline\"\"\""), "(StringLiteral \"multi\nline\")");
  EXPECT_EQ(One("u'x'"), "(StringLiteral \"x\")");
  // Interned: equal texts share one string index.
  Parsed p = ParseText("a = 'x'\nb = 'x'\nx = a\n");
  auto stmts = ModuleView{p.ast(), p.ast().root()}.statements();
  NodeId s1 = AssignView{p.ast(), stmts[0]}.value(), s2 = AssignView{p.ast(), stmts[1]}.value();
  EXPECT_EQ(p.ast().node(s1).data, p.ast().node(s2).data);
  NodeId name_x = AssignView{p.ast(), stmts[2]}.targets()[0];
  EXPECT_EQ(p.ast().node(name_x).data, p.ast().node(s1).data);
}

TEST(ParseTest, FStrings) {
  EXPECT_EQ(One("f'a{x!r:>{w}.{p}} {y=} {{z}}'"),
            "(StringLiteral :f (FormattedValue !r (Name x) (List (FormattedValue (Name w) _) "
            "(FormattedValue (Name p) _))) (FormattedValue (Name y) _))");
  EXPECT_EQ(One("f'{x:>10}'"), "(StringLiteral :f (FormattedValue (Name x) (List)))");
  EXPECT_EQ(One("f\"{'a'}{f'{x}'}\""),
            "(StringLiteral :f (FormattedValue (StringLiteral \"a\") _) (FormattedValue "
            "(StringLiteral :f (FormattedValue (Name x) _)) _))");
  EXPECT_EQ(One("'a' f'{b}' 'c'"), "(StringLiteral :f (FormattedValue (Name b) _))");
  EXPECT_EQ(One("f'{a, b}'"), "(StringLiteral :f (FormattedValue (Tuple (Name a) (Name b)) _))");
  EXPECT_EQ(One("F'{a}' rf'{b}'"),
            "(StringLiteral :f (FormattedValue (Name a) _) (FormattedValue (Name b) _))");
  Parsed p = ParseText("f'{x}'");
  NodeId s = ExprStmtView{p.ast(), ModuleView{p.ast(), p.ast().root()}.statements()[0]}.value();
  EXPECT_EQ(p.ast().str(s), "");
  EXPECT_EQ(Text(p, p.ast().range(StringLiteralView{p.ast(), s}.interpolations()[0])), "{x}");
}

// ---------------------------------------------------------------------------------------------
// Comments

TEST(ParseTest, Comments) {
  std::string text =
      "# c0\n"
      "x = 1  # c1\n"
      "def f(\n"
      "    a,  # c2\n"
      "    # c3\n"
      "    b):\n"
      "    return (a not  # c4\n"
      "            in b)\n"
      "  # c5\n"
      "s = f'''{\n"
      "  x  # c6\n"
      "}'''\n"
      "\t# c7";  // no newline at the end
  Parsed p = ParseText(text);
  EXPECT_TRUE(p.errors().empty()) << Messages(p);
  CheckInvariants(p);
  std::vector<std::string> got;
  for (const Comment& c : p.ast().comments()) {
    got.push_back(Text(p, c.range) + (c.own_line ? " own" : " trailing"));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"# c0 own", "# c1 trailing", "# c2 trailing",
                                           "# c3 own", "# c4 trailing", "# c5 own",
                                           "# c6 trailing", "# c7 own"}));
}

TEST(ParseTest, CommentsInsideErrorsAndCutSubtrees) {
  Parsed p = ParseText("x = (1,  # a\ny = $  # b\n# c\nz = 2\n");
  ASSERT_FALSE(p.errors().empty());
  std::vector<std::string> got;
  for (const Comment& c : p.ast().comments()) got.push_back(Text(p, c.range));
  EXPECT_EQ(got, (std::vector<std::string>{"# a", "# b", "# c"}));

  std::string deep = "x = " + std::string(1200, '[') + "  # inner\n1" + std::string(1200, ']') +
                     "  # after\n";
  Parsed q = ParseText(deep);
  got.clear();
  for (const Comment& c : q.ast().comments()) got.push_back(Text(q, c.range));
  EXPECT_EQ(got, (std::vector<std::string>{"# inner", "# after"}));
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

TEST(ParseTest, MissingToken) {
  Parsed p = ParseText("x = 1\ndef f(:\n    pass\nz = 3\n");
  EXPECT_EQ(Messages(p), "12-12 Expected `)`");
  // The statements around the error are still there.
  EXPECT_EQ(Stmts(p), "(Assign (IntLiteral 1) (Name x))\n(FunctionDef (List) (Identifier f) _ "
                      "(Parameters) _ (List (Pass)))\n(Assign (IntLiteral 3) (Name z))");
}

TEST(ParseTest, MissingExpression) {
  Parsed p = ParseText("for x in :\n  pass\n");
  EXPECT_EQ(Messages(p), "8-8 Expected an expression");
  EXPECT_EQ(Stmts(p), "(For (Name x) (Error) (List (Pass)) (List))");
}

TEST(ParseTest, UnexpectedToken) {
  Parsed p = ParseText("foo(a b)\nok = 1\n");
  EXPECT_EQ(Messages(p), "6-7 Unexpected token `b`");
  EXPECT_EQ(Stmts(p), "(ExprStmt (Call (Name foo) (Name a)))\n(Assign (IntLiteral 1) (Name ok))");
}

TEST(ParseTest, ErrorRegionsAreSalvaged) {
  Parsed p = ParseText("a = 1\nclass\nb = 2\n");
  EXPECT_EQ(Messages(p), "6-11 Unexpected token `class`");
  EXPECT_EQ(Stmts(p), "(Assign (IntLiteral 1) (Name a))\n(Error)\n(Assign (IntLiteral 2) (Name b))");
  CheckInvariants(p);
  // Statements tree-sitter keeps inside an ERROR region become the Error node's children.
  Parsed q = ParseText("def g():\n    @\n    def f():\n        return 1\n");
  EXPECT_EQ(Messages(q), "23-24 Unexpected token `f`");
  EXPECT_EQ(Stmts(q), "(Error (FunctionDef (List) (Identifier g) _ (Parameters) _ (List (Return "
                      "(IntLiteral 1)))))");
}

TEST(ParseTest, RecoveryAfterErrorsThatSwallowTheRest) {
  // tree-sitter folds these into one ERROR up to the end of the file; the lowering parses again
  // from the next top-level line.
  Parsed p = ParseText("x = foo(1,\n\ndef g():\n    pass\n\nz = 3\n");
  EXPECT_EQ(Messages(p), "7-8 `(` was never closed");
  EXPECT_EQ(Stmts(p), "(Error)\n(FunctionDef (List) (Identifier g) _ (Parameters) _ (List (Pass)))\n"
                      "(Assign (IntLiteral 3) (Name z))");
  Parsed q = ParseText("for x in y\n    pass\nz = 3  # c\n");
  EXPECT_EQ(Messages(q), "0-19 Invalid syntax");
  EXPECT_EQ(Stmts(q), "(Error)\n(Assign (IntLiteral 3) (Name z))");
  ASSERT_EQ(q.ast().comments().size(), 1u);
  EXPECT_EQ(Text(q, q.ast().range(ModuleView{q.ast(), q.ast().root()}.statements()[1])), "z = 3");
  CheckInvariants(q);
  // Several errors, each recovered from.
  Parsed r = ParseText("a = (\nb = 1\nif c\n    pass\nd = [\ne = 2\n");
  EXPECT_EQ(Messages(r), "4-5 `(` was never closed\n21-25 Unexpected token `pass`\n"
                         "30-31 `[` was never closed");
  EXPECT_NE(Stmts(r).find("(Assign (IntLiteral 1) (Name b))"), std::string::npos) << Stmts(r);
  CheckInvariants(r);
  Parsed t = ParseText("@\ndef f():\n    return 1\n");
  EXPECT_EQ(Stmts(t), "(Error)\n(FunctionDef (List) (Identifier f) _ (Parameters) _ (List (Return "
                      "(IntLiteral 1))))");
}

TEST(ParseTest, UnclosedBracketAndString) {
  EXPECT_EQ(Messages(ParseText("x = [1, 2\n")), "4-5 `[` was never closed");
  Parsed p = ParseText("x = \"abc\ny = 1\n");
  EXPECT_EQ(Messages(p), "4-5 Unterminated string literal");
  EXPECT_NE(Stmts(p).find("(Assign (IntLiteral 1) (Name y))"), std::string::npos);
}

TEST(ParseTest, NestedErrorReportedOnce) {
  // tree-sitter wraps the `$` in two nested ERROR nodes.
  EXPECT_EQ(Messages(ParseText("def f(a, $):\n    pass\n")), "9-10 Unexpected token `$`");
  EXPECT_EQ(ParseText("y = $ $ $\n").errors().size(), 1u);
}

TEST(ParseTest, EmptyBlockAndIndentation) {
  EXPECT_EQ(Messages(ParseText("def f():\n")), "8-8 Expected an indented block");
  EXPECT_EQ(Messages(ParseText("if x:\ny = 2\n")), "5-5 Expected an indented block");
  EXPECT_EQ(Messages(ParseText(" x = 1\n")), "0-1 Unexpected indentation");
  EXPECT_EQ(Messages(ParseText("class A:\n  def f(self):\n    return 1\n   x = 2\n")),
            "37-40 Unindent does not match any outer indentation level");
  EXPECT_EQ(Messages(ParseText("if x:\n        a\n\tb\n")),
            "16-17 Inconsistent use of tabs and spaces in indentation");
  // Valid: continuation lines and statements after `;` have no indentation of their own.
  EXPECT_EQ(Messages(ParseText("if x:\n    a = [\n  1]; b = 2\n    c = 3\n")), "");
}

TEST(ParseTest, Python2Constructs) {
  EXPECT_EQ(Messages(ParseText("print x\n")), "0-7 Missing parentheses in call to `print`");
  EXPECT_EQ(Messages(ParseText("exec code in ns\n")), "0-15 Missing parentheses in call to `exec`");
  EXPECT_EQ(Messages(ParseText("a <> b\n")), "2-4 The `<>` operator is Python 2 syntax; use `!=`");
  EXPECT_EQ(Messages(ParseText("x = 10L\n")),
            "4-7 Invalid integer literal: the `L` suffix is Python 2 syntax");
  EXPECT_EQ(Messages(ParseText("x = 0777\n")),
            "4-8 Leading zeros in decimal integer literals are not permitted; use `0o` for octal");
  EXPECT_EQ(Messages(ParseText("try:\n    pass\nexcept E, e:\n    pass\n")),
            "21-25 Multiple exception types must be parenthesized");
  EXPECT_EQ(Messages(ParseText("raise E, V\n")), "6-10 `raise E, V` is Python 2 syntax; use `raise E(V)`");
  EXPECT_EQ(Messages(ParseText("def f((a, b)): pass\n")),
            "6-12 Tuple parameter unpacking is not supported in Python 3");
  // Valid Python 3, although the grammar calls it a print statement.
  Parsed p = ParseText("print >> f, x\n");
  EXPECT_TRUE(p.errors().empty());
  EXPECT_EQ(Stmts(p), "(ExprStmt (Tuple (BinOp >> (Name print) (Name f)) (Name x)))");
  EXPECT_EQ(Stmts(ParseText("print(x)\n")), "(ExprStmt (Call (Name print) (Name x)))");
  // The Python 2 print statement keeps its expressions inside the Error node.
  EXPECT_EQ(Stmts(ParseText("print x, y\n")), "(Error (Name x) (Name y))");
}

TEST(ParseTest, OtherInvalidSyntax) {
  EXPECT_EQ(Messages(ParseText("f(a=1, b)\n")), "7-8 Positional argument follows keyword argument");
  EXPECT_EQ(Messages(ParseText("f(**k, *a)\n")),
            "7-9 Iterable argument unpacking follows keyword argument unpacking");
  EXPECT_EQ(Messages(ParseText("def f(a=1, b): pass\n")),
            "11-12 Parameter without a default follows parameter with a default");
  EXPECT_EQ(Messages(ParseText("def f(*): pass\n")), "6-7 Named parameters must follow a bare `*`");
  EXPECT_EQ(Messages(ParseText("a, b += 1\n")), "0-4 Invalid augmented assignment target");
  EXPECT_EQ(Messages(ParseText("a, b: int\n")), "0-4 Only single target (not tuple) can be annotated");
  EXPECT_EQ(Messages(ParseText("x = b'a' 'b'\n")), "4-12 Cannot mix bytes and non-bytes literals");
  EXPECT_EQ(Messages(ParseText("await = 1\n")), "0-5 `await` is a keyword and cannot be used as a name");
  EXPECT_EQ(Messages(ParseText("[x for x in 1, 2]\n")),
            "12-16 Unparenthesized tuple in a comprehension's iterable");
  EXPECT_EQ(Messages(ParseText("f(x as y)\n")), "2-8 `as` is not allowed here");
}

TEST(ParseTest, ErrorsAreSortedAndRangesValid) {
  Parsed p = ParseText("print x\nfoo(a b)\nx = [1,\n");
  ASSERT_GE(p.errors().size(), 3u);
  for (size_t i = 1; i < p.errors().size(); ++i) {
    EXPECT_LE(p.errors()[i - 1].range.start, p.errors()[i].range.start);
  }
  for (const Diagnostic& d : p.errors()) {
    EXPECT_LE(d.range.end, p.file->text().size());
    EXPECT_EQ(d.file, FileId(0));
    EXPECT_EQ(d.severity, Severity::Error);
  }
}

// ---------------------------------------------------------------------------------------------
// Deep nesting and robustness

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

void ExpectTooDeep(const Parsed& p) {
  ASSERT_EQ(p.errors().size(), 1u) << Messages(p);
  EXPECT_NE(p.errors()[0].message.find("nesting limit of 1000"), std::string::npos);
  EXPECT_LE(MaxDepth(p.ast()), 2 * kMaxNestingDepth + 8);
  CheckInvariants(p);
}

TEST(ParseTest, DeepParentheses) {
  const size_t n = 100000;
  std::string text = "x = " + std::string(n, '(') + "1" + std::string(n, ')') + "\ny = 2\n";
  auto start = std::chrono::steady_clock::now();
  Parsed p = ParseText(text);
  std::printf("[ timing ] 100,000 nested parentheses: %.1f ms\n", MillisSince(start));
  ExpectTooDeep(p);
  EXPECT_EQ((ModuleView{p.ast(), p.ast().root()}.statements().size()), 2u);  // `y = 2` is still lowered
}

TEST(ParseTest, DeepLists) {
  const size_t n = 100000;
  std::string text = "x = " + std::string(n, '[') + "1" + std::string(n, ']') + "\n";
  auto start = std::chrono::steady_clock::now();
  Parsed p = ParseText(text);
  std::printf("[ timing ] 100,000 nested lists: %.1f ms\n", MillisSince(start));
  ExpectTooDeep(p);
}

TEST(ParseTest, DeepFunctions) {
  // tree-sitter-python stores indentation columns in single bytes, so it loses track beyond
  // column 255; this must still not crash and must report the problem.
  std::string text;
  for (int i = 0; i < 5000; ++i) text += std::string(i, ' ') + "def f" + std::to_string(i) + "():\n";
  text += std::string(5000, ' ') + "pass\n";
  auto start = std::chrono::steady_clock::now();
  Parsed p = ParseText(text);
  std::printf("[ timing ] 5,000 nested functions (%zu bytes): %.1f ms\n", text.size(),
              MillisSince(start));
  EXPECT_FALSE(p.errors().empty());
  CheckInvariants(p);
  EXPECT_LE(MaxDepth(p.ast()), 2 * kMaxNestingDepth + 8);
}

TEST(ParseTest, NestedFunctionsWithinGrammarLimits) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += std::string(i, ' ') + "def f" + std::to_string(i) + "():\n";
  text += std::string(200, ' ') + "pass\n";
  Parsed p = ParseText(text);
  EXPECT_TRUE(p.errors().empty()) << Messages(p);
  EXPECT_EQ(MaxDepth(p.ast()), 1 + 2 * 200 + 1u);  // Module, (FunctionDef, List)*200, Pass
}

TEST(ParseTest, DeepMixedExpressions) {
  const size_t n = 20000;
  std::vector<std::string> texts = {
      "x = " + std::string(n, '-') + "1\n",
      [&] { std::string s = "x = "; for (size_t i = 0; i < n; ++i) s += "f(a="; s += "1";
            return s + std::string(n, ')') + "\n"; }(),
      [&] { std::string s = "x = "; for (size_t i = 0; i < n; ++i) s += "[y for y in "; s += "1";
            return s + std::string(n, ']') + "\n"; }(),
      [&] { std::string s = "x = "; for (size_t i = 0; i < n; ++i) s += "lambda: "; return s + "1\n"; }(),
      [&] { std::string s = "x = 1"; for (size_t i = 0; i < n; ++i) s += " + 1"; return s + "\n"; }(),
      [&] { std::string s = "x = "; for (size_t i = 0; i < n; ++i) s += "{1: "; s += "1";
            return s + std::string(n, '}') + "\n"; }(),
      [&] { std::string s = "x = "; for (size_t i = 0; i < n; ++i) s += "a["; s += "1:2";
            return s + std::string(n, ']') + "\n"; }(),
  };
  for (const std::string& text : texts) {
    Parsed p = ParseText(text);
    SCOPED_TRACE(text.substr(0, 20));
    ExpectTooDeep(p);
  }
}

TEST(ParseTest, LongElifChainStaysWithinDepth) {
  std::string text = "if x: pass\n";
  for (int i = 0; i < 3000; ++i) text += "elif x: pass\n";
  Parsed p = ParseText(text);
  ExpectTooDeep(p);
  std::string ok = "if x: pass\n";
  for (int i = 0; i < 300; ++i) ok += "elif x: pass\n";
  EXPECT_TRUE(ParseText(ok).errors().empty());
}

TEST(ParseTest, LongFlatSequencesAreNotNesting) {
  std::string text = "x = [";
  for (int i = 0; i < 50000; ++i) text += "1, ";
  text += "]\n";
  for (int i = 0; i < 5000; ++i) text += "a = b = c\n";
  Parsed p = ParseText(text);
  EXPECT_TRUE(p.errors().empty());
  EXPECT_EQ((ModuleView{p.ast(), p.ast().root()}.statements().size()), 5001u);
}

TEST(ParseTest, ArbitraryBytesDoNotCrash) {
  const char* pieces[] = {"(",    ")",   "[",     "]",      "{",     "}",    ":",   "\n",  "    ",
                          "def",  "class", "if",  "else",   "lambda", "x",   "1",   "'",   "\"",
                          "f'{",  "}'",  "\\",    "#c\n",   "@",     "=",    ",",   "*",   "**",
                          "match", "case", "async", "await", "yield", "\t",   "\xff", "\xc3\xa9",
                          "type", "print", "<>",  "0x",     "1e",    "j",    ".",   ";",   "\r"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) text += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
    Parsed p = ParseText(text);
    CheckInvariants(p);
  }
  for (int round = 0; round < 100; ++round) {
    std::string text;
    int len = static_cast<int>(rng() % 200);
    for (int i = 0; i < len; ++i) text += static_cast<char>(rng() % 256);
    Parsed p = ParseText(text);
    CheckInvariants(p);
  }
}

}  // namespace
}  // namespace asynctype
