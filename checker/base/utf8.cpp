#include "checker/base/utf8.h"

#include "llvm/Support/ConvertUTF.h"

namespace asynctype::utf8 {

uint32_t SequenceLength(unsigned char lead) {
  unsigned n = llvm::getNumBytesForUTF8(lead);  // 5 and 6 for the obsolete forms 0xF8 - 0xFF
  return n <= 4 ? n : 1;
}

size_t CountCodePoints(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += !IsContinuation(c);
  return n;
}

size_t FloorBoundary(std::string_view text, size_t offset) {
  while (offset > 0 && IsContinuation(static_cast<unsigned char>(text[offset]))) --offset;
  return offset;
}

size_t WellFormedLength(std::string_view text, size_t offset) {
  const auto* begin = reinterpret_cast<const llvm::UTF8*>(text.data());
  const llvm::UTF8* at = begin + offset;
  if (*at < 0x80) return 1;
  if (!llvm::isLegalUTF8Sequence(at, begin + text.size())) return 0;
  return llvm::getNumBytesForUTF8(*at);
}

std::optional<size_t> FindIllFormed(std::string_view text) {
  // ASCII inline; only the other sequences go through ConvertUTF.
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = WellFormedLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

std::string Sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t ascii = i;
    while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) < 0x80) ++ascii;
    out.append(text.substr(i, ascii - i));
    i = ascii;
    if (i == text.size()) break;
    size_t len = WellFormedLength(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

void AppendCodePoint(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {  // surrogates too
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace asynctype::utf8
