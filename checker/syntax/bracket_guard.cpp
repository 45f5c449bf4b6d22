#include "checker/syntax/bracket_guard.h"

#include <array>
#include <cstring>
#include <string_view>

namespace asynctype {
namespace {

// Skips the string literal whose opening quote is at `i`; returns the offset after it.
size_t SkipString(const std::string& text, size_t i) {
  char quote = text[i];
  bool triple = i + 2 < text.size() && text[i + 1] == quote && text[i + 2] == quote;
  size_t p = i + (triple ? 3 : 1);
  while (p < text.size()) {
    char c = text[p];
    if (c == '\\') {
      p += 2;
      continue;
    }
    if (!triple && c == '\n') return p;  // unterminated: the line ends it
    if (c == quote) {
      if (!triple) return p + 1;
      if (p + 2 < text.size() && text[p + 1] == quote && text[p + 2] == quote) return p + 3;
    }
    ++p;
  }
  return p;
}

// The characters Scan looks at: comment starts, quotes and brackets.
constexpr std::array<bool, 256> kInteresting = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("#\"'([{)]}")) table[c] = true;
  return table;
}();

// Scans `text`; with `blank`, writes spaces over the brackets beyond the limit.
std::optional<TextRange> Scan(const std::string& text, std::string* blank) {
  std::optional<uint32_t> first;
  uint32_t last = 0;
  uint32_t depth = 0;
  const size_t size = text.size();
  for (size_t i = 0; i < size;) {
    // (Every file is scanned before it is parsed: the bytes between the interesting ones are
    // skipped by a table lookup, a comment's by memchr.)
    while (i < size && !kInteresting[static_cast<unsigned char>(text[i])]) ++i;
    if (i == size) break;
    char c = text[i];
    if (c == '#') {
      const void* newline = std::memchr(text.data() + i, '\n', size - i);
      i = newline ? static_cast<const char*>(newline) - text.data() : size;
      continue;
    }
    if (c == '"' || c == '\'') {
      // A prefix (`rb"..."`) was skipped as identifier characters: the literal starts here.
      i = SkipString(text, i);
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
      if (depth > kMaxBracketDepth) {
        if (!first) first = static_cast<uint32_t>(i);
        last = static_cast<uint32_t>(i);
        if (blank) (*blank)[i] = ' ';
      }
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth > kMaxBracketDepth) {
        last = static_cast<uint32_t>(i);
        if (blank) (*blank)[i] = ' ';
      }
      if (depth > 0) --depth;
    }
    ++i;
  }
  if (!first) return std::nullopt;
  return TextRange{*first, last + 1};
}

}  // namespace

std::optional<TextRange> FindOverDeepBrackets(const std::string& text) { return Scan(text, nullptr); }

void BlankOverDeepBrackets(std::string& text) {
  std::string copy = text;
  Scan(copy, &text);
}

}  // namespace asynctype
