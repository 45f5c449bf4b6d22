// Maps byte offsets of one source text to lines and columns. Lines are 0-based internally;
// renderers add 1. Columns come in three units: bytes (internal), UTF-16 code units (LSP) and
// characters / UTF-32 (mdtest columns, ty's `line:col`).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace asynctype {

struct LineCol {
  uint32_t line = 0;    // 0-based
  uint32_t column = 0;  // 0-based, unit depends on the call
};

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  uint32_t LineOf(uint32_t offset) const;
  uint32_t LineStart(uint32_t line) const { return line_starts_[line]; }
  // End of the line's content (before its newline).
  uint32_t LineEnd(uint32_t line) const;

  LineCol ByteLineCol(uint32_t offset) const;
  LineCol CharLineCol(uint32_t offset) const;   // column in characters (code points)
  LineCol Utf16LineCol(uint32_t offset) const;  // column in UTF-16 code units
  // Inverse of Utf16LineCol; clamps to the line's end and to the text's end.
  uint32_t OffsetOfUtf16(LineCol pos) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> line_starts_;
  bool ascii_ = true;
};

}  // namespace asynctype
