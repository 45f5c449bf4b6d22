// Star-import graph of a generated package: see star_imports.h.
#include "fuzz/star_imports.h"

#include <string>
#include <vector>

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype::fuzz {
namespace {

struct ModuleName {
  std::string dotted;
  bool is_package;
};

ModuleName NameOfPath(llvm::StringRef path) {
  if (!path.consume_back(".pyi")) path.consume_back(".py");
  bool is_package = path.consume_back("/__init__");
  std::string dotted = path.str();
  for (char& c : dotted) {
    if (c == '/') c = '.';
  }
  return {dotted, is_package};
}

std::string Parent(llvm::StringRef dotted) {
  size_t dot = dotted.rfind('.');
  return dot == llvm::StringRef::npos ? std::string() : dotted.take_front(dot).str();
}

// The module `from <spec> import *` names, as seen from `from`.
std::string Resolve(const ModuleName& from, llvm::StringRef spec) {
  size_t dots = 0;
  while (dots < spec.size() && spec[dots] == '.') ++dots;
  if (dots == 0) return spec.str();
  std::string base = from.is_package ? from.dotted : Parent(from.dotted);
  for (size_t i = 1; i < dots; ++i) base = Parent(base);
  llvm::StringRef rest = spec.drop_front(dots);
  if (rest.empty()) return base;
  return base.empty() ? rest.str() : base + "." + rest.str();
}

}  // namespace

bool HasRunawayStarImports(const GeneratedPackage& package, size_t max_paths) {
  llvm::StringMap<size_t> ids;
  std::vector<std::vector<size_t>> edges;  // module -> star-imported modules, with repeats
  auto id_of = [&](const std::string& dotted) {
    auto [it, inserted] = ids.try_emplace(dotted, edges.size());
    if (inserted) edges.emplace_back();
    return it->second;
  };
  for (const GeneratedFile& file : package.files) {
    ModuleName module = NameOfPath(file.path);
    size_t from = id_of(module.dotted);
    llvm::SmallVector<llvm::StringRef, 64> lines;
    llvm::StringRef(file.text).split(lines, '\n');
    for (llvm::StringRef line : lines) {
      llvm::SmallVector<llvm::StringRef, 4> statements;
      line.split(statements, ';');
      for (llvm::StringRef statement : statements) {
        statement = statement.trim();
        if (!statement.consume_front("from")) continue;
        auto [spec, tail] = statement.trim().split(' ');
        tail = tail.trim();
        if (!tail.consume_front("import") || !tail.trim().startswith("*")) continue;
        size_t to = id_of(Resolve(module, spec.trim()));  // may grow `edges`
        edges[from].push_back(to);
      }
    }
  }
  // Depth-first: a module on the stack reached again is a cycle; otherwise count the chains.
  enum class State { New, OnStack, Done };
  std::vector<State> state(edges.size(), State::New);
  std::vector<size_t> paths(edges.size(), 0);
  bool runaway = false;
  auto visit = [&](auto& self, size_t module) -> void {
    if (runaway) return;
    state[module] = State::OnStack;
    size_t count = 1;
    for (size_t next : edges[module]) {
      if (state[next] == State::OnStack) {
        runaway = true;
        return;
      }
      if (state[next] == State::New) self(self, next);
      if (runaway) return;
      count += paths[next];
      if (count > max_paths) {
        runaway = true;
        return;
      }
    }
    paths[module] = count;
    state[module] = State::Done;
  };
  for (size_t module = 0; module < edges.size() && !runaway; ++module) {
    if (state[module] == State::New) visit(visit, module);
  }
  return runaway;
}

}  // namespace asynctype::fuzz
