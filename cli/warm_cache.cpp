#include "cli/warm_cache.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "checker/database/embedded_stubs.h"
#include "checker/diagnostics/rules.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace asynctype {
namespace {

constexpr std::string_view kResults = "results";
constexpr size_t kFieldsPerDiagnostic = 12;

// What identifies the binary: its version, the embedded typeshed and the executable file itself
// (size and modification time: a rebuilt binary starts a fresh cache).
std::vector<std::string> BinaryIdentity() {
  const EmbeddedStubTable& stubs = EmbeddedStubs();
  std::vector<std::string> parts{ASYNCTYPE_VERSION, stubs.typeshed_commit.str(), stubs.origin.str()};
  struct stat st;
  if (stat("/proc/self/exe", &st) == 0) {
    parts.push_back(std::to_string(st.st_size));
    parts.push_back(std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec));
  }
  return parts;
}

// Every option that changes a file's records.
std::string Salt(const Session& session, bool color) {
  std::vector<std::string> parts = BinaryIdentity();
  const ProgramOptions& program = session.program_options;
  parts.push_back("python " + program.python_version.ToString());
  for (const std::string& root : program.roots) parts.push_back("root " + root);
  parts.push_back("typeshed " + program.typeshed);
  for (const std::string& folder : program.site_packages) parts.push_back("site " + folder);
  parts.push_back("stubs " + program.third_party_stubs);
  if (program.checked_packages) {
    // A set (the session lists a package once per file found in it).
    std::vector<std::string> packages = *program.checked_packages;
    std::sort(packages.begin(), packages.end());
    packages.erase(std::unique(packages.begin(), packages.end()), packages.end());
    for (const std::string& name : packages) parts.push_back("package " + name);
  } else {
    parts.push_back("no packages");
  }
  for (const auto& [rule, level] : session.levels.entries()) {
    parts.push_back("rule " + rule + "=" + std::to_string(static_cast<int>(level)));
  }
  parts.push_back(color ? "color" : "plain");
  return HashStrings(parts);
}

// Lists inside one field: items separated by US (0x1f), an item's parts by RS (0x1e); neither
// occurs in messages or paths.
constexpr char kItem = '\x1f', kPart = '\x1e';

std::string EncodeList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += kItem;
    out += items[i];
  }
  return out;
}

std::vector<std::string> DecodeList(const std::string& field) {
  std::vector<std::string> items;
  if (field.empty()) return items;
  llvm::SmallVector<llvm::StringRef, 4> parts;
  llvm::StringRef(field).split(parts, kItem);
  for (llvm::StringRef part : parts) items.push_back(part.str());
  return items;
}

std::vector<std::string> Encode(const ReportedDiagnostic& d) {
  std::vector<std::string> related;
  for (const RelatedLocation& r : d.related) {
    std::string item = r.path;
    for (uint32_t n : {r.line, r.column, r.end_line, r.end_column}) {
      item += kPart;
      item += std::to_string(n);
    }
    item += kPart;
    item += r.message;
    related.push_back(std::move(item));
  }
  return {std::string(GetRuleInfo(d.rule).name), std::to_string(static_cast<int>(d.severity)), d.message,
          d.concise_message, std::to_string(d.line), std::to_string(d.column), std::to_string(d.end_line),
          std::to_string(d.end_column), d.line_text, d.full_text, EncodeList(d.infos), EncodeList(related)};
}

std::optional<uint32_t> Number(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  return value;
}

std::optional<ReportedDiagnostic> Decode(const std::string& path, const std::string* f) {
  std::optional<Rule> rule = FindRule(f[0]);
  std::optional<uint32_t> severity = Number(f[1]), line = Number(f[4]), column = Number(f[5]),
                          end_line = Number(f[6]), end_column = Number(f[7]);
  if (!rule || !severity || *severity > static_cast<uint32_t>(Severity::Error) || !line || !column || !end_line ||
      !end_column) {
    return std::nullopt;
  }
  ReportedDiagnostic d;
  d.path = path;
  d.rule = *rule;
  d.severity = static_cast<Severity>(*severity);
  d.message = f[2];
  d.concise_message = f[3];
  d.line = *line;
  d.column = *column;
  d.end_line = *end_line;
  d.end_column = *end_column;
  d.line_text = f[8];
  d.full_text = f[9];
  d.infos = DecodeList(f[10]);
  for (const std::string& item : DecodeList(f[11])) {
    llvm::SmallVector<llvm::StringRef, 6> parts;
    llvm::StringRef(item).split(parts, kPart);
    if (parts.size() != 6) return std::nullopt;
    RelatedLocation r;
    r.path = parts[0].str();
    std::optional<uint32_t> numbers[4];
    for (int i = 0; i < 4; ++i) {
      numbers[i] = Number(parts[1 + i].str());
      if (!numbers[i]) return std::nullopt;
    }
    r.line = *numbers[0];
    r.column = *numbers[1];
    r.end_line = *numbers[2];
    r.end_column = *numbers[3];
    r.message = parts[5].str();
    d.related.push_back(std::move(r));
  }
  return d;
}

