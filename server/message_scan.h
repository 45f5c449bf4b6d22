// One cheap pass over a JSON-RPC message body before it is parsed: how deeply it nests (so that
// nothing deeper than a sane limit is ever built: nlohmann::json copies and compares values
// recursively), the raw text of its top-level `id` and `method` (to answer a rejected request
// with its id, and to tell which notifications the reader thread must notice without parsing
// them), and lone UTF-16 surrogate escapes (`"\ud800"`, which JavaScript clients emit and
// nlohmann rejects), which RepairLoneSurrogates replaces with `\ufffd` in place. No recursion,
// no allocation beyond the result; valid JSON is scanned exactly, anything else approximately
// (the parser rejects it afterwards).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"

namespace asynctype::lsp {

// Messages nested deeper than this (arrays and objects) are refused unparsed.
constexpr size_t kMaxJsonDepth = 512;

struct MessageScan {
  size_t depth = 0;                 // the deepest nesting of arrays / objects
  std::string_view id;              // raw text of the top-level "id" value ("" when absent)
  std::string_view method;          // raw text of the top-level "method" value ("" when absent)
  std::vector<size_t> lone_surrogates;  // offsets of the backslash of each lone `\uD800`-`\uDFFF` escape
};

MessageScan ScanMessage(std::string_view body);

// Replaces each lone surrogate escape found by ScanMessage (six bytes) with `\ufffd` (six bytes).
void RepairLoneSurrogates(std::string* body, const MessageScan& scan);

// The top-level id as a JSON-RPC id (a string or an integer) when it is one, else null.
nlohmann::json ScannedId(const MessageScan& scan);
// The top-level method as a string when it is a plain JSON string, else "".
std::string ScannedMethod(const MessageScan& scan);

}  // namespace asynctype::lsp
