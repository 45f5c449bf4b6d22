// Unit tests of the UTF-8 helper: lead-byte lengths, code point counts, boundaries,
// well-formedness (the loader's and the server's rules) and the encoder of string literals.
#include "checker/base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace asynctype::utf8 {
namespace {

TEST(Utf8Test, SequenceLengthFromTheLeadByteAlone) {
  EXPECT_EQ(SequenceLength('a'), 1u);
  EXPECT_EQ(SequenceLength(0x00), 1u);
  EXPECT_EQ(SequenceLength(0x7F), 1u);
  EXPECT_EQ(SequenceLength(0x80), 1u);  // a continuation byte
  EXPECT_EQ(SequenceLength(0xBF), 1u);
  EXPECT_EQ(SequenceLength(0xC0), 2u);  // overlong, but announces two bytes
  EXPECT_EQ(SequenceLength(0xDF), 2u);
  EXPECT_EQ(SequenceLength(0xE0), 3u);
  EXPECT_EQ(SequenceLength(0xEF), 3u);
  EXPECT_EQ(SequenceLength(0xF0), 4u);
  EXPECT_EQ(SequenceLength(0xF7), 4u);
  EXPECT_EQ(SequenceLength(0xF8), 1u);  // obsolete five- and six-byte forms
  EXPECT_EQ(SequenceLength(0xFC), 1u);
  EXPECT_EQ(SequenceLength(0xFF), 1u);
}

TEST(Utf8Test, CountsCodePoints) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("h\xC3\xA9llo"), 5u);          // é
  EXPECT_EQ(CountCodePoints("\xE2\x82\xAC"), 1u);          // €
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80!"), 2u);     // 😀!
  EXPECT_EQ(CountCodePoints("\xE2\x82"), 1u);              // truncated: the lead counts
}

TEST(Utf8Test, FloorBoundaryStepsBackOverContinuationBytes) {
  std::string text = "ab\xE2\x82\xAC" "c";
  EXPECT_EQ(FloorBoundary(text, 0), 0u);
  EXPECT_EQ(FloorBoundary(text, 2), 2u);
  EXPECT_EQ(FloorBoundary(text, 3), 2u);
  EXPECT_EQ(FloorBoundary(text, 4), 2u);
  EXPECT_EQ(FloorBoundary(text, 5), 5u);
  EXPECT_EQ(FloorBoundary("\x80\x80", 1), 0u);  // never before the start
}

TEST(Utf8Test, WellFormedLength) {
  std::string text = std::string("a\0", 2) + "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  EXPECT_EQ(WellFormedLength(text, 0), 1u);
  EXPECT_EQ(WellFormedLength(text, 1), 1u);  // NUL is well formed
  EXPECT_EQ(WellFormedLength(text, 2), 2u);
  EXPECT_EQ(WellFormedLength(text, 3), 0u);  // a continuation byte on its own
  EXPECT_EQ(WellFormedLength(text, 4), 3u);
  EXPECT_EQ(WellFormedLength(text, 7), 4u);
  EXPECT_EQ(WellFormedLength("\xC0\x80", 0), 0u);          // overlong NUL
  EXPECT_EQ(WellFormedLength("\xE0\x9F\xBF", 0), 0u);      // overlong U+07FF
  EXPECT_EQ(WellFormedLength("\xF0\x8F\xBF\xBF", 0), 0u);  // overlong U+FFFF
  EXPECT_EQ(WellFormedLength("\xED\xA0\x80", 0), 0u);      // surrogate U+D800
  EXPECT_EQ(WellFormedLength("\xED\x9F\xBF", 0), 3u);      // U+D7FF
  EXPECT_EQ(WellFormedLength("\xF4\x8F\xBF\xBF", 0), 4u);  // U+10FFFF
  EXPECT_EQ(WellFormedLength("\xF4\x90\x80\x80", 0), 0u);  // beyond U+10FFFF
  EXPECT_EQ(WellFormedLength("\xF8\x88\x80\x80\x80", 0), 0u);
  EXPECT_EQ(WellFormedLength("\xE2\x82", 0), 0u);          // truncated at the end
  EXPECT_EQ(WellFormedLength("\xE2\x82x", 0), 0u);         // cut by an ASCII byte
}

TEST(Utf8Test, FindIllFormedGivesTheFirstBadSequence) {
  EXPECT_EQ(FindIllFormed(""), std::nullopt);
  EXPECT_EQ(FindIllFormed("plain ascii"), std::nullopt);
  EXPECT_EQ(FindIllFormed(std::string("nul\0ok", 6)), std::nullopt);
  EXPECT_EQ(FindIllFormed("h\xC3\xA9 \xF0\x9F\x98\x80"), std::nullopt);
  EXPECT_EQ(FindIllFormed("ab\xFF"), 2u);
  EXPECT_EQ(FindIllFormed("\xC3\xA9\xC3"), 2u);         // truncated
  EXPECT_EQ(FindIllFormed("x\xED\xB0\x80y\xFF"), 1u);   // the surrogate comes first
  EXPECT_EQ(FindIllFormed("\xE2\x82\xAC\x80"), 3u);     // a stray continuation byte
}

TEST(Utf8Test, SanitizeReplacesEachBadByte) {
  EXPECT_EQ(Sanitize("fine \xC3\xA9"), "fine \xC3\xA9");
  EXPECT_EQ(Sanitize("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  // A truncated sequence: each of its bytes is replaced on its own.
  EXPECT_EQ(Sanitize("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  // A surrogate's three bytes, then a valid character.
  EXPECT_EQ(Sanitize("\xED\xA0\x80\xC3\xA9"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xC3\xA9");
  EXPECT_EQ(Sanitize(std::string("\0", 1)), std::string("\0", 1));
}

TEST(Utf8Test, AppendCodePointEncodesSurrogatesAndCapsTheRange) {
  std::string out;
  AppendCodePoint(out, 'A');
  AppendCodePoint(out, 0xE9);
  AppendCodePoint(out, 0x20AC);
  AppendCodePoint(out, 0x1F600);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  out.clear();
  AppendCodePoint(out, 0xD800);  // CPython's str holds lone surrogates
  EXPECT_EQ(out, "\xED\xA0\x80");
  out.clear();
  AppendCodePoint(out, 0x110000);
  EXPECT_EQ(out, "\xEF\xBF\xBD");
  out.clear();
  AppendCodePoint(out, 0x7FF);
  AppendCodePoint(out, 0x800);
  AppendCodePoint(out, 0xFFFF);
  AppendCodePoint(out, 0x10000);
  EXPECT_EQ(out, "\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80");
}

}  // namespace
}  // namespace asynctype::utf8
