// `asynctype server`: a Language Server Protocol 3.17 server over stdio (JSON-RPC 2.0 with
// Content-Length framing). Messages are read on a thread of their own (message_reader.h) and
// handled in order on the main thread; each request is answered before the next message is
// handled.
//
// Every analysis builds a fresh Program over the open documents layered on the disk (see
// analysis.h), configured like `asynctype check`; parses are shared between analyses (unchanged
// files are not parsed again, an edited document is reparsed incrementally). Diagnostics are
// pushed (`textDocument/publishDiagnostics`) after open, change, save and watched-file changes,
// unless the client supports pull diagnostics (`textDocument/diagnostic`, always answered).
// Pushes wait until no further message is queued, so a burst of edits is checked once; an edit
// that arrives while diagnostics are being computed cancels that stale analysis (it is redone
// for the new text) -- unless nothing has been published for kProgressInterval: then the check
// completes and publishes its slightly stale (correctly versioned) result before the newest text
// is checked, so a flood of edits never starves the diagnostics. Published versions never go
// down; a `didChange` whose version is not newer than the document's is dropped. When an open
// document's interface (the types of its module-level names and class members) changes, the open
// documents that import it are checked again. While only open documents are edited, the analyses
// share what they read from the disk (disk_cache.h); opening, closing or saving a document,
// watched files, the configuration, requests on documents that are not open and, every
// kDiskCacheLifetime, the next analysis take a fresh look. `$/cancelRequest` answers a request not yet
// answered with RequestCancelled.
//
// Hostile input: a message nested deeper than kMaxJsonDepth is refused before it is parsed; lone
// surrogate escapes become U+FFFD; documents larger than kMaxDocumentBytes get one `io`
// diagnostic instead of an analysis; a document that is not open is read from disk only inside
// the workspace folders (and only when it is a regular file of acceptable size). End of input
// cancels the work in progress, and the process exits even if some work does not notice.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "server/analysis.h"
#include "server/document.h"

namespace asynctype::lsp {

using json = nlohmann::json;

// While edits keep coming, diagnostics are still published at least about this often (plus the
// duration of one check): a check running when it has passed is not cancelled by newer edits.
constexpr std::chrono::milliseconds kProgressInterval{100};
// After the end of input, how long the main thread may go on analysing before the process exits
// anyway (an analysis notices the end of input at its next cancellation point; some spans, such
// as parsing or indexing one file, have none).
constexpr std::chrono::milliseconds kEofGrace{500};

class LanguageServer {
 public:
  LanguageServer(std::ostream& out, std::string version);
  ~LanguageServer();

  // Handles one message body (JSON text). Returns false once the server should exit.
  bool HandleMessage(std::string body);
  // The connection broke off (EOF, or a header that cannot be recovered from).
  void HandleEof();
  // Called on the reader thread when the input ends: the work in progress is abandoned.
  void NoteInputEnded() { input_ended_ = true; }
  // Odd while the main thread is answering a request or computing diagnostics; counts up at the
  // start and at the end of each (any thread).
  uint64_t analysis_epoch() const { return analysis_epoch_; }
  // Reports an unreadable header block (a Parse error response with a null id).
  void HandleBadHeader();
  // Publishes the diagnostics of the documents changed since the last call, while no further
  // message is queued (see SetInputPending): a burst of edits is checked once, and a message
  // that arrives meanwhile is handled first.
  void FlushDiagnostics();
  // Called on the reader thread with every message as soon as it is read: notes
  // `$/cancelRequest`s and marks the diagnostics in progress stale when a document changes.
  void Observe(const std::string& body);
  // Tells whether a message is waiting to be handled (none: always false).
  void SetInputPending(std::function<bool()> pending) { input_pending_ = std::move(pending); }
  // 0 after `shutdown` then `exit` (or EOF after `shutdown`), 1 otherwise. Any thread.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  void Send(const json& message);
  void Respond(const json& id, json result);
  void RespondError(const json& id, int code, const std::string& message);
  void Notify(const std::string& method, json params);
  void Log(int type, const std::string& message);

  // Requests and notifications are dispatched through method tables (server.cpp): method name
  // -> member handler, which reads its typed parameters (lsp_params.h).
  void HandleRequest(const std::string& method, const json& id, const json& params);
  void HandleNotification(const std::string& method, const json& params);
  json Initialize(const json& params);

