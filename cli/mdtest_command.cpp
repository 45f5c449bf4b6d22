#include "cli/mdtest_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "mdtest/markdown.h"
#include "mdtest/runner.h"

namespace asynctype {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitError = 2;

constexpr const char* kUsage =
    "usage: asynctype mdtest [PATHS...] [--filter SUBSTR] [--exact NAME] [--list]\n"
    "  PATHS            markdown test files, or directories searched recursively for *.md\n"
    "  --filter SUBSTR  run only tests whose full name contains SUBSTR\n"
    "  --exact NAME     run only the test whose full name is NAME\n"
    "  --list           print the selected tests' full names, one per line\n";

struct Options {
  std::vector<std::string> paths;
  mdtest::TestFilter filter;
  bool list = false;
  bool help = false;
};

// Parses the arguments; returns an error text on a usage error.
std::optional<std::string> ParseArgs(const std::vector<std::string>& args, Options* options) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value_of = [&](std::string_view flag,
                        std::optional<std::string>* out) -> std::optional<std::string> {
      if (arg == flag) {
        if (i + 1 >= args.size()) return std::string(flag) + " needs a value";
        *out = args[++i];
        return std::nullopt;
      }
      *out = arg.substr(flag.size() + 1);  // --flag=value
      return std::nullopt;
    };
    if (arg == "--filter" || arg.rfind("--filter=", 0) == 0) {
      if (auto error = value_of("--filter", &options->filter.substring)) return error;
    } else if (arg == "--exact" || arg.rfind("--exact=", 0) == 0) {
      if (auto error = value_of("--exact", &options->filter.exact)) return error;
    } else if (arg == "--list") {
      options->list = true;
    } else if (arg == "-h" || arg == "--help") {
      options->help = true;
    } else if (arg == "--") {
      for (++i; i < args.size(); ++i) options->paths.push_back(args[i]);
    } else if (!arg.empty() && arg[0] == '-') {
      return "unknown option `" + arg + "`";
    } else {
      options->paths.push_back(arg);
    }
  }
  if (!options->help && options->paths.empty()) return std::string("no test files given");
  return std::nullopt;
}

// Expands directories into their `*.md` files (sorted); reports missing paths to `err`.
std::vector<std::string> CollectFiles(const std::vector<std::string>& paths, std::ostream& err,
                                      bool* had_error) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code file_ec;
        if (it->is_regular_file(file_ec) && it->path().extension() == ".md") {
          found.push_back(it->path().generic_string());
        }
      }
      if (ec) {
        err << path << ": " << ec.message() << "\n";
        *had_error = true;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      err << path << ": No such file or directory\n";
      *had_error = true;
    }
  }
  return files;
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(buffer).str();
}

}  // namespace

int RunMdtestCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options options;
  if (std::optional<std::string> error = ParseArgs(args, &options)) {
    err << "asynctype mdtest: " << *error << "\n" << kUsage;
    return kExitError;
  }
  if (options.help) {
    out << kUsage;
    return kExitOk;
  }

  bool had_error = false;
  std::vector<std::string> files = CollectFiles(options.paths, err, &had_error);
  size_t passed = 0, failed = 0, selected = 0;
  for (const std::string& path : files) {
    std::optional<std::string> text = ReadFile(path);
    if (!text) {
      err << path << ": could not read file\n";
      had_error = true;
      continue;
    }
    mdtest::MarkdownParseResult parsed = mdtest::ParseMarkdown(mdtest::SuiteTitle(path), *text);
    if (!parsed.ok()) {
      err << path << ":" << parsed.error->line << ": " << parsed.error->message << "\n";
      had_error = true;
      continue;
    }
    for (const mdtest::MarkdownTest& test : parsed.suite.tests) {
      if (!options.filter.Matches(test.name)) continue;
      ++selected;
      if (options.list) {
        out << test.name << "\n";
        continue;
      }
      mdtest::TestResult result = mdtest::RunTest(parsed.suite, test, path);
      if (result.passed()) {
        ++passed;
        continue;
      }
      ++failed;
      for (const mdtest::TestFailure& failure : result.failures) {
        out << failure.md_path << ":" << failure.md_line << ": [" << result.name << "] "
            << failure.message << "\n";
      }
    }
  }

  if (options.filter.exact && selected == 0 && !had_error) {
    err << "asynctype mdtest: no test named `" << *options.filter.exact << "`\n";
    had_error = true;
  }
  if (!options.list) out << passed << " passed, " << failed << " failed\n";
  out.flush();
  if (had_error) return kExitError;
  return failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace asynctype