// The lines of other files a record's full form shows (` ::: path:line:col`), besides `own` and
// the embedded stubs: "path\nline" each.
std::vector<std::string> ShownLines(const std::string& own, const std::string& full_text) {
  std::vector<std::string> shown;
  llvm::SmallVector<llvm::StringRef, 16> lines;
  llvm::StringRef(full_text).split(lines, '\n');
  for (llvm::StringRef line : lines) {
    // Without colour codes: `\x1b[...m`.
    std::string plain;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\x1b') {
        while (i < line.size() && line[i] != 'm') ++i;
        continue;
      }
      plain.push_back(line[i]);
    }
    llvm::StringRef rest = llvm::StringRef(plain).ltrim(' ');
    if (!rest.consume_front("::: ")) continue;
    auto [path_and_line, column] = rest.rsplit(':');
    auto [path, number] = path_and_line.rsplit(':');
    if (path.empty() || path == own || path.startswith("vendored://") || !Number(number.str())) continue;
    shown.push_back(path.str() + "\n" + number.str());
  }
  return shown;
}

}  // namespace

std::unique_ptr<WarmCache> WarmCache::Open(const CheckOptions& options, const Session& session, bool color,
                                           std::ostream& err) {
  if (options.no_cache || options.parse_only || session.config.cache == false) {
    if (options.verbose) err << "Cache: off\n";
    return nullptr;
  }
  std::string dir = options.cache_dir;
  if (dir.empty()) {
    if (const char* env = std::getenv("ASYNCTYPE_CACHE_DIR"); env && *env) dir = env;
  }
  if (dir.empty()) {
    dir = session.config.path.empty() ? std::string(".") : session.config.root;
    dir.append("/.asynctype_cache");
  }
  std::string error;
  std::optional<CacheFolder> folder = CacheFolder::Open(dir, &error);
  if (!folder) {
    if (options.verbose) err << "Cache: off (" << error << ")\n";
    return nullptr;
  }
  if (options.verbose) err << "Cache: " << dir << "\n";
  return std::unique_ptr<WarmCache>(new WarmCache(std::move(*folder), session, Salt(session, color)));
}

WarmCache::WarmCache(CacheFolder folder, const Session& session, std::string salt)
    : folder_(std::move(folder)), keys_(session.program_options, *session.file_system, &folder_, std::move(salt)) {}

std::string WarmCache::Stamp(const std::string& shown) {
  auto [path, number] = llvm::StringRef(shown).split('\n');
  std::optional<uint32_t> line = Number(number.str());
  if (!line) return "";
  std::string stamp = keys_.ShownLineStamp(path.str(), *line);
  if (!stamp.empty()) return stamp;
  // A file no key read (not expected: a snippet shows a definition the file depends on).
  std::ifstream in(path.str(), std::ios::binary);
  if (!in) return "";
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return "content " + HashHex(text);
}

std::vector<size_t> WarmCache::Lookup(const std::vector<std::string>& files, unsigned threads,
                                      std::vector<std::vector<ReportedDiagnostic>>* results) {
  if (threads == 0) {
    threads = static_cast<unsigned>(
        std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), files.size() / 16 + 1));
  }
  keys_.Prefetch(files, threads);
  std::vector<size_t> missed;
  file_keys_.assign(files.size(), std::nullopt);
  for (size_t i = 0; i < files.size(); ++i) {
    file_keys_[i] = keys_.KeyOf(files[i]);
    std::optional<std::vector<std::string>> fields;
    if (file_keys_[i]) fields = folder_.Read(kResults, *file_keys_[i]);
    // Fields: the number of lines of other files shown, ("path\nline", stamp) for each, then
    // the records.
    bool hit = false;
    std::vector<ReportedDiagnostic> records;
    if (fields && !fields->empty()) {
      std::optional<uint32_t> shown = Number((*fields)[0]);
      size_t first = shown ? 1 + 2 * static_cast<size_t>(*shown) : 0;
      hit = shown && first <= fields->size() && (fields->size() - first) % kFieldsPerDiagnostic == 0;
      for (size_t s = 1; hit && s < first; s += 2) hit = Stamp((*fields)[s]) == (*fields)[s + 1];
      for (size_t at = first; hit && at < fields->size(); at += kFieldsPerDiagnostic) {
        std::optional<ReportedDiagnostic> d = Decode(files[i], &(*fields)[at]);
        if (!d) hit = false;
        else records.push_back(std::move(*d));
      }
    }
    if (hit) {
      (*results)[i] = std::move(records);
      used_.push_back(*file_keys_[i]);
      ++hits_;
    } else {
      missed.push_back(i);
    }
  }
  return missed;
}

void WarmCache::Store(const std::vector<std::string>& files, size_t index,
                      const std::vector<ReportedDiagnostic>& diagnostics) {
  if (index >= file_keys_.size() || !file_keys_[index]) return;
  std::vector<std::string> shown;
  for (const ReportedDiagnostic& d : diagnostics) {
    for (std::string& line : ShownLines(files[index], d.full_text)) shown.push_back(std::move(line));
  }
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
  std::vector<std::string> fields{std::to_string(shown.size())};
  for (const std::string& line : shown) {
    std::string stamp = Stamp(line);
    if (stamp.empty()) return;  // cannot be validated later: not cached
    fields.push_back(line);
    fields.push_back(std::move(stamp));
  }
  for (const ReportedDiagnostic& d : diagnostics) {
    for (std::string& field : Encode(d)) fields.push_back(std::move(field));
  }
  if (folder_.Write(kResults, *file_keys_[index], fields)) used_.push_back(*file_keys_[index]);
}

void WarmCache::Finish() {
  if (folder_.Prune(kResults, used_, kMaxEntries) > 0) {
    // The interfaces of files no longer checked go too (this run's are rewritten next time).
    folder_.Prune("interfaces", {}, kMaxEntries);
  }
}

}  // namespace asynctype
