// Where a big source file may be cut into pieces that tree-sitter parses one after the other, so
// that only one piece's concrete syntax tree is in memory at a time (a tree takes some 60 bytes
// per byte of source: 3 GB for a 50 MB file). A cut is at the start of a line that begins a
// top-level statement: not indented, not inside brackets or a string, not after a backslash
// continuation, not a clause of the statement before (`else:`, `except`...) nor the definition
// a decorator line introduces. The scan is lexical and approximate (f-strings nesting quotes are
// not understood): the parse checks each piece, and a piece that does not parse without errors
// is parsed again together with the rest of the file (see the lowering's RunInPieces).
#pragma once

#include <cstdint>
#include <vector>

#include "llvm/ADT/StringRef.h"

namespace asynctype {

// Files larger than this are parsed in pieces of at least kPieceBytes (a piece ends at the
// first cut past that size).
inline constexpr uint32_t kPiecesAbove = 2u << 20;
inline constexpr uint32_t kPieceBytes = 1u << 20;

// The offsets where the pieces after the first start (increasing; none for a small text).
std::vector<uint32_t> PieceStarts(llvm::StringRef text, uint32_t min_piece = kPieceBytes);

}  // namespace asynctype
