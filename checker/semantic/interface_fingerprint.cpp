#include "checker/semantic/interface_fingerprint.h"

#include <set>

#include "checker/semantic/declaring_bodies.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MD5.h"

namespace asynctype {
namespace {

// Calls `visit` for every node under `root` (itself included), not entering nodes for which
// `enter` says no.
template <typename Visit, typename Enter>
void Walk(const Ast& ast, NodeId root, Visit visit, Enter enter) {
  std::vector<NodeId> stack{root};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (!n.valid()) continue;
    visit(n);
    if (!enter(n)) continue;
    for (NodeId c : ast.children(n)) stack.push_back(c);
  }
  // Not reached for string annotations (nobody's children): they only hold type expressions.
}

bool IsScope(NodeKind kind) {
  return kind == NodeKind::FunctionDef || kind == NodeKind::ClassDef || kind == NodeKind::Lambda;
}

// Whether the function's own body (not nested scopes) yields.
bool Yields(const Ast& ast, NodeId body) {
  bool yields = false;
  Walk(
      ast, body,
      [&](NodeId n) {
        NodeKind k = ast.kind(n);
        if (k == NodeKind::Yield || k == NodeKind::YieldFrom) yields = true;
      },
      [&](NodeId n) { return n == body || !IsScope(ast.kind(n)); });
  return yields;
}

// Whether an assignment-like target anywhere in `body` (nested scopes included) is or holds
// `param.attr`, or the body declares a name `global` / `nonlocal`.
bool DeclaresOutside(const Ast& ast, NodeId body, llvm::StringRef param) {
  bool found = false;
  auto target_binds_member = [&](NodeId target) {
    if (param.empty()) return;
    Walk(
        ast, target,
        [&](NodeId n) {
          if (ast.kind(n) != NodeKind::Attribute) return;
          NodeId value = AttributeView{ast, n}.value();
          if (value.valid() && ast.kind(value) == NodeKind::Name && ast.str(value) == param) found = true;
        },
        [](NodeId) { return true; });
  };
  Walk(
      ast, body,
      [&](NodeId n) {
        switch (ast.kind(n)) {
          case NodeKind::Global:
          case NodeKind::Nonlocal: found = true; break;
          case NodeKind::Assign:
            for (NodeId t : AssignView{ast, n}.targets()) target_binds_member(t);
            break;
          case NodeKind::AugAssign: target_binds_member(AugAssignView{ast, n}.target()); break;
          case NodeKind::AnnAssign: target_binds_member(AnnAssignView{ast, n}.target()); break;
          case NodeKind::For: target_binds_member(ForView{ast, n}.target()); break;
          case NodeKind::WithItem: target_binds_member(WithItemView{ast, n}.optional_vars()); break;
          case NodeKind::Delete:
            for (NodeId t : DeleteView{ast, n}.targets()) target_binds_member(t);
            break;
          case NodeKind::Comprehension: target_binds_member(ComprehensionView{ast, n}.target()); break;
          case NodeKind::NamedExpr: target_binds_member(NamedExprView{ast, n}.target()); break;
          default: break;
        }
      },
      [](NodeId) { return true; });
  return found;
}

// The name of the function's first parameter ("" when it has none).
llvm::StringRef FirstParameter(const Ast& ast, NodeId function_def) {
  NodeId params = FunctionDefView{ast, function_def}.parameters();
  if (!params.valid() || ast.kind(params) != NodeKind::Parameters) return "";
  for (NodeId p : ParametersView{ast, params}.parameters()) {
    if (p.valid() && ast.kind(p) == NodeKind::Parameter) return ast.str(p);
  }
  return "";
}

struct LeftOut {
  TextRange body;
  bool yields, only_declares;
};

// The bodies left out of the fingerprint, in source order.
std::vector<LeftOut> LeftOutBodies(const Ast& ast) {
  std::vector<LeftOut> result;
  Walk(
      ast, ast.root(),
      [&](NodeId n) {
        if (ast.kind(n) != NodeKind::FunctionDef) return;
        FunctionDefView fn{ast, n};
        NodeId body = fn.body();
        if (!fn.returns().valid() || !body.valid() || ast.children(body).empty()) return;
        bool yields = Yields(ast, body);
        if (!fn.is_async() && !yields) return;  // a plain `def`'s body may be read as a helper
        if (DeclaresOutside(ast, body, FirstParameter(ast, n))) return;
        result.push_back({ast.range(body), yields, BodyOnlyDeclares(ast, body, /*pass_declares=*/true)});
      },
      [&](NodeId n) { return ast.kind(n) != NodeKind::FunctionDef && ast.kind(n) != NodeKind::Lambda; });
  std::sort(result.begin(), result.end(), [](const LeftOut& a, const LeftOut& b) { return a.body.start < b.body.start; });
  return result;
}

// The dotted text of an attribute chain on a name (`a.b.c`), or "" for anything else.
std::string DottedChain(const Ast& ast, NodeId n, int depth = 0) {
  if (depth > 8) return "";
  if (ast.kind(n) == NodeKind::Name) return ast.str(n).str();
  if (ast.kind(n) != NodeKind::Attribute) return "";
  NodeId value = AttributeView{ast, n}.value();
  NodeId attr = AttributeView{ast, n}.attr();
  if (!value.valid() || !attr.valid()) return "";
  std::string base = DottedChain(ast, value, depth + 1);
  if (base.empty()) return "";
  base.append(".");
  base.append(ast.str(attr).str());
  return base;
}

void CollectReferences(const Ast& ast, std::vector<ModuleReference>* out) {
  std::set<std::tuple<int, unsigned, std::string, std::string>> seen;
  auto add = [&](ModuleReference ref) {
    if (seen.insert({static_cast<int>(ref.kind), ref.level, ref.module, ref.name}).second) out->push_back(std::move(ref));
  };
  // Names bound by imports (in any scope): the module (level, dotted name) they stand for.
  llvm::StringMap<std::pair<unsigned, std::string>> bound;
  std::vector<NodeId> attributes;
  Walk(
      ast, ast.root(),
      [&](NodeId n) {
        switch (ast.kind(n)) {
          case NodeKind::Import:
            for (NodeId alias : ImportView{ast, n}.aliases()) {
              if (!alias.valid() || ast.kind(alias) != NodeKind::Alias) continue;
              NodeId name = AliasView{ast, alias}.name();
              if (!name.valid()) continue;
              std::string full = ast.str(name).str();
              add({ModuleReference::Kind::Import, 0, full, ""});
              NodeId asname = AliasView{ast, alias}.asname();
              if (asname.valid()) {
                bound[ast.str(asname)] = {0, full};
              } else {
                std::string top = full.substr(0, full.find('.'));
                bound[top] = {0, top};
              }
            }
            break;
          case NodeKind::ImportFrom: {
            ImportFromView view{ast, n};
            unsigned level = ast.node(n).data;
            std::string module = view.module().valid() ? ast.str(view.module()).str() : "";
            if (view.is_star()) {
              add({ModuleReference::Kind::Star, level, module, ""});
              break;
            }
            for (NodeId alias : view.aliases()) {
              if (!alias.valid() || ast.kind(alias) != NodeKind::Alias) continue;
              NodeId name = AliasView{ast, alias}.name();
              if (!name.valid()) continue;
              std::string member = ast.str(name).str();
              add({ModuleReference::Kind::From, level, module, member});
              NodeId asname = AliasView{ast, alias}.asname();
              std::string sub = module;
              if (!sub.empty()) sub.append(".");
              sub.append(member);
              bound[asname.valid() ? ast.str(asname) : llvm::StringRef(member)] = {level, sub};
            }
            break;
          }
          case NodeKind::Attribute: attributes.push_back(n); break;
          default: break;
        }
      },
      [](NodeId) { return true; });
  for (NodeId n : attributes) {
    std::string chain = DottedChain(ast, n);
    size_t dot = chain.find('.');
    if (dot == std::string::npos) continue;
    auto it = bound.find(llvm::StringRef(chain).substr(0, dot));
    if (it == bound.end()) continue;
    add({ModuleReference::Kind::Attribute, it->second.first, it->second.second, chain.substr(dot + 1)});
  }
}

}  // namespace

