#include "server/features.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "checker/check/suppressions.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/index.h"
#include "checker/types/type_store.h"
#include "server/ast_lookup.h"
#include "server/document.h"
#include "server/quick_fixes.h"
#include "server/uri.h"

namespace asynctype::lsp {

namespace {

bool IsHoverable(const Ast& ast, NodeId id) {
  NodeKind k = ast.kind(id);
  return IsExpression(k) || k == NodeKind::Identifier || k == NodeKind::Parameter;
}

// The node under the cursor: at the offset, or just before it (a cursor right after a name).
NodeId NodeUnderCursor(const Ast& ast, uint32_t offset) {
  auto accept = [&](NodeId id) { return IsHoverable(ast, id); };
  NodeId node = InnermostAt(ast, offset, accept);
  if (!node.valid() && offset > 0) node = InnermostAt(ast, offset - 1, accept);
  return node;
}

// The text range of a node's name: a Parameter's node also spans stars, annotation and default.
TextRange NameRange(const Ast& ast, const std::string& text, NodeId node) {
  TextRange r = ast.range(node);
  if (ast.kind(node) == NodeKind::Parameter) {
    std::string name = ast.str(node).str();
    size_t at = text.find(name, r.start);
    if (!name.empty() && at != std::string::npos && at + name.size() <= r.end) {
      return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
    }
  }
  return r;
}

// The type shown for a node, or None when it has none.
std::optional<TypeId> TypeOfNode(FileInference& inference, const std::vector<NodeId>& parents, NodeId node) {
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  NodeKind kind = ast.kind(node);
  if (kind == NodeKind::Identifier || kind == NodeKind::Parameter) {
    DefinitionId def = index.DefinitionOf(node);
    if (def.valid()) return inference.DefinitionType(def);
    NodeId parent = parents[node.index()];
    if (parent.valid() && ast.kind(parent) == NodeKind::Attribute && index.ScopeOf(parent).valid()) {
      return inference.ExprType(parent);
    }
    return std::nullopt;
  }
  if (!index.ScopeOf(node).valid()) return std::nullopt;  // unreachable code
  return inference.ExprType(node);
}

json Location(const Analysis& analysis, const std::string& path, DocumentLines lines, TextRange range) {
  return {{"uri", analysis.UriFor(path)}, {"range", RangeOf(lines, range.start, range.end)}};
}

// Definitions are reported only in files the user can open (not the bundled stubs).
bool IsOnDisk(Program& program, FileId file) {
  return program.fs().Stat(program.source(file).path()) == PathKind::File;
}

class DefinitionFinder {
 public:
  explicit DefinitionFinder(Analysis& analysis)
      : analysis_(analysis), program_(analysis.program()), store_(program_.types()) {}

  json Result() const { return locations_.empty() ? json(nullptr) : json(locations_); }

  void AddRange(FileId file, TextRange range) {
    if (!file.valid() || !IsOnDisk(program_, file)) return;
    const SourceFile& src = program_.source(file);
    json loc = Location(analysis_, src.path(), analysis_.LinesOf(src), range);
    if (std::find(locations_.begin(), locations_.end(), loc) == locations_.end()) locations_.push_back(loc);
  }

  void AddModule(const std::string& name) {
    if (name.empty()) return;
    ModuleId module = program_.resolver().Resolve(name);
    if (!module.valid()) return;
    FileId file = program_.modules()[module].file;
    if (file.valid()) AddRange(file, {0, 0});
  }

  // A definition, following imports to what they import.
  void AddDefinition(FileId file, DefinitionId def_id, int depth = 0) {
    if (!def_id.valid() || depth > 16) return;
    const SemanticIndex& index = program_.index(file);
    const Ast& ast = program_.parsed(file).ast;
    const Definition& def = index.definition(def_id);
    if (def.kind == DefinitionKind::ImportFrom && ast.kind(def.statement) == NodeKind::ImportFrom) {
      if (FollowImportFrom(file, def, depth)) return;
    } else if (def.kind == DefinitionKind::Import) {
      AliasView alias{ast, def.node};
      NodeId name = alias.name();
      NodeId asname = alias.asname();
      if (name.valid()) {
        std::string module = ast.str(name).str();
        if (!asname.valid()) module = module.substr(0, module.find('.'));
        size_t before = locations_.size();
        AddModule(module);
        if (locations_.size() > before) return;
      }
    }
    NodeId target = def.target.valid() ? def.target : def.node;
    if (target.valid()) AddRange(file, NameRange(ast, program_.source(file).text(), target));
  }

