// Fuzz target: arbitrary bytes as an mdtest markdown file through the markdown and TOML parsers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mdtest/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  asynctype::mdtest::ParseMarkdown("fuzz.md", text);
  std::string error;
  uint32_t line = 0;
  asynctype::mdtest::ParseMdtestConfig(text, &error, &line);
  return 0;
}
