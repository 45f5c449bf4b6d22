// An open text document: the client's text (always kept, even when it does not decode) and
// version, and the position conversions LSP needs (UTF-16 columns).
#pragma once

#include <cstdint>
#include <string>

#include "checker/base/line_index.h"
#include "nlohmann/json.hpp"

namespace asynctype::lsp {

struct Document {
  std::string uri;
  std::string path;
  std::string text;
  int64_t version = 0;
};

// Applies one `TextDocumentContentChangeEvent`: with a `range` (UTF-16 positions, clamped to
// the text) replaces that span, without one replaces the whole text. Returns false (text
// unchanged) when the event is malformed.
bool ApplyContentChange(std::string* text, const nlohmann::json& change);
// Applies a `didChange`'s changes in order, as ApplyContentChange does one by one; many changes
// are applied through a LineBuffer, so the cost grows with the edits, not edits x text. Returns
// the number of malformed changes (skipped).
size_t ApplyContentChanges(std::string* text, const nlohmann::json& changes);

// LSP position {line, character} (UTF-16) -> byte offset, clamped to the text. Malformed -> 0.
uint32_t OffsetOf(const LineIndex& lines, const nlohmann::json& position);
// Byte offset -> LSP position.
nlohmann::json PositionOf(const LineIndex& lines, uint32_t offset);
nlohmann::json RangeOf(const LineIndex& lines, uint32_t start, uint32_t end);

// The positions of a checked file as the client counts them: the checked text has no byte order
// mark, but when the client's text of an open document starts with one, the client counts it as
// one UTF-16 unit at the start of the first line.
struct DocumentLines {
  const LineIndex* index;
  bool bom = false;
};
uint32_t OffsetOf(DocumentLines lines, const nlohmann::json& position);
nlohmann::json PositionOf(DocumentLines lines, uint32_t offset);
nlohmann::json RangeOf(DocumentLines lines, uint32_t start, uint32_t end);
// Whether a text starts with a UTF-8 byte order mark.
bool StartsWithBom(const std::string& text);

}  // namespace asynctype::lsp
