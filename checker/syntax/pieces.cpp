#include "checker/syntax/pieces.h"

namespace asynctype {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool IsNewline(char c) { return c == '\n' || c == '\r'; }
bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether the line at `at` starts with a clause that continues the statement before it.
bool StartsClause(llvm::StringRef text, size_t at) {
  for (llvm::StringRef keyword : {"else", "elif", "except", "finally"}) {
    if (text.substr(at, keyword.size()) != keyword) continue;
    size_t next = at + keyword.size();
    if (next >= text.size() || !IsWordChar(text[next])) return true;
  }
  return false;
}

}  // namespace

std::vector<uint32_t> PieceStarts(llvm::StringRef text, uint32_t min_piece) {
  std::vector<uint32_t> starts;
  const size_t n = text.size();
  if (n <= min_piece || n >= UINT32_MAX) return starts;
  uint32_t depth = 0;            // open brackets
  char quote = 0;                // the quote of the string being scanned, or 0
  bool triple = false;           // ... a triple-quoted one
  bool continued = false;        // the line before ended with a backslash continuation
  bool after_decorator = false;  // the last top-level line was a decorator
  bool line_start = true;
  size_t piece_start = 0;
  // Moves past the line break at `i` (`\n`, `\r\n` or `\r`).
  auto past_newline = [&](size_t i) { return text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? i + 2 : i + 1; };
  size_t i = 0;
  while (i < n) {
    char c = text[i];
    if (line_start) {
      line_start = false;
      if (quote == 0 && depth == 0 && !continued && !IsSpace(c) && c != '#' && !IsNewline(c)) {
        if (i - piece_start >= min_piece && !after_decorator && !StartsClause(text, i)) {
          starts.push_back(static_cast<uint32_t>(i));
          piece_start = i;
        }
        after_decorator = c == '@';
      }
      continued = false;
    }
    if (quote != 0) {
      if (c == '\\') {
        i += 2;  // (an escaped line break continues the string)
      } else if (IsNewline(c)) {
        if (!triple) quote = 0;  // unterminated: the line ends it
        i = past_newline(i);
        line_start = true;
      } else if (c == quote && !triple) {
        quote = 0;
        ++i;
      } else if (c == quote && i + 2 < n && text[i + 1] == quote && text[i + 2] == quote) {
        quote = 0;
        i += 3;
      } else {
        ++i;
      }
      continue;
    }
    switch (c) {
      case '#':
        while (i < n && !IsNewline(text[i])) ++i;
        break;
      case '"':
      case '\'':
        quote = c;
        triple = i + 2 < n && text[i + 1] == c && text[i + 2] == c;
        i += triple ? 3 : 1;
        break;
      case '(': case '[': case '{':
        ++depth;
        ++i;
        break;
      case ')': case ']': case '}':
        if (depth > 0) --depth;
        ++i;
        break;
      case '\\':
        if (i + 1 < n && IsNewline(text[i + 1])) {
          continued = true;
          i = past_newline(i + 1);
          line_start = true;
        } else {
          ++i;
        }
        break;
      case '\n':
      case '\r':
        i = past_newline(i);
        line_start = true;
        break;
      default:
        ++i;
    }
  }
  return starts;
}

}  // namespace asynctype
