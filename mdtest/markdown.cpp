#include "mdtest/markdown.h"

#include <cctype>
#include <toml++/toml.h>

#include <algorithm>
#include <exception>
#include <string>

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype::mdtest {
namespace {

// The extension of the path's last component, like Rust's `Path::extension`: none for names
// without a dot or with only a leading dot (`.venv`).
std::optional<std::string_view> Extension(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  auto slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "..") return std::nullopt;
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  return name.substr(dot + 1);
}

constexpr std::string_view kSnippetPy = "mdtest_snippet.py";
constexpr std::string_view kSnippetPyi = "mdtest_snippet.pyi";
constexpr std::string_view kSnippetIpynb = "mdtest_snippet.ipynb";

enum class DirectiveKind { SnapshotDiagnostics, PullTypesSkip, ExpectPanic };

const char* DirectiveDisplay(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::SnapshotDiagnostics:
      return "snapshotting diagnostics";
    case DirectiveKind::PullTypesSkip:
      return "skipping the pull-types visitor";
    case DirectiveKind::ExpectPanic:
      return "expect test to panic";
  }
  llvm_unreachable("every DirectiveKind is handled");
}

class Parser {
 public:
  Parser(std::string_view file_name, std::string source) : src_(std::move(source)) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < src_.size(); ++i) {
      if (src_[i] == '\n') line_starts_.push_back(i + 1);
    }
    Section root;
    root.title = std::string(file_name);
    suite_.sections.push_back(std::move(root));
    stack_.push_back(0);
  }

  MarkdownParseResult Parse() {
    ParseImpl();
    MarkdownParseResult result;
    if (error_) {
      result.error = std::move(error_);
      result.suite = std::move(suite_);
      return result;
    }
    BuildTests();
    result.suite = std::move(suite_);
    return result;
  }

 private:
  // 1-based line of a byte offset.
  uint32_t LineOf(size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<uint32_t>(it - line_starts_.begin());
  }

  bool Fail(uint32_t line, std::string message) {
    error_ = MarkdownParseError{line, std::move(message)};
    return false;
  }

  bool AtEnd() const { return pos_ >= src_.size(); }
  bool LookingAt(std::string_view s) const { return src_.compare(pos_, s.size(), s) == 0; }
  void SkipNonNewlineWhitespace() {
    while (!AtEnd() && src_[pos_] != '\n' && llvm::isSpace(src_[pos_])) ++pos_;
  }

  void ParseImpl() {
    while (pos_ < src_.size()) {
      size_t line_start = pos_;
      char first = src_[pos_++];
      if (first == '<' && LookingAt("!--")) {
        pos_ += 3;
        size_t end = src_.find("-->", pos_);
        if (end == std::string::npos) {
          Fail(LineOf(line_start), "Unterminated HTML comment.");
          return;
        }
        std::string_view comment = llvm::StringRef(src_).substr(pos_, end - pos_).trim();
        if (!ProcessHtmlComment(comment, LineOf(line_start))) return;
        pos_ = end + 3;
      } else if (first == '#') {
        explicit_path_.reset();
        preceding_blank_lines_ = 0;
        uint32_t level = 1;
        while (!AtEnd() && src_[pos_] == '#') {
          ++level;
          ++pos_;
        }
        size_t newline = src_.find('\n', pos_);
        if (newline == std::string::npos) {
          // Like ty, a header on the last line without a newline is not a header.
          pos_ = src_.size();
        } else {
          std::string_view title = llvm::StringRef(src_).substr(pos_, newline - pos_).trim();
          pos_ = newline;
          if (!title.empty() && !ProcessHeader(level, std::string(title), LineOf(line_start))) {
            return;
          }
        }
      } else if (first == '`') {
        if (LookingAt("``")) {
          pos_ += 2;
          if (!ParseCodeBlock(line_start)) return;
          explicit_path_.reset();
        } else if (preceding_blank_lines_ > 0) {
          // Possibly an explicit path line: `path`:
          explicit_path_.reset();
          size_t stop = src_.find_first_of("`\n", pos_);
          if (stop == std::string::npos) {
            pos_ = src_.size();
          } else if (src_[stop] == '`') {
            std::string path = src_.substr(pos_, stop - pos_);
            pos_ = stop + 1;
            SkipNonNewlineWhitespace();
            if (!AtEnd() && src_[pos_] == ':') {
              ++pos_;
              explicit_path_ = std::move(path);
            }
          } else {
            pos_ = stop;
          }
        }
        preceding_blank_lines_ = 0;
      } else if (first == '\n') {
        ++preceding_blank_lines_;
        continue;
      } else {
        preceding_blank_lines_ = 0;
        explicit_path_.reset();
        if (llvm::isSpace(first)) {
          SkipNonNewlineWhitespace();
          if (LookingAt("```")) {
            Fail(LineOf(line_start), "Indented code blocks are not supported.");
            return;
          }
        }
      }
      size_t newline = src_.find('\n', pos_);
      if (newline == std::string::npos) break;
      pos_ = newline + 1;
    }
  }

  // Called with pos_ just after the opening "```".
  bool ParseCodeBlock(size_t fence_start) {
    uint32_t fence_line = LineOf(fence_start);
    if (preceding_blank_lines_ < 1 && !explicit_path_) {
      return Fail(fence_line,
                  "Code blocks must start on a new line and be preceded by at least one blank "
                  "line.");
    }
    SkipNonNewlineWhitespace();
    size_t lang_start = pos_;
    while (!AtEnd() && !llvm::isSpace(src_[pos_]) && src_[pos_] != '{') ++pos_;
    std::string lang = AtEnd() ? std::string() : src_.substr(lang_start, pos_ - lang_start);
    SkipNonNewlineWhitespace();
    std::string_view attributes;
    if (!AtEnd() && src_[pos_] == '{') {
      size_t close = src_.find_first_of("}\n", pos_);
      if (close == std::string::npos || src_[close] != '}') {
        return Fail(fence_line,
                    "Trailing code-block metadata must use the {...} attribute-list syntax.");
      }
      attributes = std::string_view(src_).substr(pos_ + 1, close - pos_ - 1);
      pos_ = close + 1;
      SkipNonNewlineWhitespace();
    }
    if (AtEnd() || src_[pos_] != '\n') {
      return Fail(fence_line,
                  "Trailing code-block metadata must use the {...} attribute-list syntax.");
    }
    ++pos_;
    size_t end = src_.find("```", pos_);
    if (end == std::string::npos) {
      return Fail(fence_line,
                  "Unterminated code block on line " + std::to_string(fence_line) + ".");
    }
    std::string code = src_.substr(pos_, end - pos_);
    if (!code.empty() && code.back() == '\n') code.pop_back();
    pos_ = end + 3;
    uint32_t close_line = LineOf(end);
    uint32_t line_count = close_line > fence_line ? close_line - fence_line - 1 : 0;

    bool ignored = attributes.find("data-mdtest=\"ignore\"") != std::string_view::npos ||
                   attributes.find("data-mdtest='ignore'") != std::string_view::npos ||
                   attributes.find("data-mdtest=ignore") != std::string_view::npos;
    if (ignored) return true;
    return ProcessCodeBlock(lang, std::move(code), fence_line, line_count);
  }

  bool ProcessHtmlComment(std::string_view comment, uint32_t line) {
    std::string_view directive = comment;
    std::optional<std::string_view> value;
    if (auto colon = comment.find(':'); colon != std::string_view::npos) {
      directive = llvm::StringRef(comment).substr(0, colon).trim();
      value = std::string_view(llvm::StringRef(comment).substr(colon + 1).trim());
    }
    if (directive == "snapshot-diagnostics") {
      if (value) {
        return Fail(line, "The `snapshot-diagnostics` directive does not take a value.");
      }
      return ProcessDirective(DirectiveKind::SnapshotDiagnostics, std::nullopt, line);
    }
    if (directive == "pull-types" && value && *value == "skip") {
      return ProcessDirective(DirectiveKind::PullTypesSkip, std::nullopt, line);
    }
    if (directive == "expect-panic") {
      return ProcessDirective(DirectiveKind::ExpectPanic, value, line);
    }
    if (comment == "fmt:on" || comment == "fmt:off") return true;
    // Departure from ty, which rejects every unknown comment: only a comment shaped like a
    // directive (one kebab-case word, optionally `: value`) is flagged as a likely typo; a prose
    // comment (e.g. a note on where a document came from) is ignored.
    bool directive_shaped = !directive.empty();
    for (char c : directive) {
      if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
            c == '-' || c == '_')) {
        directive_shaped = false;
      }
    }
    if (!directive_shaped) return true;
    return Fail(line, "Unknown HTML comment `" + std::string(comment) + "` -- possibly a typo?");
  }

  bool ProcessDirective(DirectiveKind kind, std::optional<std::string_view> value, uint32_t line) {
    std::string name = DirectiveDisplay(kind);
    if (current_section_has_config_) {
      return Fail(line, "Section config to enable " + name +
                            " must come before everything else (including TOML configuration "
                            "blocks).");
    }
    if (!current_section_files_.empty()) {
      return Fail(line, "Section config to enable " + name +
                            " must come before everything else (including embedded files).");
    }
    Directives& directives = suite_.sections[stack_.back()].directives;
    bool* flag = kind == DirectiveKind::SnapshotDiagnostics ? &directives.snapshot_diagnostics
                 : kind == DirectiveKind::PullTypesSkip     ? &directives.pull_types_skip
                                                            : &directives.expect_panic;
    if (*flag) {
      return Fail(line, "Section config to enable " + name + " should appear at most once.");
    }
    *flag = true;
    if (kind == DirectiveKind::ExpectPanic && value) {
      directives.expect_panic_message = std::string(*value);
    }
    return true;
  }

  bool ProcessHeader(uint32_t level, std::string title, uint32_t line) {
    while (level <= suite_.sections[stack_.back()].level) {
      stack_.pop_back();
      current_section_files_.clear();
    }
    size_t parent = stack_.back();
    if (!current_section_files_.empty()) {
      return Fail(line, "Header '" + title + "' not valid inside a test case; parent '" +
                            suite_.sections[parent].title + "' has code files.");
    }
    Section section;
    section.title = std::move(title);
    section.level = level;
    section.parent = parent;
    section.line = line;
    section.config = suite_.sections[parent].config;
    section.directives = suite_.sections[parent].directives;
    suite_.sections.push_back(std::move(section));
    stack_.push_back(suite_.sections.size() - 1);
    current_section_files_.clear();
    current_section_has_config_ = false;
    return true;
  }

  bool ProcessCodeBlock(const std::string& lang, std::string code, uint32_t fence_line,
                        uint32_t line_count) {
    size_t section = stack_.back();
    const std::string test_name = suite_.sections[section].title;

    if (lang == "toml" && !explicit_path_) return ProcessConfigBlock(code, fence_line);
    if (lang == "ignore" || lang == "pycon") return true;
    if (lang == "snapshot") return ProcessSnapshotBlock(std::move(code), fence_line);

    if (explicit_path_) {
      std::string_view expected_extension = lang == "python" ? std::string_view("py") : lang;
      auto extension = Extension(*explicit_path_);
      if (!expected_extension.empty() && lang != "text" && extension &&
          !llvm::StringRef(*extension).equals_insensitive(expected_extension)) {
        return Fail(fence_line, "File extension of test file path `" + *explicit_path_ +
                                    "` in test `" + test_name +
                                    "` does not match language specified `" + lang +
                                    "` of code block on line `" + std::to_string(fence_line) + "`");
      }
    }

    std::string path;
    bool is_explicit = explicit_path_.has_value();
    if (is_explicit) {
      path = *explicit_path_;
      if (path == kSnippetPy || path == kSnippetPyi || path == kSnippetIpynb) {
        return Fail(fence_line, "The file name `" + path + "` in test `" + test_name +
                                    "` must not be used explicitly.");
      }
    } else if (lang == "py" || lang == "python") {
      path = kSnippetPy;
    } else if (lang == "pyi") {
      path = kSnippetPyi;
    } else if (lang == "ipynb") {
      path = kSnippetIpynb;
    } else if (lang.empty()) {
      return Fail(fence_line,
                  "Cannot auto-generate file name for code block with empty language specifier "
                  "in test `" +
                      test_name + "`");
    } else {
      return Fail(fence_line, "Cannot auto-generate file name for code block with language `" +
                                  lang + "` in test `" + test_name + "`");
    }

    bool has_merged_snippets = false;
    bool has_explicit_paths = false;
    std::optional<size_t> existing;
    for (size_t index : current_section_files_) {
      const EmbeddedFile& file = suite_.files[index];
      has_merged_snippets = has_merged_snippets || file.blocks.size() > 1;
      has_explicit_paths = has_explicit_paths || file.explicit_path;
      if (file.path == path) existing = index;
    }
    const std::string merged_error = "Merged snippets in test `" + test_name +
                                     "` are not allowed in the presence of other files.";

    if (!existing) {
      if (has_merged_snippets) return Fail(fence_line, merged_error);
      EmbeddedFile file;
      file.section = section;
      file.path = std::move(path);
      file.explicit_path = is_explicit;
      file.lang = lang;
      file.code = std::move(code);
      file.blocks.push_back(CodeBlock{fence_line, line_count, 0, std::nullopt});
      suite_.files.push_back(std::move(file));
      current_section_files_.push_back(suite_.files.size() - 1);
      return true;
    }
    if (is_explicit) {
      return Fail(fence_line, "Test `" + test_name + "` has duplicate files named `" + path + "`.");
    }
    if (has_explicit_paths) return Fail(fence_line, merged_error);
    EmbeddedFile& file = suite_.files[*existing];
    // Empty blocks are skipped entirely: they add no line to the merged file.
    if (code.empty()) return true;
    file.code.push_back('\n');
    uint32_t start = static_cast<uint32_t>(file.code.size());
    file.code += code;
    file.blocks.push_back(CodeBlock{fence_line, line_count, start, std::nullopt});
    return true;
  }

  bool ProcessConfigBlock(const std::string& code, uint32_t fence_line) {
    if (current_section_has_config_) {
      return Fail(fence_line,
                  "Multiple TOML configuration blocks in the same section are not allowed.");
    }
    std::string error;
    uint32_t error_line = 0;
    std::optional<MdtestConfig> config = ParseMdtestConfig(code, &error, &error_line);
    if (!config) {
      return Fail(fence_line + error_line, "Error while parsing Markdown TOML config: " + error);
    }
    suite_.sections[stack_.back()].config = std::move(*config);
    current_section_has_config_ = true;
    return true;
  }

  bool ProcessSnapshotBlock(std::string code, uint32_t fence_line) {
    std::string line = std::to_string(fence_line);
    if (current_section_files_.empty()) {
      return Fail(fence_line, "`snapshot` code block on line " + line +
                                  " must follow a Python code block, but section has no files.");
    }
    EmbeddedFile& file = suite_.files[current_section_files_.back()];
    if (!file.IsCheckable()) {
      return Fail(fence_line, "`snapshot` code block on line " + line +
                                  " must follow a `python` code block in the same section but it "
                                  "follows a `" +
                                  file.lang + "` block.");
    }
    CodeBlock& block = file.blocks.back();
    if (block.snapshot) {
      return Fail(fence_line, "Python code block on line `" + std::to_string(block.fence_line) +
                                  "` has more than one `snapshot` block: first on line " +
                                  std::to_string(block.snapshot->fence_line) +
                                  " and another on line " + line + ".");
    }
    block.snapshot = SnapshotBlock{std::move(code), fence_line};
    return true;
  }

  void BuildTests() {
    const auto& files = suite_.files;
    for (size_t i = 0; i < files.size();) {
      size_t j = i;
      while (j < files.size() && files[j].section == files[i].section) ++j;
      MarkdownTest test;
      test.section = files[i].section;
      test.first_file = i;
      test.file_count = j - i;
      std::vector<const std::string*> titles;
      for (std::optional<size_t> s = test.section; s; s = suite_.sections[*s].parent) {
        titles.push_back(&suite_.sections[*s].title);
      }
      for (auto it = titles.rbegin(); it != titles.rend(); ++it) {
        if (!test.name.empty()) test.name += " - ";
        test.name += **it;
      }
      suite_.tests.push_back(std::move(test));
      i = j;
    }
  }

  std::string src_;
  std::vector<size_t> line_starts_;
  size_t pos_ = 0;
  MarkdownSuite suite_;
  std::vector<size_t> stack_;
  std::vector<size_t> current_section_files_;  // indices into suite_.files, insertion order
  bool current_section_has_config_ = false;
  uint32_t preceding_blank_lines_ = 0;
  std::optional<std::string> explicit_path_;
  std::optional<MarkdownParseError> error_;
};

