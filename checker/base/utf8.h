// UTF-8 in one place: the length a lead byte announces, code point counts, well-formedness
// (what the file loader accepts and what the language server sanitizes), and the encoder the
// string-literal lowering uses. Well-formedness is Unicode's (llvm/Support/ConvertUTF.h): no
// overlong forms, no surrogates, nothing beyond U+10FFFF, no truncated sequences.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace asynctype::utf8 {

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length in bytes of the sequence `lead` announces (1 - 4), without looking at what follows;
// 1 for bytes that cannot start a sequence (continuation bytes, 0xF8 - 0xFF).
uint32_t SequenceLength(unsigned char lead);

// Number of code points of a text: the bytes that are not continuation bytes.
size_t CountCodePoints(std::string_view text);

// The start of the code point holding text[offset]: steps back over continuation bytes (not
// before 0). `offset` must be < text.size().
size_t FloorBoundary(std::string_view text, size_t offset);

// Length of the well-formed sequence starting at text[offset] (1 - 4; NUL counts as well
// formed), or 0 when the bytes there are not one.
size_t WellFormedLength(std::string_view text, size_t offset);

// Offset of the first byte that does not start a well-formed sequence; nullopt when the whole
// text is well formed.
std::optional<size_t> FindIllFormed(std::string_view text);

// The text with every byte that does not start a well-formed sequence replaced by U+FFFD.
std::string Sanitize(std::string_view text);

// Appends the encoding of `code_point`. Surrogates are encoded like other code points (CPython's
// str can hold them); anything beyond U+10FFFF becomes U+FFFD.
void AppendCodePoint(std::string& out, uint32_t code_point);

}  // namespace asynctype::utf8
