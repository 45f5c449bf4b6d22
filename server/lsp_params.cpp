#include "server/lsp_params.h"

namespace asynctype::lsp {

namespace {

// A member of an object, or null.
const json& Member(const json& object, const char* key) {
  static const json kNone;
  if (!object.is_object()) return kNone;
  auto it = object.find(key);
  return it != object.end() ? *it : kNone;
}

std::string StringMember(const json& object, const char* key) {
  const json& value = Member(object, key);
  return value.is_string() ? value.get<std::string>() : "";
}

}  // namespace

void from_json(const json& j, InitializeParams& out) {
  out = InitializeParams();
  const json& folders = Member(j, "workspaceFolders");
  if (folders.is_array()) {
    for (const json& folder : folders) out.workspace_folder_uris.push_back(StringMember(folder, "uri"));
  }
  out.root_uri = StringMember(j, "rootUri");
  out.root_path = StringMember(j, "rootPath");
  const json& caps = Member(j, "capabilities");
  const json& text_document = Member(caps, "textDocument");
  out.client_pulls_diagnostics = text_document.is_object() && text_document.contains("diagnostic");
  const json& refresh = Member(Member(Member(caps, "workspace"), "diagnostics"), "refreshSupport");
  if (refresh.is_boolean()) out.refresh_support = refresh.get<bool>();
  const json& push = Member(Member(j, "initializationOptions"), "pushDiagnostics");
  if (push.is_boolean()) out.push_diagnostics = push.get<bool>();
}

void from_json(const json& j, TextDocumentIdentifier& out) { out.uri = j.at("uri").get<std::string>(); }

void from_json(const json& j, TextDocumentItem& out) {
  out.uri = j.at("uri").get<std::string>();
  out.text = j.value("text", std::string());
  auto version = j.find("version");
  out.version = version != j.end() && version->is_number_integer() ? version->get<int64_t>() : 0;
}

void from_json(const json& j, VersionedTextDocumentIdentifier& out) {
  out.uri = j.at("uri").get<std::string>();
  auto version = j.find("version");
  out.version.reset();
  if (version != j.end() && version->is_number_integer()) out.version = version->get<int64_t>();
}

void from_json(const json& j, DidOpenParams& out) { j.at("textDocument").get_to(out.text_document); }

void from_json(const json& j, DidChangeParams& out) {
  j.at("textDocument").get_to(out.text_document);
  out.content_changes = &j.at("contentChanges");
}

void from_json(const json& j, DidCloseParams& out) { j.at("textDocument").get_to(out.text_document); }

void from_json(const json& j, TextDocumentPositionParams& out) {
  j.at("textDocument").get_to(out.text_document);
  out.position = j.at("position");
}

void from_json(const json& j, InlayHintParams& out) {
  j.at("textDocument").get_to(out.text_document);
  out.range = j.value("range", json());
}

void from_json(const json& j, CodeActionParams& out) {
  j.at("textDocument").get_to(out.text_document);
  out.range = j.value("range", json());
  out.context = j.value("context", json::object());
}

void from_json(const json& j, DocumentDiagnosticParams& out) { j.at("textDocument").get_to(out.text_document); }

void from_json(const json& j, CancelParams& out) {
  out.id.reset();
  if (j.is_object()) {
    auto id = j.find("id");
    if (id != j.end()) out.id = *id;
  }
}

}  // namespace asynctype::lsp
