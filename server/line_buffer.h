// A text as blocks of lines, for applying many incremental edits in a row (one `didChange` may
// carry hundreds of thousands): an edit costs the length of the lines it touches plus the number
// of blocks, instead of the whole text (a flat string needs a fresh line index and a move of the
// tail per edit). Positions follow LineIndex exactly: lines end at "\n", "\r\n" or a lone "\r";
// UTF-16 columns clamp to the line's end, lines past the end clamp to the end of the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/line_index.h"

namespace asynctype::lsp {

class LineBuffer {
 public:
  explicit LineBuffer(std::string_view text);

  // Replaces the text between two UTF-16 positions (in either order) with `text`.
  void Replace(LineCol start, LineCol end, std::string_view text);
  size_t line_count() const { return line_count_; }
  // The whole text.
  std::string Text() const;

 private:
  struct Place {
    size_t line;
    size_t byte;  // within the line
  };
  Place Resolve(LineCol pos) const;
  const std::string& Line(size_t line) const;
  // Replaces lines [first, last] with `lines`.
  void ReplaceLines(size_t first, size_t last, std::vector<std::string> lines);
  // The block holding `line`, and the index of its first line.
  std::pair<size_t, size_t> BlockOf(size_t line) const;

  std::vector<std::vector<std::string>> blocks_;  // each line keeps its line break; never empty
  size_t line_count_ = 0;
};

}  // namespace asynctype::lsp
