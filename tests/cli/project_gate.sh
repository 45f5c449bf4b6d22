#!/usr/bin/env bash
# CLI test: `asynctype check` as a CI gate — configuration discovery and errors, rule levels from
# the configuration and flags, every output format (JSON and SARIF parsed and checked for the
# fields a consumer needs), exit codes, the baseline round trip, and identical output whatever
# the thread count.
# Usage: project_gate.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

proj="$tmp/proj"
mkdir -p "$proj/app/sub" "$proj/generated"
cat >"$proj/app/main.py" <<'PY'
import asyncio

async def fetch() -> int:
    return 1

async def main() -> None:
    await 3
    asyncio.get_running_loop().create_future()  # unused-awaitable: off unless configured
PY
cat >"$proj/generated/junk.py" <<'PY'
print(undefined_name)
PY
cat >"$proj/pyproject.toml" <<'TOML'
[project]
name = "demo"

[tool.asynctype]
python-version = "3.11"
exclude = ["generated"]

[tool.asynctype.rules]
unused-awaitable = "error"
TOML

# Discovery: run from a subfolder; the excluded folder is left out; the configured level applies.
(cd "$proj/app/sub" && "$bin" check .. --output-format concise) >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "configured project exited $rc"; }
grep -q "error\[invalid-await\]" "$tmp/out" || { cat "$tmp/out"; fail "no invalid-await"; }
grep -q "error\[unused-awaitable\]" "$tmp/out" || { cat "$tmp/out"; fail "unused-awaitable not raised to error by [rules]"; }
grep -q "junk.py" "$tmp/out" && fail "excluded file was checked"

# Flags override the configuration; --exclude adds to it.
(cd "$proj" && "$bin" check --ignore invalid-await --warn unused-awaitable --output-format concise) >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "only warnings left, exited $rc"; }
grep -q "warning\[unused-awaitable\]" "$tmp/out" || { cat "$tmp/out"; fail "--warn"; }
grep -q "invalid-await" "$tmp/out" && fail "--ignore"
(cd "$proj" && "$bin" check --ignore invalid-await --warn unused-awaitable --error-on-warning) >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "--error-on-warning exited $rc"
# A repeatable option takes one value per occurrence: the path after it stays a path.
(cd "$proj" && "$bin" check --exclude generated --ignore invalid-await app --output-format concise) >"$tmp/out" 2>"$tmp/err"
grep -q "unused-awaitable" "$tmp/out" || { cat "$tmp/out" "$tmp/err"; fail "--exclude swallowed the path"; }
(cd "$proj" && "$bin" check --ignore no-such-rule) >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown rule flag exited $rc"
grep -q "unknown rule \`no-such-rule\`" "$tmp/err" || { cat "$tmp/err"; fail "unknown rule message"; }

# Invalid configurations: a located error and exit 2.
bad="$tmp/bad"
mkdir -p "$bad"
printf 'python-version = "3.12"\n[rules]\ninvalid-await = "loud"\n' >"$bad/asynctype.toml"
(cd "$bad" && "$bin" check .) >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad level exited $rc"
grep -q "asynctype.toml:3:17: the level of \`invalid-await\`" "$tmp/err" || { cat "$tmp/err"; fail "bad level message"; }
printf 'pyhton-version = "3.12"\n' >"$bad/asynctype.toml"
(cd "$bad" && "$bin" check .) >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown key exited $rc"
grep -q "asynctype.toml:1:1: unknown key \`pyhton-version\`" "$tmp/err" || { cat "$tmp/err"; fail "unknown key message"; }
printf 'python-version = "3.12\n' >"$bad/asynctype.toml"
(cd "$bad" && "$bin" check .) >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "broken toml exited $rc"
grep -q "asynctype.toml:1:" "$tmp/err" || { cat "$tmp/err"; fail "broken toml location"; }
"$bin" check --config-file "$tmp/nope.toml" "$proj" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "missing config file exited $rc"

