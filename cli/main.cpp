// asynctype's command line: `check`, `mdtest`, `rules`, `rule`, `server`, `--version`, `--help`.
// Parsing is done by CLI11; each subcommand lives in its own file. Work runs on a thread with a
// large stack so that deeply nested (but parser-bounded) syntax never overflows it.
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "checker/database/embedded_stubs.h"
#include "checker/diagnostics/did_you_mean.h"
#include "cli/check_command.h"
#include "cli/mdtest_command.h"
#include "cli/rules_command.h"
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

// The subcommands, for "did you mean" when the first argument names none.
constexpr std::string_view kSubcommands[] = {"check", "mdtest", "rules", "rule", "server"};

// A first argument that is neither an option nor a subcommand: an error naming the closest one.
bool UnknownSubcommand(int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  std::string_view name = argv[1];
  for (std::string_view known : kSubcommands) {
    if (name == known) return false;
  }
  std::cerr << "error: unknown subcommand `" << name << "`" << asynctype::DidYouMean(name, kSubcommands)
            << " (see `asynctype --help`)\n";
  return true;
}

// `server --help` / `-h` goes to CLI11 (the server itself takes no arguments).
bool AsksForHelp(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

// `--version`: the program's, the grammar's and typeshed's versions, then where the stubs come from.
std::string VersionText() {
  const asynctype::EmbeddedStubTable& stubs = asynctype::EmbeddedStubs();
  return std::string("asynctype ") + ASYNCTYPE_VERSION + " (tree-sitter-python " + ASYNCTYPE_GRAMMAR_VERSION +
         ", typeshed " + stubs.typeshed_commit.substr(0, 12).str() + ")\ntypeshed " + stubs.typeshed_commit.str() + " (from " +
         stubs.origin.str() + ")";
}

int Main(int argc, char** argv) {
  if (UnknownSubcommand(argc, argv)) return 2;
  // `mdtest` has its own argument handling (it mirrors ty's runner).
  if (argc >= 2 && std::string(argv[1]) == "mdtest") {
    std::vector<std::string> args(argv + 2, argv + argc);
    return RunOnBigStack([&] { return asynctype::RunMdtestCommand(args, std::cout, std::cerr); });
  }
  // `server`: the language server on stdin / stdout (LSP 3.17).
  if (argc >= 2 && std::string(argv[1]) == "server" && !AsksForHelp(argc, argv)) {
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
  check->add_flag("--exit-zero", check_options.exit_zero, "Exit 0 even when diagnostics are found (2 stays 2)");
  check->add_flag("--statistics", check_options.statistics, "Print the number of diagnostics per rule instead of them");
  check->add_option("--output-file", check_options.output_file, "Write the report to FILE instead of stdout")
      ->type_name("FILE");
  check->add_flag("-q,--quiet", check_options.quiet, "No summary line on stderr");
  check->add_option("--baseline", check_options.baseline, "Report only diagnostics not recorded in FILE")->type_name("FILE");
  check->add_option("--write-baseline", check_options.write_baseline, "Record today's diagnostics in FILE")->type_name("FILE");
  check->add_flag("--no-cache", check_options.no_cache, "Do not read or write the warm cache");
  check->add_option("--cache-dir", check_options.cache_dir,
                    "The warm cache's folder (default: $ASYNCTYPE_CACHE_DIR, else .asynctype_cache in the project root)")
      ->type_name("DIR");
  check->add_flag("--parse-only", check_options.parse_only,
                  "Only parse the files and report syntax errors (benchmark aid)");

  app.add_subcommand("mdtest", "Run markdown tests (ty's mdtest format)");
  app.add_subcommand("server",
                     "Run the language server: LSP 3.17, JSON-RPC over stdin / stdout (diagnostics, hover, "
                     "go to definition, code actions, inlay hints), configured like `check` by the nearest "
                     "asynctype.toml / pyproject.toml; it takes no options");
  CLI::App* rules = app.add_subcommand("rules", "List the diagnostic rules: name, default level, summary");
  std::string rules_format = "text";
  rules->add_option("--format", rules_format,
                    "text (default); markdown: the README's rules table; json: every rule with its documentation")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  CLI::App* rule = app.add_subcommand("rule", "Explain a rule: what it catches, why it matters, an example and its fix");
  std::string rule_name;
  rule->add_option("name", rule_name, "The rule's name (see `asynctype rules`)")->required();

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
    asynctype::WriteRules(rules_format == "markdown" ? asynctype::RulesFormat::Markdown
                          : rules_format == "json"   ? asynctype::RulesFormat::Json
                                                     : asynctype::RulesFormat::Text,
                          std::cout);
    return 0;
  }
  if (rule->parsed()) return asynctype::RunRuleCommand(rule_name, std::cout, std::cerr);
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
