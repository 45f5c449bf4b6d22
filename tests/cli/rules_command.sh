#!/usr/bin/env bash
# CLI test: `asynctype rules` (columns name / default / summary; off-by-default rules as
# `off (LEVEL)`; `--format json` with the docs), `asynctype rule NAME` (the documentation, "did you
# mean" for an unknown name), an unknown subcommand and `server --help`.
# Usage: rules_command.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Text: one line per rule, the real default in the second column.
"$bin" rules >"$tmp/rules" || fail "rules exited $?"
rows=$(grep -c '^RULE(' "$src/checker/diagnostics/rules.def")
[ "$(wc -l <"$tmp/rules")" -eq "$rows" ] || fail "rules: not one line per rule"
grep -Eq '^invalid-await +error +`await` on an object' "$tmp/rules" || { cat "$tmp/rules"; fail "invalid-await line"; }
grep -Eq '^unused-task +warning ' "$tmp/rules" || fail "unused-task line"
grep -Eq '^revealed-type +info ' "$tmp/rules" || fail "revealed-type line"
for rule in possibly-unresolved-reference unused-awaitable get-event-loop-in-coroutine; do
  grep -Eq "^$rule +off \\(warning\\) " "$tmp/rules" || { cat "$tmp/rules"; fail "$rule is not shown as off (warning)"; }
done

# JSON: every rule with its default, kind and documentation.
"$bin" rules --format json >"$tmp/rules.json" || fail "rules --format json exited $?"
python3 - "$tmp/rules.json" "$rows" <<'PY' || fail "rules --format json"
import json, sys
rules = json.load(open(sys.argv[1]))
assert len(rules) == int(sys.argv[2]), len(rules)
keys = {"name", "default", "severity", "enabled_by_default", "kind", "summary", "readme", "what", "why", "example", "fix"}
for r in rules:
    assert keys <= set(r), (r["name"], keys - set(r))
by = {r["name"]: r for r in rules}
assert by["invalid-await"]["default"] == "error" and by["invalid-await"]["kind"] == "lint"
assert by["unused-awaitable"]["default"] == "off" and by["unused-awaitable"]["severity"] == "warning"
assert by["unused-awaitable"]["enabled_by_default"] is False
assert by["io"]["kind"] == "always-on"
PY

# `rule NAME`: name, default, what, why, example, fix.
"$bin" rule unused-coroutine >"$tmp/doc" || fail "rule unused-coroutine exited $?"
for part in '^unused-coroutine$' '^Default: error$' '^What it catches:$' '^Why it matters:$' '^Example:$' '^Fix:$' \
  '^        asyncio.sleep\(1\)$' '^        await asyncio.sleep\(1\)$'; do
  grep -Eq "$part" "$tmp/doc" || { cat "$tmp/doc"; fail "rule unused-coroutine: no line matching $part"; }
done
"$bin" rule get-event-loop-in-coroutine >"$tmp/doc" || fail "rule get-event-loop-in-coroutine exited $?"
grep -q '^Default: off (warning); enable it with `--warn get-event-loop-in-coroutine`' "$tmp/doc" || { cat "$tmp/doc"; fail "off-by-default default"; }
"$bin" rule invalid-awiat >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "rule invalid-awiat exited $rc"
grep -q 'unknown rule `invalid-awiat` (did you mean `invalid-await`?)' "$tmp/err" || { cat "$tmp/err"; fail "rule: did you mean"; }
[ -s "$tmp/out" ] && fail "rule invalid-awiat wrote to stdout"
"$bin" rule >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "rule without a name exited $rc"

# An unknown subcommand names the closest one.
"$bin" chek src >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "chek exited $rc"
grep -q 'unknown subcommand `chek` (did you mean `check`?)' "$tmp/err" || { cat "$tmp/err"; fail "chek: did you mean"; }
"$bin" rulez >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "rulez exited $rc"
grep -q 'did you mean `rules`?' "$tmp/err" || { cat "$tmp/err"; fail "rulez: did you mean"; }

# `server --help` prints the server's help (and does not start it).
timeout 10 "$bin" server --help >"$tmp/out" 2>&1 </dev/null; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out"; fail "server --help exited $rc"; }
grep -q 'language server' "$tmp/out" || { cat "$tmp/out"; fail "server --help: no description"; }
grep -q 'Usage: .*server' "$tmp/out" || { cat "$tmp/out"; fail "server --help: no usage"; }
echo OK
