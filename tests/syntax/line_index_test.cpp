// Unit tests of LineIndex: offsets to lines and columns in bytes, characters and UTF-16 units.
#include "checker/base/line_index.h"

#include <gtest/gtest.h>

#include <string>

namespace asynctype {
namespace {

TEST(LineIndexTest, EmptyText) {
  LineIndex index("");
  EXPECT_EQ(index.line_count(), 1u);
  EXPECT_EQ(index.LineOf(0), 0u);
  EXPECT_EQ(index.LineStart(0), 0u);
  EXPECT_EQ(index.LineEnd(0), 0u);
  LineCol lc = index.ByteLineCol(0);
  EXPECT_EQ(lc.line, 0u);
  EXPECT_EQ(lc.column, 0u);
}

TEST(LineIndexTest, LinesAndColumns) {
  std::string text = "ab\ncde\n\nf";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.LineStart(1), 3u);
  EXPECT_EQ(index.LineStart(2), 7u);
  EXPECT_EQ(index.LineStart(3), 8u);
  EXPECT_EQ(index.LineEnd(0), 2u);
  EXPECT_EQ(index.LineEnd(1), 6u);
  EXPECT_EQ(index.LineEnd(2), 7u);
  EXPECT_EQ(index.LineEnd(3), 9u);
  EXPECT_EQ(index.LineOf(0), 0u);
  EXPECT_EQ(index.LineOf(2), 0u);  // the newline belongs to its line
  EXPECT_EQ(index.LineOf(3), 1u);
  EXPECT_EQ(index.LineOf(7), 2u);
  EXPECT_EQ(index.LineOf(9), 3u);
  LineCol lc = index.ByteLineCol(5);
  EXPECT_EQ(lc.line, 1u);
  EXPECT_EQ(lc.column, 2u);
}

TEST(LineIndexTest, TrailingNewlineStartsAnEmptyLine) {
  LineIndex index("a\n");
  EXPECT_EQ(index.line_count(), 2u);
  EXPECT_EQ(index.LineOf(2), 1u);
  EXPECT_EQ(index.LineEnd(1), 2u);
}

TEST(LineIndexTest, CrLfAndCr) {
  std::string text = "a\r\nb\rc\n";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.LineStart(1), 3u);
  EXPECT_EQ(index.LineStart(2), 5u);
  EXPECT_EQ(index.LineStart(3), 7u);
  EXPECT_EQ(index.LineEnd(0), 1u);  // excludes "\r\n"
  EXPECT_EQ(index.LineEnd(1), 4u);
  EXPECT_EQ(index.LineOf(1), 0u);  // the '\r' of "\r\n"
  EXPECT_EQ(index.LineOf(4), 1u);
}

TEST(LineIndexTest, NonAsciiColumns) {
  // "é" is 2 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 UTF-16 units.
  std::string text = "x = \"\xC3\xA9\xF0\x9F\x98\x80\" + y\nz";
  LineIndex index(text);
  uint32_t y = static_cast<uint32_t>(text.find('y'));
  EXPECT_EQ(index.ByteLineCol(y).column, 15u);
  EXPECT_EQ(index.CharLineCol(y).column, 11u);
  EXPECT_EQ(index.Utf16LineCol(y).column, 12u);
  uint32_t z = static_cast<uint32_t>(text.find('z'));
  EXPECT_EQ(index.CharLineCol(z).line, 1u);
  EXPECT_EQ(index.CharLineCol(z).column, 0u);
}

TEST(LineIndexTest, OffsetOfUtf16RoundTrips) {
  std::string text = "a\xC3\xA9\xF0\x9F\x98\x80" "b\nsecond line";
  LineIndex index(text);
  for (uint32_t offset : {0u, 1u, 3u, 7u, 8u, 9u, 12u}) {
    EXPECT_EQ(index.OffsetOfUtf16(index.Utf16LineCol(offset)), offset) << offset;
  }
  EXPECT_EQ(index.OffsetOfUtf16({0, 100}), 8u);  // clamps to the line's end
  EXPECT_EQ(index.OffsetOfUtf16({5, 0}), text.size());  // past the last line
}

TEST(LineIndexTest, OffsetsPastTheEndClamp) {
  std::string text = "ab\ncd";
  LineIndex index(text);
  LineCol lc = index.ByteLineCol(100);
  EXPECT_EQ(lc.line, 1u);
  EXPECT_EQ(lc.column, 2u);
}


// Texts without `\r` take a faster path (memchr); it must agree with the byte-by-byte one,
// including the ASCII test that decides how columns are counted.
TEST(LineIndexTest, LfOnlyPathAgreesWithTheGeneralOne) {
  std::string lf = "x = 1\n\u00e9t\u00e9 = '\u00e9'\n\n  z\n";
  std::string cr = lf + "\r";  // one `\r` at the end: the general path, same lines before it
  LineIndex fast(lf), general(cr);
  ASSERT_EQ(fast.line_count() + 1, general.line_count());
  for (uint32_t line = 0; line < fast.line_count(); ++line) {
    EXPECT_EQ(fast.LineStart(line), general.LineStart(line)) << line;
  }
  for (uint32_t offset = 0; offset < lf.size(); ++offset) {
    EXPECT_EQ(fast.CharLineCol(offset).line, general.CharLineCol(offset).line) << offset;
    EXPECT_EQ(fast.CharLineCol(offset).column, general.CharLineCol(offset).column) << offset;
    EXPECT_EQ(fast.Utf16LineCol(offset).column, general.Utf16LineCol(offset).column) << offset;
  }
  uint32_t t = static_cast<uint32_t>(lf.find("t"));
  EXPECT_EQ(fast.CharLineCol(t).column, 1u);  // after one two-byte character
  LineIndex no_newline("abc");
  EXPECT_EQ(no_newline.line_count(), 1u);
  EXPECT_EQ(no_newline.LineEnd(0), 3u);
}
}  // namespace
}  // namespace asynctype
