#!/usr/bin/env bash
# CLI test: the README's rules table is the registry's (checker/diagnostics/rules.def), as
# `asynctype rules --format markdown` writes it; and the text listing has one line per rule.
# Usage: readme_rules.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" rules --format markdown >"$tmp/generated" || fail "rules --format markdown exited $?"
# The README's table: the lines starting with `|` right after the `## Rules` heading.
awk '/^## / { in_rules = ($0 == "## Rules") } in_rules && /^\|/ { print }' "$src/README.md" >"$tmp/readme"
[ -s "$tmp/readme" ] || fail "README.md has no table under '## Rules'"
diff -u "$tmp/readme" "$tmp/generated" >"$tmp/diff" || {
  cat "$tmp/diff"
  fail "README.md's rules table differs from the registry; regenerate it with \`asynctype rules --format markdown\`"
}

# Every rule of the registry is in the table and in the text listing.
rows=$(grep -c '^RULE(' "$src/checker/diagnostics/rules.def")
listed=$("$bin" rules | wc -l)
[ "$rows" -eq "$listed" ] || fail "rules.def has $rows rows, \`asynctype rules\` lists $listed"
for name in $(sed -n 's/^RULE([A-Za-z]*, "\([a-z-]*\)".*/\1/p' "$src/checker/diagnostics/rules.def"); do
  grep -q "\`$name\`" "$tmp/generated" || fail "$name missing from the markdown table"
done

# An unknown format is a usage error.
"$bin" rules --format html >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "rules --format html exited $rc"
echo OK
