// The modules of one Program: each module the resolver finds (or knows to exist untyped) gets a
// ModuleId and a ModuleInfo here, and its module object a Module type in the TypeStore (which
// keeps only the name, for display). Owned by the Program; filled by the ModuleResolver.
#pragma once

#include <deque>
#include <string>

#include "checker/base/id.h"

namespace asynctype {

class TypeStore;

struct ModuleInfo {
  std::string name;
  FileId file;  // None: a namespace package (is_package) or an untyped stdlib module (not)
  bool is_package = false;
};

class ModuleTable {
 public:
  explicit ModuleTable(TypeStore& types) : types_(types) {}

  ModuleId Add(ModuleInfo info);
  const ModuleInfo& operator[](ModuleId id) const { return modules_[id.index()]; }
  // The type of the module object (`<module 'name'>`).
  TypeId Type(ModuleId id);

 private:
  TypeStore& types_;
  std::deque<ModuleInfo> modules_;
};

}  // namespace asynctype
