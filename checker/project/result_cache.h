// The warm cache of `asynctype check` (on disk, one entry per file): a file's result is reused
// when nothing it can observe changed. Types are interned per Program and not serializable, so
// what is cached is each file's rendered result, under a key that hashes:
//   - a salt: the binary (version, typeshed commit, size and modification time of the
//     executable) and every option that affects results (the caller's: `OptionsSalt`);
//   - the file's path as shown and its content;
//   - for every module in the transitive closure of its imports (and of the modules every check
//     consults: builtins, typing, asyncio...), resolved now by the checker's own resolver (so an
//     added, removed or moved module is seen): its path and interface fingerprint
//     (checker/semantic/interface_fingerprint.h), or that it does not resolve.
// The embedded stubs are covered by the salt and are not followed (unless a custom typeshed may
// replace them). A file (or dependency) over 2 MiB, or one that cannot be read, is not cached.
//
// The folder (`CacheFolder`) holds `v1/<kind>/<xx>/<hash>` entries: written to a unique temporary
// file in the same folder and renamed, so concurrent runs and crashes never leave a partial
// entry; each entry carries its key and a checksum, so an unreadable, truncated or mismatching
// one is ignored (and rewritten by the run that misses it).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/database/program.h"
#include "checker/fs/filesystem.h"
#include "checker/semantic/interface_fingerprint.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace asynctype {

// 32 hex digits (MD5) of the bytes; of several strings, each length-prefixed.
std::string HashHex(std::string_view bytes);
std::string HashStrings(const std::vector<std::string>& parts);

// An entry's bytes: a header, the key, the fields (length-prefixed), a checksum of it all.
std::string EncodeCacheEntry(std::string_view key, const std::vector<std::string>& fields);
// The fields, or nullopt when the bytes are not a whole entry for `key`.
std::optional<std::vector<std::string>> DecodeCacheEntry(std::string_view bytes, std::string_view key);

class CacheFolder {
 public:
  // Creates `dir` (with a `.gitignore` holding `*` and a `CACHEDIR.TAG`) and its `v1/` layout.
  // nullopt (and `error`) when it cannot be created or written.
  static std::optional<CacheFolder> Open(const std::string& dir, std::string* error);

  const std::string& dir() const { return dir_; }
  // `kind` names a sub-folder ("interfaces", "results"); `key` is a hash (hex).
  std::optional<std::vector<std::string>> Read(std::string_view kind, const std::string& key) const;
  // Best effort: false when it could not be written (the run goes on).
  bool Write(std::string_view kind, const std::string& key, const std::vector<std::string>& fields) const;
  // When `v1/` holds more than `limit` entries of `kind`, removes those not in `used` (and
  // leftover temporary files); returns how many were removed.
  size_t Prune(std::string_view kind, const std::vector<std::string>& used, size_t limit) const;

 private:
  explicit CacheFolder(std::string dir) : dir_(std::move(dir)) {}
  std::string PathOf(std::string_view kind, const std::string& key) const;
  std::string dir_;  // the cache folder (its `v1/` holds the entries)
};

// Files larger than this are always checked (their parse for the fingerprint would cost a check).
inline constexpr size_t kMaxCachedFileSize = 2u << 20;

// The interface of a module text: from the folder's `interfaces` entry for its content hash, or
// computed (parsed) and stored there. `folder` may be null.
ModuleInterface InterfaceOf(const CacheFolder* folder, const std::string& path, const std::string& text,
                            const std::string& content_hash);

// Computes result keys. One instance per run: it owns a Program (for the resolver; files are read
// but never indexed or inferred) and memoizes every module's resolved references.
class ResultKeys {
 public:
  ResultKeys(const ProgramOptions& options, const FileSystem& fs, const CacheFolder* folder, std::string salt);
  ~ResultKeys();

  // Reads the files and computes (or reads from the folder) their interfaces on `threads`
  // threads, ahead of KeyOf, which would otherwise parse them one after the other.
  void Prefetch(const std::vector<std::string>& paths, unsigned threads);
  // The key of the checked file's result; nullopt when it is not cached (unreadable, too large,
  // or depending on a module too large).
  std::optional<std::string> KeyOf(const std::string& path);
  // The content hash of a file read for a key (as the checker names it; empty when not read).
  std::string ContentHashOf(const std::string& path) const;
  // What a snippet of `line` (1-based) of a file read for a key shows and where: its interface
  // fingerprint and layout (so everything outside the left-out bodies stands where it stood) and
  // the line's text. Empty when the file was not read for a key.
  std::string ShownLineStamp(const std::string& path, uint32_t line) const;

 private:
  struct Node {
    bool ready = false, cacheable = true;
    std::string hash;            // path, fingerprint and resolved references
    std::vector<uint32_t> deps;  // the files the references resolve to
  };
  Node& NodeOf(FileId file);
  // Resolves `name` (importer `file`; None: as the checks do) into `node`; returns the module.
  ModuleId Note(const std::string& name, FileId file, Node* node, std::vector<std::string>* resolved);
  void ResolveReference(const ModuleReference& ref, FileId file, Node* node, std::vector<std::string>* resolved);

  // Whether `name` may be a submodule of the package (the resolved `module`): an entry of that
  // name in a folder the resolver looks in for it. Cheaper than resolving a miss, which is most
  // of them (`from pkg import SomeClass`, `pkg.function`).
  bool MaySubmodule(const std::string& package, ModuleId module, const std::string& name);

  Program program_;
  const CacheFolder* folder_;
  std::string salt_;
  bool follow_embedded_;  // a custom typeshed may replace what the embedded stubs import
  llvm::DenseMap<uint32_t, Node> nodes_;
  std::optional<Node> implicit_;  // the modules every check consults
  llvm::StringMap<std::string> content_hashes_;
  llvm::StringMap<llvm::StringSet<>> package_entries_;  // package -> names in its folders
  llvm::StringMap<ModuleInterface> prefetched_;          // content hash -> interface
  llvm::StringMap<std::pair<uint32_t, std::string>> layouts_;  // path -> (file, fingerprint + layout)
};

}  // namespace asynctype
