// One analysis of one document: a fresh Program over a snapshot of the open documents (layered
// over the disk), configured exactly like `asynctype check` (nearest asynctype.toml /
// pyproject.toml, rule levels, suppressions, import roots). The document's diagnostics are
// computed when the analysis is created, before any feature asks the inference for types.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "checker/database/parse_cache.h"
#include "checker/database/program.h"
#include "checker/diagnostics/diagnostic.h"
#include "checker/diagnostics/rule_levels.h"
#include "server/document.h"
#include "server/overlay_fs.h"

namespace asynctype::lsp {

class Analysis {
 public:
  // `path`: the document's absolute path; `documents`: every open document (path -> text, and
  // the documents too large to check);
  // `workspace_roots`: the client's workspace folders (extra import roots). Configuration
  // problems are described in `log` (the analysis then runs with the defaults).
  // `parse_cache`: parses shared with earlier analyses (may be null); `cancelled`: polled during
  // the work (ProgramOptions::cancelled), which then throws AnalysisCancelled; `disk_cache`:
  // what earlier analyses read from the disk (may be null; must outlive the analysis).
  Analysis(const std::string& path, OverlayDocuments documents,
           const std::vector<std::string>& workspace_roots, std::string* log,
           std::map<std::string, std::string> uris = {}, std::shared_ptr<ParseCache> parse_cache = nullptr,
           std::function<bool()> cancelled = nullptr, DiskCache* disk_cache = nullptr);
  ~Analysis();

  const std::string& path() const { return path_; }
  // The Python environment the session found, as `check --verbose` prints it (for the log).
  const std::string& environment() const { return environment_; }
  Program& program() { return *program_; }
  // None when the document could not be loaded (not UTF-8 text, unreadable): then
  // diagnostics() holds one `io` diagnostic.
  FileId file() const { return file_; }
  bool ok() const { return file_.valid(); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // The URI of a file: the client's URI for open documents, else a `file://` URI.
  std::string UriFor(const std::string& path) const;
  // A checked file's positions as the client counts them (see DocumentLines).
  DocumentLines LinesOf(const SourceFile& source) const {
    return {&source.lines(), bom_paths_.count(source.path()) != 0};
  }

 private:
  std::string path_;
  std::string environment_;
  std::map<std::string, std::string> uris_;  // open document path -> URI
  std::set<std::string> bom_paths_;          // open documents whose text starts with a BOM
  OverlayFileSystem fs_;
  std::unique_ptr<Program> program_;
  FileId file_;
  std::vector<Diagnostic> diagnostics_;
};

// What importers of the analysed module see, as text: the types of its module-level names and of
// the members of its top-level classes. Equal texts: the importers' diagnostics cannot change.
std::string ModuleInterface(Analysis& analysis);

}  // namespace asynctype::lsp
