#include "checker/database/stdlib_versions.h"

namespace asynctype {

StdlibVersions::StdlibVersions(llvm::StringRef text) {
  while (!text.empty()) {
    llvm::StringRef line;
    std::tie(line, text) = text.split('\n');
    line = line.split('#').first.trim();
    if (line.empty()) continue;
    auto [module, range] = line.split(':');
    module = module.trim();
    auto [first, last] = range.trim().split('-');
    std::optional<PythonVersion> from = PythonVersion::Parse(std::string_view(first.trim()));
    if (module.empty() || !from || !range.contains('-')) continue;
    std::optional<PythonVersion> to;
    if (!last.trim().empty()) {
      to = PythonVersion::Parse(std::string_view(last.trim()));
      if (!to) continue;
    }
    ranges_[module] = VersionRange{*from, to};
  }
}

const StdlibVersions::VersionRange* StdlibVersions::Range(llvm::StringRef module) const {
  while (!module.empty()) {
    auto it = ranges_.find(module);
    if (it != ranges_.end()) return &it->second;
    size_t dot = module.rfind('.');
    if (dot == llvm::StringRef::npos) break;
    module = module.take_front(dot);
  }
  return nullptr;
}

bool StdlibVersions::Available(llvm::StringRef module, PythonVersion version) const {
  const VersionRange* range = Range(module);
  if (!range) return true;
  return range->first <= version && (!range->last || version <= *range->last);
}

}  // namespace asynctype
