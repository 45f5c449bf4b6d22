#include "server/protocol.h"

#include <algorithm>

#include "llvm/ADT/StringRef.h"

namespace asynctype::lsp {

namespace {

constexpr size_t kMaxMessage = size_t(256) << 20;  // 256 MiB: anything larger is a broken header

}  // namespace

ReadResult ReadMessage(std::istream& in, std::string* body) {
  long long length = -1;
  bool any_header = false;
  bool bad = false;
  std::string line;
  while (true) {
    if (!std::getline(in, line)) return ReadResult::Eof;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      bad = true;
      continue;
    }
    if (llvm::StringRef(line).substr(0, colon).trim().equals_insensitive("content-length")) {
      llvm::StringRef value = llvm::StringRef(line).substr(colon + 1).trim();
      if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
          value.size() > 12) {
        bad = true;
        continue;
      }
      length = std::stoll(value.str());
    }
  }
  (void)bad;  // other malformed header lines are ignored when the length is known
  if (length < 0 || static_cast<size_t>(length) > kMaxMessage) return ReadResult::BadHeader;
  body->assign(static_cast<size_t>(length), '\0');
  if (length > 0 && !in.read(body->data(), length)) return ReadResult::Eof;
  return ReadResult::Message;
}

void WriteMessage(std::ostream& out, const json& message) {
  std::string text = message.dump(-1, ' ', false, json::error_handler_t::replace);
  out << "Content-Length: " << text.size() << "\r\n\r\n" << text;
  out.flush();
}

}  // namespace asynctype::lsp
