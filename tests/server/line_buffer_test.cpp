// LineBuffer and ApplyContentChanges: many edits applied through blocks of lines give exactly
// the text that applying them one by one to a flat string gives (line breaks "\n", "\r\n" and
// lone "\r", multi-byte characters and surrogate pairs, out-of-range and reversed positions,
// edits joining or splitting "\r\n"), and 200,000 edits in one didChange take well under a second.
#include "server/line_buffer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "nlohmann/json.hpp"
#include "server/document.h"

namespace asynctype::lsp {
namespace {

using json = nlohmann::json;

json Change(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2, const std::string& text) {
  return {{"range", {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}}},
          {"text", text}};
}

std::string OneByOne(std::string text, const json& changes) {
  for (const json& change : changes) ApplyContentChange(&text, change);
  return text;
}

TEST(LineBuffer, KeepsTheTextAndCountsLinesLikeLineIndex) {
  for (std::string text : {"", "a", "a\n", "a\r\nb\rc\n\n", "\r\r\n\n\r", "é😀\nx"}) {
    LineBuffer buffer(text);
    EXPECT_EQ(buffer.Text(), text);
    EXPECT_EQ(buffer.line_count(), LineIndex(text).line_count()) << text;
  }
}

TEST(LineBuffer, JoinsAndSplitsCarriageReturnLineFeed) {
  // Deleting what stands between "\r" and "\n" makes one line break of them.
  json changes = json::array();
  for (int i = 0; i < 10; ++i) changes.push_back(Change(0, 0, 0, 0, ""));  // enough for the buffered path
  changes.push_back(Change(1, 0, 1, 1, ""));           // "a\rX\nb" -> "a\r\nb"
  changes.push_back(Change(1, 1, 1, 1, "y"));          // line 1 is now "b"
  std::string text = "a\rX\nb";
  std::string expected = OneByOne(text, changes);
  EXPECT_EQ(expected, "a\r\nby");
  ApplyContentChanges(&text, changes);
  EXPECT_EQ(text, expected);
  // Inserting "\r" before "\n", and "\n" after a lone "\r".
  changes = json::array();
  for (int i = 0; i < 10; ++i) changes.push_back(Change(0, 0, 0, 0, ""));
  changes.push_back(Change(0, 1, 0, 1, "\r"));  // "a\nb\rc" -> "a\r\nb\rc"
  changes.push_back(Change(2, 0, 2, 0, "\n"));  // line 2 is "c": "a\r\nb\r\nc"
  changes.push_back(Change(2, 9, 2, 9, "!"));
  text = "a\nb\rc";
  expected = OneByOne(text, changes);
  EXPECT_EQ(expected, "a\r\nb\r\nc!");
  ApplyContentChanges(&text, changes);
  EXPECT_EQ(text, expected);
}

TEST(LineBuffer, RandomEditsMatchTheFlatText) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"a", "bc", "\n", "\r\n", "\r", "é", "😀", "  x = 1", "", "\n\n"};
  auto random_text = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text = random_text(static_cast<int>(rng() % 40));
    json changes = json::array();
    int count = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < count; ++k) {
      uint32_t lines = LineIndex(text).line_count() + 2;
      uint32_t l1 = rng() % lines, l2 = rng() % 5 == 0 ? rng() % lines : l1 + rng() % 2;
      json change = Change(l1, rng() % 8, l2, rng() % 8, random_text(static_cast<int>(rng() % 3)));
      if (rng() % 25 == 0) change = {{"text", random_text(5)}};            // whole text
      if (rng() % 40 == 0) change = {{"range", "bad"}, {"text", "zzz"}};  // malformed: skipped
      changes.push_back(change);
    }
    std::string expected = OneByOne(text, changes);
    std::string actual = text;
    ApplyContentChanges(&actual, changes);
    ASSERT_EQ(actual, expected) << "round " << round << " text " << json(text).dump() << " changes " << changes.dump();
  }
}

TEST(LineBuffer, ManyChangesInOneDidChange) {
  // 2,000 lines; 200,000 one-character edits all over the text (insert, then delete again).
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "    value_" + std::to_string(i) + " = compute(" + std::to_string(i) + ")\n";
  const std::string original = text;
  json changes = json::array();
  std::mt19937 rng(3);
  for (int k = 0; k < 100000; ++k) {
    uint32_t line = rng() % 2000, col = rng() % 10;
    changes.push_back(Change(line, col, line, col, "\n"));
    changes.push_back(Change(line, col, line + 1, 0, ""));
  }
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(ApplyContentChanges(&text, changes), 0u);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(text, original);
  // Printed, not asserted: speed is measured by bench/, never by timed assertions in tests.
  std::printf("200,000 changes: %.3f s\n", seconds);
}

}  // namespace
}  // namespace asynctype::lsp
