#include "cli/mdtest_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "CLI/CLI.hpp"
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

// Parses the arguments with CLI11; returns an error text on a usage error. `-h` / `--help` print
// the usage above (not CLI11's), and unknown options are reported as before.
std::optional<std::string> ParseArgs(const std::vector<std::string>& args, Options* options) {
  CLI::App app;
  app.set_help_flag();
  app.allow_extras();
  std::string substring, exact;
  app.add_option("paths", options->paths);
  CLI::Option* filter = app.add_option("--filter", substring)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  CLI::Option* exact_option = app.add_option("--exact", exact)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_flag("--list", options->list);
  app.add_flag("-h,--help", options->help);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 reads from the back
  try {
    app.parse(reversed);
  } catch (const CLI::ArgumentMismatch& e) {
    std::string what = e.what();  // `--filter: 1 required TEXT missing`
    return what.substr(0, what.find(':')) + " needs a value";
  } catch (const CLI::ParseError& e) {
    return std::string(e.what());
  }
  bool after_separator = false;  // `--`: what follows are paths
  for (const std::string& extra : app.remaining()) {
    if (!after_separator && extra == "--") {
      after_separator = true;
    } else if (!after_separator && !extra.empty() && extra[0] == '-') {
      return "unknown option `" + extra + "`";
    } else {
      options->paths.push_back(extra);
    }
  }
  if (filter->count() > 0) options->filter.substring = substring;
  if (exact_option->count() > 0) options->filter.exact = exact;
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
