#!/usr/bin/env bash
# CLI test: `asynctype mdtest` reports a wrong assertion with its markdown line, expected and
# actual, exits 1; runs the project's mdtests green; lists test names.
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/wrong.md" <<'MD'
# Wrong

## Revealed

```py
async def f() -> int:
    return 1

async def main():
    reveal_type(await f())  # revealed: str
```
MD
"$bin" mdtest "$tmp/wrong.md" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] || { cat "$tmp/out"; fail "wrong assertion exited $rc"; }
grep -q "wrong.md:10: \[wrong.md - Wrong - Revealed\] unmatched assertion: revealed: str (revealed: int)" "$tmp/out" \
  || { cat "$tmp/out"; fail "failure line"; }
tail -n 1 "$tmp/out" | grep -q "^0 passed, 1 failed$" || fail "summary"

"$bin" mdtest --list "$src/mdtests/async.md" | grep -q '^async.md - `async` / `await` - Basic$' || fail "--list"
echo "ok"
