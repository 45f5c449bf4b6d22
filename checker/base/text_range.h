// A half-open byte range [start, end) into one file's source text.
#pragma once

#include <cstdint>

namespace asynctype {

struct TextRange {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t length() const { return end - start; }
  bool Contains(uint32_t offset) const { return offset >= start && offset < end; }
  friend bool operator==(TextRange a, TextRange b) { return a.start == b.start && a.end == b.end; }
};

}  // namespace asynctype
