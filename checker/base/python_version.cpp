#include "checker/base/python_version.h"

#include <charconv>

namespace asynctype {

std::optional<PythonVersion> PythonVersion::Parse(std::string_view text) {
  auto dot = text.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  unsigned major = 0, minor = 0;
  auto r1 = std::from_chars(text.data(), text.data() + dot, major);
  auto r2 = std::from_chars(text.data() + dot + 1, text.data() + text.size(), minor);
  if (r1.ec != std::errc() || r1.ptr != text.data() + dot) return std::nullopt;
  if (r2.ec != std::errc() || r2.ptr != text.data() + text.size()) return std::nullopt;
  if (major != 3 || minor > 99) return std::nullopt;
  return PythonVersion{static_cast<uint8_t>(major), static_cast<uint8_t>(minor)};
}

}  // namespace asynctype
