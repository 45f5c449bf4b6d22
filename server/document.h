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

// LSP position {line, character} (UTF-16) -> byte offset, clamped to the text. Malformed -> 0.
uint32_t OffsetOf(const LineIndex& lines, const nlohmann::json& position);
// Byte offset -> LSP position.
nlohmann::json PositionOf(const LineIndex& lines, uint32_t offset);
nlohmann::json RangeOf(const LineIndex& lines, uint32_t start, uint32_t end);

}  // namespace asynctype::lsp
