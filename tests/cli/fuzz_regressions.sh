#!/usr/bin/env bash
# CLI test: replays every input the fuzzers ever crashed on (tests/fuzz_regressions/<target>/,
# kept by scripts/fuzz.sh) through the release binary: each must end with a normal exit code
# (0, 1, or 2 for a rejected configuration), never a signal or a hang.
# Usage: fuzz_regressions.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
count=0
check() {
  local what=$1 rc=$2
  { [ "$rc" -le 2 ]; } || fail "$what exited $rc"
  count=$((count + 1))
}
for f in "$src"/tests/fuzz_regressions/check_file/*; do
  [ -f "$f" ] || continue
  cp "$f" "$tmp/input.py"
  timeout 120 "$bin" check "$tmp/input.py" >/dev/null 2>&1; check "$f" $?
done
for f in "$src"/tests/fuzz_regressions/mdtest_parser/*; do
  [ -f "$f" ] || continue
  cp "$f" "$tmp/input.md"
  timeout 120 "$bin" mdtest "$tmp/input.md" >/dev/null 2>&1; check "$f" $?
done
mkdir -p "$tmp/empty"
for f in "$src"/tests/fuzz_regressions/config_loader/*; do
  [ -f "$f" ] || continue
  timeout 120 "$bin" check --config-file "$f" "$tmp/empty" >/dev/null 2>&1; check "$f" $?
done
for f in "$src"/tests/fuzz_regressions/lsp_server/*; do
  [ -f "$f" ] || continue
  timeout 120 "$bin" server <"$f" >/dev/null 2>&1; check "$f" $?
done
echo "ok ($count inputs)"