  // Requests.
  void OnInitialize(const json& id, const json& params);
  void OnShutdown(const json& id, const json& params);
  void OnHover(const json& id, const json& params);
  void OnDefinition(const json& id, const json& params);
  void OnInlayHint(const json& id, const json& params);
  void OnCodeAction(const json& id, const json& params);
  void OnDiagnostic(const json& id, const json& params);
  // Whether a document request may read `uri` (see MayRead); logs why not.
  bool MayReadForRequest(const std::string& uri);

  // Notifications.
  void DidOpen(const json& params);
  void DidChange(const json& params);
  void DidClose(const json& params);
  void FilesChanged(const json& params);  // didSave, didChangeWatchedFiles, didChangeConfiguration
  void CancelRequest(const json& params);
  void Invalidate();
  // False when the analysis was cancelled (the document stays due).
  bool Publish(const Document& document);
  // Whether the work in progress is stale (polled by the programs, see ProgramOptions::cancelled).
  bool Cancelled() const;
  // Whether diagnostics have been out of date for kProgressInterval (a check then completes).
  bool ProgressOverdue() const;
  // Whether a document that is not open may be read from disk (inside the workspace folders, a
  // regular file of acceptable size); else `why` says why not.
  bool MayRead(const std::string& uri, std::string* why) const;
  // Notes which open documents `document` reads; when its interface changed since its last
  // analysis, the open documents that read it are due again (returns whether there are any).
  bool RecheckImporters(const Document& document, Analysis& analysis);
  // Asks a pull client to pull every report again (`workspace/diagnostic/refresh`).
  void SendRefresh();
  void PublishAll();
  void SchedulePublish(const std::string& uri) { pending_publish_.insert(uri); }

  // The path analysed for a URI: the file's path, or a synthetic one for other schemes.
  std::string PathOf(const std::string& uri) const;
  Analysis& AnalysisFor(const std::string& uri);

  std::ostream& out_;
  std::string version_;
  bool initialized_ = false;
  std::atomic<bool> shutdown_{false};
  bool push_diagnostics_ = true;
  bool refresh_support_ = false;
  int64_t next_request_id_ = 1;
  std::vector<std::string> workspace_roots_;
  std::map<std::string, Document> documents_;                   // by URI
  std::map<std::string, std::unique_ptr<Analysis>> analyses_;  // by path; dropped on any change
  std::shared_ptr<ParseCache> parse_cache_ = std::make_shared<ParseCache>();  // across analyses
  // What the analyses read from the disk; kept only across edits (see disk_cache.h).
  DiskCache disk_cache_;
  std::string last_log_;
  std::string last_environment_;  // logged when it changes (first check, new configuration)
  std::set<std::string> pending_publish_;  // URIs whose diagnostics are due
  std::function<bool()> input_pending_;
  std::map<std::string, std::string> interfaces_;           // open document URI -> its interface
  std::map<std::string, std::set<std::string>> imports_;    // open document URI -> open paths it reads
  std::map<std::string, int64_t> published_versions_;       // open document URI -> last version pushed
  // Since when the published diagnostics are out of date (unset: up to date). Main thread only.
  std::optional<std::chrono::steady_clock::time_point> stale_since_;

  // Cancellation. Shared with the reader thread: the atomics and what cancel_mutex_ guards.
  std::mutex cancel_mutex_;
  std::set<std::string> cancelled_ids_;  // ids (JSON text) named by `$/cancelRequest`
  std::string current_request_;          // id (JSON text) of the request in progress, "" none
  std::atomic<bool> cancel_request_{false};   // the request in progress was cancelled
  std::atomic<uint64_t> document_changes_{0};  // document-changing notifications read so far
  std::atomic<bool> input_ended_{false};       // the reader saw the end of input
  std::atomic<uint64_t> analysis_epoch_{0};    // see analysis_epoch()
  // Main thread only: the diagnostics in progress, and document_changes_ when they started.
  bool publishing_ = false;
  uint64_t publish_changes_ = 0;
};

// Runs the server on `in` / `out` until `exit` or end of input; returns the exit code.
int RunLanguageServer(std::istream& in, std::ostream& out, const std::string& version);

}  // namespace asynctype::lsp
