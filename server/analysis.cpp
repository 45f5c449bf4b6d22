#include "server/analysis.h"

#include <algorithm>
#include <filesystem>

#include "checker/check/check_file.h"
#include "checker/check/suppressions.h"
#include "checker/infer/file_inference.h"
#include "checker/project/project_config.h"
#include "checker/semantic/index.h"
#include "checker/syntax/parse.h"
#include "server/uri.h"

namespace asynctype::lsp {
namespace stdfs = std::filesystem;

namespace {

std::string Absolute(const std::string& path) {
  std::error_code ec;
  stdfs::path p = stdfs::absolute(path, ec);
  return NormalizePath(ec ? path : p.lexically_normal().string());
}

void AddRoot(std::vector<std::string>* roots, const std::string& root) {
  if (root.empty()) return;
  std::string r = Absolute(root);
  if (std::find(roots->begin(), roots->end(), r) == roots->end()) roots->push_back(r);
}

std::set<std::string> BomPaths(const std::map<std::string, std::string>& documents) {
  std::set<std::string> paths;
  for (const auto& [path, text] : documents) {
    if (StartsWithBom(text)) paths.insert(path);
  }
  return paths;
}

}  // namespace

std::string ImportRootFor(const FileSystem& fs, const std::string& file_path) {
  std::string dir = NormalizePath(ParentPath(file_path));
  for (int guard = 0; guard < 256; ++guard) {
    if (fs.Stat(JoinPath(dir, "__init__.py")) != PathKind::File && fs.Stat(JoinPath(dir, "__init__.pyi")) != PathKind::File) {
      break;
    }
    std::string parent = NormalizePath(JoinPath(dir, ".."));
    if (parent == dir) break;
    dir = parent;
  }
  return dir;
}

Analysis::Analysis(const std::string& path, OverlayDocuments documents,
                   const std::vector<std::string>& workspace_roots, std::string* log,
                   std::map<std::string, std::string> uris, std::shared_ptr<ParseCache> parse_cache,
                   std::function<bool()> cancelled)
    : path_(path), uris_(std::move(uris)), bom_paths_(BomPaths(documents.texts)), fs_(std::move(documents)) {
  // Configuration: the nearest one above the document, read like the CLI reads it.
  ProjectConfig config;
  std::string config_path = FindProjectConfig(ParentPath(path));
  if (!config_path.empty()) {
    std::string error;
    std::optional<ProjectConfig> loaded = LoadProjectConfig(config_path, &error);
    if (loaded) {
      config = std::move(*loaded);
    } else if (log) {
      *log = "asynctype: " + error + " (using the default configuration)";
    }
  }

  ProgramOptions options;
  options.python_version = config.python_version.value_or(PythonVersion{3, 12});
  std::vector<std::string> roots;
  AddRoot(&roots, ImportRootFor(fs_, path));
  for (const std::string& r : config.src) AddRoot(&roots, r);
  for (const std::string& r : config.extra_paths) AddRoot(&roots, r);
  for (const std::string& r : workspace_roots) AddRoot(&roots, r);
  options.roots = roots;
  if (!config.typeshed.empty()) {
    std::string typeshed = Absolute(config.typeshed);
    if (fs_.Stat(JoinPath(typeshed, "stdlib")) == PathKind::Directory) {
      options.typeshed = typeshed;
    } else if (log && log->empty()) {
      *log = "asynctype: " + config.path + ": `typeshed` folder `" + config.typeshed + "` has no `stdlib` folder";
    }
  }
  options.parse_cache = std::move(parse_cache);
  options.cancelled = std::move(cancelled);
  program_ = std::make_unique<Program>(options, fs_);

  std::string error;
  file_ = program_->LoadFile(path, &error);
  if (!file_.valid()) {
    diagnostics_.push_back(MakeDiagnostic(Rule::Io, FileId::None(), {}, "Failed to read `" + path + "`: " + error));
    return;
  }
  diagnostics_ = CheckFile(*program_, file_);
  config.rules.Apply(&diagnostics_);
  ApplySuppressions(program_->parsed(file_).ast, program_->source(file_), config.rules, &diagnostics_);
}

Analysis::~Analysis() = default;

std::string ModuleInterface(Analysis& analysis) {
  Program& program = analysis.program();
  const SemanticIndex& index = program.index(analysis.file());
  const Ast& ast = program.parsed(analysis.file()).ast;
  FileInference& inference = program.inference(analysis.file());
  std::vector<std::string> entries;
  auto add = [&](const std::string& owner, llvm::StringRef name, std::optional<TypeId> type) {
    entries.push_back(owner + name.str() + ": " + (type ? inference.Display(*type) : std::string("?")));
  };
  for (const auto& entry : index.scope(index.module_scope()).symbols) {
    add("", entry.getKey(), inference.ModuleSymbolType(entry.getKey()));
  }
  for (size_t i = 0; i < index.scope_count(); ++i) {
    ScopeId id(static_cast<uint32_t>(i));
    const Scope& scope = index.scope(id);
    if (scope.kind != ScopeKind::Class || scope.parent != index.module_scope()) continue;
    std::string owner = ast.str(ClassDefView{ast, scope.node}.name()).str() + ".";
    for (const auto& entry : scope.symbols) add(owner, entry.getKey(), inference.ScopeSymbolType(id, entry.getKey()));
    for (const auto& entry : scope.instance_attributes) {
      add(owner + "self.", entry.getKey(), inference.InstanceAttributeType(id, entry.getKey()));
    }
  }
  std::sort(entries.begin(), entries.end());
  std::string text;
  for (const std::string& e : entries) text += e + "\n";
  return text;
}

std::string Analysis::UriFor(const std::string& path) const {
  auto it = uris_.find(path);
  return it != uris_.end() ? it->second : PathToUri(path);
}

}  // namespace asynctype::lsp
