#include "checker/database/module_table.h"

#include "checker/types/type_store.h"

namespace asynctype {

ModuleId ModuleTable::Add(ModuleInfo info) {
  modules_.push_back(std::move(info));
  return ModuleId(static_cast<uint32_t>(modules_.size() - 1));
}

TypeId ModuleTable::Type(ModuleId id) { return types_.Module(id, modules_[id.index()].name); }

}  // namespace asynctype
