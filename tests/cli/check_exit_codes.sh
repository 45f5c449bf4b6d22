#!/usr/bin/env bash
# CLI test: `asynctype check` exit codes, planted bugs in examples/, bad input handling.
# Usage: check_exit_codes.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A clean file exits 0.
"$bin" check "$src/examples/clean.py" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "clean.py exited $rc"; }

# The example project has planted bugs: exit 1, each rule reported.
"$bin" check "$src/examples" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "examples exited $rc"; }
for rule in invalid-await invalid-syntax unresolved-reference unresolved-import; do
  grep -q "error\[$rule\]" "$tmp/out" || { cat "$tmp/out"; fail "examples: no $rule"; }
done
count=$(grep -c '^error\[' "$tmp/out")
[ "$count" -eq 4 ] || { cat "$tmp/out"; fail "examples: expected exactly 4 errors, got $count"; }
grep -q "Found 4 errors" "$tmp/err" || { cat "$tmp/err"; fail "examples: summary"; }
# Secondary annotations are rendered as further snippets, also in the bundled stubs.
grep -q "::: vendored://stdlib/builtins.pyi:[0-9]*:7" "$tmp/out" || { cat "$tmp/out"; fail "secondary annotation"; }
grep -q -- "--- type defined here" "$tmp/out" || { cat "$tmp/out"; fail "secondary annotation message"; }

# A missing path: clear message, exit 2, other paths still checked.
"$bin" check "$tmp/missing.py" "$src/examples/clean.py" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "missing path exited $rc"
grep -q "does not exist" "$tmp/err" || fail "missing path message"

# Binary and non-UTF-8 files are io errors; the rest of the files are still checked.
mkdir -p "$tmp/proj"
printf 'x = 1\x00\x01\x02' > "$tmp/proj/binary.py"
printf 'x = "\xff\xfe"\n' > "$tmp/proj/latin.py"
printf 'await 1\n' > "$tmp/proj/bad.py"
mkdir -p "$tmp/proj/dir.py"
"$bin" check --output-format concise "$tmp/proj" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "bad files exited $rc"; }
grep -q "binary.py: error\[io\]" "$tmp/out" || { cat "$tmp/out"; fail "binary file not reported"; }
grep -q "latin.py: error\[io\].*UTF-8" "$tmp/out" || { cat "$tmp/out"; fail "non-UTF-8 file not reported"; }
grep -q "bad.py:1:1: error\[invalid-syntax\]" "$tmp/out" || { cat "$tmp/out"; fail "other files not checked"; }

# Invalid syntax is reported with a location; the rest of the file is still checked.
printf 'def f(:\n    pass\n\nasync def g():\n    await 1\n' > "$tmp/syntax.py"
"$bin" check --output-format concise "$tmp/syntax.py" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "syntax file exited $rc"
grep -q "syntax.py:1:.*invalid-syntax" "$tmp/out" || { cat "$tmp/out"; fail "syntax error location"; }
grep -q "syntax.py:5:11: error\[invalid-await\]" "$tmp/out" || { cat "$tmp/out"; fail "rest of file not checked"; }

# Usage errors exit 2.
"$bin" check --python-version 2.7 "$src/examples/clean.py" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "bad python version exited $rc"
"$bin" frobnicate >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "unknown subcommand exited $rc"

# --version, --help and rules.
"$bin" --version | grep -q "^asynctype " || fail "--version"
"$bin" --help | grep -q "check" || fail "--help"
"$bin" rules | grep -Eq "^invalid-await +error " || fail "rules"
echo "ok"
