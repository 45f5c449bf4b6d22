#include "server/lsp_params.h"

namespace asynctype::lsp {

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