// ---- TOML configuration

class ConfigReader {
 public:
  explicit ConfigReader(MdtestConfig* config) : config_(config) {}

  bool Read(const toml::table& root) {
    for (const auto& [key, node] : root) {
      std::string_view name = key.str();
      if (name == "log") {
        if (!node.is_boolean() && !node.is_string()) {
          return TypeError(node, "log", "a boolean or a string");
        }
      } else if (name == "verbose") {
        if (!ReadBool(node, "verbose", &config_->verbose)) return false;
      } else if (name == "system") {
        std::optional<std::string> system;
        if (!ReadString(node, "system", &system)) return false;
        if (*system != "in-memory" && *system != "os") {
          return ValueError(
              node, "unknown variant `" + *system + "` for `system`, expected `in-memory` or `os`");
        }
        config_->system = std::move(system);
      } else if (name == "environment") {
        if (!ReadEnvironment(node)) return false;
      } else if (name == "rules") {
        if (!ReadRules(node)) return false;
      } else if (name == "analysis") {
        if (!ReadAnalysis(node)) return false;
      } else if (name == "project") {
        if (!ReadProject(node)) return false;
      } else {
        return UnknownField(node, name);
      }
    }
    return true;
  }

  const std::string& error() const { return error_; }
  uint32_t error_line() const { return error_line_; }