# Output formats.
cd "$proj"
"$bin" check --output-format json >"$tmp/out.json" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "json exited $rc"
[ -s "$tmp/err" ] && { cat "$tmp/err"; fail "json: stderr not empty"; }
python3 - "$tmp/out.json" <<'PY' || fail "json content"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == 1
d = doc["diagnostics"]
assert {x["rule"] for x in d} == {"invalid-await", "unused-awaitable"}, d
for x in d:
    assert x["file"].endswith("app/main.py") and x["severity"] == "error"
    assert x["range"]["start"]["line"] >= 1 and x["range"]["start"]["column"] >= 1
    assert len(x["fingerprint"]) == 16 and x["message"]
assert doc["summary"]["errors"] == 2 and doc["summary"]["files"] == 1
PY
"$bin" check --output-format sarif >"$tmp/out.sarif" 2>/dev/null
python3 - "$tmp/out.sarif" <<'PY' || fail "sarif content"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == "2.1.0" and "sarif" in doc["$schema"]
run = doc["runs"][0]
rules = run["tool"]["driver"]["rules"]
assert run["tool"]["driver"]["name"] == "asynctype"
assert any(r["id"] == "invalid-await" and r["shortDescription"]["text"] for r in rules)
res = run["results"]
assert len(res) == 2
for r in res:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert r["level"] == "error" and r["message"]["text"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("app/main.py")
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
    assert r["partialFingerprints"]["asynctype/v1"]
PY
"$bin" check --output-format github >"$tmp/out" 2>/dev/null
grep -q '^::error file=app/main.py,line=7,col=11,endLine=7,endColumn=12,title=asynctype (invalid-await)::' "$tmp/out" || { cat "$tmp/out"; fail "github format"; }
"$bin" check --output-format gitlab >"$tmp/out.gl" 2>/dev/null
python3 - "$tmp/out.gl" <<'PY' || fail "gitlab content"
import json, sys
doc = json.load(open(sys.argv[1]))
assert len(doc) == 2
for x in doc:
    assert x["description"] and x["check_name"] and x["fingerprint"] and x["severity"] == "major"
    assert x["location"]["path"].endswith("app/main.py") and x["location"]["lines"]["begin"] >= 1
assert len({x["fingerprint"] for x in doc}) == 2
PY
"$bin" check --output-format full --color always >"$tmp/out" 2>/dev/null
grep -q $'\x1b\[' "$tmp/out" || fail "--color always has no colour"
"$bin" check --output-format full >"$tmp/out" 2>/dev/null
grep -q $'\x1b\[' "$tmp/out" && fail "colour when not on a terminal"

# Baseline: today's diagnostics are recorded; an unrelated edit that shifts lines keeps them
# silent; a new one is reported and fails.
"$bin" check --write-baseline "$tmp/baseline.json" >/dev/null 2>&1
"$bin" check --baseline "$tmp/baseline.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "baseline run exited $rc"; }
printf '# a comment\n\n' | cat - app/main.py >"$tmp/m.py" && mv "$tmp/m.py" app/main.py
printf '\nasync def later() -> None:\n    await 4\n' >>app/main.py
"$bin" check --baseline "$tmp/baseline.json" --output-format concise >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "new diagnostic after baseline exited $rc"; }
[ "$(wc -l <"$tmp/out")" -eq 1 ] || { cat "$tmp/out"; fail "baseline: expected only the new diagnostic"; }
grep -q "main.py:13:11: error\[invalid-await\]" "$tmp/out" || { cat "$tmp/out"; fail "baseline: new diagnostic"; }
echo '{"version": 7}' >"$tmp/bad-baseline.json"
"$bin" check --baseline "$tmp/bad-baseline.json" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad baseline exited $rc"

# Identical output with 1 and N threads.
cd "$src"
"$bin" check examples --threads 1 --output-format concise >"$tmp/t1" 2>&1
"$bin" check examples --threads 3 --output-format concise >"$tmp/t3" 2>&1
cmp -s "$tmp/t1" "$tmp/t3" || { diff "$tmp/t1" "$tmp/t3"; fail "output differs between thread counts"; }
echo "ok"
