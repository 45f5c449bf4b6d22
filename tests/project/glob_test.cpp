// Unit tests of checker/project/glob: the semantics of `*`, `?` and `**` (also against a plain
// backtracking matcher written here as the reference, on many small random cases) and that
// patterns with many `**` match in polynomial time.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "checker/project/glob.h"

namespace asynctype {
namespace {

// The reference: the definition, by exhaustive recursion (exponential, fine on small inputs).
bool RefComponent(const std::string& p, size_t i, const std::string& t, size_t j) {
  if (i == p.size()) return j == t.size();
  if (p[i] == '*') return RefComponent(p, i + 1, t, j) || (j < t.size() && RefComponent(p, i, t, j + 1));
  return j < t.size() && (p[i] == '?' || p[i] == t[j]) && RefComponent(p, i + 1, t, j + 1);
}

std::vector<std::string> RefSplit(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + "/") {
    if (c != '/') {
      cur += c;
      continue;
    }
    if (!cur.empty() && cur != ".") out.push_back(cur);
    cur.clear();
  }
  return out;
}

bool RefSegments(const std::vector<std::string>& pat, size_t i, const std::vector<std::string>& parts, size_t j) {
  if (i == pat.size()) return true;  // a matched folder covers what is below it
  if (pat[i] == "**") {
    for (size_t k = j; k <= parts.size(); ++k) {
      if (RefSegments(pat, i + 1, parts, k)) return true;
    }
    return false;
  }
  return j < parts.size() && RefComponent(pat[i], 0, parts[j], 0) && RefSegments(pat, i + 1, parts, j + 1);
}

bool RefGlob(const std::string& pattern, const std::string& path) {
  std::vector<std::string> pat = RefSplit(pattern), parts = RefSplit(path);
  if (pat.empty()) return false;
  size_t slash = pattern.find('/');
  if (slash != std::string::npos && slash + 1 != pattern.size()) return RefSegments(pat, 0, parts, 0);
  for (size_t start = 0; start < parts.size(); ++start) {
    if (RefSegments(pat, 0, parts, start)) return true;
  }
  return false;
}

TEST(GlobSemantics, StarsAndQuestionMarksStayInsideAComponent) {
  EXPECT_TRUE(MatchesGlob("src/*.py", "src/a.py"));
  EXPECT_FALSE(MatchesGlob("src/*.py", "src/sub/a.py"));
  EXPECT_TRUE(MatchesGlob("src/*", "src/sub/a.py"));  // `*` matches the folder, which covers a.py
  EXPECT_TRUE(MatchesGlob("src/a?c.py", "src/abc.py"));
  EXPECT_FALSE(MatchesGlob("src/a?c.py", "src/a/c.py"));
  EXPECT_TRUE(MatchesGlob("src/*_test*.py", "src/x_test_y.py"));
  EXPECT_FALSE(MatchesGlob("src/*_test*.py", "src/x_tes.py"));
}

TEST(GlobSemantics, DoubleStarSpansZeroOrMoreComponents) {
  EXPECT_TRUE(MatchesGlob("src/**/gen.py", "src/gen.py"));
  EXPECT_TRUE(MatchesGlob("src/**/gen.py", "src/a/b/c/gen.py"));
  EXPECT_FALSE(MatchesGlob("src/**/gen.py", "lib/a/gen.py"));
  EXPECT_TRUE(MatchesGlob("**", "anything/at/all.py"));
  EXPECT_TRUE(MatchesGlob("**/**/x/**", "a/x/b.py"));
  EXPECT_FALSE(MatchesGlob("**/x/**/y", "a/y/x.py"));
}

TEST(GlobSemantics, AnchoringFoldersAndDotComponents) {
  EXPECT_TRUE(MatchesGlob("build", "pkg/build/x.py"));       // no '/': any component
  EXPECT_TRUE(MatchesGlob("build/", "pkg/build/x.py"));      // a trailing '/' does not anchor
  EXPECT_FALSE(MatchesGlob("pkg/build", "src/pkg/build/x.py"));  // anchored at the root
  EXPECT_TRUE(MatchesGlob("./pkg//build", "pkg/build/x.py"));     // `.` and empty components ignored
  EXPECT_TRUE(MatchesGlob("pkg/build", "./pkg/build"));
  EXPECT_FALSE(MatchesGlob("", "a.py"));
  EXPECT_FALSE(MatchesGlob("a.py", ""));
  EXPECT_FALSE(MatchesGlob("**", ""));  // unanchored: starts at some component, and there is none
  EXPECT_TRUE(MatchesGlob("./**", ""));  // anchored `**` matches zero components
  EXPECT_FALSE(MatchesGlob("x", "**"));
  EXPECT_TRUE(MatchesGlob("../shared/*.py", "../shared/a.py"));
}

TEST(GlobSemantics, SameAnswersAsTheBacktrackingDefinition) {
  const std::vector<std::string> segments = {"a", "b", "ab", "*", "?", "**", "a*", "*b", "?b", "."};
  const std::vector<std::string> components = {"a", "b", "ab", "ba", "abb", "c"};
  std::mt19937 rng(12345);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  int matches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string pattern, path;
    int n = 1 + static_cast<int>(rng() % 5);
    for (int i = 0; i < n; ++i) pattern += (i ? "/" : "") + pick(segments);
    if (rng() % 4 == 0) pattern += "/";
    int m = static_cast<int>(rng() % 7);
    for (int i = 0; i < m; ++i) path += (i ? "/" : "") + pick(components);
    bool expected = RefGlob(pattern, path);
    matches += expected;
    ASSERT_EQ(MatchesGlob(pattern, path), expected) << "pattern `" << pattern << "`, path `" << path << "`";
  }
  EXPECT_GT(matches, 2000);  // both answers are well represented
  EXPECT_LT(matches, 18000);
}

// The reproduction of issue 11: 12 `**` against a 40-folder path took minutes by backtracking.
TEST(GlobPerformance, ManyDoubleStarsAgainstADeepPath) {
  std::string path;
  for (int i = 0; i < 40; ++i) path += "a/";
  path += "x.py";
  auto pattern_with = [](int stars, const std::string& last) {
    std::string p;
    for (int i = 0; i < stars; ++i) p += "**/a/";
    return p + last;
  };
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(MatchesGlob(pattern_with(12, "b"), path));
  EXPECT_TRUE(MatchesGlob(pattern_with(12, "x.py"), path));
  EXPECT_FALSE(MatchesGlob(pattern_with(41, "x.py"), path));  // more `a` than the path has
  EXPECT_TRUE(MatchesGlob(pattern_with(40, "x.py"), path));
  EXPECT_FALSE(MatchesGlob("a/" + pattern_with(200, "b"), path));
  // Unanchored (no '/'): every start position at once, not one search per start.
  EXPECT_FALSE(MatchesGlob(std::string(3000, '*') + "b", std::string(3000, 'a')));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 1.0);
}

}  // namespace
}  // namespace asynctype
