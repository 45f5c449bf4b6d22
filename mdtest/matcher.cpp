#include "mdtest/matcher.h"

#include <algorithm>
#include <optional>

#include "llvm/Support/ErrorHandling.h"

namespace asynctype::mdtest {
namespace {

std::string_view RuleName(const Diagnostic& diagnostic) {
  return GetRuleInfo(diagnostic.rule).name;
}

bool IsUndefinedReveal(const Diagnostic& diagnostic) {
  return RuleName(diagnostic) == "undefined-reveal";
}

// Rust's Vec::swap_remove: O(1) removal that moves the last element into the hole. The matcher
// keeps this order so greedy matching picks the same diagnostics as ty.
void SwapRemove(std::vector<const Diagnostic*>& items, size_t index) {
  items[index] = items.back();
  items.pop_back();
}

// A reveal diagnostic, optionally checked against the expected type ("`T`" for reveal_type,
// "T" for reveal_mro and the assignability/subtyping helpers).
bool MatchesReveal(const Diagnostic& diagnostic, const std::string* expected_type,
                   const std::string* expected_message) {
  if (diagnostic.rule != Rule::RevealedType) return false;
  if (diagnostic.primary_message.empty()) return false;
  const std::string& headline = diagnostic.message;
  const std::string& annotation = diagnostic.primary_message;
  if ((headline == "Revealed type" || headline == "Revealed protocol interface") &&
      (!expected_message || annotation == *expected_message)) {
    return true;
  }
  if ((headline == "Assignability holds" || headline == "Subtyping holds" ||
       headline == "Revealed MRO") &&
      (!expected_type || annotation == *expected_type)) {
    return true;
  }
  return false;
}

// ty's match_reveal_type_diagnostic: consumes the first matching reveal and one undefined-reveal
// (even when no reveal matches).
const Diagnostic* MatchRevealDiagnostic(const std::string* expected_type,
                                        const std::string* expected_message,
                                        std::vector<const Diagnostic*>& unmatched) {
  const Diagnostic* matched = nullptr;
  bool matched_undefined_reveal = false;
  size_t i = 0;
  while (i < unmatched.size()) {
    const Diagnostic* diagnostic = unmatched[i];
    if (!matched && MatchesReveal(*diagnostic, expected_type, expected_message)) {
      matched = diagnostic;
      SwapRemove(unmatched, i);
    } else if (!matched_undefined_reveal && IsUndefinedReveal(*diagnostic)) {
      SwapRemove(unmatched, i);
      matched_undefined_reveal = true;
    } else {
      ++i;
    }
    if (matched && matched_undefined_reveal) break;
  }
  return matched;
}

class LineMatcher {
 public:
  LineMatcher(std::string_view text, const LineIndex& lines) : text_(text), lines_(lines) {}

  // Returns the consumed diagnostic, or nullptr.
  const Diagnostic* Match(const ParsedAssertion& assertion,
                          std::vector<const Diagnostic*>& unmatched) const {
    switch (assertion.kind) {
      case AssertionKind::Error: {
        const ErrorAssertion& error = assertion.error;
        for (size_t i = 0; i < unmatched.size(); ++i) {
          const Diagnostic& diagnostic = *unmatched[i];
          if (error.rule && RuleName(diagnostic) != *error.rule) continue;
          if (error.column && *error.column != DiagnosticColumn(diagnostic, text_, lines_)) {
            continue;
          }
          if (error.message_contains &&
              diagnostic.ConciseMessage().find(*error.message_contains) == std::string::npos) {
            continue;
          }
          SwapRemove(unmatched, i);
          return &diagnostic;
        }
        return nullptr;
      }
      case AssertionKind::Snapshot: {
        if (!assertion.snapshot_rule) {
          if (unmatched.empty()) return nullptr;
          const Diagnostic* first = unmatched[0];
          SwapRemove(unmatched, 0);
          return first;
        }
        if (*assertion.snapshot_rule == GetRuleInfo(Rule::RevealedType).name) {
          return MatchRevealDiagnostic(nullptr, nullptr, unmatched);
        }
        for (size_t i = 0; i < unmatched.size(); ++i) {
          if (RuleName(*unmatched[i]) == *assertion.snapshot_rule) {
            const Diagnostic* found = unmatched[i];
            SwapRemove(unmatched, i);
            return found;
          }
        }
        return nullptr;
      }
      case AssertionKind::Revealed: {
        std::string expected = DiscardTodoMetadata(assertion.revealed_type);
        std::string expected_message = "`" + expected + "`";
        return MatchRevealDiagnostic(&expected, &expected_message, unmatched);
      }
    }
    llvm_unreachable("every AssertionKind is handled");
  }

