#include "cli/baseline.h"

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "checker/fs/atomic_write.h"

namespace asynctype {

bool WriteBaseline(const std::string& path, const std::vector<ReportedDiagnostic>& diagnostics, std::string* error) {
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  std::map<std::string, std::vector<const ReportedDiagnostic*>> by_file;  // sorted by path
  for (const ReportedDiagnostic& d : diagnostics) by_file[d.path].push_back(&d);
  for (const auto& [file, list] : by_file) {
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const ReportedDiagnostic* d : list) {
      entries.push_back({{"rule", GetRuleInfo(d->rule).name}, {"message", d->concise_message}, {"fingerprint", d->fingerprint}});
    }
    files[file] = entries;
  }
  nlohmann::ordered_json doc = {{"version", 2}, {"tool", "asynctype"}, {"files", files}};
  if (!WriteFileAtomically(path, doc.dump(2) + "\n")) {
    *error = "cannot write baseline `" + path + "`";
    return false;
  }
  return true;
}

namespace {

// The fingerprint counts of a baseline document; false (with `error`) when it is not one.
bool ReadCounts(const nlohmann::json& doc, const std::string& path, std::map<std::string, unsigned>* counts,
                std::string* error) {
  int version = doc.is_object() ? doc.value("version", 0) : 0;
  if (version == 1 && doc.contains("fingerprints") && doc["fingerprints"].is_object()) {
    for (const auto& [fingerprint, count] : doc["fingerprints"].items()) {
      if (!count.is_number_unsigned()) {
        *error = "`" + path + "`: the count of `" + fingerprint + "` is not a number";
        return false;
      }
      (*counts)[fingerprint] += count.get<unsigned>();
    }
    return true;
  }
  if (version == 2 && doc.contains("files") && doc["files"].is_object()) {
    for (const auto& [file, entries] : doc["files"].items()) {
      if (!entries.is_array()) {
        *error = "`" + path + "`: the entries of `" + file + "` are not a list";
        return false;
      }
      for (const nlohmann::json& entry : entries) {
        if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string()) {
          *error = "`" + path + "`: an entry of `" + file + "` has no fingerprint";
          return false;
        }
        ++(*counts)[entry["fingerprint"].get<std::string>()];
      }
    }
    return true;
  }
  *error = "`" + path + "` is not an asynctype baseline (version 1 or 2)";
  return false;
}

}  // namespace

bool ApplyBaseline(const std::string& path, std::vector<ReportedDiagnostic>* diagnostics, BaselineUse* use,
                   std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read baseline `" + path + "`";
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::map<std::string, unsigned> counts;
  try {
    if (!ReadCounts(nlohmann::json::parse(buffer.str()), path, &counts, error)) return false;
  } catch (const nlohmann::json::exception& e) {
    *error = "`" + path + "` is not valid JSON: " + e.what();
    return false;
  }
  std::vector<ReportedDiagnostic> kept;
  for (ReportedDiagnostic& d : *diagnostics) {
    auto it = counts.find(d.fingerprint);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++use->baselined;
      continue;
    }
    kept.push_back(std::move(d));
  }
  for (const auto& [fingerprint, left] : counts) use->stale += left;
  *diagnostics = std::move(kept);
  return true;
}

}  // namespace asynctype
