#include "mdtest/assertions.h"

#include <algorithm>

#include "checker/base/utf8.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype::mdtest {
namespace {

const char* KeywordOf(AssertionKind kind) {
  switch (kind) {
    case AssertionKind::Revealed:
      return "revealed";
    case AssertionKind::Error:
      return "error";
    case AssertionKind::Snapshot:
      return "snapshot";
  }
  llvm_unreachable("every AssertionKind is handled");
}

}  // namespace

std::string UnparsedAssertion::ToString() const {
  return std::string(KeywordOf(kind)) + ": " + body;
}

std::string ErrorAssertion::ToString() const {
  std::string out = "error:";
  if (column) out += " " + std::to_string(*column);
  if (rule) out += " [" + *rule + "]";
  if (message_contains) out += " \"" + *message_contains + "\"";
  return out;
}

std::string ParsedAssertion::ToString() const {
  switch (kind) {
    case AssertionKind::Revealed:
      return "revealed: " + revealed_type;
    case AssertionKind::Error:
      return error.ToString();
    case AssertionKind::Snapshot:
      return snapshot_rule ? "snapshot: " + *snapshot_rule : std::string("snapshot");
  }
  llvm_unreachable("every AssertionKind is handled");
}

std::optional<UnparsedAssertion> ClassifyComment(std::string_view comment_text) {
  std::string_view comment = llvm::StringRef(comment_text).trim();
  if (comment.empty() || comment.front() != '#') return std::nullopt;
  comment = llvm::StringRef(comment).drop_front().trim();
  // Another `#` starts a nested pragma (`# error: [x]  # fmt:skip`): keep what precedes it.
  if (auto hash = comment.find('#'); hash != std::string_view::npos) {
    comment = comment.substr(0, hash);
  }
  std::string_view keyword = comment;
  std::string_view body;
  if (auto colon = comment.find(':'); colon != std::string_view::npos) {
    keyword = comment.substr(0, colon);
    body = comment.substr(colon + 1);
  }
  keyword = llvm::StringRef(keyword).trim();
  body = llvm::StringRef(body).trim();
  UnparsedAssertion assertion;
  if (keyword == "revealed") {
    assertion.kind = AssertionKind::Revealed;
  } else if (keyword == "error") {
    assertion.kind = AssertionKind::Error;
  } else if (keyword == "snapshot") {
    assertion.kind = AssertionKind::Snapshot;
  } else {
    return std::nullopt;
  }
  assertion.body = std::string(body);
  return assertion;
}

std::optional<ErrorAssertion> ParseErrorAssertion(std::string_view body, std::string* error) {
  ErrorAssertion result;
  size_t pos = 0;
  auto skip_whitespace = [&] {
    while (pos < body.size() && llvm::isSpace(body[pos])) ++pos;
  };
  skip_whitespace();
  while (pos < body.size()) {
    char c = body[pos];
    if (c >= '0' && c <= '9') {
      if (result.column) {
        *error = "multiple column numbers in one assertion";
        return std::nullopt;
      }
      if (result.rule) {
        *error = "column number must precede the rule code";
        return std::nullopt;
      }
      size_t start = pos;
      while (pos < body.size() && !llvm::isSpace(body[pos])) ++pos;
      std::string_view digits = body.substr(start, pos - start);
      uint64_t value = 0;
      bool valid = true;
      for (char d : digits) {
        if (d < '0' || d > '9' || value > 100000000) {
          valid = false;
          break;
        }
        value = value * 10 + static_cast<uint64_t>(d - '0');
      }
      if (!valid || value == 0 || value > UINT32_MAX) {
        *error = "bad column number `" + std::string(digits) + "`";
        return std::nullopt;
      }
      result.column = static_cast<uint32_t>(value);
    } else if (c == '[') {
      if (result.rule) {
        *error = "cannot use multiple rule codes in one assertion";
        return std::nullopt;
      }
      size_t start = ++pos;
      while (pos < body.size() && body[pos] != ']') ++pos;
      if (pos >= body.size()) {
        *error = "expected ']' to close rule code";
        return std::nullopt;
      }
      result.rule = llvm::StringRef(body).substr(start, pos - start).trim().str();
      ++pos;
    } else if (c == '"') {
      std::string_view trimmed = llvm::StringRef(body).rtrim();
      if (trimmed.empty() || trimmed.back() != '"') {
        *error = "expected '\"' to be the final character in an assertion with an error message";
        return std::nullopt;
      }
      size_t start = pos + 1;
      size_t end = trimmed.size() - 1;
      if (start > end) {
        *error = "expected message text and closing '\"' after opening '\"'";
        return std::nullopt;
      }
      result.message_contains = std::string(trimmed.substr(start, end - start));
      return result;
    } else {
      size_t length = utf8::SequenceLength(static_cast<unsigned char>(c));
      length = std::min(length, body.size() - pos);
      *error = "unexpected character `" + std::string(body.substr(pos, length)) + "` at offset " +
               std::to_string(pos + length) + " (relative to the `:` in the assertion comment)";
      return std::nullopt;
    }
    skip_whitespace();
  }
  if (!result.rule) {
    *error = "no rule or message text";
    return std::nullopt;
  }
  return result;
}

