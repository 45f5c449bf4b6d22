// check_package_replay: the multi-file fuzz target's inputs outside libFuzzer (built in every
// build; tests/cli/fuzz_regressions.sh replays tests/fuzz_regressions/check_package/ with it).
//   check_package_replay INPUT...          decode and check each input as the fuzz target does
//   check_package_replay --print INPUT     print the package an input decodes to
//   check_package_replay --write DIR INPUT write it under DIR (with an asynctype.toml naming its
//                                          Python version), for `asynctype check`
//   check_package_replay --seeds DIR       write the seed corpus (package_seeds.h)
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/check_package.h"
#include "fuzz/package_decoder.h"
#include "fuzz/package_seeds.h"

namespace {

namespace fs = std::filesystem;
using asynctype::fuzz::GeneratedFile;
using asynctype::fuzz::GeneratedPackage;

std::optional<std::string> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool WriteBytes(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out);
}

std::optional<GeneratedPackage> Decode(const std::string& path) {
  std::optional<std::string> bytes = ReadBytes(path);
  if (!bytes) {
    std::cerr << "check_package_replay: cannot read " << path << "\n";
    return std::nullopt;
  }
  const auto* data = reinterpret_cast<const uint8_t*>(bytes->data());
  return asynctype::fuzz::DecodePackage({data, bytes->size()});
}

int Usage() {
  std::cerr << "usage: check_package_replay INPUT... | --print INPUT | --write DIR INPUT | --seeds DIR\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage();
  if (args[0] == "--print" && args.size() == 2) {
    std::optional<GeneratedPackage> package = Decode(args[1]);
    if (!package) return 2;
    std::cout << "# Python " << package->python_version.ToString() << ", checked from "
              << package->files[package->first_checked].path << "\n";
    for (const GeneratedFile& file : package->files) std::cout << "# --- " << file.path << "\n" << file.text;
    return 0;
  }
  if (args[0] == "--write" && args.size() == 3) {
    std::optional<GeneratedPackage> package = Decode(args[2]);
    if (!package) return 2;
    fs::path dir(args[1]);
    bool ok = WriteBytes(dir / "asynctype.toml",
                         "python-version = \"" + package->python_version.ToString() + "\"\n");
    for (const GeneratedFile& file : package->files) ok = WriteBytes(dir / file.path, file.text) && ok;
    if (!ok) std::cerr << "check_package_replay: cannot write under " << dir << "\n";
    return ok ? 0 : 2;
  }
  if (args[0] == "--seeds" && args.size() == 2) {
    std::vector<std::string> seeds = asynctype::fuzz::PackageSeeds();
    for (size_t i = 0; i < seeds.size(); ++i) {
      if (!WriteBytes(fs::path(args[1]) / ("seed-" + std::to_string(i)), seeds[i])) {
        std::cerr << "check_package_replay: cannot write under " << args[1] << "\n";
        return 2;
      }
    }
    return 0;
  }
  if (args[0].starts_with("--")) return Usage();
  for (const std::string& path : args) {
    std::optional<GeneratedPackage> package = Decode(path);
    if (!package) return 2;
    asynctype::fuzz::CheckPackage(*package);
  }
  return 0;
}
