// A guard in front of tree-sitter: brackets nested far beyond what any real program uses
// (100,000 unclosed `(`) make tree-sitter's error recovery build trees it then fails to free.
// Before parsing, a light scan (strings and comments skipped) finds brackets deeper than
// kMaxBracketDepth; they and their matching closers are replaced by spaces in the text handed to
// the parser. Offsets do not move, so every range still refers to the original text. The caller
// reports one invalid-syntax diagnostic at the first replaced bracket and drops the parser's
// errors inside the replaced region (they only echo the blanking).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "checker/base/text_range.h"

namespace asynctype {

inline constexpr uint32_t kMaxBracketDepth = 1000;

// From the first bracket beyond the limit to the last one (or its closer), or nullopt when the
// text is within the limit.
std::optional<TextRange> FindOverDeepBrackets(const std::string& text);
// Replaces the brackets beyond the limit, and their closers, by spaces.
void BlankOverDeepBrackets(std::string& text);

}  // namespace asynctype
