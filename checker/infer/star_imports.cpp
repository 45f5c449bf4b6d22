// Star imports: which module binds a name that a module gets through `from m import *`.
//
// The modules and their star imports form a directed graph, possibly with cycles (a package's
// `__init__` star-imports a submodule that star-imports the package). For one name, an edge
// `m -> t` counts when `t` exports the name through `*` (its `__all__`, else a public name); a
// module that binds the name itself ends the path there. The origin of the name for module `m`
// is the first of its star imports (in statement order) that gives one: the target's own
// binding, else the target's origin. Inside a cycle (a strongly connected component of that
// graph) every member reaches the same modules, so a member's edge into its own component gives
// the component's origin: the first origin any member finds leaving the component, members taken
// in module-name order. A name bound nowhere in reach is not found (so a builtin stays the
// builtin, and an undefined name is reported as usual).
//
// One search per name (Tarjan's algorithm, iterative: no recursion over the import graph) solves
// the origin of every module it visits, each exactly once, so a name costs time linear in the
// part of the graph it reaches, whatever the number of paths (diamonds), and every answer depends
// only on the graph, never on which module asked first. The search looks only at the semantic
// indexes (bindings, `__all__`, imports): no type is inferred while it runs.
#include <algorithm>

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/ErrorHandling.h"

#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"

