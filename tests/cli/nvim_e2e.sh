#!/usr/bin/env bash
# End-to-end test of `asynctype server` with a real editor: headless Neovim (its built-in LSP
# client) opens a file with a coroutine called without `await`, gets the `unused-coroutine`
# diagnostic, hovers the call, applies the ``Add `await` `` code action and sees the diagnostic
# go away; see tests/nvim/e2e.lua. Skips (exit 0) only when Neovim is not installed
# (scripts/setup.sh installs it).
# Usage: nvim_e2e.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
if ! command -v nvim >/dev/null 2>&1; then
  echo "SKIP: nvim not found (scripts/setup.sh installs Debian's neovim)"
  exit 0
fi
[ -x "$bin" ] || { echo "FAIL: $bin is not an executable"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Keep Neovim's state (the LSP log, shada) out of $HOME.
export XDG_CONFIG_HOME="$tmp/xdg/config" XDG_DATA_HOME="$tmp/xdg/data" \
       XDG_STATE_HOME="$tmp/xdg/state" XDG_CACHE_HOME="$tmp/xdg/cache"

mkdir -p "$tmp/proj"
cat >"$tmp/proj/main.py" <<'PY'
async def f() -> int:
    return 1


async def main() -> None:
    f()
PY

ASYNCTYPE=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin") E2E_FILE="$tmp/proj/main.py" \
  timeout 60 nvim --headless --clean -u NONE -i NONE -n \
    +"luafile $src/tests/nvim/e2e.lua" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/out"
if [ $rc -ne 0 ] || ! grep -q "nvim_e2e: PASS" "$tmp/out"; then
  cat "$tmp/err"
  [ $rc -eq 124 ] && echo "FAIL: nvim did not finish within 60 s"
  for f in "$tmp"/xdg/*/nvim/lsp.log; do
    [ -f "$f" ] && { echo "--- $f (tail)"; tail -n 40 "$f"; }
  done
  echo "FAIL: nvim_e2e (nvim exit status $rc)"
  exit 1
fi
echo "PASS"
