#!/usr/bin/env bash
# CLI test: `asynctype --version` names the program's version (project() in CMakeLists.txt), the
# tree-sitter-python grammar pinned in scripts/fetch-grammar.sh and the embedded typeshed commit.
# Usage: version.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
fail() { echo "FAIL: $*"; exit 1; }

out=$("$bin" --version) || fail "--version exited $?"
version=$(sed -n 's/^project(asynctype VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
grammar=$(sed -n 's/^VERSION=//p' "$src/scripts/fetch-grammar.sh")
[ -n "$version" ] && [ -n "$grammar" ] || fail "cannot read the pinned versions"
first=$(echo "$out" | head -1)
echo "$first" | grep -Eq "^asynctype ${version//./\\.} \(tree-sitter-python ${grammar//./\\.}, typeshed [0-9a-f]{12}\)$" ||
  fail "first line: $first (expected asynctype $version, tree-sitter-python $grammar)"
commit=$(echo "$out" | sed -n 's/^typeshed \([0-9a-f]\{40\}\) (from .*)$/\1/p')
[ -n "$commit" ] || fail "no typeshed line: $out"
[ "$(echo "$first" | sed -n 's/.*typeshed \([0-9a-f]*\))$/\1/p')" = "${commit:0:12}" ] || fail "typeshed commits differ: $out"
exit 0
