#include "checker/base/line_index.h"

#include <algorithm>
#include <cstring>

#include "checker/base/utf8.h"

namespace asynctype {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  // Every file (stubs too) gets one: the common case, no `\r`, is found by memchr, and the
  // ASCII test is a loop the compiler vectorizes.
  if (std::memchr(text.data(), '\r', text.size()) == nullptr) {
    unsigned char high = 0;
    for (char c : text) high |= static_cast<unsigned char>(c);
    ascii_ = high < 0x80;
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin; p < end;) {
      const void* newline = std::memchr(p, '\n', end - p);
      if (newline == nullptr) break;
      p = static_cast<const char*>(newline) + 1;
      line_starts_.push_back(static_cast<uint32_t>(p - begin));
    }
    return;
  }
  for (uint32_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) ascii_ = false;
    if (c == '\n') {
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

uint32_t LineIndex::LineOf(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin()) - 1;
}

uint32_t LineIndex::LineEnd(uint32_t line) const {
  uint32_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1]
                                                : static_cast<uint32_t>(text_.size());
  while (end > line_starts_[line] && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

LineCol LineIndex::ByteLineCol(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  uint32_t line = LineOf(offset);
  return {line, offset - line_starts_[line]};
}

LineCol LineIndex::CharLineCol(uint32_t offset) const {
  LineCol lc = ByteLineCol(offset);
  if (ascii_) return lc;
  uint32_t col = 0;
  for (uint32_t i = line_starts_[lc.line]; i < offset;) {
    i += utf8::SequenceLength(static_cast<unsigned char>(text_[i]));
    ++col;
  }
  return {lc.line, col};
}

LineCol LineIndex::Utf16LineCol(uint32_t offset) const {
  LineCol lc = ByteLineCol(offset);
  if (ascii_) return lc;
  uint32_t col = 0;
  for (uint32_t i = line_starts_[lc.line]; i < offset;) {
    uint32_t len = utf8::SequenceLength(static_cast<unsigned char>(text_[i]));
    i += len;
    col += len == 4 ? 2 : 1;
  }
  return {lc.line, col};
}

uint32_t LineIndex::OffsetOfUtf16(LineCol pos) const {
  if (pos.line >= line_starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t i = line_starts_[pos.line];
  uint32_t end = LineEnd(pos.line);
  uint32_t col = 0;
  while (i < end && col < pos.column) {
    uint32_t len = utf8::SequenceLength(static_cast<unsigned char>(text_[i]));
    i = std::min(i + len, end);
    col += len == 4 ? 2 : 1;
  }
  return i;
}

}  // namespace asynctype