ModuleInterface ComputeModuleInterface(const Ast& ast, std::string_view text) {
  ModuleInterface result;
  llvm::MD5 hash, layout;
  size_t at = 0;
  for (const LeftOut& body : LeftOutBodies(ast)) {
    if (body.body.start < at || body.body.end > text.size()) continue;  // nested in one left out
    hash.update(llvm::StringRef(text.data() + at, body.body.start - at));
    hash.update(body.yields ? "\x01<body yields" : "\x01<body");
    hash.update(body.only_declares ? " declares>\x01" : ">\x01");
    llvm::StringRef skipped(text.data() + body.body.start, body.body.end - body.body.start);
    size_t last_line = skipped.rfind('\n');
    std::string shape = std::to_string(skipped.count('\n'));
    // The last line's length moves only what follows the body on that line (a comment aside).
    llvm::StringRef after = llvm::StringRef(text).substr(body.body.end).ltrim(" \t\r");
    if (!after.empty() && after.front() != '\n' && after.front() != '#') {
      shape.push_back(',');
      shape.append(std::to_string(last_line == llvm::StringRef::npos ? skipped.size() : skipped.size() - last_line));
    }
    shape.push_back(';');
    layout.update(shape);
    at = body.body.end;
  }
  hash.update(llvm::StringRef(text.data() + at, text.size() - at));
  llvm::MD5::MD5Result digest;
  hash.final(digest);
  result.fingerprint = digest.digest().str().str();
  layout.final(digest);
  result.layout = digest.digest().str().str();
  CollectReferences(ast, &result.references);
  return result;
}

}  // namespace asynctype
