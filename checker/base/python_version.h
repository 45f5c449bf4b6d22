// A target Python version (major.minor), as configured by `python-version`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace asynctype {

struct PythonVersion {
  uint8_t major = 3;
  uint8_t minor = 12;

  friend auto operator<=>(PythonVersion, PythonVersion) = default;
  std::string ToString() const { return std::to_string(major) + "." + std::to_string(minor); }
  // Parses "3.12"; nullopt for anything else.
  static std::optional<PythonVersion> Parse(std::string_view text);
};

}  // namespace asynctype
