#include "server/analysis.h"

#include <algorithm>

#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/project/check_for_user.h"
#include "checker/project/session.h"
#include "checker/semantic/index.h"
#include "checker/syntax/parse.h"
#include "server/uri.h"

namespace asynctype::lsp {

namespace {

std::set<std::string> BomPaths(const std::map<std::string, std::string>& documents) {
  std::set<std::string> paths;
  for (const auto& [path, text] : documents) {
    if (StartsWithBom(text)) paths.insert(path);
  }
  return paths;
}

}  // namespace

Analysis::Analysis(const std::string& path, OverlayDocuments documents,
                   const std::vector<std::string>& workspace_roots, std::string* log,
                   std::map<std::string, std::string> uris, std::shared_ptr<ParseCache> parse_cache,
                   std::function<bool()> cancelled, DiskCache* disk_cache)
    : path_(path),
      uris_(std::move(uris)),
      bom_paths_(BomPaths(documents.texts)),
      fs_(std::move(documents), disk_cache) {
  // Configured like `asynctype check`, from the nearest configuration above the document; a
  // problem is logged and the defaults stay in place.
  SessionRequest request;
  request.kind = SessionKind::Editor;
  request.config_search_dir = ParentPath(path);
  request.paths = {path};
  request.workspace_roots = workspace_roots;
  Session session = OpenSession(request, fs_);
  if (log && !session.problems.empty()) {
    const SessionProblem& problem = session.problems.front();
    *log = "asynctype: " + problem.message;
    if (problem.kind == SessionProblem::Kind::BadConfig) *log += " (using the default configuration)";
  }
  for (const std::string& line : DescribeEnvironment(session.environment)) environment_ += line + "\n";
  environment_ += "  Python version used: " + session.program_options.python_version.ToString();
  ProgramOptions options = std::move(session.program_options);
  options.parse_cache = std::move(parse_cache);
  options.cancelled = std::move(cancelled);
  if (disk_cache) options.third_party_fs = std::make_shared<CachedDiskFileSystem>(disk_cache);
  program_ = std::make_unique<Program>(options, fs_);

  UserFileCheck check = CheckFileForUser(*program_, path, session.levels);
  file_ = check.file;
  diagnostics_ = std::move(check.diagnostics);
}

Analysis::~Analysis() = default;

std::string ModuleInterface(Analysis& analysis) {
  Program& program = analysis.program();
  const SemanticIndex& index = program.index(analysis.file());
  const Ast& ast = program.parsed(analysis.file()).ast;
  FileInference& inference = program.inference(analysis.file());
  std::vector<std::string> entries;
  TypeStore& store = program.types();
  auto add = [&](const std::string& owner, llvm::StringRef name, std::optional<TypeId> type) {
    std::string text = type ? inference.Display(*type) : std::string("?");
    // A function without a return annotation returns what its body returns: a body edit may
    // change what importers see.
    if (type && store.kind(*type) == TypeKind::Function) {
      FunctionId fn = FunctionTypeView{store, *type}.function();
      NodeId node = store.function(fn).node;
      if (store.function(fn).file == analysis.file() && node.valid() && ast.kind(node) == NodeKind::FunctionDef &&
          !FunctionDefView{ast, node}.returns().valid()) {
        text += " returns " + inference.Display(InferredReturnType(program, fn));
      }
    }
    entries.push_back(owner + name.str() + ": " + text);
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