namespace asynctype {

bool FileInference::BindsAtTopLevel(llvm::StringRef name) const {
  SymbolId sym = index_.LookupSymbol(index_.module_scope(), name);
  if (!sym.valid()) return false;
  auto defs = index_.PublicDefinitions(sym);
  return !defs.empty();
}

std::optional<TypeId> FileInference::StarImportedSymbol(llvm::StringRef name) {
  StarOrigin origin = StarOriginOf(name);
  switch (origin.kind) {
    case StarOrigin::Kind::None: return std::nullopt;
    case StarOrigin::Kind::Untyped: return store_.Unknown();  // `*` from an untyped module: anything
    case StarOrigin::Kind::Bound: {
      FileInference& module = *origin.module;
      return module.ScopeSymbolType(module.index_.module_scope(), name);
    }
  }
  llvm_unreachable("every StarOrigin::Kind is handled");
}

const std::vector<FileInference::StarTarget>& FileInference::StarTargets() {
  if (star_targets_) return *star_targets_;
  std::vector<StarTarget> targets;
  SymbolId star = index_.LookupSymbol(index_.module_scope(), "*");
  if (star.valid()) {
    for (DefinitionId d : index_.symbol(star).definitions) {
      NodeId stmt = index_.definition(d).node;
      if (ast_.kind(stmt) != NodeKind::ImportFrom) continue;
      NodeId module_node = ImportFromView{ast_, stmt}.module();
      std::string module_name = module_node.valid() ? ast_.str(module_node).str() : "";
      unsigned level = ast_.node(stmt).data;
      if (level > 0) module_name = program_.resolver().ResolveRelative(file_, level, module_name);
      ModuleId module = program_.resolver().Resolve(module_name, file_);
      // A module not found is reported as unresolved-import; it may export anything, so its
      // names are Unknown rather than a second error each.
      FileId file = module.valid() ? program_.modules()[module].file : FileId();
      if (file == file_) continue;
      targets.push_back(StarTarget{file.valid() ? &program_.inference(file) : nullptr});
    }
  }
  star_targets_ = std::move(targets);
  return *star_targets_;
}

FileInference::StarOrigin FileInference::StarOriginOf(llvm::StringRef name) {
  if (StarTargets().empty()) return {};
  auto it = star_origins_.find(name);
  if (it != star_origins_.end()) return it->second;
  SolveStarOrigins(name);
  return star_origins_.lookup(name);
}

FileInference::StarOrigin FileInference::StarEdgeOrigin(const StarTarget& target, llvm::StringRef name) {
  if (!target.module) return StarOrigin{StarOrigin::Kind::Untyped, nullptr};
  if (!target.module->ExportsThroughStar(name)) return {};
  if (target.module->BindsAtTopLevel(name)) return StarOrigin{StarOrigin::Kind::Bound, target.module};
  return target.module->star_origins_.lookup(name);
}

void FileInference::SolveStarOrigins(llvm::StringRef name) {
  struct Node {
    FileInference* module;
    uint32_t low;       // Tarjan's low link (the node's own number is its index in `nodes`)
    uint32_t next = 0;  // the next star target to follow
    bool on_stack = true;
  };
  std::vector<Node> nodes;
  llvm::DenseMap<FileInference*, uint32_t> number;
  std::vector<uint32_t> path;       // the depth-first path being explored
  std::vector<uint32_t> component;  // Tarjan's stack
  auto visit = [&](FileInference* module) {
    uint32_t n = static_cast<uint32_t>(nodes.size());
    nodes.push_back(Node{module, n});
    number[module] = n;
    path.push_back(n);
    component.push_back(n);
  };
  visit(this);
  while (!path.empty()) {
    uint32_t v = path.back();
    FileInference* module = nodes[v].module;
    const std::vector<StarTarget>& targets = module->StarTargets();
    if (nodes[v].next < targets.size()) {
      FileInference* target = targets[nodes[v].next++].module;
      // Untyped modules, and modules that bind the name or do not export it, end the path; so do
      // modules solved before.
      if (!target || !target->ExportsThroughStar(name) || target->BindsAtTopLevel(name) ||
          target->star_origins_.count(name)) {
        continue;
      }
      auto seen = number.find(target);
      if (seen == number.end()) {
        visit(target);
      } else if (nodes[seen->second].on_stack) {
        nodes[v].low = std::min(nodes[v].low, seen->second);
      }
      continue;
    }
    path.pop_back();
    if (!path.empty()) nodes[path.back()].low = std::min(nodes[path.back()].low, nodes[v].low);
    if (nodes[v].low != v) continue;
    // `v` roots a component; everything it reaches outside the component is solved.
    std::vector<FileInference*> members;
    uint32_t w;
    do {
      w = component.back();
      component.pop_back();
      nodes[w].on_stack = false;
      members.push_back(nodes[w].module);
    } while (w != v);
    llvm::SmallPtrSet<FileInference*, 4> member_set(members.begin(), members.end());
    auto inside = [&](const StarTarget& target) {
      return members.size() > 1 && target.module && member_set.count(target.module);
    };
    // The component's own origin: the first found leaving it, members in module-name order.
    StarOrigin shared;
    if (members.size() > 1) {
      ModuleResolver& resolver = program_.resolver();
      std::vector<std::pair<std::pair<std::string, std::string>, FileInference*>> ordered;
      for (FileInference* m : members) {
        ordered.push_back({{resolver.ModuleNameOf(m->file_), program_.source(m->file_).path()}, m});
      }
      std::sort(ordered.begin(), ordered.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [key, m] : ordered) {
        for (const StarTarget& target : m->StarTargets()) {
          if (inside(target)) continue;
          StarOrigin o = StarEdgeOrigin(target, name);
          if (o.kind != StarOrigin::Kind::None) {
            shared = o;
            break;
          }
        }
        if (shared.kind != StarOrigin::Kind::None) break;
      }
    }
    for (FileInference* m : members) {
      StarOrigin origin;
      for (const StarTarget& target : m->StarTargets()) {
        StarOrigin o = inside(target) ? shared : StarEdgeOrigin(target, name);
        if (o.kind != StarOrigin::Kind::None) {
          origin = o;
          break;
        }
      }
      m->star_origins_[name] = origin;
    }
  }
}

// ------------------------------------------------------------------------------- `__all__`

const llvm::StringSet<>& FileInference::DunderAllNames() {
  if (!dunder_all_names_) {
    dunder_all_names_.emplace();
    if (const auto& all = index_.dunder_all()) {
      for (const std::string& n : *all) dunder_all_names_->insert(n);
    }
  }
  return *dunder_all_names_;
}

ModuleId FileInference::ModuleNamedBy(NodeId expr, int depth) {
  ModuleResolver& resolver = program_.resolver();
  if (!expr.valid() || depth > 32) return ModuleId::None();
  if (ast_.kind(expr) == NodeKind::Attribute) {
    ModuleId outer = ModuleNamedBy(AttributeView{ast_, expr}.value(), depth + 1);
    NodeId attr = AttributeView{ast_, expr}.attr();
    if (!outer.valid() || !attr.valid()) return ModuleId::None();
    return resolver.Resolve(program_.modules()[outer].name + "." + ast_.str(attr).str());
  }
  if (ast_.kind(expr) != NodeKind::Name) return ModuleId::None();
  SymbolId sym = index_.LookupSymbol(index_.module_scope(), ast_.str(expr));
  if (!sym.valid()) return ModuleId::None();
  for (DefinitionId d : index_.symbol(sym).definitions) {
    const Definition& def = index_.definition(d);
    ModuleId module;
    switch (def.kind) {
      case DefinitionKind::Import: {  // `import a.b as name`, `import name.b`
        NodeId dotted = AliasView{ast_, def.node}.name();
        if (!dotted.valid()) break;
        llvm::StringRef full = ast_.str(dotted);
        module = resolver.Resolve((AliasView{ast_, def.node}.asname().valid() ? full : full.split('.').first).str());
        break;
      }
      case DefinitionKind::ImportFrom: {  // `from package import name`: the submodule
        NodeId stmt = def.statement;
        NodeId member = AliasView{ast_, def.node}.name();
        if (ast_.kind(stmt) != NodeKind::ImportFrom || !member.valid()) break;
        NodeId module_node = ImportFromView{ast_, stmt}.module();
        std::string package = module_node.valid() ? ast_.str(module_node).str() : "";
        unsigned level = ast_.node(stmt).data;
        if (level > 0) package = resolver.ResolveRelative(file_, level, package);
        module = resolver.Resolve(package.empty() ? ast_.str(member).str() : package + "." + ast_.str(member).str());
        break;
      }
      case DefinitionKind::Submodule: {  // `from .name import ...` in a package's `__init__`
        NodeId module_node = ImportFromView{ast_, def.node}.module();
        if (!module_node.valid()) break;
        module = resolver.Resolve(resolver.ResolveRelative(file_, 1, ast_.str(module_node).split('.').first.str()));
        break;
      }
      default:
        break;
    }
    if (module.valid()) return module;
  }
  return ModuleId::None();
}

const std::vector<FileInference*>& FileInference::DunderAllModules() {
  if (dunder_all_modules_) return *dunder_all_modules_;
  std::vector<FileInference*> modules;
  for (NodeId expr : index_.dunder_all_modules()) {
    ModuleId module = ModuleNamedBy(expr);
    FileId file = module.valid() ? program_.modules()[module].file : FileId::None();
    modules.push_back(file.valid() && file != file_ ? &program_.inference(file) : nullptr);
  }
  dunder_all_modules_ = std::move(modules);
  return *dunder_all_modules_;
}

bool FileInference::ExportsThroughStar(llvm::StringRef name) {
  if (!index_.dunder_all()) return !name.startswith("_");
  if (DunderAllNames().count(name)) return true;
  if (index_.dunder_all_modules().empty()) return false;
  auto memo = star_exports_.find(name);
  if (memo != star_exports_.end()) return memo->second;
  // Through the modules whose `__all__` is added (`__all__ += sub.__all__`), transitively; one
  // not understood (not found, untyped, without a literal `__all__`) may list any public name.
  bool found = false;
  llvm::SmallPtrSet<FileInference*, 8> seen = {this};
  std::vector<FileInference*> work = {this};
  while (!work.empty() && !found) {
    FileInference* module = work.back();
    work.pop_back();
    for (FileInference* added : module->DunderAllModules()) {
      if (added == nullptr || !added->index_.dunder_all()) {
        found = !name.startswith("_");
      } else if (added->DunderAllNames().count(name)) {
        found = true;
      } else if (seen.insert(added).second) {
        work.push_back(added);
      }
      if (found) break;
    }
  }
  // Not found: no module reached exports it either.
  if (!found) {
    for (FileInference* module : seen) module->star_exports_[name] = false;
  }
  star_exports_[name] = found;
  return found;
}

}  // namespace asynctype
