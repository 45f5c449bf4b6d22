// The language server's MessageReader: messages come out in order, each observed first, a bad
// header is reported and skipped, and end of input is reported (once to `on_end`, then ever after).
#include "server/message_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace asynctype::lsp {
namespace {

std::string Framed(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

TEST(MessageReader, QueuesInOrderAndObservesEachMessage) {
  std::istringstream in(Framed("{\"a\":1}") + "X-Nothing: 1\r\n\r\n" + Framed("{\"b\":2}"));
  std::vector<std::string> observed;
  {
    MessageReader reader(in, [&](const std::string& body) { observed.push_back(body); });
    std::string body;
    ASSERT_EQ(reader.Next(&body), ReadResult::Message);
    EXPECT_EQ(body, "{\"a\":1}");
    ASSERT_EQ(reader.Next(&body), ReadResult::BadHeader);
    ASSERT_EQ(reader.Next(&body), ReadResult::Message);
    EXPECT_EQ(body, "{\"b\":2}");
    EXPECT_EQ(reader.Next(&body), ReadResult::Eof);
    EXPECT_EQ(reader.Next(&body), ReadResult::Eof);
    EXPECT_TRUE(reader.HasPending());  // the end of input stays queued
  }
  EXPECT_EQ(observed, (std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"}));
}

TEST(MessageReader, ReportsTheEndOfInputOnce) {
  std::istringstream in(Framed("{\"a\":1}"));
  int ends = 0;
  MessageReader reader(in, nullptr, [&] { ++ends; });
  std::string body;
  ASSERT_EQ(reader.Next(&body), ReadResult::Message);
  ASSERT_EQ(reader.Next(&body), ReadResult::Eof);
  EXPECT_EQ(ends, 1);  // reported before the end was queued
  EXPECT_EQ(reader.Next(&body), ReadResult::Eof);
  EXPECT_EQ(ends, 1);
}

TEST(MessageReader, StopsCleanlyBeforeTheInputIsRead) {
  std::string many;
  for (int i = 0; i < 1000; ++i) many += Framed("{\"n\":" + std::to_string(i) + "}");
  std::istringstream in(many);
  MessageReader reader(in, nullptr);
  std::string body;
  EXPECT_EQ(reader.Next(&body), ReadResult::Message);
  // Destroyed with messages left: joins without observing or crashing.
}

}  // namespace
}  // namespace asynctype::lsp
