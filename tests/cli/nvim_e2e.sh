#!/usr/bin/env bash
# End-to-end test of `asynctype server` with a real editor: headless Neovim (its built-in LSP
# client) opens a file with a coroutine called without `await`, gets the `unused-coroutine`
# diagnostic, hovers the call, applies the ``Add `await` `` code action and sees the diagnostic
# go away; see tests/nvim/e2e.lua. It runs twice: with the test's own client configuration, then
# with the README's recipe for the installed Neovim (0.7 - 0.9 or 0.10+) starting the client. Skips (exit 0) only when Neovim is not installed
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

abs_bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

# The README's recipe for this Neovim: the first ```lua block after the "### Neovim 0.7 - 0.9" or
# "### Neovim 0.10+" heading, with the binary's path put in.
version=$(nvim --version | head -n1 | sed -n 's/^NVIM v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
read -r major minor <<<"$version"
if [ "${major:-0}" -eq 0 ] && [ "${minor:-0}" -lt 10 ]; then heading="### Neovim 0.7 - 0.9"; else heading="### Neovim 0.10+"; fi
awk -v h="$heading" '
  $0 == h { found = 1; next }
  found && /^```lua$/ { inblock = 1; next }
  inblock && /^```$/ { exit }
  inblock { print }
' "$src/README.md" | sed "s|/path/to/asynctype/build/asynctype|$abs_bin|g" >"$tmp/recipe.lua"
if ! [ -s "$tmp/recipe.lua" ] || ! grep -q "$abs_bin" "$tmp/recipe.lua"; then
  echo "FAIL: no Lua recipe naming the binary under \"$heading\" in README.md"
  exit 1
fi

# Run 1: the test's own client configuration (checks the exit status too).
# Run 2: the README's recipe starts the client.
for mode in direct recipe; do
  recipe_env=""
  [ "$mode" = recipe ] && recipe_env="$tmp/recipe.lua"
  echo "--- $mode (${heading#\#\#\# })"
  ASYNCTYPE=$abs_bin E2E_FILE="$tmp/proj/main.py" E2E_RECIPE="$recipe_env" \
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
    echo "FAIL: nvim_e2e $mode (nvim exit status $rc)"
    exit 1
  fi
done
echo "PASS"
