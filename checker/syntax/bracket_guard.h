// A guard in front of tree-sitter: brackets nested far beyond what any real program uses
// (100,000 unclosed `(`) make tree-sitter's error recovery build trees it then fails to free.
// Before parsing, a light scan (strings and comments skipped) finds brackets deeper than
// kMaxBracketDepth; they and their matching closers are replaced by spaces in the text handed to
// the parser. Offsets do not move, so every range still refers to the original text. The caller
// reports one invalid-syntax diagnostic at the first replaced bracket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace asynctype {

inline constexpr uint32_t kMaxBracketDepth = 1000;

// The offset of the first bracket beyond the limit, or nullopt when the text is within it.
std::optional<uint32_t> FindOverDeepBracket(const std::string& text);
// Replaces the brackets beyond the limit, and their closers, by spaces.
void BlankOverDeepBrackets(std::string& text);

}  // namespace asynctype
