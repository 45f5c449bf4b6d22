// Unit tests for parsing big files in pieces (pieces.h): where the scan cuts a text (only before
// top-level statements), and that parsing in pieces gives the same Ast, comments and syntax
// errors as parsing in one go, also where the scan gets a cut wrong and around syntax errors.
#include "checker/syntax/pieces.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

// The lines of `text` (by their first characters) where a cut falls, with every piece as small
// as possible.
std::vector<std::string> CutLines(const std::string& text) {
  std::vector<std::string> lines;
  for (uint32_t at : PieceStarts(text, /*min_piece=*/1)) {
    size_t end = text.find_first_of("\r\n", at);
    lines.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
  }
  return lines;
}

TEST(PiecesTest, CutsOnlyBeforeTopLevelStatements) {
  std::string text =
      "import os\n"
      "@decorator\n"
      "def f(a,\n"
      "b):\n"
      "    return a\n"
      "# a comment\n"
      "\n"
      "if f:\n"
      "    pass\n"
      "else:\n"
      "    pass\n"
      "try:\n"
      "    pass\n"
      "except E:\n"
      "    pass\n"
      "finally:\n"
      "    pass\n"
      "s = '''\n"
      "inside = 1\n"
      "'''\n"
      "t = 'it\\'s' + \"#\"\n"
      "u = 1 + \\\n"
      "2\n"
      "v = {\n"
      "'k': (1,\n"
      "2)}\n"
      "elsewhere = 3\n";
  EXPECT_EQ(CutLines(text), (std::vector<std::string>{"@decorator", "if f:", "try:", "s = '''",
                                                      "t = 'it\\'s' + \"#\"", "u = 1 + \\", "v = {",
                                                      "elsewhere = 3"}));
  // Windows and old Mac line ends.
  std::string crlf = "a = 1\r\nb = (\r\n1)\r\nc = 2\r\n";
  EXPECT_EQ(CutLines(crlf), (std::vector<std::string>{"b = (", "c = 2"}));
  std::string cr = "a = 1\rb = 2\r";
  EXPECT_EQ(CutLines(cr), (std::vector<std::string>{"b = 2"}));
  // Pieces are at least min_piece long; small texts are not cut at all.
  EXPECT_TRUE(PieceStarts("a = 1\nb = 2\n").empty());
  EXPECT_EQ(PieceStarts("a = 1\nb = 2\nc = 3\n", 7), (std::vector<uint32_t>{12}));
}

struct Both {
  std::unique_ptr<SourceFile> file;
  ParsedFile whole, pieces;
};

Both ParseBothWays(std::string text) {
  Both both;
  both.file = std::make_unique<SourceFile>(FileId(0), "big.py", std::move(text));
  both.whole = Parse(*both.file, Pieces::Never);
  both.pieces = Parse(*both.file, Pieces::IfBig);
  return both;
}

void ExpectSame(const ParsedFile& a, const ParsedFile& b) {
  ASSERT_EQ(a.ast.size(), b.ast.size());
  for (size_t i = 0; i < a.ast.size(); ++i) {
    NodeId id(static_cast<uint32_t>(i));
    ASSERT_EQ(a.ast.kind(id), b.ast.kind(id)) << "node " << i;
    ASSERT_EQ(a.ast.range(id).start, b.ast.range(id).start) << "node " << i;
    ASSERT_EQ(a.ast.range(id).end, b.ast.range(id).end) << "node " << i;
    ASSERT_EQ(a.ast.node(id).flags, b.ast.node(id).flags) << "node " << i;
    ASSERT_EQ(a.ast.node(id).data, b.ast.node(id).data) << "node " << i;
    ASSERT_TRUE(a.ast.children(id) == b.ast.children(id)) << "node " << i;
  }
  ASSERT_EQ(a.ast.comments().size(), b.ast.comments().size());
  for (size_t i = 0; i < a.ast.comments().size(); ++i) {
    EXPECT_EQ(a.ast.comments()[i].range.start, b.ast.comments()[i].range.start);
    EXPECT_EQ(a.ast.comments()[i].own_line, b.ast.comments()[i].own_line);
  }
  ASSERT_EQ(a.syntax_errors.size(), b.syntax_errors.size());
  for (size_t i = 0; i < a.syntax_errors.size(); ++i) {
    EXPECT_EQ(a.syntax_errors[i].message, b.syntax_errors[i].message);
    EXPECT_EQ(a.syntax_errors[i].range.start, b.syntax_errors[i].range.start);
    EXPECT_EQ(a.syntax_errors[i].range.end, b.syntax_errors[i].range.end);
  }
}

// A stretch of code with what the scan must get right (and an f-string it gets wrong: quotes
// nested in a replacement field, which make it miss the string's end).
std::string Sample(int i) {
  std::string n = std::to_string(i);
  return "@decorator\n"
         "def f" + n + "(a: 'list[int]', b=(1,\n"
         "2)) -> None:  # comment " + n + "\n"
         "    '''doc\n"
         "x = 1\n"
         "    '''\n"
         "    return a\n"
         "if f" + n + ":\n"
         "    y = [i for i in range(" + n + ")]\n"
         "else:\n"
         "    y = 2 + \\\n"
         "3\n"
         "# top-level comment\n"
         "class C" + n + ":\n"
         "    attr: int = " + n + "\n"
         "s" + n + " = f\"{'a' + \"b\"}\"\n"
         "async def g" + n + "():\n"
         "    await f" + n + "(1)\n";
}

std::string BigText(size_t target, const std::string& head = "") {
  std::string text = head;
  for (int i = 0; text.size() <= target; ++i) text += Sample(i);
  return text;
}

TEST(PiecesTest, SameAsOneParse) {
  Both both = ParseBothWays(BigText(kPiecesAbove + kPieceBytes / 2, "\xEF\xBB\xBF# -*- coding: utf-8 -*-\n"));
  ASSERT_GE(PieceStarts(both.file->text()).size(), 2u);
  ExpectSame(both.whole, both.pieces);
  EXPECT_TRUE(both.pieces.syntax_errors.empty());
}

TEST(PiecesTest, SameAsOneParseWhereTheScanIsWrong) {
  // Quotes nested in an f-string's replacement field (Python 3.12) make the scan see a `'''`
  // string start there: it then takes the docstrings for code and cuts inside one. That piece
  // does not parse alone; it is parsed again with the rest of the file.
  std::string text = BigText(kPiecesAbove);
  text += "odd = f\"{\"'''\"}\"\n";
  text = BigText(text.size() + kPieceBytes, text);
  Both both = ParseBothWays(text);
  ExpectSame(both.whole, both.pieces);
  EXPECT_TRUE(both.pieces.syntax_errors.empty());
}

TEST(PiecesTest, SameAsOneParseWithSyntaxErrors) {
  // An error in a piece in the middle (it is parsed again with the rest of the file), and a
  // file cut short at the end, like the suite's 50 MB file.
  std::string text = BigText(kPieceBytes + kPieceBytes / 2);
  text += "def broken(:\n    pass\n";
  text = BigText(text.size() + kPieceBytes + kPieceBytes / 2, text);
  text += "def cut_short():\n";
  Both both = ParseBothWays(text);
  ExpectSame(both.whole, both.pieces);
  EXPECT_EQ(both.pieces.syntax_errors.size(), 2u);
}

}  // namespace
}  // namespace asynctype
