#include "checker/project/result_cache.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>

#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

#include "checker/database/module_table.h"
#include "checker/database/resolver.h"
#include "checker/fs/atomic_write.h"
#include "checker/syntax/parse.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/thread.h"

namespace asynctype {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "asynctype-cache 1\n";
constexpr std::string_view kTrailer = "\nend ";

// The modules the checks consult by name whatever a file imports (known classes, asyncio's API,
// reveal_type's fallback, the blocking-call tables' modules compare by identity only).
constexpr const char* kImplicitModules[] = {"builtins", "typing",  "typing_extensions", "types",   "abc",
                                            "sys",      "_typeshed", "collections.abc", "asyncio", "logging"};

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

std::string HashHex(std::string_view bytes) {
  llvm::MD5 hash;
  hash.update(llvm::StringRef(bytes.data(), bytes.size()));
  llvm::MD5::MD5Result digest;
  hash.final(digest);
  return digest.digest().str().str();
}

std::string HashStrings(const std::vector<std::string>& parts) {
  llvm::MD5 hash;
  for (const std::string& part : parts) {
    std::string length = std::to_string(part.size());
    length.push_back(':');
    hash.update(length);
    hash.update(part);
  }
  llvm::MD5::MD5Result digest;
  hash.final(digest);
  return digest.digest().str().str();
}

std::string EncodeCacheEntry(std::string_view key, const std::vector<std::string>& fields) {
  std::string out(kHeader);
  out.append(key);
  out.push_back('\n');
  out.append(std::to_string(fields.size()));
  out.push_back('\n');
  for (const std::string& field : fields) {
    out.append(std::to_string(field.size()));
    out.push_back('\n');
    out.append(field);
  }
  std::string checksum = HashHex(out);
  out.append(kTrailer);
  out.append(checksum);
  out.push_back('\n');
  return out;
}

std::optional<std::vector<std::string>> DecodeCacheEntry(std::string_view bytes, std::string_view key) {
  // The trailer: "\nend <32 hex>\n", a checksum of everything before it.
  constexpr size_t kChecksumSize = 32;
  size_t trailer = kTrailer.size() + kChecksumSize + 1;
  if (bytes.size() < kHeader.size() + trailer || bytes.back() != '\n') return std::nullopt;
  std::string_view body = bytes.substr(0, bytes.size() - trailer);
  std::string_view tail = bytes.substr(body.size());
  if (tail.substr(0, kTrailer.size()) != kTrailer) return std::nullopt;
  if (tail.substr(kTrailer.size(), kChecksumSize) != HashHex(body)) return std::nullopt;
  if (body.substr(0, kHeader.size()) != kHeader) return std::nullopt;
  size_t at = kHeader.size();
  auto line = [&](std::string_view* out) {
    size_t end = body.find('\n', at);
    if (end == std::string_view::npos) return false;
    *out = body.substr(at, end - at);
    at = end + 1;
    return true;
  };
  auto number = [&](size_t* out) {
    std::string_view text;
    if (!line(&text) || text.empty() || text.size() > 12) return false;
    size_t value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + static_cast<size_t>(c - '0');
    }
    *out = value;
    return true;
  };
  std::string_view stored_key;
  if (!line(&stored_key) || stored_key != key) return std::nullopt;
  size_t count = 0;
  if (!number(&count) || count > body.size()) return std::nullopt;
  std::vector<std::string> fields;
  fields.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    size_t length = 0;
    if (!number(&length) || length > body.size() - at) return std::nullopt;
    fields.emplace_back(body.substr(at, length));
    at += length;
  }
  if (at != body.size()) return std::nullopt;
  return fields;
}

std::optional<CacheFolder> CacheFolder::Open(const std::string& dir, std::string* error) {
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "v1", ec);
  if (ec || !fs::is_directory(fs::path(dir) / "v1")) {
    *error = "cannot create the cache folder `" + dir + "`";
    return std::nullopt;
  }
  // Marks for git (ignore everything) and backup tools (https://bford.info/cachedir/).
  const std::pair<const char*, const char*> marks[] = {
      {".gitignore", "# Created by asynctype (its cache: safe to delete)\n*\n"},
      {"CACHEDIR.TAG",
       "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by asynctype.\n"},
  };
  for (const auto& [name, text] : marks) {
    std::string path = (fs::path(dir) / name).string();
    if (fs::exists(path, ec)) continue;
    if (!WriteFileAtomically(path, text)) {
      *error = "cannot write to the cache folder `" + dir + "`";
      return std::nullopt;
    }
  }
  return CacheFolder(dir);
}

