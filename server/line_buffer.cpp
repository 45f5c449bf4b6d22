#include "server/line_buffer.h"

#include <iterator>
#include <utility>

namespace asynctype::lsp {

namespace {

constexpr size_t kBlockLines = 128;  // a block splits past twice this

// Appends the lines of `text` to `out`, each with its line break. The piece after the last
// break (possibly empty) is appended too when `with_tail`.
void SplitLines(std::string_view text, std::vector<std::string>* out, bool with_tail) {
  size_t start = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c != '\n' && c != '\r') continue;
    if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    out->emplace_back(text.substr(start, i + 1 - start));
    start = i + 1;
  }
  if (start < n || with_tail) out->emplace_back(text.substr(start));
}

// The length of a line without its line break.
size_t ContentLength(const std::string& line) {
  size_t end = line.size();
  while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) --end;
  return end;
}

}  // namespace

LineBuffer::LineBuffer(std::string_view text) {
  std::vector<std::string> lines;
  SplitLines(text, &lines, /*with_tail=*/true);
  line_count_ = lines.size();
  for (size_t i = 0; i < lines.size(); i += kBlockLines) {
    auto begin = std::make_move_iterator(lines.begin() + i);
    auto end = std::make_move_iterator(lines.begin() + std::min(lines.size(), i + kBlockLines));
    blocks_.emplace_back(begin, end);
  }
}

std::pair<size_t, size_t> LineBuffer::BlockOf(size_t line) const {
  size_t first = 0;
  for (size_t b = 0; b < blocks_.size(); ++b) {
    if (line < first + blocks_[b].size()) return {b, first};
    first += blocks_[b].size();
  }
  return {blocks_.size() - 1, first - blocks_.back().size()};  // not reached for valid lines
}

const std::string& LineBuffer::Line(size_t line) const {
  auto [block, first] = BlockOf(line);
  return blocks_[block][line - first];
}

LineBuffer::Place LineBuffer::Resolve(LineCol pos) const {
  if (pos.line >= line_count_) {
    size_t last = line_count_ - 1;
    return {last, ContentLength(Line(last))};
  }
  const std::string& line = Line(pos.line);
  // A LineIndex of the line alone walks the columns exactly as one of the whole text would.
  return {pos.line, LineIndex(line).OffsetOfUtf16({0, pos.column})};
}

void LineBuffer::Replace(LineCol start, LineCol end, std::string_view text) {
  Place s = Resolve(start), e = Resolve(end);
  if (e.line < s.line || (e.line == s.line && e.byte < s.byte)) std::swap(s, e);
  size_t first = s.line, last = e.line;
  std::string combined = Line(first).substr(0, s.byte);
  combined.append(text);
  combined.append(Line(last), e.byte);
  // "\r" then "\n" is one line break: an edit that brings them together joins their lines.
  if (first > 0 && !combined.empty() && combined.front() == '\n' && Line(first - 1).back() == '\r') {
    combined.insert(0, Line(first - 1));
    --first;
  }
  if (last + 1 < line_count_ && !combined.empty() && combined.back() == '\r' && Line(last + 1).compare(0, 1, "\n") == 0) {
    combined += Line(last + 1);
    ++last;
  }
  std::vector<std::string> lines;
  SplitLines(combined, &lines, /*with_tail=*/last + 1 == line_count_);
  ReplaceLines(first, last, std::move(lines));
}

void LineBuffer::ReplaceLines(size_t first, size_t last, std::vector<std::string> lines) {
  auto [bf, bf_start] = BlockOf(first);
  auto [bl, bl_start] = BlockOf(last);
  line_count_ = line_count_ - (last - first + 1) + lines.size();
  if (bf == bl) {
    std::vector<std::string>& block = blocks_[bf];
    size_t a = first - bf_start, b = last - bf_start + 1;
    if (lines.size() == b - a) {
      std::move(lines.begin(), lines.end(), block.begin() + a);
    } else {
      block.erase(block.begin() + a, block.begin() + b);
      block.insert(block.begin() + a, std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    }
    if (block.size() > 2 * kBlockLines) {
      std::vector<std::string> tail(std::make_move_iterator(block.begin() + kBlockLines),
                                    std::make_move_iterator(block.end()));
      block.resize(kBlockLines);
      blocks_.insert(blocks_.begin() + bf + 1, std::move(tail));
    }
    return;
  }
  // The edit spans blocks: rebuild them (and a small next block) as one run of lines.
  std::vector<std::string> run;
  std::vector<std::string>& head = blocks_[bf];
  std::vector<std::string>& tail = blocks_[bl];
  run.reserve((first - bf_start) + lines.size() + (tail.size() - (last - bl_start + 1)));
  run.insert(run.end(), std::make_move_iterator(head.begin()), std::make_move_iterator(head.begin() + (first - bf_start)));
  run.insert(run.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
  run.insert(run.end(), std::make_move_iterator(tail.begin() + (last - bl_start + 1)), std::make_move_iterator(tail.end()));
  size_t next = bl + 1;
  if (run.size() < kBlockLines / 4 && next < blocks_.size()) {
    run.insert(run.end(), std::make_move_iterator(blocks_[next].begin()), std::make_move_iterator(blocks_[next].end()));
    ++next;
  }
  std::vector<std::vector<std::string>> rebuilt;
  if (run.size() <= 2 * kBlockLines) {
    rebuilt.push_back(std::move(run));
  } else {
    for (size_t i = 0; i < run.size(); i += kBlockLines) {
      rebuilt.emplace_back(std::make_move_iterator(run.begin() + i),
                           std::make_move_iterator(run.begin() + std::min(run.size(), i + kBlockLines)));
    }
  }
  blocks_.erase(blocks_.begin() + bf, blocks_.begin() + next);
  blocks_.insert(blocks_.begin() + bf, std::make_move_iterator(rebuilt.begin()), std::make_move_iterator(rebuilt.end()));
}

std::string LineBuffer::Text() const {
  size_t size = 0;
  for (const auto& block : blocks_) {
    for (const std::string& line : block) size += line.size();
  }
  std::string text;
  text.reserve(size);
  for (const auto& block : blocks_) {
    for (const std::string& line : block) text += line;
  }
  return text;
}

}  // namespace asynctype::lsp
