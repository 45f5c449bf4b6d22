#include "server/document.h"

#include <algorithm>
#include <limits>
#include <memory>

#include "server/line_buffer.h"

namespace asynctype::lsp {

using json = nlohmann::json;

namespace {

uint32_t Clamp32(const json& value) {
  if (!value.is_number()) return 0;
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (!(d > 0)) return 0;
    return d >= 4294967295.0 ? std::numeric_limits<uint32_t>::max() : static_cast<uint32_t>(d);
  }
  if (value.is_number_unsigned()) {
    return static_cast<uint32_t>(std::min<uint64_t>(value.get<uint64_t>(), std::numeric_limits<uint32_t>::max()));
  }
  int64_t v = value.get<int64_t>();
  if (v < 0) return 0;
  return static_cast<uint32_t>(std::min<int64_t>(v, std::numeric_limits<uint32_t>::max()));
}

// An LSP position as a (line, UTF-16 column) pair; malformed parts are 0.
LineCol PositionFromJson(const json& position) {
  LineCol pos;
  if (!position.is_object()) return pos;
  auto line = position.find("line");
  auto character = position.find("character");
  if (line != position.end()) pos.line = Clamp32(*line);
  if (character != position.end()) pos.column = Clamp32(*character);
  return pos;
}

// The `range` of a change: absent or null (replace the whole text), an object, or malformed.
enum class RangeKind { Whole, Span, Malformed };

RangeKind KindOfChange(const json& change, const json** range) {
  if (!change.is_object()) return RangeKind::Malformed;
  auto t = change.find("text");
  if (t == change.end() || !t->is_string()) return RangeKind::Malformed;
  auto r = change.find("range");
  if (r == change.end() || r->is_null()) return RangeKind::Whole;
  if (!r->is_object()) return RangeKind::Malformed;
  *range = &*r;
  return RangeKind::Span;
}

LineCol RangeEnd(const json& range, const char* key) {
  auto it = range.find(key);
  return it == range.end() ? LineCol{} : PositionFromJson(*it);
}

}  // namespace

uint32_t OffsetOf(const LineIndex& lines, const json& position) {
  if (!position.is_object()) return 0;
  return lines.OffsetOfUtf16(PositionFromJson(position));
}

json PositionOf(const LineIndex& lines, uint32_t offset) {
  LineCol lc = lines.Utf16LineCol(offset);
  return {{"line", lc.line}, {"character", lc.column}};
}

json RangeOf(const LineIndex& lines, uint32_t start, uint32_t end) {
  return {{"start", PositionOf(lines, start)}, {"end", PositionOf(lines, std::max(start, end))}};
}

bool StartsWithBom(const std::string& text) { return text.compare(0, 3, "\xEF\xBB\xBF") == 0; }

uint32_t OffsetOf(DocumentLines lines, const json& position) {
  if (!lines.bom || !position.is_object() || Clamp32(position.value("line", json(0))) != 0) {
    return OffsetOf(*lines.index, position);
  }
  json shifted = position;
  uint32_t column = Clamp32(position.value("character", json(0)));
  shifted["character"] = column > 0 ? column - 1 : 0;
  return OffsetOf(*lines.index, shifted);
}

json PositionOf(DocumentLines lines, uint32_t offset) {
  LineCol lc = lines.index->Utf16LineCol(offset);
  if (lines.bom && lc.line == 0) ++lc.column;
  return {{"line", lc.line}, {"character", lc.column}};
}

json RangeOf(DocumentLines lines, uint32_t start, uint32_t end) {
  return {{"start", PositionOf(lines, start)}, {"end", PositionOf(lines, std::max(start, end))}};
}

bool ApplyContentChange(std::string* text, const json& change) {
  const json* range = nullptr;
  RangeKind kind = KindOfChange(change, &range);
  if (kind == RangeKind::Malformed) return false;
  const std::string& replacement = change.find("text")->get_ref<const std::string&>();
  if (kind == RangeKind::Whole) {
    *text = replacement;
    return true;
  }
  uint32_t start, end;
  {
    LineIndex lines(*text);
    start = lines.OffsetOfUtf16(RangeEnd(*range, "start"));
    end = lines.OffsetOfUtf16(RangeEnd(*range, "end"));
  }
  if (start > end) std::swap(start, end);
  start = std::min<uint32_t>(start, text->size());
  end = std::min<uint32_t>(end, text->size());
  text->replace(start, end - start, replacement);
  return true;
}

size_t ApplyContentChanges(std::string* text, const json& changes) {
  if (!changes.is_array()) return 0;
  constexpr size_t kFewChanges = 8;  // fewer: one flat pass each is cheaper than building lines
  size_t malformed = 0;
  if (changes.size() < kFewChanges) {
    for (const json& change : changes) malformed += ApplyContentChange(text, change) ? 0 : 1;
    return malformed;
  }
  std::unique_ptr<LineBuffer> buffer;  // built at the first ranged change
  for (const json& change : changes) {
    const json* range = nullptr;
    RangeKind kind = KindOfChange(change, &range);
    if (kind == RangeKind::Malformed) {
      ++malformed;
      continue;
    }
    const std::string& replacement = change.find("text")->get_ref<const std::string&>();
    if (kind == RangeKind::Whole) {
      buffer.reset();
      *text = replacement;
      continue;
    }
    if (!buffer) buffer = std::make_unique<LineBuffer>(*text);
    buffer->Replace(RangeEnd(*range, "start"), RangeEnd(*range, "end"), replacement);
  }
  if (buffer) *text = buffer->Text();
  return malformed;
}

}  // namespace asynctype::lsp