std::string CacheFolder::PathOf(std::string_view kind, const std::string& key) const {
  std::string path = dir_;
  path.append("/v1/");
  path.append(kind);
  path.push_back('/');
  path.append(key.substr(0, 2));
  path.push_back('/');
  path.append(key);
  return path;
}

std::optional<std::vector<std::string>> CacheFolder::Read(std::string_view kind, const std::string& key) const {
  std::string bytes;
  if (key.size() < 2 || !ReadWhole(PathOf(kind, key), &bytes)) return std::nullopt;
  return DecodeCacheEntry(bytes, key);
}

bool CacheFolder::Write(std::string_view kind, const std::string& key, const std::vector<std::string>& fields) const {
  if (key.size() < 2) return false;
  std::string path = PathOf(kind, key);
  std::string folder = fs::path(path).parent_path().string();
  std::error_code ec;
  fs::create_directories(folder, ec);
  return WriteFileAtomically(path, EncodeCacheEntry(key, fields));
}

size_t CacheFolder::Prune(std::string_view kind, const std::vector<std::string>& used, size_t limit) const {
  std::error_code ec;
  fs::path root = fs::path(dir_) / "v1" / std::string(kind);
  std::vector<fs::path> entries;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) entries.push_back(it->path());
  }
  if (entries.size() <= limit) return 0;
  std::set<std::string> keep(used.begin(), used.end());
  size_t removed = 0;
  auto now = fs::file_time_type::clock::now();
  for (const fs::path& entry : entries) {
    std::string name = entry.filename().string();
    if (name.starts_with(".tmp-")) {
      // Another run's file in the making is young; a crashed run's is not.
      auto written = fs::last_write_time(entry, ec);
      if (ec || now - written < std::chrono::hours(1)) continue;
    } else if (keep.count(name)) {
      continue;
    }
    if (fs::remove(entry, ec)) ++removed;
  }
  return removed;
}

