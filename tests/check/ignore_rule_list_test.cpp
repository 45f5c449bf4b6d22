// FindIgnoreRuleList: the rule list of a comment's `asynctype: ignore[...]`, read by the same
// parser as the suppressions (what the language server's quick fix extends).
#include <gtest/gtest.h>

#include <string>

#include "checker/check/suppressions.h"

namespace asynctype {
namespace {

std::string ListOf(const std::string& comment, uint32_t base = 0) {
  std::optional<TextRange> r = FindIgnoreRuleList(comment, base);
  if (!r) return "<none>";
  return std::to_string(r->start) + ":" + comment.substr(r->start - base, r->length());
}

TEST(IgnoreRuleListTest, FindsTheList) {
  EXPECT_EQ(ListOf("# asynctype: ignore[invalid-await]"), "20:invalid-await");
  EXPECT_EQ(ListOf("#asynctype:ignore[a, b]"), "18:a, b");
  EXPECT_EQ(ListOf("# asynctype : ignore[ ]"), "21: ");  // spaces before the colon, as suppressions allow
  EXPECT_EQ(ListOf("# asynctype: ignore[]"), "20:");
  EXPECT_EQ(ListOf("# asynctype: ignore[x]", 100), "120:x");  // offsets from the comment's start
}

TEST(IgnoreRuleListTest, SkipsOtherDirectives) {
  EXPECT_EQ(ListOf("# asynctype: ignore"), "<none>");
  EXPECT_EQ(ListOf("# type: ignore[misc]"), "<none>");
  EXPECT_EQ(ListOf("# asynctype: ignore[unclosed"), "<none>");
  EXPECT_EQ(ListOf("# asynctype: ignored[x]"), "<none>");
  EXPECT_EQ(ListOf("# note"), "<none>");
  // The first directive with a list wins.
  EXPECT_EQ(ListOf("# type: ignore[misc]  # asynctype: ignore  # asynctype: ignore[b]"), "63:b");
}

}  // namespace
}  // namespace asynctype
