// Static conditions: the truth of a test that the configuration decides, so that the semantic
// index can treat the branch it guards as skipped: `TYPE_CHECKING` (true), comparisons of
// `sys.version_info` (or `[0]`, `[:2]`, `.major`, `.minor`) with the configured Python version,
// `sys.platform` against "linux" (`==`, `!=`, `.startswith(...)`), `os.name` against "posix",
// `not` / `and` / `or` of these, and module-level names bound
// once to such a condition (`PY3 = sys.version_info[0] == 3`, then `if PY3:`). Anything else is
// not static (nullopt).
#pragma once

#include <cstdint>
#include <optional>

#include "checker/base/id.h"
#include "checker/base/python_version.h"
#include "checker/syntax/ast.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {

class StaticConditions {
 public:
  StaticConditions(const Ast& ast, PythonVersion version) : ast_(ast), version_(version) {}

  // True / false when the configuration decides `test`; nullopt when it does not.
  std::optional<bool> Truth(NodeId test) const;

  // `name = <test>` at module level, `test` having the static value `value`. The name keeps it
  // in later conditions as long as it is bound nowhere else (`bound_before`: it already is).
  void RecordName(llvm::StringRef name, bool value, bool bound_before);
  // Any other binding of `name`: it is no longer static.
  void NoteOtherBinding(llvm::StringRef name);

 private:
  bool IsModuleAttribute(NodeId expr, llvm::StringRef module, llvm::StringRef attr) const;
  bool IsSysAttribute(NodeId expr, llvm::StringRef attr) const;
  std::optional<int64_t> VersionField(NodeId expr) const;
  bool IsVersionPrefix(NodeId expr) const;
  std::optional<bool> Compare(NodeId test) const;

  const Ast& ast_;
  PythonVersion version_;
  // Names bound once, at module level, to a static condition (nullopt: bound otherwise too).
  llvm::StringMap<std::optional<bool>> names_;
};

}  // namespace asynctype
