#include "checker/database/file_store.h"

namespace asynctype {

std::shared_ptr<const SourceFile> FileStore::Find(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = ids_.find(path);
  if (it == ids_.end()) return nullptr;
  return entries_[it->second.index()]->source;
}

std::shared_ptr<const SourceFile> FileStore::Adopt(const std::string& path, std::string text) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, inserted] = ids_.try_emplace(path, FileId(static_cast<uint32_t>(entries_.size())));
  if (!inserted) return entries_[it->second.index()]->source;
  auto entry = std::make_unique<Entry>();
  entry->source = std::make_shared<const SourceFile>(it->second, path, std::move(text));
  entries_.push_back(std::move(entry));
  return entries_.back()->source;
}

FileStore::Entry& FileStore::EntryOf(const SourceFile& source) {
  std::lock_guard<std::mutex> lock(mutex_);
  return *entries_[source.id().index()];
}

std::shared_ptr<const ParsedFile> FileStore::Parsed(const SourceFile& source) {
  Entry& entry = EntryOf(source);
  std::lock_guard<std::mutex> lock(entry.mutex);
  if (!entry.parsed) {
    entry.parsed = std::make_shared<const ParsedFile>(Parse(*entry.source));
    std::lock_guard<std::mutex> count(mutex_);
    ++parses_;
  }
  return entry.parsed;
}

std::shared_ptr<const SemanticIndex> FileStore::Index(const SourceFile& source, const IndexOptions& options) {
  std::shared_ptr<const ParsedFile> parsed = Parsed(source);
  Entry& entry = EntryOf(source);
  std::lock_guard<std::mutex> lock(entry.mutex);
  if (!entry.index) {
    entry.index = std::make_shared<const SemanticIndex>(BuildIndex(parsed->ast, source.id(), options));
    std::lock_guard<std::mutex> count(mutex_);
    ++indexes_;
  }
  return entry.index;
}

size_t FileStore::parses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return parses_;
}

size_t FileStore::indexes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return indexes_;
}

}  // namespace asynctype
