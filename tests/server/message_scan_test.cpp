// ScanMessage: the nesting depth of a JSON-RPC body (brackets inside strings do not count), its
// top-level `id` and `method` found without parsing (also past deeply nested params, never
// inside them), and lone surrogate escapes, which RepairLoneSurrogates turns into U+FFFD so that
// nlohmann accepts the message; surrogate pairs and escaped backslashes are left alone.
#include "server/message_scan.h"

#include <gtest/gtest.h>

#include <string>

namespace asynctype::lsp {
namespace {

using json = nlohmann::json;

TEST(MessageScan, CountsNestingOutsideStrings) {
  EXPECT_EQ(ScanMessage("{}").depth, 1u);
  EXPECT_EQ(ScanMessage(R"({"a":[1,{"b":[]}]})").depth, 4u);
  EXPECT_EQ(ScanMessage(R"({"a":"[[[[{{{{\"[["})").depth, 1u);
  EXPECT_EQ(ScanMessage(R"({"a":"\\", "b": [[]]})").depth, 3u);  // an escaped backslash ends no string
  std::string deep = R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":)" + std::string(100000, '[') +
                     std::string(100000, ']') + "}";
  EXPECT_EQ(ScanMessage(deep).depth, 100001u);
}

TEST(MessageScan, FindsTheTopLevelIdAndMethod) {
  MessageScan scan = ScanMessage(R"({"jsonrpc":"2.0", "id" : 7 ,"method":"textDocument/hover","params":{"id":1,"method":"x"}})");
  EXPECT_EQ(ScannedId(scan), json(7));
  EXPECT_EQ(ScannedMethod(scan), "textDocument/hover");
  // After the params (however deep), and as a string.
  std::string deep = R"({"method":"m","params":)" + std::string(5000, '[') + std::string(5000, ']') + R"(,"id":"abc"})";
  scan = ScanMessage(deep);
  EXPECT_EQ(ScannedId(scan), json("abc"));
  EXPECT_EQ(ScannedMethod(scan), "m");
  // Absent, or not an id: null. Keys in nested objects and inside strings do not count.
  EXPECT_EQ(ScannedId(ScanMessage(R"({"method":"exit"})")), json());
  EXPECT_EQ(ScannedId(ScanMessage(R"({"id":[1],"method":"exit"})")), json());
  EXPECT_EQ(ScannedId(ScanMessage(R"({"id":1.5})")), json());
  EXPECT_EQ(ScannedId(ScanMessage(R"({"params":{"id":3},"x":"\"id\":4"})")), json());
  EXPECT_EQ(ScannedMethod(ScanMessage(R"({"method":12})")), "");
  EXPECT_EQ(ScannedMethod(ScanMessage(R"([{"method":"m"}])")), "");
  // Truncated or broken bodies are scanned without harm.
  EXPECT_EQ(ScannedId(ScanMessage(R"({"id":5,"method":"x","params":[[[)")), json(5));
  ScanMessage(R"({"id)");
  ScanMessage(R"("\u)");
  ScanMessage("");
}

TEST(MessageScan, RepairsLoneSurrogates) {
  std::string body = R"({"t":"a\ud800b\udc00c\uD83D\uDE00d\\ud800\ud800\u0041\udbff"})";
  MessageScan scan = ScanMessage(body);
  EXPECT_EQ(scan.lone_surrogates.size(), 4u);
  EXPECT_FALSE(json::accept(body));
  RepairLoneSurrogates(&body, scan);
  EXPECT_EQ(json::parse(body)["t"], "a\uFFFDb\uFFFDc\U0001F600d\\ud800\uFFFDA\uFFFD");
}

}  // namespace
}  // namespace asynctype::lsp
