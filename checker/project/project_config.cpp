#include "checker/project/project_config.h"

#include <filesystem>

#include <toml++/toml.h>

#include "checker/diagnostics/did_you_mean.h"
#include "checker/fs/filesystem.h"

namespace asynctype {
namespace fs = std::filesystem;

namespace {

std::string Located(const std::string& path, const toml::source_region& where, const std::string& message) {
  return path + ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column) + ": " + message;
}

// The keys Read accepts, for "did you mean" suggestions.
constexpr std::string_view kKeys[] = {"python-version", "src",      "extra-paths", "include",
                                      "exclude",        "typeshed", "python",      "rules",
                                      "cache"};

class Reader {
 public:
  Reader(std::string path, std::string root, std::string prefix)
      : path_(std::move(path)), root_(std::move(root)), prefix_(std::move(prefix)) {}

  bool Read(const toml::table& table, ProjectConfig* config, std::string* error) {
    for (const auto& [key, node] : table) {
      std::string k(key.str());
      const toml::source_region& where = node.source();
      if (k == "python-version") {
        auto text = node.value<std::string>();
        auto version = text ? PythonVersion::Parse(*text) : std::nullopt;
        if (!version || version->major != 3 || version->minor < 9 || version->minor > 14) {
          return Fail(error, where, "`python-version` must be a string \"3.9\" to \"3.14\"");
        }
        config->python_version = *version;
      } else if (k == "src" || k == "extra-paths" || k == "include" || k == "exclude") {
        std::vector<std::string> values;
        if (!Strings(node, &values)) return Fail(error, where, "`" + k + "` must be an array of strings");
        bool paths = k == "src" || k == "extra-paths";
        for (std::string& v : values) {
          if (paths) v = Resolve(v);
        }
        std::vector<std::string>& into = k == "src" ? config->src
                                         : k == "extra-paths" ? config->extra_paths
                                         : k == "include"     ? config->include
                                                              : config->exclude;
        into = std::move(values);
      } else if (k == "python") {
        auto text = node.value<std::string>();
        if (!text || text->empty()) {
          return Fail(error, where, "`python` must be a string (an interpreter, a virtual environment or a site-packages folder)");
        }
        config->python = Resolve(*text);
      } else if (k == "cache") {
        auto value = node.value<bool>();
        if (!value || !node.is_boolean()) return Fail(error, where, "`cache` must be true or false");
        config->cache = *value;
      } else if (k == "typeshed") {
        auto text = node.value<std::string>();
        if (!text) return Fail(error, where, "`typeshed` must be a string (a folder)");
        config->typeshed = Resolve(*text);
      } else if (k == "rules") {
        const toml::table* rules = node.as_table();
        if (!rules) return Fail(error, where, "`rules` must be a table of rule = \"error\" | \"warn\" | \"ignore\"");
        for (const auto& [rule_key, level_node] : *rules) {
          std::string rule(rule_key.str());
          if (!IsKnownRuleSelector(rule)) {
            std::string message = "unknown rule `" + rule + "`";
            message.append(DidYouMean(rule, RuleSelectorNames())).append(" (see `asynctype rules`)");
            return Fail(error, rule_key.source(), message);
          }
          auto text = level_node.value<std::string>();
          auto level = text ? ParseRuleLevel(*text) : std::nullopt;
          if (!level) {
            std::string message = "the level of `" + rule + "` must be \"error\", \"warn\" or \"ignore\"";
            if (text) {
              std::optional<std::string_view> closest = ClosestName(*text, RuleLevelNames());
              if (closest) message.append(" (did you mean `").append(*closest).append("`?)");
            }
            return Fail(error, level_node.source(), message);
          }
          config->rules.Set(rule, *level);
        }
      } else {
        std::string message = "unknown key `" + prefix_ + k + "`";
        if (std::optional<std::string_view> closest = ClosestName(k, kKeys)) {
          message.append(" (did you mean `").append(prefix_).append(*closest).append("`?)");
        }
        return Fail(error, key.source(), message);
      }
    }
    return true;
  }

 private:
  bool Fail(std::string* error, const toml::source_region& where, const std::string& message) {
    *error = Located(path_, where, message);
    return false;
  }
  static bool Strings(const toml::node& node, std::vector<std::string>* out) {
    const toml::array* array = node.as_array();
    if (!array) return false;
    for (const toml::node& element : *array) {
      auto text = element.value<std::string>();
      if (!text) return false;
      out->push_back(*text);
    }
    return true;
  }
  std::string Resolve(const std::string& p) const {
    if (p.empty() || p[0] == '/') return p;
    return root_ == "." ? fs::path(p).lexically_normal().string() : (fs::path(root_) / p).lexically_normal().string();
  }

  std::string path_, root_, prefix_;
};

// Read like source files: a regular file under the size limit, never a FIFO or a device.
std::optional<std::string> ReadText(const std::string& path, std::string* error = nullptr) {
  return OsFileSystem().Read(path, error);
}

// A found file as shown to the user (and as the base of the paths it configures): relative to
// the working directory.
std::string Shown(const fs::path& found) {
  std::error_code ec;
  fs::path rel = fs::relative(found, fs::current_path(ec), ec);
  return ec || rel.empty() ? found.string() : rel.string();
}

bool IsPyproject(const std::string& path) { return fs::path(path).filename() == "pyproject.toml"; }

}  // namespace

std::optional<ProjectConfig> LoadProjectConfig(const std::string& path, std::string* error) {
  std::string reason;
  std::optional<std::string> text = ReadText(path, &reason);
  if (!text) {
    *error = "cannot read configuration file `" + path + "`: " + reason;
    return std::nullopt;
  }
  return ParseProjectConfig(*text, path, error);
}

std::optional<ProjectConfig> ParseProjectConfig(std::string_view text, const std::string& path, std::string* error) {
  toml::table document;
  try {
    document = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    *error = Located(path, e.source(), std::string(e.description()));
    return std::nullopt;
  }
  ProjectConfig config;
  config.path = path;
  std::string parent = fs::path(path).parent_path().string();
  config.root = parent.empty() ? "." : parent;
  const toml::table* table = &document;
  std::string prefix;
  if (IsPyproject(path)) {
    table = document["tool"]["asynctype"].as_table();
    prefix = "tool.asynctype.";
    if (!table) return config;  // a pyproject.toml without our table: nothing configured
  }
  Reader reader(path, config.root, prefix);
  if (!reader.Read(*table, &config, error)) return std::nullopt;
  return config;
}

std::string FindProjectConfig(const std::string& start_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir, ec).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  for (int guard = 0; guard < 256 && !dir.empty(); ++guard) {
    if (fs::is_regular_file(dir / "asynctype.toml", ec)) return Shown(dir / "asynctype.toml");
    fs::path pyproject = dir / "pyproject.toml";
    if (fs::is_regular_file(pyproject, ec)) {
      if (std::optional<std::string> text = ReadText(pyproject.string())) {
        try {
          toml::table document = toml::parse(*text);
          if (document["tool"]["asynctype"].as_table()) return Shown(pyproject);
        } catch (const toml::parse_error&) {
          return Shown(pyproject);  // reported when it is loaded
        }
      }
    }
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

}  // namespace asynctype