ModuleInterface InterfaceOf(const CacheFolder* folder, const std::string& path, const std::string& text,
                            const std::string& content_hash) {
  // Stored: the fingerprint, the layout, then the references, four fields each.
  if (folder) {
    if (auto fields = folder->Read("interfaces", content_hash); fields && fields->size() >= 2 && (fields->size() - 2) % 4 == 0) {
      ModuleInterface result;
      result.fingerprint = (*fields)[0];
      result.layout = (*fields)[1];
      bool ok = result.fingerprint.size() == 32 && result.layout.size() == 32;
      for (size_t i = 2; ok && i < fields->size(); i += 4) {
        const std::string& kind = (*fields)[i];
        const std::string& level = (*fields)[i + 1];
        if (kind.size() != 1 || kind[0] < '0' || kind[0] > '3' || level.empty() || level.size() > 3 ||
            !std::all_of(level.begin(), level.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          ok = false;
          break;
        }
        result.references.push_back({static_cast<ModuleReference::Kind>(kind[0] - '0'),
                                     static_cast<unsigned>(std::stoul(level)), (*fields)[i + 2], (*fields)[i + 3]});
      }
      if (ok) return result;
    }
  }
  // The interface depends on the text only; a path's kind (`.pyi`) does not change the parse.
  SourceFile source(FileId(0), path, text);
  ParsedFile parsed = Parse(source);
  ModuleInterface result = ComputeModuleInterface(parsed.ast, text);
  if (folder) {
    std::vector<std::string> fields{result.fingerprint, result.layout};
    for (const ModuleReference& ref : result.references) {
      fields.push_back(std::string(1, static_cast<char>('0' + static_cast<int>(ref.kind))));
      fields.push_back(std::to_string(ref.level));
      fields.push_back(ref.module);
      fields.push_back(ref.name);
    }
    folder->Write("interfaces", content_hash, fields);
  }
  return result;
}

ResultKeys::ResultKeys(const ProgramOptions& options, const FileSystem& fs, const CacheFolder* folder, std::string salt)
    : program_(options, fs), folder_(folder), salt_(std::move(salt)), follow_embedded_(!options.typeshed.empty()) {}

ResultKeys::~ResultKeys() = default;

ModuleId ResultKeys::Note(const std::string& name, FileId file, Node* node, std::vector<std::string>* resolved) {
  ModuleResolver& resolver = program_.resolver();
  ModuleId module = file.valid() ? resolver.Resolve(name, file) : resolver.Resolve(name);
  std::string entry = name;
  entry.push_back('=');
  if (!module.valid()) {
    entry.append("?");
  } else {
    const ModuleInfo& info = program_.modules()[module];
    if (info.file.valid()) {
      entry.append(program_.source(info.file).path());
      node->deps.push_back(info.file.index());
    } else {
      entry.append(info.is_package ? "(namespace package)" : "(untyped)");
    }
  }
  resolved->push_back(std::move(entry));
  return module;
}

void ResultKeys::ResolveReference(const ModuleReference& ref, FileId file, Node* node,
                                  std::vector<std::string>* resolved) {
  ModuleResolver& resolver = program_.resolver();
  std::string base = ref.level > 0 ? resolver.ResolveRelative(file, ref.level, ref.module) : ref.module;
  // The base module and its packages.
  ModuleId module = ModuleId::None();
  for (size_t dot = 0; !base.empty();) {
    dot = base.find('.', dot);
    module = Note(base.substr(0, dot), file, node, resolved);
    if (dot == std::string::npos) break;
    ++dot;
  }
  // Below an embedded stub package, submodules are embedded stubs too (a standard library name
  // outside the checked packages never comes from the roots), which the salt covers: not probed.
  if (!follow_embedded_ && module.valid() && program_.modules()[module].file.valid() &&
      resolver.IsEmbeddedStdlibStub(program_.modules()[module].file)) {
    return;
  }
  switch (ref.kind) {
    case ModuleReference::Kind::Import:
    case ModuleReference::Kind::Star: return;
    case ModuleReference::Kind::From: {
      std::string sub = base;
      if (!sub.empty()) sub.push_back('.');
      sub.append(ref.name);
      if (base.empty() || MaySubmodule(base, module, ref.name)) {
        Note(sub, file, node, resolved);
      } else {
        resolved->push_back(sub + "=?");
      }
      return;
    }
    case ModuleReference::Kind::Attribute: {
      // `n.x.y`: a submodule x of n's package, then y of x, as long as packages continue.
      std::string current = base;
      llvm::StringRef rest(ref.name);
      while (module.valid() && program_.modules()[module].is_package && !rest.empty()) {
        auto [part, after] = rest.split('.');
        std::string package = current;
        current.push_back('.');
        current.append(part.str());
        if (!MaySubmodule(package, module, part.str())) {
          resolved->push_back(current + "=?");
          return;
        }
        module = Note(current, file, node, resolved);
        rest = after;
      }
      return;
    }
  }
}

bool ResultKeys::MaySubmodule(const std::string& package, ModuleId module, const std::string& name) {
  auto [it, inserted] = package_entries_.try_emplace(package);
  if (inserted) {
    // Every folder the resolver may look in for the package's submodules: the package's own,
    // and the package's path under each root and site-packages folder (and `-stubs` there).
    std::vector<std::string> folders;
    if (module.valid() && program_.modules()[module].file.valid()) {
      folders.push_back(ParentPath(program_.source(program_.modules()[module].file).path()));
    } else if (module.valid()) {
      it->second.insert("*");  // a namespace package: spread over folders, always resolved
    }
    std::string rel = package;
    std::replace(rel.begin(), rel.end(), '.', '/');
    std::string stubs_rel = rel.substr(0, rel.find('/')) + "-stubs" + rel.substr(std::min(rel.find('/'), rel.size()));
    const ProgramOptions& options = program_.options();
    for (const std::string& root : options.roots) folders.push_back(JoinPath(root, rel));
    for (const std::string& site : options.site_packages) {
      folders.push_back(JoinPath(site, rel));
      folders.push_back(JoinPath(site, stubs_rel));
    }
    if (!options.typeshed.empty()) folders.push_back(JoinPath(JoinPath(options.typeshed, "stdlib"), rel));
    for (const std::string& folder : folders) {
      for (const std::string& entry : program_.fs().List(folder)) {
        it->second.insert(llvm::StringRef(entry).split('.').first);  // x.py, x.pyi, x/, x.cpython-...so
      }
    }
  }
  return it->second.count("*") || it->second.count(name);
}

ResultKeys::Node& ResultKeys::NodeOf(FileId file) {
  Node& node = nodes_[file.index()];
  if (node.ready) return node;
  node.ready = true;
  const SourceFile& source = program_.source(file);
  if (!follow_embedded_ && program_.resolver().IsEmbeddedStdlibStub(file)) {
    node.hash = "embedded:" + source.path();  // the salt covers them
    return node;
  }
  if (source.text().size() > kMaxCachedFileSize) {
    node.cacheable = false;
    return node;
  }
  std::string content_hash = HashHex(source.text());
  content_hashes_[source.path()] = content_hash;
  auto prefetched = prefetched_.find(content_hash);
  ModuleInterface interface = prefetched != prefetched_.end()
                                  ? prefetched->second
                                  : InterfaceOf(folder_, source.path(), source.text(), content_hash);
  layouts_[source.path()] = {file.index(), interface.fingerprint + interface.layout};
  Node built;
  std::vector<std::string> resolved{source.path(), interface.fingerprint};
  for (const ModuleReference& ref : interface.references) ResolveReference(ref, file, &built, &resolved);
  // `nodes_` may have grown (resolving loads files, not nodes), but look the node up again.
  Node& again = nodes_[file.index()];
  again.deps = std::move(built.deps);
  std::sort(again.deps.begin(), again.deps.end());
  again.deps.erase(std::unique(again.deps.begin(), again.deps.end()), again.deps.end());
  again.hash = HashStrings(resolved);
  return again;
}

void ResultKeys::Prefetch(const std::vector<std::string>& paths, unsigned threads) {
  std::atomic<size_t> next{0};
  std::mutex mutex;
  auto work = [&] {
    for (size_t i = next++; i < paths.size(); i = next++) {
      std::string error;
      std::optional<std::string> text = program_.fs().Read(paths[i], &error);
      if (!text || text->size() > kMaxCachedFileSize) continue;
      std::string hash = HashHex(*text);
      ModuleInterface interface = InterfaceOf(folder_, paths[i], *text, hash);
      std::lock_guard<std::mutex> lock(mutex);
      prefetched_.try_emplace(hash, std::move(interface));
    }
  };
  constexpr unsigned kStackSize = 512u << 20;  // reserved, not committed: the parse recurses
  std::vector<std::unique_ptr<llvm::thread>> workers;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) {
    workers.push_back(std::make_unique<llvm::thread>(llvm::Optional<unsigned>(kStackSize), work));
  }
  for (auto& w : workers) w->join();
}

