// asynctype's command line: `check`, `mdtest`, `rules`, `--version`, `--help`. Parsing is done by
// CLI11; each subcommand lives in its own file. Work runs on a thread with a large stack so that
// deeply nested (but parser-bounded) syntax never overflows it.
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "checker/database/embedded_stubs.h"
#include "checker/diagnostics/rules.h"
#include "cli/check_command.h"
#include "cli/mdtest_command.h"
#include "llvm/Support/thread.h"
#include "server/server.h"

namespace {

constexpr unsigned kStackSize = 512u << 20;  // reserved, not committed

int RunOnBigStack(const std::function<int()>& work) {
  int result = 2;
  llvm::thread worker(llvm::Optional<unsigned>(kStackSize), [&] { result = work(); });
  worker.join();
  return result;
}

// The README's rules table: one row per rule, consecutive rules with the same README text and
// default sharing a row (`call-non-callable`, `missing-argument`, ... | error | ...).
void WriteRulesMarkdown(std::ostream& out) {
  auto default_of = [](const asynctype::RuleInfo& info) -> std::string_view {
    return info.enabled_by_default ? asynctype::SeverityName(info.default_severity) : "off";
  };
  out << "| rule | default | what |\n| --- | --- | --- |\n";
  llvm::ArrayRef<asynctype::RuleInfo> rules = asynctype::AllRules();
  for (size_t i = 0; i < rules.size();) {
    size_t end = i + 1;
    while (end < rules.size() && rules[end].readme == rules[i].readme &&
           default_of(rules[end]) == default_of(rules[i])) {
      ++end;
    }
    out << "| ";
    for (size_t j = i; j < end; ++j) out << (j > i ? ", `" : "`") << rules[j].name << "`";
    out << " | " << default_of(rules[i]) << " | " << rules[i].readme << " |\n";
    i = end;
  }
}

// `--version`: the program's, the grammar's and typeshed's versions, then where the stubs come from.
std::string VersionText() {
  const asynctype::EmbeddedStubTable& stubs = asynctype::EmbeddedStubs();
  return std::string("asynctype ") + ASYNCTYPE_VERSION + " (tree-sitter-python " + ASYNCTYPE_GRAMMAR_VERSION +
         ", typeshed " + stubs.typeshed_commit.substr(0, 12).str() + ")\ntypeshed " + stubs.typeshed_commit.str() + " (from " +
         stubs.origin.str() + ")";
}

int Main(int argc, char** argv) {
  // `mdtest` has its own argument handling (it mirrors ty's runner).
  if (argc >= 2 && std::string(argv[1]) == "mdtest") {
    std::vector<std::string> args(argv + 2, argv + argc);
    return RunOnBigStack([&] { return asynctype::RunMdtestCommand(args, std::cout, std::cerr); });
  }
  // `server`: the language server on stdin / stdout (LSP 3.17).
  if (argc >= 2 && std::string(argv[1]) == "server") {
    std::ios::sync_with_stdio(false);
    return RunOnBigStack([&] { return asynctype::lsp::RunLanguageServer(std::cin, std::cout, ASYNCTYPE_VERSION); });
  }

  CLI::App app{"asynctype: a static type checker for Python's async/await semantics"};
  app.set_version_flag("--version", VersionText());
  app.require_subcommand(1);

  asynctype::CheckOptions check_options;
  std::string python_version;
  std::string format = "full";
  std::string color = "auto";
  CLI::App* check = app.add_subcommand("check", "Check Python files (default: the configured `src`, or the current folder)");
  check->add_option("paths", check_options.paths, "Files or folders to check");
  check->add_option("--python-version", python_version, "Target Python version (3.9 - 3.14; default: the Python environment's, else 3.12)");
  check->add_option("--config-file", check_options.config_file,
                    "Configuration file (default: the nearest asynctype.toml or pyproject.toml with [tool.asynctype], "
                    "upwards from the checked paths)");
  check->add_option("--python", check_options.python,
                    "The Python environment whose installed packages are used: an interpreter, a virtual "
                    "environment or a site-packages folder (default: VIRTUAL_ENV, .venv, python3 on PATH)")
      ->type_name("PATH");
  check->add_flag("-v,--verbose", check_options.verbose,
                  "Print the configuration file, Python environment and import roots found (on stderr)");
  check->add_option("--output-format", format, "Diagnostic format")
      ->check(CLI::IsMember({"full", "concise", "json", "sarif", "github", "gitlab"}));
  check->add_option("--color", color, "Colour in the full format (auto: on a terminal, unless NO_COLOR is set)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--error", check_options.error_rules, "Report RULE as an error (or `all`)")->allow_extra_args(false)->type_name("RULE");
  check->add_option("--warn", check_options.warn_rules, "Report RULE as a warning (or `all`)")->allow_extra_args(false)->type_name("RULE");
  check->add_option("--ignore", check_options.ignore_rules, "Do not report RULE (or `all`)")->allow_extra_args(false)->type_name("RULE");
  check->add_option("--exclude", check_options.exclude, "Leave out files matching GLOB")->allow_extra_args(false)->type_name("GLOB");
  check->add_option("--threads", check_options.threads, "Files checked in parallel (default: one per 100 files, up to all cores)");
  check->add_flag("--error-on-warning", check_options.error_on_warning, "Exit 1 on warnings too");
  check->add_option("--baseline", check_options.baseline, "Report only diagnostics not recorded in FILE")->type_name("FILE");
  check->add_option("--write-baseline", check_options.write_baseline, "Record today's diagnostics in FILE")->type_name("FILE");
  check->add_flag("--parse-only", check_options.parse_only,
                  "Only parse the files and report syntax errors (benchmark aid)");

  app.add_subcommand("mdtest", "Run markdown tests (ty's mdtest format)");
  app.add_subcommand("server", "Run the language server (LSP over stdio)");
  CLI::App* rules = app.add_subcommand("rules", "List the diagnostic rules");
  std::string rules_format = "text";
  rules->add_option("--format", rules_format, "text (default), or markdown: the README's rules table")
      ->check(CLI::IsMember({"text", "markdown"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (check->parsed()) {
    if (!python_version.empty()) {
      auto version = asynctype::PythonVersion::Parse(python_version);
      if (!version || version->major != 3 || version->minor < 9 || version->minor > 14) {
        std::cerr << "error: invalid --python-version `" << python_version << "` (expected 3.9 - 3.14)\n";
        return 2;
      }
      check_options.python_version = *version;
    }
    using asynctype::OutputFormat;
    check_options.format = format == "concise" ? OutputFormat::Concise
                           : format == "json"  ? OutputFormat::Json
                           : format == "sarif" ? OutputFormat::Sarif
                           : format == "github" ? OutputFormat::Github
                           : format == "gitlab" ? OutputFormat::Gitlab
                                                : OutputFormat::Full;
    check_options.color = color == "always" ? asynctype::ColorMode::Always
                          : color == "never" ? asynctype::ColorMode::Never
                                             : asynctype::ColorMode::Auto;
    return RunOnBigStack([&] { return asynctype::RunCheckCommand(check_options, std::cout, std::cerr); });
  }
  if (rules->parsed()) {
    if (rules_format == "markdown") {
      WriteRulesMarkdown(std::cout);
      return 0;
    }
    for (const asynctype::RuleInfo& info : asynctype::AllRules()) {
      std::cout << info.name << " (" << asynctype::SeverityName(info.default_severity) << ")"
                << (info.is_lint ? "" : " [always on]") << ": " << info.summary << "\n";
    }
    return 0;
  }
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: internal failure: " << e.what() << "\n";
    return 2;
  }
}
