// Fuzz target: arbitrary bytes as asynctype.toml and as pyproject.toml through the configuration
// loader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "checker/project/project_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  asynctype::ParseProjectConfig(text, "asynctype.toml", &error);
  asynctype::ParseProjectConfig(text, "pyproject.toml", &error);
  return 0;
}
