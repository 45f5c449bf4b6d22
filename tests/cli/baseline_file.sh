#!/usr/bin/env bash
# The baseline file is reviewable (per file: rule, message, fingerprint), `--write-baseline`
# exits 0, a run with `--baseline` says how many diagnostics it baselined and how many entries
# are stale (fixed since), and version 1 baselines (fingerprint counts) are still read.
# Usage: baseline_file.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/proj"
cd "$tmp/proj" || exit 1
cat >a.py <<'PY'
async def main() -> None:
    await 1
    await 2
PY
cat >b.py <<'PY'
import asyncio
asyncio.Event().claer()
PY
"$bin" check a.py b.py --write-baseline base.json >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "--write-baseline exited $rc, expected 0"; }
grep -q "Wrote a baseline of 3 diagnostics" "$tmp/err" || { cat "$tmp/err"; fail "write message"; }
python3 - base.json <<'PY' || fail "baseline content"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == 2 and doc["tool"] == "asynctype", doc
files = doc["files"]
assert list(files) == ["a.py", "b.py"], list(files)
assert [e["rule"] for e in files["a.py"]] == ["invalid-await", "invalid-await"], files["a.py"]
assert "not awaitable" in files["a.py"][0]["message"], files["a.py"][0]
assert files["b.py"][0]["rule"] == "unresolved-attribute" and "claer" in files["b.py"][0]["message"]
assert all(len(e["fingerprint"]) == 16 for es in files.values() for e in es)
PY

"$bin" check a.py b.py --baseline base.json >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "baselined run exited $rc"; }
grep -q "3 diagnostics baselined, 0 stale entries" "$tmp/err" || { cat "$tmp/err"; fail "counts"; }

# Fix one: its entry is stale.
printf 'async def main() -> None:\n    await 1\n' >a.py
"$bin" check a.py b.py --baseline base.json >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "run after a fix exited $rc"; }
grep -q "2 diagnostics baselined, 1 stale entry (fixed since" "$tmp/err" || { cat "$tmp/err"; fail "stale count"; }

# Version 1 (fingerprint counts) still works.
python3 - base.json v1.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
counts = {}
for entries in doc["files"].values():
    for e in entries:
        counts[e["fingerprint"]] = counts.get(e["fingerprint"], 0) + 1
json.dump({"version": 1, "tool": "asynctype", "fingerprints": counts}, open(sys.argv[2], "w"))
PY
"$bin" check a.py b.py --baseline v1.json >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "v1 baseline exited $rc"; }
grep -q "2 diagnostics baselined, 1 stale entry" "$tmp/err" || { cat "$tmp/err"; fail "v1 counts"; }
echo PASS
