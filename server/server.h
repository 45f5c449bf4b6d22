// `asynctype server`: a Language Server Protocol 3.17 server over stdio (JSON-RPC 2.0 with
// Content-Length framing). Single-threaded: messages are handled in order, each request is
// answered before the next message is read.
//
// Every analysis builds a fresh Program over the open documents layered on the disk (see
// analysis.h), configured like `asynctype check`. Diagnostics are pushed
// (`textDocument/publishDiagnostics`) after open, change, save and watched-file changes, unless
// the client supports pull diagnostics (`textDocument/diagnostic`, always answered). Pushes wait
// until no further message is buffered, so a burst of edits is checked once.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "server/analysis.h"
#include "server/document.h"

namespace asynctype::lsp {

using json = nlohmann::json;

class LanguageServer {
 public:
  LanguageServer(std::ostream& out, std::string version);
  ~LanguageServer();

  // Handles one message body (JSON text). Returns false once the server should exit.
  bool HandleMessage(const std::string& body);
  // The connection broke off (EOF, or a header that cannot be recovered from).
  void HandleEof();
  // Reports an unreadable header block (a Parse error response with a null id).
  void HandleBadHeader();
  // Publishes the diagnostics of the documents changed since the last call. The loop calls it
  // when no further message is already buffered, so a burst of edits is checked once.
  void FlushDiagnostics();
  // 0 after `shutdown` then `exit` (or EOF after `shutdown`), 1 otherwise.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  void Send(const json& message);
  void Respond(const json& id, json result);
  void RespondError(const json& id, int code, const std::string& message);
  void Notify(const std::string& method, json params);
  void Log(int type, const std::string& message);

  void HandleRequest(const std::string& method, const json& id, const json& params);
  void HandleNotification(const std::string& method, const json& params);
  json Initialize(const json& params);

  void DidOpen(const json& params);
  void DidChange(const json& params);
  void DidClose(const json& params);
  void Invalidate();
  void Publish(const Document& document);
  void PublishAll();
  void SchedulePublish(const std::string& uri) { pending_publish_.insert(uri); }

  // The path analysed for a URI: the file's path, or a synthetic one for other schemes.
  std::string PathOf(const std::string& uri) const;
  std::string UriOf(const json& params) const;
  Analysis& AnalysisFor(const std::string& uri);

  std::ostream& out_;
  std::string version_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool push_diagnostics_ = true;
  bool refresh_support_ = false;
  int64_t next_request_id_ = 1;
  std::vector<std::string> workspace_roots_;
  std::map<std::string, Document> documents_;                   // by URI
  std::map<std::string, std::unique_ptr<Analysis>> analyses_;  // by path; dropped on any change
  std::shared_ptr<ParseCache> parse_cache_ = std::make_shared<ParseCache>();  // across analyses
  std::string last_log_;
  std::set<std::string> pending_publish_;  // URIs whose diagnostics are due
};

// Runs the server on `in` / `out` until `exit` or end of input; returns the exit code.
int RunLanguageServer(std::istream& in, std::ostream& out, const std::string& version);

}  // namespace asynctype::lsp
