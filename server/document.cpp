#include "server/document.h"

#include <algorithm>
#include <limits>

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

}  // namespace

uint32_t OffsetOf(const LineIndex& lines, const json& position) {
  if (!position.is_object()) return 0;
  LineCol pos;
  pos.line = Clamp32(position.value("line", json(0)));
  pos.column = Clamp32(position.value("character", json(0)));
  return lines.OffsetOfUtf16(pos);
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
  if (!change.is_object()) return false;
  auto t = change.find("text");
  if (t == change.end() || !t->is_string()) return false;
  auto range = change.find("range");
  if (range == change.end() || range->is_null()) {
    *text = t->get<std::string>();
    return true;
  }
  if (!range->is_object()) return false;
  uint32_t start, end;
  {
    LineIndex lines(*text);
    start = OffsetOf(lines, range->value("start", json::object()));
    end = OffsetOf(lines, range->value("end", json::object()));
  }
  if (start > end) std::swap(start, end);
  start = std::min<uint32_t>(start, text->size());
  end = std::min<uint32_t>(end, text->size());
  text->replace(start, end - start, t->get<std::string>());
  return true;
}

}  // namespace asynctype::lsp
