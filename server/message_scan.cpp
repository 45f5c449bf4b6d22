#include "server/message_scan.h"

#include <algorithm>

namespace asynctype::lsp {

namespace {

// The four hex digits at `pos` as a number, or -1.
int Hex4(std::string_view text, size_t pos) {
  if (pos + 4 > text.size()) return -1;
  int value = 0;
  for (size_t k = pos; k < pos + 4; ++k) {
    char c = text[k];
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

bool IsHigh(int unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool IsLow(int unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

std::string_view TrimJsonSpace(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Parses a small scalar JSON text (never a nested one).
nlohmann::json ParseScalar(std::string_view raw) {
  if (raw.empty() || raw.size() > 4096 || raw.front() == '[' || raw.front() == '{') return nullptr;
  return nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

MessageScan ScanMessage(std::string_view body) {
  MessageScan scan;
  const size_t n = body.size();
  size_t depth = 0;
  bool top_object = false;   // the outermost value is an object
  bool expect_key = false;   // at depth 1 of it, the next string is a key
  std::string_view key;      // the last top-level key
  enum { kNone, kId, kMethod } capture = kNone;
  size_t value_start = 0;
  auto finish_value = [&](size_t end) {
    if (capture == kNone) return;
    std::string_view raw = TrimJsonSpace(body.substr(value_start, end - value_start));
    (capture == kId ? scan.id : scan.method) = raw;
    capture = kNone;
  };
  for (size_t i = 0; i < n; ++i) {
    switch (body[i]) {
      case '"': {
        size_t start = i++;
        while (i < n && body[i] != '"') {
          if (body[i] != '\\') {
            ++i;
            continue;
          }
          if (i + 1 < n && body[i + 1] == 'u') {
            int unit = Hex4(body, i + 2);
            if (IsHigh(unit)) {
              if (i + 7 < n && body[i + 6] == '\\' && body[i + 7] == 'u' && IsLow(Hex4(body, i + 8))) {
                i += 12;  // a surrogate pair
                continue;
              }
              scan.lone_surrogates.push_back(i);
              i += 6;
              continue;
            }
            if (IsLow(unit)) {
              scan.lone_surrogates.push_back(i);
              i += 6;
              continue;
            }
          }
          i += 2;  // the backslash and the escaped character (other \u digits are plain characters)
        }
        if (depth == 1 && top_object && expect_key) {
          key = body.substr(start, std::min(i, n - 1) + 1 - start);
          expect_key = false;
        }
        break;  // `i` is on the closing quote
      }
      case '{':
      case '[':
        if (++depth == 1) {
          top_object = body[i] == '{';
          expect_key = top_object;
        }
        scan.depth = std::max(scan.depth, depth);
        break;
      case '}':
      case ']':
        if (depth == 1) finish_value(i);
        if (depth > 0) --depth;
        break;
      case ':':
        if (depth == 1 && top_object) {
          capture = key == "\"id\"" ? kId : key == "\"method\"" ? kMethod : kNone;
          value_start = i + 1;
        }
        break;
      case ',':
        if (depth == 1 && top_object) {
          finish_value(i);
          expect_key = true;
        }
        break;
      default:
        break;
    }
  }
  return scan;
}

void RepairLoneSurrogates(std::string* body, const MessageScan& scan) {
  for (size_t offset : scan.lone_surrogates) {
    if (offset + 6 <= body->size()) body->replace(offset, 6, "\\ufffd");
  }
}

nlohmann::json ScannedId(const MessageScan& scan) {
  nlohmann::json id = ParseScalar(scan.id);
  return id.is_string() || id.is_number_integer() ? id : nlohmann::json();
}

std::string ScannedMethod(const MessageScan& scan) {
  if (scan.method.empty() || scan.method.front() != '"') return "";
  nlohmann::json method = ParseScalar(scan.method);
  return method.is_string() ? method.get<std::string>() : "";
}

}  // namespace asynctype::lsp