  // The public definitions of `name` in a module file.
  bool AddModuleSymbol(FileId file, llvm::StringRef name, int depth) {
    const SemanticIndex& index = program_.index(file);
    SymbolId symbol = index.LookupSymbol(index.module_scope(), name);
    if (!symbol.valid()) return false;
    size_t before = locations_.size();
    for (DefinitionId d : index.PublicDefinitions(symbol)) AddDefinition(file, d, depth + 1);
    return locations_.size() > before;
  }

  // The definitions of a type's object (function, class, module), for attributes.
  bool AddType(TypeId type, int depth = 0) {
    if (!type.valid() || depth > 8) return false;
    size_t before = locations_.size();
    switch (store_.kind(type)) {
      case TypeKind::Function: {
        const FunctionInfo& fn = store_.function(FunctionTypeView{store_, type}.function());
        if (fn.file.valid() && fn.node.valid()) {
          AddRange(fn.file, program_.parsed(fn.file).ast.range(FunctionDefView{program_.parsed(fn.file).ast, fn.node}.name()));
        }
        break;
      }
      case TypeKind::BoundMethod: AddType(BoundMethodTypeView{store_, type}.function(), depth + 1); break;
      case TypeKind::Overloaded: {
        for (TypeId t : OverloadedTypeView{store_, type}.overloads()) AddType(t, depth + 1);
        break;
      }
      case TypeKind::ClassLiteral: {
        const ClassInfo& cls = store_.cls(store_.ClassOf(type));
        if (cls.file.valid() && cls.node.valid()) {
          const Ast& ast = program_.parsed(cls.file).ast;
          AddRange(cls.file, ast.range(ClassDefView{ast, cls.node}.name()));
        }
        break;
      }
      case TypeKind::Module: {
        FileId file = program_.modules()[ModuleTypeView{store_, type}.module()].file;
        if (file.valid()) AddRange(file, {0, 0});
        break;
      }
      default: break;
    }
    return locations_.size() > before;
  }

  // `obj.attr`: the member's own definition, looked up in the object's module or class.
  void AddAttribute(FileInference& inference, NodeId attribute) {
    const Ast& ast = inference.ast();
    NodeId value = AttributeView{ast, attribute}.value();
    NodeId attr = AttributeView{ast, attribute}.attr();
    if (!value.valid() || !attr.valid()) return;
    llvm::StringRef name = ast.str(attr);
    TypeId object = inference.ExprType(value);
    switch (store_.kind(object)) {
      case TypeKind::Module: {
        FileId file = program_.modules()[ModuleTypeView{store_, object}.module()].file;
        if (file.valid() && AddModuleSymbol(file, name, 0)) return;
        break;
      }
      case TypeKind::Instance:
      case TypeKind::ClassLiteral: {
        const ClassInfo& cls = store_.cls(store_.ClassOf(object));
        std::vector<ClassId> classes;
        for (TypeId base : cls.mro) {
          if (store_.kind(base) == TypeKind::Instance) classes.push_back(store_.ClassOf(base));
        }
        if (classes.empty()) classes.push_back(store_.ClassOf(object));
        for (ClassId c : classes) {
          if (AddClassMember(c, name)) return;
        }
        break;
      }
      default: break;
    }
    AddType(inference.ExprType(attribute));
  }

