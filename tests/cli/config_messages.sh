#!/usr/bin/env bash
# CLI test: configuration messages and levels. Command-line levels override the configuration's
# (`--ignore all` silences configured rules too); `"warning"` is not a level; unknown keys, rules
# and levels get "did you mean"; a configured `src` / `extra-paths` entry that does not exist is a
# warning (exit 2 only when nothing is left to check); "All checks passed!" never comes with exit 2.
# Usage: config_messages.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$tmp" || exit 1
mkdir app
printf 'import asyncio\n\nasync def main():\n    asyncio.sleep(1)\n    await 1\n' >app/m.py
config() { printf '[tool.asynctype]\nsrc = ["app"]\n%s' "$1" >pyproject.toml; }
run() { "$bin" check --output-format concise "$@" >out 2>err; rc=$?; }
expect() {  # expect RC FILE PATTERN WHAT
  [ "$rc" -eq "$1" ] || { cat out err; fail "$4: exit $rc, expected $1"; }
  grep -q -- "$3" "$2" || { cat out err; fail "$4: no \`$3\` in $2"; }
}

# Levels: the configuration's named rules, overridden by the command line.
config $'[tool.asynctype.rules]\ninvalid-await = "error"\nunused-coroutine = "warn"\n'
run; expect 1 out 'warning\[unused-coroutine\]' "configured levels"
run --ignore all; expect 0 err 'All checks passed!' "--ignore all"
[ -s out ] && { cat out; fail "--ignore all left diagnostics"; }
run --ignore all --warn invalid-await; expect 0 out 'warning\[invalid-await\]' "--ignore all --warn RULE"
grep -q unused-coroutine out && fail "--ignore all --warn RULE kept unused-coroutine"
run --warn invalid-await; expect 0 out 'warning\[invalid-await\]' "--warn over a configured error"
config $'[tool.asynctype.rules]\nall = "ignore"\n'
run --error unused-coroutine; expect 1 out 'error\[unused-coroutine\]' "--error RULE over configured all"
grep -q invalid-await out && fail "configured all = ignore lost"

# "warning" is not a level; unknown keys, rules and levels get "did you mean".
config $'[tool.asynctype.rules]\ninvalid-await = "warning"\n'
run; expect 2 err 'pyproject.toml:4:17: the level of `invalid-await` must be "error", "warn" or "ignore" (did you mean `warn`?)' "warning level"
config $'[tool.asynctype.rules]\ninvalid-awiat = "warn"\n'
run; expect 2 err 'unknown rule `invalid-awiat` (did you mean `invalid-await`?)' "unknown rule"
config $'pyhton-version = "3.12"\n'
run; expect 2 err 'unknown key `tool.asynctype.pyhton-version` (did you mean `tool.asynctype.python-version`?)' "unknown key"
config $'[tool.asynctype.rules]\ninvalid-await = "eror"\n'
run; expect 2 err '(did you mean `error`?)' "misspelt level"
config ''
run --warn unused-corutine; expect 2 err 'unknown rule `unused-corutine` (did you mean `unused-coroutine`?)' "--warn misspelt"
grep -q 'All checks passed' err && fail "All checks passed! with exit 2"

# Missing configured paths: a warning naming the key and the path; the rest is checked.
printf '[tool.asynctype]\nsrc = ["app", "lib"]\nextra-paths = ["vendor"]\n' >pyproject.toml
run; expect 1 err 'warning: `src` entry `lib` (in pyproject.toml) does not exist' "missing src entry"
grep -q 'warning: `extra-paths` entry `vendor` (in pyproject.toml) does not exist' err || { cat err; fail "missing extra-paths entry"; }
grep -q 'error\[invalid-await\]' out || fail "app/ not checked beside a missing src entry"
run app; expect 1 err '`src` entry `lib`' "missing src entry with a path given"
# Nothing left to check: exit 2, and not "All checks passed!".
printf '[tool.asynctype]\nsrc = ["lib"]\n' >pyproject.toml
run; expect 2 err 'nothing to check' "no src entry exists"
grep -q 'All checks passed' err && { cat err; fail "All checks passed! with exit 2"; }

# A missing path on the command line beside a clean file: exit 2 without "All checks passed!".
rm pyproject.toml
printf 'x = 1\n' >clean.py
run clean.py missing.py; expect 2 err 'path `missing.py` does not exist' "missing path"
grep -q 'All checks passed' err && { cat err; fail "All checks passed! with exit 2"; }
grep -q 'No diagnostics in 1 file' err || { cat err; fail "summary with a missing path"; }
echo OK