std::optional<std::string> ResultKeys::KeyOf(const std::string& path) {
  std::string error;
  FileId file = program_.LoadFile(path, &error);
  if (!file.valid()) return std::nullopt;
  if (!implicit_) {
    Node implicit;
    implicit.ready = true;
    std::vector<std::string> resolved;
    for (const char* name : kImplicitModules) Note(name, FileId::None(), &implicit, &resolved);
    implicit.hash = HashStrings(resolved);
    implicit_ = std::move(implicit);
  }
  // The transitive closure, breadth first; the key hashes its nodes in a fixed order.
  std::vector<uint32_t> queue{file.index()};
  for (uint32_t dep : implicit_->deps) queue.push_back(dep);
  llvm::DenseSet<uint32_t> seen(queue.begin(), queue.end());
  std::vector<std::string> parts;
  for (size_t i = 0; i < queue.size(); ++i) {
    Node& node = NodeOf(FileId(queue[i]));
    if (!node.cacheable) return std::nullopt;
    parts.push_back(node.hash);
    for (uint32_t dep : node.deps) {
      if (seen.insert(dep).second) queue.push_back(dep);
    }
  }
  // The file itself: its own node first (path, interface, references), then its whole text.
  std::string first = parts.front();
  std::sort(parts.begin() + 1, parts.end());
  parts.front() = first;
  parts.insert(parts.begin(), {salt_, path, content_hashes_.lookup(program_.source(file).path()), implicit_->hash});
  return HashStrings(parts);
}

std::string ResultKeys::ContentHashOf(const std::string& path) const { return content_hashes_.lookup(path); }

std::string ResultKeys::ShownLineStamp(const std::string& path, uint32_t line) const {
  auto it = layouts_.find(path);
  if (it == layouts_.end() || line == 0) return "";
  llvm::StringRef text(program_.source(FileId(it->second.first)).text());
  for (uint32_t l = 1; l < line; ++l) {
    size_t end = text.find('\n');
    if (end == llvm::StringRef::npos) return "";
    text = text.drop_front(end + 1);
  }
  return HashStrings({it->second.second, text.take_until([](char c) { return c == '\n'; }).str()});
}

}  // namespace asynctype