 private:
  bool AddClassMember(ClassId class_id, llvm::StringRef name) {
    const ClassInfo& cls = store_.cls(class_id);
    if (!cls.file.valid() || !cls.node.valid()) return false;
    const SemanticIndex& index = program_.index(cls.file);
    ScopeId scope = index.ScopeOpenedBy(cls.node);
    if (!scope.valid()) return false;
    size_t before = locations_.size();
    SymbolId symbol = index.LookupSymbol(scope, name);
    if (symbol.valid()) {
      for (DefinitionId d : index.PublicDefinitions(symbol)) AddDefinition(cls.file, d, 1);
    }
    if (locations_.size() == before) {
      const auto& attrs = index.scope(scope).instance_attributes;
      auto it = attrs.find(name);
      if (it != attrs.end()) {
        const Ast& ast = program_.parsed(cls.file).ast;
        for (const auto& [statement, target] : it->second) {
          NodeId ident = AttributeView{ast, target}.attr();  // `self.name`
          AddRange(cls.file, ast.range(ident.valid() ? ident : target));
          break;  // the first assignment
        }
      }
    }
    return locations_.size() > before;
  }

  bool FollowImportFrom(FileId file, const Definition& def, int depth) {
    const Ast& ast = program_.parsed(file).ast;
    NodeId stmt = def.statement;
    NodeId module_node = ImportFromView{ast, stmt}.module();
    std::string module_name = module_node.valid() ? ast.str(module_node).str() : "";
    unsigned level = ast.node(stmt).data;
    if (level > 0) module_name = program_.resolver().ResolveRelative(file, level, module_name);
    NodeId name = AliasView{ast, def.node}.name();
    if (!name.valid()) return false;
    llvm::StringRef member = ast.str(name);
    ModuleId module = program_.resolver().Resolve(module_name);
    if (module.valid()) {
      FileId target = program_.modules()[module].file;
      if (target.valid() && target != file && AddModuleSymbol(target, member, depth)) return true;
    }
    size_t before = locations_.size();
    AddModule(module_name.empty() ? member.str() : module_name + "." + member.str());
    return locations_.size() > before;
  }

