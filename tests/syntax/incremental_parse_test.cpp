// Incremental reparsing (Parse with a previous SyntaxTree) and the ParseCache: after any edit,
// the reparse must lower to exactly the Ast and diagnostics of a fresh parse of the new text.
#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "checker/database/parse_cache.h"
#include "checker/syntax/parse.h"

namespace asynctype {
namespace {

// Node-by-node equality (kinds, flags, ranges, children, data), plus comments and diagnostics.
std::string Difference(const ParsedFile& a, const ParsedFile& b) {
  if (a.ast.size() != b.ast.size()) {
    return "node counts " + std::to_string(a.ast.size()) + " vs " + std::to_string(b.ast.size());
  }
  for (uint32_t i = 0; i < a.ast.size(); ++i) {
    NodeId id(i);
    const Node& x = a.ast.node(id);
    const Node& y = b.ast.node(id);
    if (x.kind != y.kind || x.flags != y.flags || x.start != y.start || x.end != y.end || x.data != y.data ||
        a.ast.children(id) != b.ast.children(id)) {
      return "node " + std::to_string(i) + " differs (" + NodeKindName(x.kind) + " vs " + NodeKindName(y.kind) + ")";
    }
  }
  if (a.ast.comments().size() != b.ast.comments().size()) return "comment counts differ";
  if (a.syntax_errors.size() != b.syntax_errors.size()) {
    return "syntax error counts " + std::to_string(a.syntax_errors.size()) + " vs " +
           std::to_string(b.syntax_errors.size());
  }
  for (size_t i = 0; i < a.syntax_errors.size(); ++i) {
    const Diagnostic& x = a.syntax_errors[i];
    const Diagnostic& y = b.syntax_errors[i];
    if (x.range.start != y.range.start || x.range.end != y.range.end || x.message != y.message) {
      return "syntax error " + std::to_string(i) + " differs: " + x.message + " vs " + y.message;
    }
  }
  return "";
}

const char* kSample = R"py(import asyncio
from typing import Optional


class Record:
    def __init__(self, value: int) -> None:
        self.value = value + 1

    async def load(self, scale: int) -> Optional[int]:
        await asyncio.sleep(0)
        if scale > 2:
            return None
        return self.value * scale  # a comment


async def fetch(n: int) -> int:
    x = n + 3
    label = f"value {x!r:>{n}} and {{braces}}"
    async with asyncio.timeout(1):
        y = await asyncio.sleep(0, result=n)
    match x:
        case [a, *rest] if a > 0:
            pass
        case {"k": v}:
            pass
    return x + y + len(label)
)py";

TEST(IncrementalParse, RandomEditsMatchFreshParses) {
  std::mt19937 rng(7);
  const std::vector<std::string> snippets = {"x", "7", " ", "\n", "(", ")", ":", "    ", "await ", "def ",
                                             "\"", "'", "f\"{", "}", "#", "async ", "[", "]", "\\", "\t"};
  std::string text = kSample;
  SyntaxTree tree;
  {
    SourceFile first(FileId(0), "t.py", text);
    Parse(first, nullptr, &tree);
  }
  for (int step = 0; step < 300; ++step) {
    size_t at = std::uniform_int_distribution<size_t>(0, text.size())(rng);
    if (step % 3 == 2 && at < text.size()) {
      size_t len = std::uniform_int_distribution<size_t>(1, 6)(rng);
      text.erase(at, std::min(len, text.size() - at));
    } else {
      text.insert(at, snippets[std::uniform_int_distribution<size_t>(0, snippets.size() - 1)(rng)]);
    }
    if (step % 50 == 49) text = kSample;  // back to valid code now and then
    SourceFile source(FileId(0), "t.py", text);
    SyntaxTree next;
    ParsedFile incremental = Parse(source, &tree, &next);
    ParsedFile fresh = Parse(source);
    ASSERT_EQ(Difference(incremental, fresh), "") << "after step " << step << ":\n" << text;
    tree = std::move(next);
  }
}

// Edits that keep the code valid (digits into numbers, letters into names, comments), the case
// where the old tree is really reused.
TEST(IncrementalParse, ValidEditsMatchFreshParses) {
  std::mt19937 rng(11);
  std::string text = kSample;
  SyntaxTree tree;
  {
    SourceFile first(FileId(0), "t.py", text);
    Parse(first, nullptr, &tree);
  }
  for (int step = 0; step < 300; ++step) {
    size_t at = std::uniform_int_distribution<size_t>(1, text.size() - 1)(rng);
    char before = text[at - 1];
    if (std::isdigit(static_cast<unsigned char>(before))) {
      text.insert(at, "7");
    } else if (std::isalpha(static_cast<unsigned char>(before)) && std::isalnum(static_cast<unsigned char>(text[at]))) {
      text.insert(at, "q");
    } else if (text[at] == '\n') {
      text.insert(at, "  # note");
    } else {
      continue;
    }
    SourceFile source(FileId(0), "t.py", text);
    SyntaxTree next;
    ParsedFile incremental = Parse(source, &tree, &next);
    ParsedFile fresh = Parse(source);
    ASSERT_EQ(Difference(incremental, fresh), "") << "after step " << step << ":\n" << text;
    tree = std::move(next);
  }
}

TEST(ParseCache, SharesUnchangedParsesAndReparsesChanges) {
  auto cache = std::make_shared<ParseCache>();
  std::string text = kSample;
  auto shared1 = cache->Text("m.py", text);
  SourceFile a(FileId(0), "m.py", shared1);
  auto pa = cache->Parse(a);
  // Same text in another program: the same text object and the same parse.
  auto shared2 = cache->Text("m.py", text);
  EXPECT_EQ(shared1.get(), shared2.get());
  SourceFile b(FileId(0), "m.py", shared2);
  EXPECT_EQ(cache->Parse(b).get(), pa.get());
  EXPECT_EQ(cache->hits(), 1u);
  // The semantic index is shared too, for the same parse, file id and options.
  IndexOptions options{PythonVersion{3, 12}, false, false};
  auto ia = cache->Index(a, pa, options);
  EXPECT_EQ(cache->Index(b, pa, options).get(), ia.get());
  SourceFile other_id(FileId(5), "m.py", shared2);
  EXPECT_NE(cache->Index(other_id, pa, options).get(), ia.get());
  IndexOptions stub_options{PythonVersion{3, 12}, true, false};
  EXPECT_NE(cache->Index(b, pa, stub_options).get(), ia.get());
  // A different file id with syntax errors cannot share the diagnostics.
  std::string broken = text + "def (:\n";
  SourceFile c(FileId(0), "m.py", cache->Text("m.py", broken));
  auto pc = cache->Parse(c);
  ASSERT_FALSE(pc->syntax_errors.empty());
  SourceFile d(FileId(3), "m.py", cache->Text("m.py", broken));
  auto pd = cache->Parse(d);
  EXPECT_NE(pd.get(), pc.get());
  EXPECT_EQ(pd->syntax_errors.front().file, FileId(3));
  EXPECT_EQ(Difference(*pd, Parse(d)), "");
}

}  // namespace
}  // namespace asynctype
