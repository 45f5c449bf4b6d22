// A module's `__all__`, as its module-level statements build it: `__all__ = [...]` / `(...)`
// (string literals), `__all__ += ...`, `__all__.extend(...)`, `__all__.append("x")`, with
// `sub.__all__` (another module's, recorded for the inference to resolve) and `+` of these.
// A value not understood makes `__all__` unknown (None) until it is assigned again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/base/id.h"
#include "checker/syntax/ast.h"

namespace asynctype {

class DunderAllCollector {
 public:
  // Writes the names to `names` (None: absent or not understood) and the expressions naming the
  // modules whose `__all__` is included to `modules` (see SemanticIndex::dunder_all_modules).
  DunderAllCollector(const Ast& ast, std::optional<std::vector<std::string>>& names, std::vector<NodeId>& modules)
      : ast_(ast), names_(names), modules_(modules) {}

  // A module-level statement, in source order: what it does to `__all__`, if anything.
  void Record(NodeId stmt);

 private:
  void Add(NodeId value);
  bool Collect(NodeId value);

  const Ast& ast_;
  std::optional<std::vector<std::string>>& names_;
  std::vector<NodeId>& modules_;
  bool opaque_ = false;  // `__all__` took a value not understood (see Add)
};

}  // namespace asynctype