  std::string Unexpected(const Diagnostic& diagnostic, bool with_column) const {
    std::string original;
    if (with_column) original = std::to_string(DiagnosticColumn(diagnostic, text_, lines_)) + " ";
    original +=
        "[" + std::string(RuleName(diagnostic)) + "] \"" + diagnostic.ConciseMessage() + "\"";
    if (IsUndefinedReveal(diagnostic)) {
      return "used built-in `reveal_type`: add a `# revealed` assertion on this line (original "
             "diagnostic: " +
             original + ")";
    }
    return "unexpected error: " + original;
  }

 private:
  std::string_view text_;
  const LineIndex& lines_;
};

std::string StripBackticks(const std::string& text) {
  if (text.size() >= 2 && text.front() == '`' && text.back() == '`') {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

}  // namespace

uint32_t DiagnosticLine(const Diagnostic& diagnostic, const LineIndex& lines) {
  return lines.LineOf(diagnostic.range.start) + 1;
}

uint32_t DiagnosticColumn(const Diagnostic& diagnostic, std::string_view text,
                          const LineIndex& lines) {
  LineCol position = lines.CharLineCol(diagnostic.range.start);
  uint32_t column = position.column + 1;
  if (position.line == 0 && text.substr(0, 3) == "\xEF\xBB\xBF" && diagnostic.range.start >= 3 &&
      column > 1) {
    --column;
  }
  return column;
}

std::string DiscardTodoMetadata(std::string_view type) {
  static constexpr std::string_view kPreserved[] = {"@Todo(StarredExpression)",
                                                    "@Todo(typing.Unpack)", "@Todo(TypeVarTuple)"};
  std::string out;
  size_t pos = 0;
  while (pos < type.size()) {
    size_t at = type.find("@Todo(", pos);
    if (at == std::string_view::npos) break;
    size_t close = type.find(')', at + 6);
    if (close == std::string_view::npos) break;
    std::string_view whole = type.substr(at, close + 1 - at);
    out.append(type.substr(pos, at - pos));
    bool preserved =
        std::find(std::begin(kPreserved), std::end(kPreserved), whole) != std::end(kPreserved);
    out.append(preserved ? whole : std::string_view("@Todo"));
    pos = close + 1;
  }
  out.append(type.substr(pos));
  return out;
}

FileMatchResult MatchFile(llvm::ArrayRef<Diagnostic> diagnostics, llvm::ArrayRef<Comment> comments,
                          std::string_view text, const LineIndex& lines) {
  return MatchAssertions(diagnostics, ExtractAssertions(comments, text, lines), text, lines);
}

FileMatchResult MatchAssertions(llvm::ArrayRef<Diagnostic> diagnostics,
                                const std::vector<LineAssertions>& assertions,
                                std::string_view text, const LineIndex& lines) {
  FileMatchResult result;
  LineMatcher matcher(text, lines);

  // Diagnostics sorted and grouped by line.
  std::vector<std::pair<uint32_t, const Diagnostic*>> sorted;
  sorted.reserve(diagnostics.size());
  for (const Diagnostic& diagnostic : diagnostics) {
    sorted.emplace_back(DiagnosticLine(diagnostic, lines), &diagnostic);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  struct LineDiagnostics {
    uint32_t line;
    std::vector<const Diagnostic*> diagnostics;
  };
  std::vector<LineDiagnostics> by_line;
  for (const auto& [line, diagnostic] : sorted) {
    if (by_line.empty() || by_line.back().line != line) by_line.push_back({line, {}});
    by_line.back().diagnostics.push_back(diagnostic);
  }

  auto fail = [&](uint32_t line, std::string message) {
    result.failures.push_back(MatchFailure{line, std::move(message)});
  };
  auto unmatched_assertions = [&](const LineAssertions& group) {
    if (IsDanglingLine(group.line, lines)) {
      fail(lines.line_count(), std::string(kDanglingAssertionMessage));
      return;
    }
    for (const UnparsedAssertion& assertion : group.assertions) {
      fail(group.line, "unmatched assertion: " + assertion.ToString());
    }
  };
  auto unexpected_diagnostics = [&](const LineDiagnostics& group) {
    for (const Diagnostic* diagnostic : group.diagnostics) {
      fail(group.line, matcher.Unexpected(*diagnostic, /*with_column=*/false));
    }
  };
  auto match_line = [&](const LineAssertions& group, const LineDiagnostics& line_diagnostics) {
    std::vector<const Diagnostic*> unmatched = line_diagnostics.diagnostics;
    std::vector<std::string> failures;
    std::vector<size_t> failed_reveals;  // indices into `failures`
    for (const UnparsedAssertion& assertion : group.assertions) {
      std::string error;
      std::optional<ParsedAssertion> parsed = ParseAssertion(assertion, &error);
      if (!parsed) {
        failures.push_back("invalid assertion: " + error);
        continue;
      }
      const Diagnostic* consumed = matcher.Match(*parsed, unmatched);
      if (consumed) {
        if (parsed->kind == AssertionKind::Snapshot) {
          result.snapshot_diagnostics.push_back(static_cast<size_t>(consumed - diagnostics.data()));
        }
        continue;
      }
      if (parsed->kind == AssertionKind::Revealed) failed_reveals.push_back(failures.size());
      failures.push_back("unmatched assertion: " + parsed->ToString());
    }
    // Name what was revealed instead, folding that reveal into the failed assertion.
    for (size_t index : failed_reveals) {
      for (size_t i = 0; i < unmatched.size(); ++i) {
        if (MatchesReveal(*unmatched[i], nullptr, nullptr)) {
          failures[index] += " (revealed: " + StripBackticks(unmatched[i]->primary_message) + ")";
          SwapRemove(unmatched, i);
          break;
        }
      }
    }
    for (const Diagnostic* diagnostic : unmatched) {
      failures.push_back(matcher.Unexpected(*diagnostic, /*with_column=*/true));
    }
    for (std::string& message : failures) fail(group.line, std::move(message));
  };

  size_t a = 0, d = 0;
  while (a < assertions.size() || d < by_line.size()) {
    if (a < assertions.size() && d < by_line.size()) {
      if (assertions[a].line == by_line[d].line) {
        match_line(assertions[a++], by_line[d++]);
      } else if (assertions[a].line < by_line[d].line) {
        unmatched_assertions(assertions[a++]);
      } else {
        unexpected_diagnostics(by_line[d++]);
      }
    } else if (a < assertions.size()) {
      unmatched_assertions(assertions[a++]);
    } else {
      unexpected_diagnostics(by_line[d++]);
    }
  }

  std::sort(result.snapshot_diagnostics.begin(), result.snapshot_diagnostics.end(),
            [&](size_t x, size_t y) {
              if (diagnostics[x].range.start != diagnostics[y].range.start) {
                return diagnostics[x].range.start < diagnostics[y].range.start;
              }
              return x < y;
            });
  return result;
}

}  // namespace asynctype::mdtest
