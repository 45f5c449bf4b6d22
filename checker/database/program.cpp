#include "checker/database/program.h"

#include "checker/base/utf8.h"
#include "checker/database/module_table.h"
#include "checker/database/file_store.h"
#include "checker/database/parse_cache.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/recursion.h"
#include "checker/semantic/index.h"
#include "checker/types/type_store.h"

namespace asynctype {

struct Program::FileState {
  std::shared_ptr<const SourceFile> source;
  std::shared_ptr<const ParsedFile> parsed;
  std::shared_ptr<const SemanticIndex> index;
  std::unique_ptr<FileInference> inference;
};

Program::Program(ProgramOptions options, const FileSystem& fs)
    : options_(std::move(options)),
      fs_(fs),
      types_(std::make_unique<TypeStore>()),
      recursion_(std::make_unique<InferenceRecursion>()) {
  for (std::string& root : options_.roots) root = NormalizePath(root);
  modules_ = std::make_unique<ModuleTable>(*types_);
  resolver_ = std::make_unique<ModuleResolver>(*this);
}

Program::~Program() = default;

std::optional<std::string> ValidateSourceText(const std::string& bytes) {
  // Whichever comes first: a NUL byte (never inside a well-formed sequence) or an ill-formed one.
  size_t nul = bytes.find('\0');
  std::optional<size_t> bad = utf8::FindIllFormed(bytes);
  if (bad && *bad < nul) return "is not valid UTF-8 (invalid byte at offset " + std::to_string(*bad) + ")";
  if (nul != std::string::npos) return "contains NUL bytes (binary file?)";
  return std::nullopt;
}

std::optional<FileId> Program::FindFile(const std::string& path) const {
  auto it = file_ids_.find(path);
  if (it == file_ids_.end()) return std::nullopt;
  return it->second;
}

FileId Program::LoadFile(const std::string& path, std::string* error) {
  std::string normalized = NormalizePath(path);
  if (auto existing = FindFile(normalized)) return *existing;
  if (options_.file_store) {
    if (std::shared_ptr<const SourceFile> shared = options_.file_store->Find(normalized)) return Adopt(std::move(shared));
  }
  std::string read_error;
  std::optional<std::string> bytes = fs_.Read(normalized, &read_error);
  if (!bytes) {
    if (error) *error = read_error;
    return FileId::None();
  }
  if (auto invalid = ValidateSourceText(*bytes)) {
    if (error) *error = *invalid;
    return FileId::None();
  }
  // A UTF-8 byte order mark is not part of the source.
  if (bytes->size() >= 3 && bytes->compare(0, 3, "\xEF\xBB\xBF") == 0) bytes->erase(0, 3);
  return AddFile(normalized, std::move(*bytes));
}

FileId Program::AddFile(const std::string& path, std::string text) {
  if (options_.file_store) return Adopt(options_.file_store->Adopt(path, std::move(text)));
  FileId id(static_cast<uint32_t>(files_.size()));
  if (options_.parse_cache) {
    return Adopt(std::make_shared<const SourceFile>(id, path, options_.parse_cache->Text(path, std::move(text))));
  }
  return Adopt(std::make_shared<const SourceFile>(id, path, std::move(text)));
}

FileId Program::Adopt(std::shared_ptr<const SourceFile> source) {
  FileId id = source->id();
  if (id.index() >= files_.size()) files_.resize(id.index() + 1);
  files_[id.index()] = std::make_unique<FileState>();
  file_ids_[source->path()] = id;
  files_[id.index()]->source = std::move(source);
  return id;
}

Program::FileState& Program::state(FileId file) { return *files_[file.index()]; }

const SourceFile& Program::source(FileId file) const { return *files_[file.index()]->source; }

const ParsedFile& Program::parsed(FileId file) {
  FileState& s = state(file);
  if (!s.parsed) {
    ThrowIfCancelled();
    if (options_.file_store) {
      s.parsed = options_.file_store->Parsed(*s.source);
    } else if (options_.parse_cache) {
      s.parsed = options_.parse_cache->Parse(*s.source);
    } else {
      s.parsed = std::make_shared<const ParsedFile>(Parse(*s.source));
    }
  }
  return *s.parsed;
}

const SemanticIndex& Program::index(FileId file) {
  FileState& s = state(file);
  if (!s.index) {
    const ParsedFile& p = parsed(file);
    ThrowIfCancelled();
    llvm::StringRef path = s.source->path();
    bool is_init = path.endswith("__init__.py") || path.endswith("__init__.pyi");
    IndexOptions options{options_.python_version, s.source->is_stub(), is_init};
    if (options_.file_store) {
      s.index = options_.file_store->Index(*s.source, options);
    } else if (options_.parse_cache) {
      s.index = options_.parse_cache->Index(*s.source, s.parsed, options);
    } else {
      s.index = std::make_shared<const SemanticIndex>(BuildIndex(p.ast, file, options));
    }
  }
  return *s.index;
}

FileInference& Program::inference(FileId file) {
  FileState& s = state(file);
  if (!s.inference) {
    index(file);
    ThrowIfCancelled();
    s.inference = std::make_unique<FileInference>(*this, file);
  }
  return *s.inference;
}


}  // namespace asynctype
