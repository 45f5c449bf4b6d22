#include "server/server.h"

#include <exception>

#include "checker/module/filesystem.h"
#include "server/features.h"
#include "server/message_reader.h"
#include "server/protocol.h"
#include "server/uri.h"

namespace asynctype::lsp {

namespace {

constexpr const char* kUntitledRoot = "/__asynctype_untitled__/";

// Notifications after which every analysis in progress is stale.
bool ChangesDocuments(const std::string& method) {
  return method == "textDocument/didOpen" || method == "textDocument/didChange" || method == "textDocument/didClose" ||
         method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles" ||
         method == "workspace/didChangeConfiguration";
}

std::string StringField(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

LanguageServer::LanguageServer(std::ostream& out, std::string version) : out_(out), version_(std::move(version)) {}

LanguageServer::~LanguageServer() = default;

void LanguageServer::Send(const json& message) { WriteMessage(out_, message); }

void LanguageServer::Respond(const json& id, json result) {
  Send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void LanguageServer::RespondError(const json& id, int code, const std::string& message) {
  Send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void LanguageServer::Notify(const std::string& method, json params) {
  Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void LanguageServer::Log(int type, const std::string& message) {
  if (message.empty() || message == last_log_) return;  // configuration errors would repeat on every keystroke
  last_log_ = message;
  Notify("window/logMessage", {{"type", type}, {"message", message}});
}

void LanguageServer::HandleBadHeader() {
  RespondError(nullptr, error_code::kParseError, "Parse error: message without a valid Content-Length header");
}

void LanguageServer::HandleEof() {}

bool LanguageServer::HandleMessage(const std::string& body) {
  json message;
  try {
    message = json::parse(body);
  } catch (const json::exception&) {
    // Invalid UTF-8 inside strings (a document's text): keep the text, with U+FFFD replacing
    // the bad bytes, rather than lose the message.
    std::string sanitized = SanitizeUtf8(body);
    try {
      if (sanitized == body) throw std::runtime_error("not JSON");
      message = json::parse(sanitized);
    } catch (const std::exception&) {
      RespondError(nullptr, error_code::kParseError, "Parse error: the message is not valid JSON");
      return true;
    }
  }
  if (!message.is_object()) {
    RespondError(nullptr, error_code::kInvalidRequest, "Invalid Request: a message must be a JSON object");
    return true;
  }
  json id = message.contains("id") ? message["id"] : json();
  bool has_id = message.contains("id");
  if (has_id && !(id.is_string() || id.is_number_integer() || id.is_null())) {
    RespondError(nullptr, error_code::kInvalidRequest, "Invalid Request: `id` must be a number or a string");
    return true;
  }
  auto method_it = message.find("method");
  if (method_it == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) return true;  // a response to us
    RespondError(id, error_code::kInvalidRequest, "Invalid Request: no `method`");
    return true;
  }
  if (!method_it->is_string()) {
    if (has_id) RespondError(id, error_code::kInvalidRequest, "Invalid Request: `method` must be a string");
    return true;
  }
  std::string method = method_it->get<std::string>();
  json params = message.contains("params") ? message["params"] : json::object();

  if (!has_id) {
    if (method == "exit") return false;
    if (!initialized_ || shutdown_) return true;  // notifications before initialize are dropped
    try {
      HandleNotification(method, params);
    } catch (const std::exception& e) {
      Log(1, "asynctype: " + method + " failed: " + e.what());
    }
    return true;
  }

  if (shutdown_) {
    RespondError(id, error_code::kInvalidRequest, "Invalid Request: the server is shut down");
    return true;
  }
  if (!initialized_ && method != "initialize") {
    RespondError(id, error_code::kServerNotInitialized, "Server not initialized");
    return true;
  }
  std::string key = id.dump();
  {
    std::lock_guard<std::mutex> lock(cancel_mutex_);
    if (cancelled_ids_.erase(key)) {
      RespondError(id, error_code::kRequestCancelled, "Request cancelled");
      return true;
    }
    current_request_ = key;
    cancel_request_ = false;
  }
  try {
    HandleRequest(method, id, params);
  } catch (const AnalysisCancelled&) {
    analyses_.clear();  // an analysis interrupted half-way is not reused
    RespondError(id, error_code::kRequestCancelled, "Request cancelled");
  } catch (const json::exception& e) {
    RespondError(id, error_code::kInvalidParams, std::string("Invalid params: ") + e.what());
  } catch (const std::exception& e) {
    RespondError(id, error_code::kInternalError, std::string("Internal error: ") + e.what());
  }
  {
    std::lock_guard<std::mutex> lock(cancel_mutex_);
    current_request_.clear();
    cancel_request_ = false;
  }
  return true;
}

void LanguageServer::Observe(const std::string& body) {
  // Only these messages matter here; the rest is not parsed twice.
  if (body.find("$/cancelRequest") == std::string::npos && body.find("/did") == std::string::npos) return;
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!message.is_object() || message.contains("id")) return;
  std::string method = StringField(message, "method");
  if (method == "$/cancelRequest") {
    const json params = message.value("params", json::object());
    if (!params.is_object() || !params.contains("id")) return;
    std::string key = params["id"].dump();
    std::lock_guard<std::mutex> lock(cancel_mutex_);
    cancelled_ids_.insert(key);
    if (key == current_request_) cancel_request_ = true;
  } else if (ChangesDocuments(method)) {
    ++document_changes_;
  }
}

bool LanguageServer::Cancelled() const {
  if (cancel_request_.load(std::memory_order_relaxed)) return true;
  return publishing_ && document_changes_.load(std::memory_order_relaxed) != publish_changes_;
}

json LanguageServer::Initialize(const json& params) {
  if (params.is_object()) {
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array()) {
      for (const json& folder : params["workspaceFolders"]) {
        if (auto path = UriToPath(StringField(folder, "uri"))) workspace_roots_.push_back(*path);
      }
    }
    if (workspace_roots_.empty()) {
      if (auto path = UriToPath(StringField(params, "rootUri"))) {
        workspace_roots_.push_back(*path);
      } else if (std::string root = StringField(params, "rootPath"); !root.empty() && root[0] == '/') {
        workspace_roots_.push_back(NormalizePath(root));
      }
    }
    const json caps = params.value("capabilities", json::object());
    if (caps.is_object()) {
      const json text_document = caps.value("textDocument", json::object());
      if (text_document.is_object() && text_document.contains("diagnostic")) push_diagnostics_ = false;
      const json workspace = caps.value("workspace", json::object());
      if (workspace.is_object() && workspace.contains("diagnostics") && workspace["diagnostics"].is_object()) {
        refresh_support_ = workspace["diagnostics"].value("refreshSupport", false);
      }
    }
    const json options = params.value("initializationOptions", json::object());
    if (options.is_object() && options.contains("pushDiagnostics") && options["pushDiagnostics"].is_boolean()) {
      push_diagnostics_ = options["pushDiagnostics"].get<bool>();
    }
  }
  json capabilities = {
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
      {"inlayHintProvider", true},
      {"diagnosticProvider", {{"identifier", "asynctype"}, {"interFileDependencies", true}, {"workspaceDiagnostics", false}}},
  };
  return {{"capabilities", capabilities}, {"serverInfo", {{"name", "asynctype"}, {"version", version_}}}};
}

void LanguageServer::HandleRequest(const std::string& method, const json& id, const json& params) {
  if (method == "initialize") {
    if (initialized_) {
      RespondError(id, error_code::kInvalidRequest, "Invalid Request: already initialized");
      return;
    }
    json result = Initialize(params);
    initialized_ = true;
    Respond(id, std::move(result));
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    analyses_.clear();
    Respond(id, nullptr);
    return;
  }
  if (method == "textDocument/hover") {
    Analysis& analysis = AnalysisFor(UriOf(params));
    Respond(id, Hover(analysis, params.at("position")));
    return;
  }
  if (method == "textDocument/definition") {
    Analysis& analysis = AnalysisFor(UriOf(params));
    Respond(id, GoToDefinition(analysis, params.at("position")));
    return;
  }
  if (method == "textDocument/inlayHint") {
    Analysis& analysis = AnalysisFor(UriOf(params));
    Respond(id, InlayHints(analysis, params.value("range", json())));
    return;
  }
  if (method == "textDocument/codeAction") {
    std::string uri = UriOf(params);
    if (!params.contains("range") || !params["range"].is_object()) {
      RespondError(id, error_code::kInvalidParams, "Invalid params: `range` is required");
      return;
    }
    Analysis& analysis = AnalysisFor(uri);
    Respond(id, CodeActions(analysis, uri, params));
    return;
  }
  if (method == "textDocument/diagnostic") {
    std::string uri = UriOf(params);
    Analysis& analysis = AnalysisFor(uri);
    Respond(id, {{"kind", "full"}, {"items", DiagnosticsJson(analysis)}});
    // A pulled document whose interface changed: its importers' reports are stale too.
    auto doc = documents_.find(uri);
    if (doc != documents_.end() && RecheckImporters(doc->second, analysis) && !push_diagnostics_ && refresh_support_) {
      SendRefresh();
    }
    return;
  }
  RespondError(id, error_code::kMethodNotFound, "Method not found: " + method);
}

void LanguageServer::HandleNotification(const std::string& method, const json& params) {
  if (method == "textDocument/didOpen") {
    DidOpen(params);
  } else if (method == "textDocument/didChange") {
    DidChange(params);
  } else if (method == "textDocument/didClose") {
    DidClose(params);
  } else if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles" ||
             method == "workspace/didChangeConfiguration") {
    // Files on disk (or the configuration) changed: every open document may read them.
    Invalidate();
    PublishAll();
    if (!push_diagnostics_ && refresh_support_) SendRefresh();
  } else if (method == "$/cancelRequest" && params.is_object() && params.contains("id")) {
    // The request came before this notification, so it has been answered by now.
    std::lock_guard<std::mutex> lock(cancel_mutex_);
    cancelled_ids_.erase(params["id"].dump());
  }
  // initialized, $/setTrace and anything unknown: nothing to do.
}

std::string LanguageServer::UriOf(const json& params) const {
  return params.at("textDocument").at("uri").get<std::string>();
}

std::string LanguageServer::PathOf(const std::string& uri) const {
  if (auto path = UriToPath(uri)) return *path;
  // `untitled:Untitled-1` and other schemes: a synthetic path no real file shadows.
  std::string name;
  for (char c : uri) name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return std::string(kUntitledRoot) + name + ".py";
}

void LanguageServer::Invalidate() { analyses_.clear(); }

Analysis& LanguageServer::AnalysisFor(const std::string& uri) {
  std::string path = PathOf(uri);
  auto it = analyses_.find(path);
  if (it != analyses_.end()) return *it->second;
  std::map<std::string, std::string> texts, uris;
  for (const auto& [doc_uri, doc] : documents_) {
    texts[doc.path] = doc.text;
    uris[doc.path] = doc_uri;
  }
  std::string log;
  auto analysis = std::make_unique<Analysis>(path, std::move(texts), workspace_roots_, &log, std::move(uris),
                                             parse_cache_, [this] { return Cancelled(); });
  if (!log.empty()) Log(1, log);
  if (analyses_.size() >= 16) analyses_.clear();
  return *(analyses_[path] = std::move(analysis));
}

bool LanguageServer::Publish(const Document& document) {
  if (!push_diagnostics_) return true;
  json diagnostics;
  try {
    Analysis& analysis = AnalysisFor(document.uri);
    diagnostics = DiagnosticsJson(analysis);
    RecheckImporters(document, analysis);
  } catch (const AnalysisCancelled&) {
    analyses_.erase(document.path);
    return false;
  } catch (const std::exception& e) {
    analyses_.erase(document.path);
    Log(1, std::string("asynctype: checking ") + document.uri + " failed: " + e.what());
    return true;
  }
  Notify("textDocument/publishDiagnostics",
         {{"uri", document.uri}, {"version", document.version}, {"diagnostics", std::move(diagnostics)}});
  return true;
}

void LanguageServer::SendRefresh() {
  Send({{"jsonrpc", "2.0"}, {"id", "asynctype/refresh/" + std::to_string(next_request_id_++)},
        {"method", "workspace/diagnostic/refresh"}});
}

bool LanguageServer::RecheckImporters(const Document& document, Analysis& analysis) {
  // What this document reads of the other open documents (for when they change).
  std::set<std::string>& reads = imports_[document.uri];
  reads.clear();
  for (const auto& [uri, doc] : documents_) {
    if (uri != document.uri && analysis.program().FindFile(doc.path)) reads.insert(doc.path);
  }
  if (documents_.size() < 2 || !analysis.ok()) return false;
  std::string interface = ModuleInterface(analysis);
  auto [it, inserted] = interfaces_.try_emplace(document.uri, interface);
  if (inserted || it->second == interface) return false;
  it->second = std::move(interface);
  bool due = false;
  for (const auto& [uri, paths] : imports_) {
    if (uri != document.uri && paths.count(document.path) && documents_.count(uri)) {
      SchedulePublish(uri);
      due = true;
    }
  }
  return due;
}

void LanguageServer::PublishAll() {
  for (const auto& [uri, doc] : documents_) SchedulePublish(uri);
}

void LanguageServer::FlushDiagnostics() {
  while (!pending_publish_.empty()) {
    // Read before looking at the queue: a change queued after this is seen as a cancellation.
    publish_changes_ = document_changes_.load();
    if (input_pending_ && input_pending_()) return;  // handle it first; the publishes stay due
    std::string uri = *pending_publish_.begin();
    pending_publish_.erase(pending_publish_.begin());
    auto it = documents_.find(uri);
    if (it == documents_.end()) continue;
    publishing_ = true;
    bool done = Publish(it->second);
    publishing_ = false;
    if (!done) {
      SchedulePublish(uri);
      return;
    }
  }
}

void LanguageServer::DidOpen(const json& params) {
  const json& item = params.at("textDocument");
  Document doc;
  doc.uri = item.at("uri").get<std::string>();
  doc.path = PathOf(doc.uri);
  doc.text = item.value("text", std::string());
  doc.version = item.contains("version") && item["version"].is_number_integer() ? item["version"].get<int64_t>() : 0;
  documents_[doc.uri] = doc;
  interfaces_.erase(doc.uri);
  Invalidate();
  SchedulePublish(doc.uri);
}

void LanguageServer::DidChange(const json& params) {
  const json& item = params.at("textDocument");
  std::string uri = item.at("uri").get<std::string>();
  auto it = documents_.find(uri);
  const json& changes = params.at("contentChanges");
  if (it == documents_.end()) {
    Log(2, "asynctype: didChange for a document that is not open: " + uri);
    return;
  }
  Document& doc = it->second;
  if (changes.is_array()) {
    for (const json& change : changes) {
      if (!ApplyContentChange(&doc.text, change)) Log(2, "asynctype: ignored a malformed change to " + uri);
    }
  }
  if (item.contains("version") && item["version"].is_number_integer()) doc.version = item["version"].get<int64_t>();
  Invalidate();
  SchedulePublish(uri);
}

void LanguageServer::DidClose(const json& params) {
  std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (documents_.erase(uri) == 0) return;
  pending_publish_.erase(uri);
  interfaces_.erase(uri);
  imports_.erase(uri);
  Invalidate();
  if (push_diagnostics_) Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

int RunLanguageServer(std::istream& in, std::ostream& out, const std::string& version) {
  LanguageServer server(out, version);
  MessageReader reader(in, [&server](const std::string& body) { server.Observe(body); });
  server.SetInputPending([&reader] { return reader.HasPending(); });
  std::string body;
  while (true) {
    ReadResult r = reader.Next(&body);
    if (r == ReadResult::Eof) {
      server.HandleEof();
      return server.exit_code();
    }
    if (r == ReadResult::BadHeader) {
      server.HandleBadHeader();
      continue;
    }
    if (!server.HandleMessage(body)) return server.exit_code();
    // Publishes only while no further message is queued (a burst of keystrokes is checked once).
    server.FlushDiagnostics();
  }
}

}  // namespace asynctype::lsp