std::optional<ParsedAssertion> ParseAssertion(const UnparsedAssertion& assertion,
                                              std::string* error) {
  ParsedAssertion parsed;
  parsed.kind = assertion.kind;
  switch (assertion.kind) {
    case AssertionKind::Revealed:
      if (assertion.body.empty()) {
        *error = "Must specify which type should be revealed";
        return std::nullopt;
      }
      parsed.revealed_type = assertion.body;
      return parsed;
    case AssertionKind::Error: {
      std::optional<ErrorAssertion> error_assertion = ParseErrorAssertion(assertion.body, error);
      if (!error_assertion) return std::nullopt;
      parsed.error = std::move(*error_assertion);
      return parsed;
    }
    case AssertionKind::Snapshot:
      if (!assertion.body.empty()) parsed.snapshot_rule = assertion.body;
      return parsed;
  }
  llvm_unreachable("every AssertionKind is handled");
}

std::vector<LineAssertions> ExtractAssertions(llvm::ArrayRef<Comment> comments,
                                              std::string_view text, const LineIndex& lines) {
  struct Found {
    UnparsedAssertion assertion;
    uint32_t line;  // 0-based line of the comment
    bool own_line;
    uint32_t start;
  };
  std::vector<Found> found;
  for (const Comment& comment : comments) {
    if (comment.range.start > comment.range.end || comment.range.end > text.size()) continue;
    std::optional<UnparsedAssertion> assertion =
        ClassifyComment(text.substr(comment.range.start, comment.range.length()));
    if (!assertion) continue;
    uint32_t line = lines.LineOf(comment.range.start);
    assertion->comment_line = line + 1;
    found.push_back(Found{std::move(*assertion), line, comment.own_line, comment.range.start});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.start < b.start; });

  std::vector<LineAssertions> result;
  for (size_t i = 0; i < found.size(); ++i) {
    LineAssertions group;
    uint32_t line = found[i].line;
    group.assertions.push_back(std::move(found[i].assertion));
    if (found[i].own_line) {
      bool only_own_line = true;
      // Assertion comments on immediately following lines join the stack; a trailing one ends it.
      while (i + 1 < found.size() && found[i + 1].line == line + 1) {
        ++i;
        line = found[i].line;
        if (!found[i].own_line) only_own_line = false;
        group.assertions.push_back(std::move(found[i].assertion));
        if (!only_own_line) break;
      }
      if (only_own_line) ++line;  // the stack applies to the next line of code
    }
    group.line = line + 1;
    result.push_back(std::move(group));
  }
  return result;
}

bool IsDanglingLine(uint32_t line, const LineIndex& lines) { return line > lines.line_count(); }

}  // namespace asynctype::mdtest
