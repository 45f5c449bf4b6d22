#!/usr/bin/env bash
# CLI test: replays every input the fuzzers ever crashed on (tests/fuzz_regressions/<target>/,
# kept by scripts/fuzz.sh) through the release binary: each must end with a normal exit code
# (0, 1, or 2 for a rejected configuration), never a signal or a hang. The multi-file target's
# inputs (check_package/) are bytes that decode into a package: check_package_replay (built
# beside the binary, in fuzz/) checks them exactly as the fuzz target does, then writes the
# package out for `asynctype check`. Inputs in check_package/known/ hit known bugs being fixed
# elsewhere: they are replayed and reported, and do not fail the test.
# Usage: fuzz_regressions.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
replay=$(dirname "$bin")/fuzz/check_package_replay
ulimit -c 0
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
[ -x "$replay" ] || fail "missing $replay (the check_package_replay target)"
for f in "$src"/tests/fuzz_regressions/check_package/*; do
  [ -f "$f" ] || continue
  timeout 120 "$replay" "$f" >/dev/null 2>&1; check "$f (replay)" $?
  rm -rf "$tmp/package"
  "$replay" --write "$tmp/package" "$f" || fail "$f: cannot write the package"
  (cd "$tmp/package" && timeout 120 "$bin" check . >/dev/null 2>&1); check "$f (check)" $?
done
known=0
for f in "$src"/tests/fuzz_regressions/check_package/known/*; do
  [ -f "$f" ] && [ "${f%.md}" = "$f" ] || continue
  known=$((known + 1))
  (timeout 60 "$replay" "$f"; exit $?) >/dev/null 2>&1  # the shell's crash report, too
  rc=$?
  [ $rc -gt 2 ] || echo "note: known crash $(basename "$f") no longer crashes (exit $rc): move it up to check_package/"
done
echo "ok ($count inputs, $known known crashes replayed)"
