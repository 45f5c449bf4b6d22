#!/usr/bin/env bash
# The usual command-line conveniences of `check`: --exit-zero (0 even with errors; 2 stays 2),
# --statistics (counts per rule, text and json), --output-file (the report in a file, stdout
# empty), -q (no summary line).
# Usage: cli_conveniences.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$tmp" || exit 1
cat >a.py <<'PY'
import asyncio
async def main() -> None:
    await 1
    await 2
    asyncio.Event().claer()
PY

"$bin" check a.py --exit-zero >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "--exit-zero exited $rc"
grep -q "invalid-await" out || fail "--exit-zero still reports"
"$bin" check a.py missing.py --exit-zero >out 2>err; rc=$?
[ $rc -eq 2 ] || fail "--exit-zero with a missing path exited $rc, expected 2"

"$bin" check a.py --statistics >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "--statistics exited $rc"
[ "$(sed -n 1p out | tr -s ' ')" = " 2 error invalid-await" ] || { cat out; fail "statistics first row"; }
[ "$(sed -n 2p out | tr -s ' ')" = " 1 error unresolved-attribute" ] || { cat out; fail "statistics second row"; }
"$bin" check a.py --statistics --output-format json >out 2>err
python3 -c "import json,sys; d=json.load(open('out')); assert d[0]=={'rule':'invalid-await','severity':'error','count':2}, d" \
  || fail "statistics json"

"$bin" check a.py --output-file report.txt --output-format concise >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "--output-file exited $rc"
[ ! -s out ] || { cat out; fail "--output-file: stdout not empty"; }
[ "$(grep -c 'error\[' report.txt)" -eq 3 ] || { cat report.txt; fail "--output-file content"; }
grep -q "Found 3 errors" err || { cat err; fail "--output-file: summary on stderr"; }
"$bin" check a.py --output-file no/such/dir/report.txt >out 2>err; rc=$?
[ $rc -eq 2 ] || fail "--output-file into a missing folder exited $rc"
grep -q "cannot write" err || { cat err; fail "unwritable output file message"; }

"$bin" check a.py -q --output-format concise >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "-q exited $rc"
[ ! -s err ] || { cat err; fail "-q: stderr not empty"; }
[ "$(grep -c 'error\[' out)" -eq 3 ] || fail "-q: report"
echo PASS
