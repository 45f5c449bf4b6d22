// The parameters of the LSP messages the server handles, read from JSON by nlohmann `from_json`
// (`params.get<DidChangeParams>()`). Required members are read with `at()`, so a message
// without them throws json::exception, which the server answers with InvalidParams (a request)
// or logs (a notification); optional members are read leniently, as the server always has.
// Positions, ranges and content changes stay JSON: their malformed parts are clamped or skipped
// where they are used (document.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace asynctype::lsp {

using json = nlohmann::json;

// `initialize`: read leniently (a malformed part is as if absent; nothing throws).
struct InitializeParams {
  std::vector<std::string> workspace_folder_uris;  // `workspaceFolders[].uri` ("" when not a string)
  std::string root_uri;                            // `rootUri`, "" when absent
  std::string root_path;                           // `rootPath`, "" when absent
  bool client_pulls_diagnostics = false;           // `capabilities.textDocument.diagnostic` present
  std::optional<bool> refresh_support;             // `capabilities.workspace.diagnostics.refreshSupport`
  std::optional<bool> push_diagnostics;            // `initializationOptions.pushDiagnostics`
};

struct TextDocumentIdentifier {
  std::string uri;
};

// `didOpen`'s document: a missing text is empty, a missing or non-integer version is 0.
struct TextDocumentItem {
  std::string uri;
  std::string text;
  int64_t version = 0;
};

// `didChange`'s document: the version when it is an integer.
struct VersionedTextDocumentIdentifier {
  std::string uri;
  std::optional<int64_t> version;
};

struct DidOpenParams {
  TextDocumentItem text_document;
};

// The content changes are not copied (a didChange may carry 200,000 of them): the member points
// into the params read from, which must outlive it.
struct DidChangeParams {
  VersionedTextDocumentIdentifier text_document;
  const json* content_changes = nullptr;  // TextDocumentContentChangeEvent[]; see ApplyContentChanges
};

struct DidCloseParams {
  TextDocumentIdentifier text_document;
};

// hover, definition.
struct TextDocumentPositionParams {
  TextDocumentIdentifier text_document;
  json position;  // required
};

// inlayHint: no range (or a malformed one) means the whole document.
struct InlayHintParams {
  TextDocumentIdentifier text_document;
  json range;  // null when absent
};

// codeAction: the server requires `range` to be an object (its own InvalidParams message).
struct CodeActionParams {
  TextDocumentIdentifier text_document;
  json range;    // null when absent
  json context;  // {} when absent
};

// textDocument/diagnostic.
struct DocumentDiagnosticParams {
  TextDocumentIdentifier text_document;
};

// `$/cancelRequest`: the id, when there is one.
struct CancelParams {
  std::optional<json> id;
};

void from_json(const json& j, InitializeParams& out);
void from_json(const json& j, TextDocumentIdentifier& out);
void from_json(const json& j, TextDocumentItem& out);
void from_json(const json& j, VersionedTextDocumentIdentifier& out);
void from_json(const json& j, DidOpenParams& out);
void from_json(const json& j, DidChangeParams& out);
void from_json(const json& j, DidCloseParams& out);
void from_json(const json& j, TextDocumentPositionParams& out);
void from_json(const json& j, InlayHintParams& out);
void from_json(const json& j, CodeActionParams& out);
void from_json(const json& j, DocumentDiagnosticParams& out);
void from_json(const json& j, CancelParams& out);

}  // namespace asynctype::lsp
