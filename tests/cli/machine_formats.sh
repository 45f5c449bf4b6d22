#!/usr/bin/env bash
# The machine-readable formats carry everything the full form shows: the `info:` hints (SARIF and
# JSON as data, GitHub and GitLab in the message body) and the secondary locations (SARIF
# relatedLocations, JSON `related`); SARIF locations are percent-encoded URIs relative to
# %SRCROOT% (the working folder), with originalUriBaseIds, columnKind and the rules' fullDescription
# and helpUri.
# Usage: machine_formats.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/proj/my pkg"
cat >"$tmp/proj/my pkg/app.py" <<'PY'
async def fetch() -> int:
    return 1


async def main() -> None:
    c = fetch()
    await c
    await c
    n: int = fetch()
PY
cd "$tmp/proj" || exit 1
for fmt in sarif json github gitlab; do
  "$bin" check "my pkg/app.py" --output-format $fmt >"$tmp/out.$fmt" 2>"$tmp/err.$fmt"
  rc=$?
  [ $rc -eq 1 ] || { cat "$tmp/err.$fmt"; fail "$fmt: exit $rc, expected 1"; }
done

# The same from the warm cache (the runs above filled it) as from a fresh check.
for fmt in sarif json github gitlab; do
  "$bin" check --no-cache "my pkg/app.py" --output-format $fmt >"$tmp/fresh.$fmt" 2>/dev/null
  cmp -s "$tmp/out.$fmt" "$tmp/fresh.$fmt" || { diff "$tmp/out.$fmt" "$tmp/fresh.$fmt" | head; fail "$fmt: cached != fresh"; }
  "$bin" check "my pkg/app.py" --output-format $fmt >"$tmp/warm.$fmt" 2>/dev/null
  cmp -s "$tmp/warm.$fmt" "$tmp/fresh.$fmt" || { diff "$tmp/warm.$fmt" "$tmp/fresh.$fmt" | head; fail "$fmt: warm != fresh"; }
done

python3 - "$tmp" <<'PY' || fail "content"
import json, sys
tmp = sys.argv[1]
sarif = json.load(open(f"{tmp}/out.sarif"))
run = sarif["runs"][0]
assert run["columnKind"] == "unicodeCodePoints", run.get("columnKind")
root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
assert root.startswith("file:///") and root.endswith("/proj/"), root
rules = run["tool"]["driver"]["rules"]
assert all(r["fullDescription"]["text"] and r["helpUri"].startswith("https://") for r in rules)
results = {r["ruleId"]: r for r in run["results"]}
twice = results["coroutine-awaited-twice"]
loc = twice["locations"][0]["physicalLocation"]["artifactLocation"]
assert loc == {"uri": "my%20pkg/app.py", "uriBaseId": "%SRCROOT%"}, loc
related = twice["relatedLocations"]
assert related and related[0]["physicalLocation"]["region"]["startLine"] == 7, related
assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20pkg/app.py", related
assign = results["invalid-assignment"]
assert "\ninfo: " in assign["message"]["text"] and "await" in assign["message"]["text"], assign["message"]

doc = json.load(open(f"{tmp}/out.json"))
by_rule = {d["rule"]: d for d in doc["diagnostics"]}
assert by_rule["invalid-assignment"]["infos"], by_rule["invalid-assignment"]
assert by_rule["coroutine-awaited-twice"]["related"][0]["range"]["start"]["line"] == 7

github = open(f"{tmp}/out.github").read()
line = next(l for l in github.splitlines() if "invalid-assignment" in l)
assert "%0Ainfo: " in line, line

gitlab = json.load(open(f"{tmp}/out.gitlab"))
desc = next(d["description"] for d in gitlab if d["check_name"] == "invalid-assignment")
assert "\ninfo: " in desc, desc
print("ok")
PY
echo PASS
