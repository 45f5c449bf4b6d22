#include "checker/check/suppressions.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "checker/diagnostics/pyright_rules.h"

namespace asynctype {
namespace {

// `unused-awaitable` once reported every dropped awaitable; dropped coroutines and new tasks now
// have their own rules, and directives written for the old one still suppress them.
bool CoveredByOldName(llvm::StringRef code, Rule rule) {
  return code == "unused-awaitable" && (rule == Rule::UnusedCoroutine || rule == Rule::UnusedTask);
}

struct Code {
  std::string name;
  TextRange range;
  bool used = false;
};

// Whose directive: ours is checked (unknown and unused codes reported); the others belong to
// other tools too, and are only read.
enum class Owner : uint8_t { Asynctype, Type, Ty, Pyright };

struct Directive {
  TextRange range;     // the directive's text within the comment
  Owner owner = Owner::Type;
  bool blanket = true;  // no codes, or `type: ignore[...]`
  bool file_level = false;
  bool used = false;
  std::vector<Code> codes;
};

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Matches `word` then optional spaces, ':' and optional spaces at `text[*pos]`.
bool EatPrefix(std::string_view text, size_t* pos, std::string_view word) {
  if (text.substr(*pos, word.size()) != word) return false;
  size_t p = *pos + word.size();
  while (p < text.size() && IsSpace(text[p])) ++p;
  if (p >= text.size() || text[p] != ':') return false;
  ++p;
  while (p < text.size() && IsSpace(text[p])) ++p;
  if (text.substr(p, 6) != "ignore") return false;
  p += 6;
  *pos = p;
  return true;
}

// The directives of one comment (`# type: ignore  # asynctype: ignore[x]` has two).
void ParseComment(std::string_view text, uint32_t base, std::vector<Directive>* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t hash = text.find('#', pos);
    if (hash == std::string_view::npos) return;
    size_t p = hash + 1;
    while (p < text.size() && IsSpace(text[p])) ++p;
    size_t start = p;
    Directive d;
    bool matched = true;
    if (EatPrefix(text, &p, "asynctype")) {
      d.owner = Owner::Asynctype;
    } else if (EatPrefix(text, &p, "type")) {
      d.owner = Owner::Type;
    } else if (EatPrefix(text, &p, "ty")) {
      d.owner = Owner::Ty;
    } else if (EatPrefix(text, &p, "pyright")) {
      d.owner = Owner::Pyright;
    } else {
      matched = false;
    }
    // `ignore` must end the word (`type: ignored` is prose).
    if (matched && p < text.size() && (std::isalnum(static_cast<unsigned char>(text[p])) || text[p] == '_')) {
      matched = false;
    }
    if (!matched) {
      pos = hash + 1;
      continue;
    }
    if (p < text.size() && text[p] == '[') {
      size_t close = text.find(']', p);
      if (close == std::string_view::npos) close = text.size();
      if (d.owner != Owner::Type) {  // mypy's codes are not ours: the comment stays blanket
        size_t q = p + 1;
        while (q < close) {
          size_t comma = std::min(text.find(',', q), close);
          size_t a = q, b = comma;
          while (a < b && IsSpace(text[a])) ++a;
          while (b > a && IsSpace(text[b - 1])) --b;
          if (b > a) {
            d.codes.push_back(Code{std::string(text.substr(a, b - a)),
                                   TextRange{base + static_cast<uint32_t>(a), base + static_cast<uint32_t>(b)}});
          }
          q = comma + 1;
        }
        d.blanket = d.codes.empty();
      }
      p = std::min(close + 1, text.size());
    }
    d.range = TextRange{base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(p)};
    out->push_back(std::move(d));
    pos = p;
  }
}

bool IsSimpleStatement(NodeKind k) {
  switch (k) {
    case NodeKind::Return: case NodeKind::Delete: case NodeKind::Assign: case NodeKind::AugAssign:
    case NodeKind::AnnAssign: case NodeKind::TypeAlias: case NodeKind::Raise: case NodeKind::Assert:
    case NodeKind::Import: case NodeKind::ImportFrom: case NodeKind::Global: case NodeKind::Nonlocal:
    case NodeKind::ExprStmt:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<TextRange> FindIgnoreRuleList(std::string_view comment, uint32_t base) {
  std::vector<Directive> directives;
  ParseComment(comment, 0, &directives);
  for (const Directive& d : directives) {
    if (d.owner != Owner::Asynctype || d.range.end == 0 || comment[d.range.end - 1] != ']') continue;  // no `[...]`
    size_t open = comment.find('[', d.range.start);
    return TextRange{base + static_cast<uint32_t>(open + 1), base + d.range.end - 1};
  }
  return std::nullopt;
}

void ApplySuppressions(const Ast& ast, const SourceFile& source, const RuleLevels& levels,
                       std::vector<Diagnostic>* diagnostics) {
  const LineIndex& lines = source.lines();
  const std::string& text = source.text();
  std::vector<Directive> directives;
  std::unordered_map<uint32_t, std::vector<size_t>> by_line;  // line -> directives covering it
  uint32_t first_statement = UINT32_MAX;
  for (NodeId stmt : ast.children(ast.root())) {
    if (stmt.valid()) first_statement = std::min(first_statement, ast.range(stmt).start);
  }
  for (const Comment& c : ast.comments()) {
    size_t before = directives.size();
    ParseComment(std::string_view(text).substr(c.range.start, c.range.end - c.range.start), c.range.start,
                 &directives);
    for (size_t i = before; i < directives.size(); ++i) {
      Directive& d = directives[i];
      d.file_level = d.owner == Owner::Type && c.own_line && c.range.start < first_statement;
      by_line[lines.LineOf(c.range.start)].push_back(i);
    }
  }
  if (directives.empty()) return;
  // A directive on the first or last line of a multi-line statement covers all its lines.
  for (size_t n = 0; n < ast.size(); ++n) {
    NodeId id(static_cast<uint32_t>(n));
    if (!IsSimpleStatement(ast.kind(id))) continue;
    TextRange r = ast.range(id);
    uint32_t first = lines.LineOf(r.start);
    uint32_t last = lines.LineOf(r.end > r.start ? r.end - 1 : r.start);
    if (first == last) continue;
    std::vector<size_t> covering;
    for (uint32_t edge : {first, last}) {
      auto it = by_line.find(edge);
      if (it != by_line.end()) covering.insert(covering.end(), it->second.begin(), it->second.end());
    }
    for (uint32_t line = first; line <= last; ++line) {
      std::vector<size_t>& list = by_line[line];
      for (size_t i : covering) {
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
    }
  }
  bool file_ignored = std::any_of(directives.begin(), directives.end(), [](const Directive& d) { return d.file_level; });

  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics->size());
  for (Diagnostic& diag : *diagnostics) {
    const RuleInfo& info = GetRuleInfo(diag.rule);
    bool suppressed = false;
    if (info.is_lint) {
      if (file_ignored) {
        suppressed = true;
      } else if (auto it = by_line.find(lines.LineOf(diag.range.start)); it != by_line.end()) {
        for (size_t i : it->second) {
          Directive& d = directives[i];
          if (d.blanket) {
            d.used = suppressed = true;
            continue;
          }
          for (Code& code : d.codes) {
            bool covers = d.owner == Owner::Pyright ? PyrightRuleCovers(code.name, diag.rule)
                                                    : code.name == info.name || CoveredByOldName(code.name, diag.rule);
            if (covers) code.used = suppressed = true;
          }
        }
      }
    }
    if (!suppressed) kept.push_back(std::move(diag));
  }

  bool report_unused = levels.SeverityOf(Rule::UnusedIgnoreComment).has_value();
  bool report_unknown = levels.SeverityOf(Rule::UnknownRule).has_value();
  for (const Directive& d : directives) {
    if (d.owner != Owner::Asynctype) continue;
    if (d.blanket) {
      if (report_unused && !d.used) {
        kept.push_back(MakeDiagnostic(Rule::UnusedIgnoreComment, source.id(), d.range,
                                      "Unused blanket `asynctype: ignore` directive"));
      }
      continue;
    }
    for (const Code& code : d.codes) {
      if (!FindRule(code.name)) {
        if (report_unknown) {
          kept.push_back(MakeDiagnostic(Rule::UnknownRule, source.id(), code.range, "Unknown rule `" + code.name + "`"));
        }
      } else if (report_unused && !code.used) {
        kept.push_back(MakeDiagnostic(Rule::UnusedIgnoreComment, source.id(), code.range,
                                      "Unused `asynctype: ignore` directive: `" + code.name + "`"));
      }
    }
  }
  for (Diagnostic& d : kept) {
    if (d.rule == Rule::UnusedIgnoreComment || d.rule == Rule::UnknownRule) {
      if (auto s = levels.SeverityOf(d.rule)) d.severity = *s;
    }
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.range.start < b.range.start; });
  *diagnostics = std::move(kept);
}

}  // namespace asynctype
