#include "server/server.h"

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <thread>

#include "checker/base/utf8.h"
#include "checker/fs/filesystem.h"
#include "server/features.h"
#include "server/lsp_params.h"
#include "server/message_reader.h"
#include "server/message_scan.h"
#include "server/overlay_fs.h"
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

// A member of an object by reference, or `fallback` (nothing is copied).
const json& Field(const json& object, const char* key, const json& fallback) {
  if (!object.is_object()) return fallback;
  auto it = object.find(key);
  return it != object.end() ? *it : fallback;
}

std::string Megabytes(size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return text;
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

bool LanguageServer::HandleMessage(std::string body) {
  // Before parsing: nothing deeper than the limit is ever built (a json value is copied,
  // compared and destroyed recursively), and lone surrogates are not worth losing a message.
  MessageScan scan = ScanMessage(body);
  if (scan.depth > kMaxJsonDepth) {
    RespondError(ScannedId(scan), error_code::kParseError,
                 "Parse error: the message nests arrays and objects " + std::to_string(scan.depth) +
                     " levels deep; the limit is " + std::to_string(kMaxJsonDepth));
    return true;
  }
  RepairLoneSurrogates(&body, scan);
  json message;
  try {
    message = json::parse(body);
  } catch (const json::exception&) {
    // Invalid UTF-8 inside strings (a document's text): keep the text, with U+FFFD replacing
    // the bad bytes, rather than lose the message.
    std::string sanitized = utf8::Sanitize(body);
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
  auto id_it = message.find("id");
  bool has_id = id_it != message.end();
  if (has_id && !(id_it->is_string() || id_it->is_number_integer() || id_it->is_null())) {
    RespondError(nullptr, error_code::kInvalidRequest, "Invalid Request: `id` must be a number or a string");
    return true;
  }
  const json id = has_id ? *id_it : json();  // a scalar
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
  const json no_params = json::object();
  const json& params = Field(message, "params", no_params);

  if (!has_id) {
    if (method == "exit") return false;
    if (!initialized_ || shutdown_) return true;  // notifications before initialize are dropped
    if (ChangesDocuments(method) && !stale_since_) stale_since_ = std::chrono::steady_clock::now();
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
  ++analysis_epoch_;
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
  ++analysis_epoch_;
  {
    std::lock_guard<std::mutex> lock(cancel_mutex_);
    current_request_.clear();
    cancel_request_ = false;
  }
  return true;
}

void LanguageServer::Observe(const std::string& body) {
  // Only notifications matter here, known by their method without parsing them; a message the
  // main thread will refuse (too deep) is not one.
  MessageScan scan = ScanMessage(body);
  if (scan.depth > kMaxJsonDepth || !scan.id.empty()) return;
  std::string method = ScannedMethod(scan);
  if (method == "$/cancelRequest") {
    json message;
    if (scan.lone_surrogates.empty()) {
      message = json::parse(body, nullptr, /*allow_exceptions=*/false);
    } else {
      std::string repaired = body;
      RepairLoneSurrogates(&repaired, scan);
      message = json::parse(repaired, nullptr, /*allow_exceptions=*/false);
    }
    const json none;
    auto params = Field(message, "params", none).get<CancelParams>();
    if (!params.id) return;
    std::string key = params.id->dump();
    std::lock_guard<std::mutex> lock(cancel_mutex_);
    cancelled_ids_.insert(key);
    if (key == current_request_) cancel_request_ = true;
  } else if (ChangesDocuments(method)) {
    ++document_changes_;
  }
}

bool LanguageServer::ProgressOverdue() const {
  return stale_since_ && std::chrono::steady_clock::now() - *stale_since_ >= kProgressInterval;
}

bool LanguageServer::Cancelled() const {
  if (cancel_request_.load(std::memory_order_relaxed) || input_ended_.load(std::memory_order_relaxed)) return true;
  if (!publishing_ || document_changes_.load(std::memory_order_relaxed) == publish_changes_) return false;
  // A newer edit makes this check stale; it still completes when diagnostics are overdue.
  return !ProgressOverdue();
}

json LanguageServer::Initialize(const json& params) {
  auto p = params.get<InitializeParams>();
  for (const std::string& uri : p.workspace_folder_uris) {
    if (auto path = UriToPath(uri)) workspace_roots_.push_back(*path);
  }
  if (workspace_roots_.empty()) {
    if (auto path = UriToPath(p.root_uri)) {
      workspace_roots_.push_back(*path);
    } else if (!p.root_path.empty() && p.root_path[0] == '/') {
      workspace_roots_.push_back(NormalizePath(p.root_path));
    }
  }
  if (p.client_pulls_diagnostics) push_diagnostics_ = false;
  if (p.refresh_support) refresh_support_ = *p.refresh_support;
  if (p.push_diagnostics) push_diagnostics_ = *p.push_diagnostics;
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
  using Handler = void (LanguageServer::*)(const json& id, const json& params);
  static const std::map<std::string, Handler, std::less<>> kRequests = {
      {"initialize", &LanguageServer::OnInitialize},
      {"shutdown", &LanguageServer::OnShutdown},
      {"textDocument/hover", &LanguageServer::OnHover},
      {"textDocument/definition", &LanguageServer::OnDefinition},
      {"textDocument/inlayHint", &LanguageServer::OnInlayHint},
      {"textDocument/codeAction", &LanguageServer::OnCodeAction},
      {"textDocument/diagnostic", &LanguageServer::OnDiagnostic},
  };
  auto it = kRequests.find(method);
  if (it == kRequests.end()) {
    RespondError(id, error_code::kMethodNotFound, "Method not found: " + method);
    return;
  }
  (this->*it->second)(id, params);
}

void LanguageServer::HandleNotification(const std::string& method, const json& params) {
  using Handler = void (LanguageServer::*)(const json& params);
  static const std::map<std::string, Handler, std::less<>> kNotifications = {
      {"textDocument/didOpen", &LanguageServer::DidOpen},
      {"textDocument/didChange", &LanguageServer::DidChange},
      {"textDocument/didClose", &LanguageServer::DidClose},
      {"textDocument/didSave", &LanguageServer::FilesChanged},
      {"workspace/didChangeWatchedFiles", &LanguageServer::FilesChanged},
      {"workspace/didChangeConfiguration", &LanguageServer::FilesChanged},
      {"$/cancelRequest", &LanguageServer::CancelRequest},
  };
  // initialized, $/setTrace and anything unknown: nothing to do.
  auto it = kNotifications.find(method);
  if (it != kNotifications.end()) (this->*it->second)(params);
}

void LanguageServer::OnInitialize(const json& id, const json& params) {
  if (initialized_) {
    RespondError(id, error_code::kInvalidRequest, "Invalid Request: already initialized");
    return;
  }
  json result = Initialize(params);
  initialized_ = true;
  Respond(id, std::move(result));
}

void LanguageServer::OnShutdown(const json& id, const json&) {
  shutdown_ = true;
  analyses_.clear();
  Respond(id, nullptr);
}

bool LanguageServer::MayReadForRequest(const std::string& uri) {
  // A document that is not open is read from disk only where `asynctype check` would read it.
  std::string why;
  if (MayRead(uri, &why)) return true;
  Log(2, "asynctype: not reading " + uri + ": " + why);
  return false;
}

void LanguageServer::OnHover(const json& id, const json& params) {
  auto p = params.get<TextDocumentPositionParams>();
  if (!MayReadForRequest(p.text_document.uri)) return Respond(id, nullptr);
  Respond(id, Hover(AnalysisFor(p.text_document.uri), p.position));
}

void LanguageServer::OnDefinition(const json& id, const json& params) {
  auto p = params.get<TextDocumentPositionParams>();
  if (!MayReadForRequest(p.text_document.uri)) return Respond(id, nullptr);
  Respond(id, GoToDefinition(AnalysisFor(p.text_document.uri), p.position));
}

void LanguageServer::OnInlayHint(const json& id, const json& params) {
  auto p = params.get<InlayHintParams>();
  if (!MayReadForRequest(p.text_document.uri)) return Respond(id, json::array());
  Respond(id, InlayHints(AnalysisFor(p.text_document.uri), p.range));
}

void LanguageServer::OnCodeAction(const json& id, const json& params) {
  auto p = params.get<CodeActionParams>();
  if (!MayReadForRequest(p.text_document.uri)) return Respond(id, json::array());
  if (!p.range.is_object()) {
    RespondError(id, error_code::kInvalidParams, "Invalid params: `range` is required");
    return;
  }
  Respond(id, CodeActions(AnalysisFor(p.text_document.uri), p));
}

void LanguageServer::OnDiagnostic(const json& id, const json& params) {
  const std::string uri = params.get<DocumentDiagnosticParams>().text_document.uri;
  if (!MayReadForRequest(uri)) return Respond(id, {{"kind", "full"}, {"items", json::array()}});
  Analysis& analysis = AnalysisFor(uri);
  Respond(id, {{"kind", "full"}, {"items", DiagnosticsJson(analysis)}});
  // A pulled document whose interface changed: its importers' reports are stale too.
  auto doc = documents_.find(uri);
  if (doc != documents_.end() && RecheckImporters(doc->second, analysis) && !push_diagnostics_ && refresh_support_) {
    SendRefresh();
  }
}

void LanguageServer::FilesChanged(const json&) {
  // Files on disk (or the configuration) changed: every open document may read them.
  disk_cache_.Clear();
  Invalidate();
  PublishAll();
  if (!push_diagnostics_ && refresh_support_) SendRefresh();
}

void LanguageServer::CancelRequest(const json& params) {
  auto p = params.get<CancelParams>();
  if (!p.id) return;
  // The request came before this notification, so it has been answered by now.
  std::lock_guard<std::mutex> lock(cancel_mutex_);
  cancelled_ids_.erase(p.id->dump());
}

std::string LanguageServer::PathOf(const std::string& uri) const {
  if (auto path = UriToPath(uri)) return *path;
  // `untitled:Untitled-1` and other schemes: a synthetic path no real file shadows.
  std::string name;
  for (char c : uri) name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return std::string(kUntitledRoot) + name + ".py";
}

void LanguageServer::Invalidate() { analyses_.clear(); }

bool LanguageServer::MayRead(const std::string& uri, std::string* why) const {
  if (documents_.count(uri)) return true;
  std::string path = PathOf(uri);
  bool inside = false;
  for (const std::string& root : workspace_roots_) {
    if (path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                         (root.back() == '/' || path[root.size()] == '/'))) {
      inside = true;
      break;
    }
  }
  if (!inside) {
    *why = "the document is not open and is outside the workspace folders";
    return false;
  }
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return true;  // reported as an unreadable file
  if (!std::filesystem::is_regular_file(status)) {
    *why = "not a regular file";
    return false;
  }
  uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxDocumentBytes) {
    *why = "the file is too large to check (" + Megabytes(size) + "; the limit is " + Megabytes(kMaxDocumentBytes) + ")";
    return false;
  }
  return true;
}

Analysis& LanguageServer::AnalysisFor(const std::string& uri) {
  std::string path = PathOf(uri);
  auto it = analyses_.find(path);
  if (it != analyses_.end()) return *it->second;
  std::map<std::string, std::string> texts, uris;
  std::map<std::string, size_t> oversized;
  for (const auto& [doc_uri, doc] : documents_) {
    if (doc.text.size() > kMaxDocumentBytes) {
      oversized[doc.path] = doc.text.size();  // not copied: it is not checked
    } else {
      texts[doc.path] = doc.text;
    }
    uris[doc.path] = doc_uri;
  }
  // A document read from the disk, or files on disk possibly changed by another program: a fresh
  // look at the disk.
  if (!documents_.count(uri) || disk_cache_.age() >= kDiskCacheLifetime) disk_cache_.Clear();
  std::string log;
  auto analysis = std::make_unique<Analysis>(path, OverlayDocuments{std::move(texts), std::move(oversized)},
                                             workspace_roots_, &log, std::move(uris), parse_cache_,
                                             [this] { return Cancelled(); }, &disk_cache_);
  if (!log.empty()) Log(1, log);
  if (analysis->environment() != last_environment_) {
    // On stderr (the client's server log), not window/logMessage: clients show those to the user.
    last_environment_ = analysis->environment();
    std::cerr << "asynctype: " << last_environment_ << std::endl;
  }
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
  // Never an older version than one already published (the client would show stale results).
  auto [last, first_publish] = published_versions_.try_emplace(document.uri, document.version);
  if (!first_publish) {
    if (document.version < last->second) return true;
    last->second = document.version;
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
    // Handle queued messages first (the publishes stay due), unless diagnostics are overdue.
    if (input_pending_ && input_pending_() && !ProgressOverdue()) return;
    std::string uri = *pending_publish_.begin();
    pending_publish_.erase(pending_publish_.begin());
    auto it = documents_.find(uri);
    if (it == documents_.end()) continue;
    publishing_ = true;
    ++analysis_epoch_;
    bool done = Publish(it->second);
    ++analysis_epoch_;
    publishing_ = false;
    if (!done) {
      SchedulePublish(uri);
      return;
    }
    // Progress: the next deadline counts from this publish.
    if (pending_publish_.empty()) {
      stale_since_.reset();
    } else {
      stale_since_ = std::chrono::steady_clock::now();
    }
  }
  stale_since_.reset();
}

void LanguageServer::DidOpen(const json& params) {
  auto p = params.get<DidOpenParams>();
  Document doc;
  doc.uri = std::move(p.text_document.uri);
  doc.path = PathOf(doc.uri);
  doc.text = std::move(p.text_document.text);
  doc.version = p.text_document.version;
  interfaces_.erase(doc.uri);
  published_versions_.erase(doc.uri);  // a new life of the document: versions start again
  std::string uri = doc.uri;
  documents_[uri] = std::move(doc);
  disk_cache_.Clear();
  Invalidate();
  SchedulePublish(uri);
}

void LanguageServer::DidChange(const json& params) {
  auto p = params.get<DidChangeParams>();
  const std::string& uri = p.text_document.uri;
  auto it = documents_.find(uri);
  if (it == documents_.end()) {
    Log(2, "asynctype: didChange for a document that is not open: " + uri);
    return;
  }
  Document& doc = it->second;
  // Versions only grow (LSP): a change that is not newer than the document is stale; applying it
  // would corrupt the text, and its diagnostics would replace newer ones.
  std::optional<int64_t> version = p.text_document.version;
  if (version && *version <= doc.version) {
    Log(2, "asynctype: ignored a stale change to " + uri + " (version " + std::to_string(*version) +
               ", the document has version " + std::to_string(doc.version) + ")");
    return;
  }
  if (size_t malformed = ApplyContentChanges(&doc.text, *p.content_changes)) {
    Log(2, "asynctype: ignored " + std::to_string(malformed) + " malformed change(s) to " + uri);
  }
  if (version) doc.version = *version;
  Invalidate();
  SchedulePublish(uri);
}

void LanguageServer::DidClose(const json& params) {
  std::string uri = params.get<DidCloseParams>().text_document.uri;
  if (documents_.erase(uri) == 0) return;
  pending_publish_.erase(uri);
  interfaces_.erase(uri);
  imports_.erase(uri);
  published_versions_.erase(uri);
  disk_cache_.Clear();
  Invalidate();
  if (push_diagnostics_) Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

int RunLanguageServer(std::istream& in, std::ostream& out, const std::string& version) {
  LanguageServer server(out, version);
  // End of input cancels the work in progress (NoteInputEnded); the messages read before it are
  // still handled (a client may write `shutdown` and `exit` and close at once). On stdin, a
  // watchdog also ends the process when, after the end of input, one analysis goes on for
  // kEofGrace (work that polls no cancellation): a server whose client is gone must not linger.
  std::mutex mutex;
  std::condition_variable changed;
  bool ended = false, finished = false;
  std::thread watchdog;
  if (&in == &std::cin) {
    watchdog = std::thread([&] {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return ended || finished; });
      while (true) {
        uint64_t before = server.analysis_epoch();
        if (changed.wait_for(lock, kEofGrace, [&] { return finished; })) return;
        if (server.analysis_epoch() == before && before % 2 == 1) {
          std::_Exit(server.exit_code());  // one analysis all along; every message was flushed when written
        }
      }
    });
  }
  auto run = [&] {
    MessageReader reader(
        in, [&server](const std::string& body) { server.Observe(body); },
        [&] {
          server.NoteInputEnded();
          std::lock_guard<std::mutex> lock(mutex);
          ended = true;
          changed.notify_all();
        });
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
      if (!server.HandleMessage(std::move(body))) return server.exit_code();
      // Publishes only while no further message is queued (a burst of keystrokes is checked once).
      server.FlushDiagnostics();
    }
  };
  int code = run();
  {
    std::lock_guard<std::mutex> lock(mutex);
    finished = true;
    changed.notify_all();
  }
  if (watchdog.joinable()) watchdog.join();
  return code;
}

}  // namespace asynctype::lsp
