#include "server/quick_fixes.h"

#include <string_view>

#include "server/ast_lookup.h"

namespace asynctype::lsp {
namespace {

constexpr std::string_view kTaskSet = "_background_tasks";

std::string_view TextOf(const std::string& text, NodeId node, const Ast& ast) {
  TextRange r = ast.range(node);
  return std::string_view(text).substr(r.start, r.length());
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether `word` occurs as a whole identifier in `scope`.
bool MentionsWord(std::string_view scope, std::string_view word) {
  for (size_t at = scope.find(word); at != std::string_view::npos; at = scope.find(word, at + 1)) {
    bool left = at == 0 || !IsIdentChar(scope[at - 1]);
    bool right = at + word.size() >= scope.size() || !IsIdentChar(scope[at + word.size()]);
    if (left && right) return true;
  }
  return false;
}

uint32_t LineStart(const std::string& text, uint32_t offset) {
  while (offset > 0 && text[offset - 1] != '\n') --offset;
  return offset;
}

// The offset just after the newline ending the line that holds `offset` (the text's end when the
// last line has none).
uint32_t NextLineStart(const std::string& text, uint32_t offset) {
  size_t nl = text.find('\n', offset);
  return nl == std::string::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(nl + 1);
}

// Where the module imports `asyncio` and where a new import / module-level definition goes.
struct ModuleImports {
  std::string asyncio_name;    // the local name of the asyncio module, empty when not imported
  uint32_t import_point = 0;   // after the docstring and `from __future__` imports
  uint32_t after_imports = 0;  // after the leading import block (import_point when none)
  bool has_task_set = false;   // `_background_tasks` already defined at module level
};

ModuleImports ScanModule(const Ast& ast, const std::string& text) {
  ModuleImports out;
  llvm::ArrayRef<NodeId> statements = ast.children(NodeId(0));
  size_t i = 0;
  auto is_docstring = [&](NodeId s) {
    return ast.kind(s) == NodeKind::ExprStmt && ast.kind(ast.child(s, 0)) == NodeKind::StringLiteral;
  };
  auto is_future = [&](NodeId s) {
    NodeId module = ast.kind(s) == NodeKind::ImportFrom ? ast.child(s, 0) : NodeId::None();
    return module.valid() && TextOf(text, module, ast) == "__future__";
  };
  if (i < statements.size() && is_docstring(statements[i])) ++i;
  while (i < statements.size() && is_future(statements[i])) ++i;
  out.import_point = i < statements.size() ? LineStart(text, ast.range(statements[i]).start)
                     : statements.empty()  ? 0
                                           : NextLineStart(text, ast.range(statements.back()).end);
  out.after_imports = out.import_point;
  bool leading = true;
  for (size_t j = i; j < statements.size(); ++j) {
    NodeId s = statements[j];
    NodeKind kind = ast.kind(s);
    bool is_import = kind == NodeKind::Import || kind == NodeKind::ImportFrom;
    if (!is_import) leading = false;
    if (leading && is_import) out.after_imports = NextLineStart(text, ast.range(s).end);
    if (kind == NodeKind::Import) {
      for (NodeId alias : ast.children(s)) {
        if (ast.kind(alias) != NodeKind::Alias || TextOf(text, ast.child(alias, 0), ast) != "asyncio") continue;
        NodeId as = ast.child(alias, 1);
        if (out.asyncio_name.empty()) out.asyncio_name = as.valid() ? std::string(TextOf(text, as, ast)) : "asyncio";
      }
    }
    NodeId target = kind == NodeKind::AnnAssign ? ast.child(s, 0)
                    : kind == NodeKind::Assign   ? ast.child(s, 1)
                                                 : NodeId::None();
    if (target.valid() && ast.kind(target) == NodeKind::Name && TextOf(text, target, ast) == kTaskSet) {
      out.has_task_set = true;
    }
  }
  return out;
}

// The text inserted at `at` ends a line: a newline first when `at` is at the end of a last line
// without one.
std::string AtLineStart(const std::string& text, uint32_t at, std::string line) {
  if (!(at > 0 && at == text.size() && text[at - 1] != '\n')) return line;
  std::string out = "\n";  // appended, not prepended: g++ 12 warns falsely on inserts (PR 105329)
  out += line;
  return out;
}

NodeId NodeWithRange(const Ast& ast, NodeKind kind, TextRange range) {
  for (uint32_t i = 1; i < ast.size(); ++i) {
    if (ast.kind(NodeId(i)) == kind && ast.range(NodeId(i)) == range) return NodeId(i);
  }
  return NodeId::None();
}

}  // namespace

std::vector<TextEdit> KeepTaskReferenceEdits(const Ast& ast, const std::string& text, TextRange diagnostic) {
  std::vector<TextEdit> edits;
  // The expression statement dropping the task, alone on its line(s).
  NodeId statement = NodeId::None();
  for (uint32_t i = 1; i < ast.size() && !statement.valid(); ++i) {
    NodeId id(i);
    if (ast.kind(id) == NodeKind::ExprStmt && ast.range(ast.child(id, 0)) == diagnostic) statement = id;
  }
  if (!statement.valid()) return edits;
  TextRange range = ast.range(statement);
  uint32_t line_start = LineStart(text, range.start);
  std::string_view indent = std::string_view(text).substr(line_start, range.start - line_start);
  if (indent.find_first_not_of(" \t") != std::string_view::npos) return edits;
  size_t rest_end = text.find('\n', range.end);
  std::string_view rest = std::string_view(text).substr(range.end, (rest_end == std::string::npos ? text.size() : rest_end) - range.end);
  size_t first = rest.find_first_not_of(" \t\r");
  if (first != std::string_view::npos && rest[first] != '#') return edits;

  // A name the enclosing function (or module) does not use yet.
  NodeId scope = InnermostAt(ast, range.start, [&](NodeId id) { return ast.kind(id) == NodeKind::FunctionDef; });
  std::string_view scope_text = scope.valid() ? TextOf(text, scope, ast) : std::string_view(text);
  std::string name = "task";
  for (int n = 1; MentionsWord(scope_text, name); ++n) name = "task_" + std::to_string(n);

  ModuleImports module = ScanModule(ast, text);
  std::string set(kTaskSet);
  if (!module.has_task_set) {
    std::string asyncio = module.asyncio_name.empty() ? "asyncio" : module.asyncio_name;
    std::string definition = "\n" + set + ": set[" + asyncio + ".Task[object]] = set()\n";
    if (module.asyncio_name.empty()) {
      if (module.import_point == module.after_imports) {
        std::string both = "import asyncio\n";
        both += definition;
        definition = std::move(both);
      } else {
        edits.push_back({module.import_point, module.import_point, AtLineStart(text, module.import_point, "import asyncio\n")});
      }
    }
    edits.push_back({module.after_imports, module.after_imports, AtLineStart(text, module.after_imports, definition)});
  }
  edits.push_back({range.start, range.start, name + " = "});
  std::string after = "\n";
  after.append(indent).append(set).append(".add(").append(name).append(")\n");
  after.append(indent).append(name).append(".add_done_callback(").append(set).append(".discard)");
  // After a trailing comment, which stays with the statement.
  uint32_t line_end = static_cast<uint32_t>(rest_end == std::string::npos ? text.size() : rest_end);
  if (line_end > range.end && text[line_end - 1] == '\r') --line_end;
  edits.push_back({line_end, line_end, after});
  return edits;
}

std::vector<TextEdit> WrapInToThreadEdits(const Ast& ast, const std::string& text, TextRange diagnostic) {
  std::vector<TextEdit> edits;
  NodeId call = NodeWithRange(ast, NodeKind::Call, diagnostic);
  if (!call.valid()) return edits;
  NodeId func = ast.child(call, 0);
  TextRange func_range = ast.range(func);
  size_t open = text.find('(', func_range.end);
  uint32_t close = diagnostic.end - 1;
  if (open == std::string::npos || open >= close || text[close] != ')') return edits;
  std::string_view args = std::string_view(text).substr(open + 1, close - open - 1);
  bool no_args = args.find_first_not_of(" \t\r\n") == std::string_view::npos;

  ModuleImports module = ScanModule(ast, text);
  std::string asyncio = module.asyncio_name.empty() ? "asyncio" : module.asyncio_name;
  std::string wrapped = "await " + asyncio + ".to_thread(" + std::string(TextOf(text, func, ast)) +
                        (no_args ? "" : ", " + std::string(args)) + ")";

  // `await` binds tighter than operators but looser than attribute access, calls and subscripts:
  // parenthesize unless the call is a whole statement, value, argument or element.
  std::vector<NodeId> parents = Parents(ast);
  NodeId parent = parents[call.index()];
  bool bare = false;
  if (parent.valid()) {
    switch (ast.kind(parent)) {
      case NodeKind::ExprStmt: case NodeKind::Return: case NodeKind::Assign: case NodeKind::AnnAssign:
      case NodeKind::AugAssign: case NodeKind::Keyword: case NodeKind::ListExpr: case NodeKind::Tuple:
      case NodeKind::Set: case NodeKind::DictItem: case NodeKind::NamedExpr:
        bare = true;
        break;
      case NodeKind::Call: bare = ast.child(parent, 0) != call; break;
      default: break;
    }
  }
  if (!bare) wrapped = "(" + wrapped + ")";
  if (module.asyncio_name.empty()) {
    edits.push_back({module.import_point, module.import_point, AtLineStart(text, module.import_point, "import asyncio\n")});
  }
  edits.push_back({diagnostic.start, diagnostic.end, wrapped});
  return edits;
}

}  // namespace asynctype::lsp