 private:
  bool ReadEnvironment(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) return TypeError(node, "environment", "a table");
    for (const auto& [key, value] : *table) {
      std::string_view name = key.str();
      if (name == "python-version") {
        std::optional<std::string> text;
        if (!ReadString(value, "environment.python-version", &text)) return false;
        std::optional<PythonVersion> version = PythonVersion::Parse(*text);
        if (!version) {
          return ValueError(value, "invalid `python-version` `" + *text +
                                       "`: expected a version of the form `3.N`");
        }
        config_->python_version = *version;
        config_->python_version_set = true;
      } else if (name == "python-platform") {
        if (!ReadString(value, "environment.python-platform", &config_->python_platform)) {
          return false;
        }
      } else if (name == "typeshed") {
        if (!ReadString(value, "environment.typeshed", &config_->typeshed)) return false;
      } else if (name == "extra-paths") {
        if (!ReadStringArray(value, "environment.extra-paths", &config_->extra_paths)) {
          return false;
        }
      } else if (name == "python") {
        if (!ReadString(value, "environment.python", &config_->python)) return false;
      } else {
        return UnknownField(value, "environment." + std::string(name));
      }
    }
    return true;
  }

  bool ReadRules(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) return TypeError(node, "rules", "a table");
    for (const auto& [key, value] : *table) {
      std::string path = "rules." + std::string(key.str());
      std::optional<std::string> level;
      if (!ReadString(value, path, &level)) return false;
      RuleLevel parsed;
      if (*level == "ignore") {
        parsed = RuleLevel::Ignore;
      } else if (*level == "warn") {
        parsed = RuleLevel::Warn;
      } else if (*level == "error") {
        parsed = RuleLevel::Error;
      } else {
        return ValueError(value, "unknown variant `" + *level + "` for `" + path +
                                     "`, expected one of `ignore`, `warn`, `error`");
      }
      config_->rules.emplace_back(std::string(key.str()), parsed);
    }
    return true;
  }

  bool ReadAnalysis(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) return TypeError(node, "analysis", "a table");
    for (const auto& [key, value] : *table) {
      std::string_view name = key.str();
      std::string path = "analysis." + std::string(name);
      bool ok = true;
      if (name == "strict-generic-narrowing") {
        ok = ReadBool(value, path, &config_->strict_generic_narrowing);
      } else if (name == "strict-equality-semantics" || name == "strict-literal-narrowing") {
        ok = ReadBool(value, path, &config_->strict_equality_semantics);
      } else if (name == "respect-type-ignore-comments") {
        ok = ReadBool(value, path, &config_->respect_type_ignore_comments);
      } else if (name == "allowed-unresolved-imports") {
        ok = ReadStringArray(value, path, &config_->allowed_unresolved_imports);
      } else if (name == "replace-imports-with-any") {
        ok = ReadStringArray(value, path, &config_->replace_imports_with_any);
      } else {
        return UnknownField(value, path);
      }
      if (!ok) return false;
    }
    return true;
  }

  bool ReadProject(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) return TypeError(node, "project", "a table");
    for (const auto& [key, value] : *table) {
      std::string_view name = key.str();
      if (name == "dependencies") {
        if (!ReadStringArray(value, "project.dependencies", &config_->dependencies)) return false;
      } else {
        return UnknownField(value, "project." + std::string(name));
      }
    }
    return true;
  }

  bool ReadBool(const toml::node& node, std::string_view path, std::optional<bool>* out) {
    if (const auto* value = node.as_boolean()) {
      *out = value->get();
      return true;
    }
    return TypeError(node, path, "a boolean");
  }

  bool ReadString(const toml::node& node, std::string_view path, std::optional<std::string>* out) {
    if (const auto* value = node.as_string()) {
      *out = value->get();
      return true;
    }
    return TypeError(node, path, "a string");
  }

  bool ReadStringArray(const toml::node& node, std::string_view path,
                       std::vector<std::string>* out) {
    const toml::array* array = node.as_array();
    if (!array) return TypeError(node, path, "an array of strings");
    out->clear();
    for (const toml::node& element : *array) {
      const auto* value = element.as_string();
      if (!value) return TypeError(element, path, "an array of strings");
      out->push_back(value->get());
    }
    return true;
  }

  bool Fail(const toml::node& node, std::string message) {
    error_ = std::move(message);
    error_line_ = static_cast<uint32_t>(node.source().begin.line);
    return false;
  }
  bool TypeError(const toml::node& node, std::string_view path, std::string_view expected) {
    return Fail(node,
                "invalid type for `" + std::string(path) + "`: expected " + std::string(expected));
  }
  bool ValueError(const toml::node& node, std::string message) {
    return Fail(node, std::move(message));
  }
  bool UnknownField(const toml::node& node, std::string_view path) {
    return Fail(node, "unknown field `" + std::string(path) + "`");
  }

  MdtestConfig* config_;
  std::string error_;
  uint32_t error_line_ = 0;
};

}  // namespace