  Analysis& analysis_;
  Program& program_;
  TypeStore& store_;
  std::vector<json> locations_;
};

// The module named by the dotted text of an import's Identifier, up to the component under the
// cursor (`import a.b.c` with the cursor on `b`: `a.b`).
std::string ModulePrefixAt(llvm::StringRef dotted, uint32_t offset_in_text) {
  size_t end = dotted.find('.', offset_in_text);
  return (end == llvm::StringRef::npos ? dotted : dotted.substr(0, end)).str();
}

bool IsSuppressible(const std::string& rule) {
  std::optional<Rule> r = FindRule(rule);
  return r && GetRuleInfo(*r).is_lint;
}

json InsertEdit(DocumentLines lines, uint32_t offset, const std::string& text) {
  return {{"range", RangeOf(lines, offset, offset)}, {"newText", text}};
}

json QuickFix(const std::string& title, const std::string& uri, const json& edits, const json& diagnostic, bool preferred) {
  json action = {{"title", title},
                 {"kind", "quickfix"},
                 {"diagnostics", json::array({diagnostic})},
                 {"edit", {{"changes", {{uri, edits.is_array() ? edits : json::array({edits})}}}}}};
  if (preferred) action["isPreferred"] = true;
  return action;
}

}  // namespace

json DiagnosticsJson(Analysis& analysis) {
  json out = json::array();
  Program& program = analysis.program();
  const SourceFile* source = analysis.ok() ? &program.source(analysis.file()) : nullptr;
  LineIndex empty_lines("");
  DocumentLines lines = source ? analysis.LinesOf(*source) : DocumentLines{&empty_lines};
  uint32_t size = source ? static_cast<uint32_t>(source->text().size()) : 0;
  for (const Diagnostic& d : analysis.diagnostics()) {
    if (d.file.valid() && d.file != analysis.file()) continue;
    uint32_t start = std::min(d.range.start, size), end = std::min(std::max(d.range.end, d.range.start), size);
    json item = {{"range", RangeOf(lines, start, end)},
                 {"severity", d.severity == Severity::Error ? 1 : d.severity == Severity::Warning ? 2 : 3},
                 {"code", std::string(GetRuleInfo(d.rule).name)},
                 {"source", "asynctype"},
                 {"message", d.ConciseMessage()}};
    json related = json::array();
    for (const Annotation& a : d.secondary) {
      if (!program.has_file(a.file) || !IsOnDisk(program, a.file)) continue;
      const SourceFile& other = program.source(a.file);
      related.push_back({{"location", Location(analysis, other.path(), analysis.LinesOf(other), a.range)},
                         {"message", a.message.empty() ? d.message : a.message}});
    }
    if (!related.empty()) item["relatedInformation"] = related;
    if (d.rule == Rule::UnusedIgnoreComment) item["tags"] = json::array({1});  // Unnecessary
    out.push_back(std::move(item));
  }
  return out;
}

json Hover(Analysis& analysis, const json& position) {
  if (!analysis.ok()) return nullptr;
  Program& program = analysis.program();
  FileId file = analysis.file();
  const SourceFile& source = program.source(file);
  FileInference& inference = program.inference(file);
  const Ast& ast = inference.ast();
  uint32_t offset = OffsetOf(analysis.LinesOf(source), position);
  NodeId node = NodeUnderCursor(ast, offset);
  if (!node.valid()) return nullptr;
  std::vector<NodeId> parents = Parents(ast);
  std::optional<TypeId> type = TypeOfNode(inference, parents, node);
  if (!type || !type->valid()) return nullptr;
  TypeStore& store = program.types();
  std::string text = "```python\n" + inference.Display(*type) + "\n```";
  if (!store.IsDynamic(*type) && store.kind(*type) != TypeKind::Never && store.kind(*type) != TypeKind::NoneType) {
    AwaitResult awaited = TryAwait(program, *type);
    if (awaited.error == AwaitError::None && awaited.type.valid()) {
      text += "\n---\nawaits to `" + inference.Display(awaited.type) + "`";
    }
  }
  TextRange range = NameRange(ast, source.text(), node);
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", RangeOf(analysis.LinesOf(source), range.start, range.end)}};
}

json GoToDefinition(Analysis& analysis, const json& position) {
  if (!analysis.ok()) return nullptr;
  Program& program = analysis.program();
  FileId file = analysis.file();
  const SourceFile& source = program.source(file);
  FileInference& inference = program.inference(file);
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  uint32_t offset = OffsetOf(analysis.LinesOf(source), position);
  NodeId node = NodeUnderCursor(ast, offset);
  if (!node.valid()) return nullptr;
  if (offset >= ast.range(node).end && offset > 0) offset = ast.range(node).end - 1;
  std::vector<NodeId> parents = Parents(ast);
  NodeId parent = parents[node.index()];
  DefinitionFinder finder(analysis);

  switch (ast.kind(node)) {
    case NodeKind::Name: {
      if (!index.ScopeOf(node).valid()) break;
      DefinitionId own = index.DefinitionOf(node);
      if (own.valid()) {
        finder.AddDefinition(file, own);
        break;
      }
      bool found = false;
      if (const UseRecord* use = index.UseOf(node)) {
        for (const Binding& b : use->bindings) {
          if (b.def.valid()) {
            finder.AddDefinition(file, b.def);
            found = true;
          }
        }
      }
      if (!found) {
        SemanticIndex::Resolution res =
            index.ResolveName(index.ScopeOf(node), ast.str(node), ast.range(node).start, index.InLoop(node), false);
        if (res.kind == SemanticIndex::Resolution::Kind::Found) {
          for (DefinitionId d : res.definitions) finder.AddDefinition(file, d);
        }
      }
      if (finder.Result().is_null()) finder.AddType(inference.ExprType(node));
      break;
    }
    case NodeKind::Identifier: {
      if (parent.valid() && ast.kind(parent) == NodeKind::Attribute) {
        if (index.ScopeOf(parent).valid()) finder.AddAttribute(inference, parent);
        break;
      }
      uint32_t in_text = offset - ast.range(node).start;
      if (parent.valid() && ast.kind(parent) == NodeKind::Alias && AliasView{ast, parent}.name() == node) {
        NodeId stmt = parents[parent.index()];
        if (stmt.valid() && ast.kind(stmt) == NodeKind::Import) {
          finder.AddModule(ModulePrefixAt(ast.str(node), in_text));
          break;
        }
      }
      if (parent.valid() && ast.kind(parent) == NodeKind::ImportFrom && ImportFromView{ast, parent}.module() == node) {
        std::string module = ModulePrefixAt(ast.str(node), in_text);
        unsigned level = ast.node(parent).data;
        if (level > 0) module = program.resolver().ResolveRelative(file, level, module);
        finder.AddModule(module);
        break;
      }
      DefinitionId def = index.DefinitionOf(node);
      if (def.valid()) finder.AddDefinition(file, def);
      break;
    }
    case NodeKind::Parameter: {
      DefinitionId def = index.DefinitionOf(node);
      if (def.valid()) finder.AddDefinition(file, def);
      break;
    }
    case NodeKind::Attribute:
      if (index.ScopeOf(node).valid()) finder.AddAttribute(inference, node);
      break;
    default: break;
  }
  return finder.Result();
}

json InlayHints(Analysis& analysis, const json& range) {
  json hints = json::array();
  if (!analysis.ok()) return hints;
  Program& program = analysis.program();
  FileId file = analysis.file();
  const SourceFile& source = program.source(file);
  FileInference& inference = program.inference(file);
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  uint32_t start = 0, end = static_cast<uint32_t>(source.text().size());
  if (range.is_object()) {
    start = OffsetOf(analysis.LinesOf(source), range.value("start", json::object()));
    end = OffsetOf(analysis.LinesOf(source), range.value("end", json::object()));
    if (start > end) std::swap(start, end);
  }
  TypeStore& store = program.types();
  for (uint32_t i = 1; i < ast.size(); ++i) {
    NodeId stmt(i);
    if (ast.kind(stmt) != NodeKind::Assign || AssignView{ast, stmt}.targets().size() != 1) continue;
    NodeId target = AssignView{ast, stmt}.targets()[0];
    if (!target.valid() || ast.kind(target) != NodeKind::Name) continue;
    TextRange r = ast.range(target);
    if (r.end < start || r.start > end) continue;
    DefinitionId def = index.DefinitionOf(target);
    if (!def.valid() || !index.ScopeOf(target).valid()) continue;
    TypeId type = inference.DefinitionType(def);
    if (!type.valid() || store.kind(type) == TypeKind::Unknown) continue;
    hints.push_back({{"position", PositionOf(analysis.LinesOf(source), r.end)},
                     {"label", ": " + inference.Display(type)},
                     {"kind", 1}});
  }
  std::sort(hints.begin(), hints.end(), [](const json& a, const json& b) {
    auto key = [](const json& h) {
      return std::make_pair(h["position"]["line"].get<uint32_t>(), h["position"]["character"].get<uint32_t>());
    };
    return key(a) < key(b);
  });
  return hints;
}

json CodeActions(Analysis& analysis, const CodeActionParams& params) {
  json actions = json::array();
  if (!analysis.ok()) return actions;
  const std::string& uri = params.text_document.uri;
  const json& context = params.context;
  if (context.contains("only") && context["only"].is_array()) {
    bool wanted = false;
    for (const json& kind : context["only"]) {
      if (kind.is_string() && (kind == "quickfix" || kind.get<std::string>().empty())) wanted = true;
    }
    if (!wanted) return actions;
  }
  Program& program = analysis.program();
  FileId file = analysis.file();
  const SourceFile& source = program.source(file);
  DocumentLines lines = analysis.LinesOf(source);
  const Ast& ast = program.parsed(file).ast;

  json diagnostics = json::array();
  if (context.contains("diagnostics") && context["diagnostics"].is_array()) {
    for (const json& d : context["diagnostics"]) {
      if (d.is_object() && d.value("source", std::string("asynctype")) == "asynctype") diagnostics.push_back(d);
    }
  }
  if (diagnostics.empty() && !(context.contains("diagnostics") && context["diagnostics"].is_array() &&
                               !context["diagnostics"].empty())) {
    // No diagnostics named: ours overlapping the requested range.
    const json& range = params.range;
    uint32_t start = OffsetOf(lines, range.value("start", json::object()));
    uint32_t end = OffsetOf(lines, range.value("end", json::object()));
    json all = DiagnosticsJson(analysis);
    for (const json& d : all) {
      uint32_t ds = OffsetOf(lines, d["range"]["start"]), de = OffsetOf(lines, d["range"]["end"]);
      if (ds <= end && de >= start) diagnostics.push_back(d);
    }
  }

  std::vector<std::pair<uint32_t, std::string>> ignore_done;  // (line, rule)
  for (const json& d : diagnostics) {
    if (!d.contains("range") || !d["range"].is_object()) continue;
    std::string rule = d.contains("code") && d["code"].is_string() ? d["code"].get<std::string>() : "";
    std::string message = d.value("message", std::string());
    uint32_t start = OffsetOf(lines, d["range"].value("start", json::object()));

    if (rule == "unused-coroutine" || rule == "unused-awaitable") {
      actions.push_back(QuickFix("Add `await`", uri, InsertEdit(lines, start, "await "), d, true));
    }
    if (rule == "truthy-coroutine" || rule == "formatted-coroutine") {
      // The diagnostic starts at the coroutine expression; `await` is valid only directly in an
      // `async def` (not in a lambda or a nested plain function).
      NodeId scope = InnermostAt(ast, start, [&](NodeId id) {
        return ast.kind(id) == NodeKind::FunctionDef || ast.kind(id) == NodeKind::Lambda;
      });
      if (scope.valid() && ast.kind(scope) == NodeKind::FunctionDef && FunctionDefView{ast, scope}.is_async()) {
        actions.push_back(QuickFix("Add `await`", uri, InsertEdit(lines, start, "await "), d, true));
      }
    }
    uint32_t end = OffsetOf(lines, d["range"].value("end", json::object()));
    auto rewrite = [&](const char* title, const std::vector<TextEdit>& edits) {
      if (edits.empty()) return;
      json changes = json::array();
      for (const TextEdit& e : edits) changes.push_back({{"range", RangeOf(lines, e.start, e.end)}, {"newText", e.text}});
      actions.push_back(QuickFix(title, uri, changes, d, true));
    };
    if (rule == "unused-task") {
      rewrite("Keep a reference to the task", KeepTaskReferenceEdits(ast, source.text(), {start, end}));
    }
    if (rule == "blocking-call") {
      rewrite("Wrap in `asyncio.to_thread`", WrapInToThreadEdits(ast, source.text(), {start, end}));
    }
    if (rule == "invalid-syntax" && message.find("outside of an asynchronous function") != std::string::npos) {
      // The innermost plain `def` around the diagnostic.
      NodeId fn = InnermostAt(ast, start, [&](NodeId id) { return ast.kind(id) == NodeKind::FunctionDef; });
      if (fn.valid() && !FunctionDefView{ast, fn}.is_async()) {
        NodeId name = FunctionDefView{ast, fn}.name();
        uint32_t pos = ast.range(name).start;
        const std::string& text = source.text();
        while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t' || text[pos - 1] == '\\' ||
                           text[pos - 1] == '\n' || text[pos - 1] == '\r')) {
          --pos;
        }
        if (pos >= 3 && text.compare(pos - 3, 3, "def") == 0) {
          actions.push_back(QuickFix("Make the enclosing function `async`", uri,
                                     InsertEdit(lines, pos - 3, "async "), d, true));
        }
      }
    }
    if (IsSuppressible(rule)) {
      uint32_t line = lines.index->LineOf(start);
      if (std::find(ignore_done.begin(), ignore_done.end(), std::make_pair(line, rule)) != ignore_done.end()) continue;
      ignore_done.emplace_back(line, rule);
      uint32_t line_end = lines.index->LineEnd(line);
      json edit;
      // An `asynctype: ignore[...]` already on the line: add the rule to it.
      for (const Comment& c : ast.comments()) {
        if (lines.index->LineOf(c.range.start) != line) continue;
        std::string_view comment = std::string_view(source.text()).substr(c.range.start, c.range.length());
        if (std::optional<TextRange> list = FindIgnoreRuleList(comment, c.range.start)) {
          std::string_view codes = std::string_view(source.text()).substr(list->start, list->length());
          bool blank = codes.find_first_not_of(" \t") == std::string_view::npos;
          edit = InsertEdit(lines, list->end, blank ? rule : ", " + rule);
          break;
        }
      }
      if (edit.is_null()) edit = InsertEdit(lines, line_end, "  # asynctype: ignore[" + rule + "]");
      actions.push_back(QuickFix("Ignore `" + rule + "` on this line", uri, edit, d, false));
    }
  }
  return actions;
}

}  // namespace asynctype::lsp
