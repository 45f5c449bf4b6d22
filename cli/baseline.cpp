#include "cli/baseline.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

namespace asynctype {

bool WriteBaseline(const std::string& path, const std::vector<ReportedDiagnostic>& diagnostics, std::string* error) {
  std::map<std::string, unsigned> counts;
  for (const ReportedDiagnostic& d : diagnostics) ++counts[d.fingerprint];
  nlohmann::json doc = {{"version", 1}, {"tool", "asynctype"}, {"fingerprints", counts}};
  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << doc.dump(2) << "\n";
    out.flush();
    if (!out) {
      *error = "cannot write baseline `" + path + "`";
      std::remove(temp.c_str());
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    *error = "cannot write baseline `" + path + "`";
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

bool ApplyBaseline(const std::string& path, std::vector<ReportedDiagnostic>* diagnostics, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read baseline `" + path + "`";
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::map<std::string, unsigned> counts;
  try {
    nlohmann::json doc = nlohmann::json::parse(buffer.str());
    if (!doc.is_object() || doc.value("version", 0) != 1 || !doc.contains("fingerprints") ||
        !doc["fingerprints"].is_object()) {
      *error = "`" + path + "` is not an asynctype baseline (version 1)";
      return false;
    }
    for (const auto& [fingerprint, count] : doc["fingerprints"].items()) {
      if (!count.is_number_unsigned()) {
        *error = "`" + path + "`: the count of `" + fingerprint + "` is not a number";
        return false;
      }
      counts[fingerprint] = count.get<unsigned>();
    }
  } catch (const nlohmann::json::exception& e) {
    *error = "`" + path + "` is not valid JSON: " + e.what();
    return false;
  }
  std::vector<ReportedDiagnostic> kept;
  for (ReportedDiagnostic& d : *diagnostics) {
    auto it = counts.find(d.fingerprint);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      continue;
    }
    kept.push_back(std::move(d));
  }
  *diagnostics = std::move(kept);
  return true;
}

}  // namespace asynctype
