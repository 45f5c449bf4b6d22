#include "checker/database/parse_cache.h"

namespace asynctype {

namespace {

// Bound on the number of paths kept (a workspace-wide scan would otherwise keep every file).
constexpr size_t kMaxEntries = 8192;

// Whether a parse made for one program can serve `file` in another: its diagnostics carry the
// file id of the program that parsed it.
bool DiagnosticsName(const ParsedFile& parsed, FileId file) {
  for (const Diagnostic& d : parsed.syntax_errors) {
    if (d.file != file) return false;
    for (const Annotation& a : d.secondary) {
      if (a.file != file) return false;
    }
  }
  return true;
}

}  // namespace

std::shared_ptr<const std::string> ParseCache::Text(const std::string& path, std::string text) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(path);
  if (it != entries_.end() && it->second.text && *it->second.text == text) return it->second.text;
  return std::make_shared<const std::string>(std::move(text));
}

std::shared_ptr<const ParsedFile> ParseCache::Parse(const SourceFile& source) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() >= kMaxEntries && entries_.find(source.path()) == entries_.end()) entries_.clear();
  Entry& entry = entries_[source.path()];
  if (entry.parsed && entry.text == source.shared_text() && DiagnosticsName(*entry.parsed, source.id())) {
    ++hits_;
    return entry.parsed;
  }
  ++misses_;
  SyntaxTree tree;
  auto parsed = std::make_shared<const ParsedFile>(asynctype::Parse(source, &entry.tree, &tree));
  entry.text = source.shared_text();
  entry.parsed = parsed;
  entry.tree = std::move(tree);
  entry.index = nullptr;
  return parsed;
}

std::shared_ptr<const SemanticIndex> ParseCache::Index(const SourceFile& source,
                                                       const std::shared_ptr<const ParsedFile>& parsed,
                                                       const IndexOptions& options) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(source.path());
  bool same_options = it != entries_.end() && it->second.index_options.python_version.major == options.python_version.major &&
                      it->second.index_options.python_version.minor == options.python_version.minor &&
                      it->second.index_options.is_stub == options.is_stub &&
                      it->second.index_options.is_package_init == options.is_package_init;
  if (same_options && it->second.index && it->second.parsed == parsed && it->second.index_file == source.id()) {
    return it->second.index;
  }
  auto index = std::make_shared<const SemanticIndex>(BuildIndex(parsed->ast, source.id(), options));
  if (it != entries_.end() && it->second.parsed == parsed) {
    it->second.index = index;
    it->second.index_file = source.id();
    it->second.index_options = options;
  }
  return index;
}

}  // namespace asynctype
