#!/usr/bin/env bash
# CLI test: bench/precision.py finds the packages of a corpus laid out as fetched (a project folder
# holding its package, a stdlib-named package on its own), counts the diagnostics per rule and
# library, and sorts them into true / false / untriaged by a verdicts file, listing stale verdicts.
# Usage: precision_script.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 0; }

mkdir -p "$tmp/corpus/shop/shop" "$tmp/corpus/asyncio"
cat > "$tmp/corpus/shop/shop/__init__.py" <<'EOF2'
async def fetch() -> int:
    return 1

async def main() -> None:
    fetch()
    await 3
EOF2
cat > "$tmp/corpus/asyncio/__init__.py" <<'EOF2'
def run(x: int) -> None:
    x.nope
EOF2
cat > "$tmp/triage.txt" <<'EOF2'
# a comment line
TRUE shop/shop/__init__.py:5:5 unused-coroutine  # a dropped coroutine
FALSE shop/shop/__init__.py:6:11 invalid-await  # pretend
TRUE shop/shop/__init__.py:9:1 invalid-await  # no longer reported
EOF2
out=$(python3 "$src/bench/precision.py" "$tmp/corpus" --binary "$bin" --triage "$tmp/triage.txt" 2>&1) || fail "exit: $out"
echo "$out" | grep -Eq '^unused-coroutine +0 +1 +1 +1 +0 +0$' || fail "unused-coroutine row: $out"
echo "$out" | grep -Eq '^invalid-await +0 +1 +1 +0 +1 +0$' || fail "invalid-await row: $out"
echo "$out" | grep -Eq '^unresolved-attribute +1 +0 +1 +0 +0 +1$' || fail "stdlib package checked on its own: $out"
echo "$out" | grep -q 'asyncio/__init__.py:2:7 unresolved-attribute' || fail "untriaged list: $out"
echo "$out" | grep -q 'shop/shop/__init__.py:9:1 invalid-await' || fail "stale verdicts: $out"
json=$(python3 "$src/bench/precision.py" "$tmp/corpus" --binary "$bin" --json) || fail "json exit"
echo "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["total"] == 3, d; assert d["checked"]["stdlib"] == ["asyncio"], d' || fail "json: $json"
echo "PASS"