bool EmbeddedFile::IsCheckable() const { return lang == "py" || lang == "python" || lang == "pyi"; }

std::optional<uint32_t> EmbeddedFile::MarkdownLine(uint32_t line) const {
  for (const CodeBlock& block : blocks) {
    if (line > block.line_count) {
      line -= block.line_count;
    } else {
      return block.fence_line + line;
    }
  }
  return std::nullopt;
}

uint32_t EmbeddedFile::LastMarkdownLine() const {
  if (blocks.empty()) return 0;
  return blocks.back().fence_line + blocks.back().line_count;
}

std::optional<MdtestConfig> ParseMdtestConfig(std::string_view toml_text, std::string* error,
                                              uint32_t* error_line) {
  *error_line = 0;
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    *error = std::string(e.description());
    *error_line = static_cast<uint32_t>(e.source().begin.line);
    return std::nullopt;
  } catch (const std::exception& e) {
    *error = e.what();
    return std::nullopt;
  }
  MdtestConfig config;
  ConfigReader reader(&config);
  if (!reader.Read(root)) {
    *error = reader.error();
    *error_line = reader.error_line();
    return std::nullopt;
  }
  return config;
}

MarkdownParseResult ParseMarkdown(std::string_view file_name, std::string_view source) {
  // CRLF files scan like LF files (ty would treat "\r" lines as prose).
  std::string text;
  text.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n') continue;
    text.push_back(source[i]);
  }
  Parser parser(file_name, std::move(text));
  return parser.Parse();
}

}  // namespace asynctype::mdtest
