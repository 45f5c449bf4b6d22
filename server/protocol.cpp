#include "server/protocol.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace asynctype::lsp {

namespace {

constexpr size_t kMaxMessage = size_t(256) << 20;  // 256 MiB: anything larger is a broken header

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

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
    if (Lower(Trim(std::string_view(line).substr(0, colon))) == "content-length") {
      std::string value = Trim(std::string_view(line).substr(colon + 1));
      if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
          value.size() > 12) {
        bad = true;
        continue;
      }
      length = std::stoll(value);
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

std::string SanitizeUtf8(const std::string& bytes) {
  std::string out;
  out.reserve(bytes.size());
  size_t i = 0;
  const size_t n = bytes.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len != 0 && i + len <= n;
    uint32_t cp = ok ? (c & (0xFF >> (len + 1))) : 0;
    for (int k = 1; ok && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(bytes[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok) {
      bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
      if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) ok = false;
    }
    if (ok) {
      out.append(bytes, i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

}  // namespace asynctype::lsp
