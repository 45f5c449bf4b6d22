// JSON-RPC 2.0 framing for LSP over a byte stream: `Content-Length: N\r\n\r\n` then N bytes of
// JSON. Reading never throws; a malformed header block is reported and skipped.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "nlohmann/json.hpp"

namespace asynctype::lsp {

using json = nlohmann::json;

enum class ReadResult { Message, Eof, BadHeader };

// Reads one framed message body. BadHeader: the header block had no valid Content-Length (the
// block was consumed; the caller may continue with the next message).
ReadResult ReadMessage(std::istream& in, std::string* body);

// Writes one framed message and flushes. Invalid UTF-8 in strings is replaced, never thrown.
void WriteMessage(std::ostream& out, const json& message);

// JSON-RPC / LSP error codes.
namespace error_code {
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;
}  // namespace error_code

}  // namespace asynctype::lsp
