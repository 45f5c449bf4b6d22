#!/usr/bin/env bash
# CLI test: the pre-commit hook in .pre-commit-hooks.yaml. Reads its keys (by hand: no PyYAML),
# checks the definition (id, `language: system`, `types_or: [python, pyi]`, serial), then runs its
# entry as pre-commit would — the binary on PATH, the staged files of a temporary git repository
# that match `types_or` as arguments, from the repository's root: exit 0 on clean files, 1 with a bug.
# Usage: precommit_hook.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The hook's keys, one `key=value` line each (flow lists flattened to space-separated words).
python3 - "$src/.pre-commit-hooks.yaml" >"$tmp/hook" <<'PY' || fail "cannot read .pre-commit-hooks.yaml"
import re, sys
hooks = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split(" #")[0].rstrip() if not line.lstrip().startswith("#") else ""
    m = re.match(r"^(- |  )([a-z_]+):\s*(.*)$", line)
    if not m:
        continue
    if m.group(1) == "- ":
        hooks.append({})
    value = m.group(3).strip()
    if value.startswith("[") and value.endswith("]"):
        value = " ".join(v.strip() for v in value[1:-1].split(","))
    hooks[-1][m.group(2)] = value
if len(hooks) != 1:
    sys.exit(1)
for key, value in hooks[0].items():
    print(f"{key}={value}")
PY
key() { sed -n "s/^$1=//p" "$tmp/hook"; }
[ "$(key id)" = asynctype ] || fail "id: $(key id)"
[ "$(key language)" = system ] || fail "language: $(key language)"
[ "$(key types_or)" = "python pyi" ] || fail "types_or: $(key types_or)"
[ "$(key require_serial)" = true ] || fail "require_serial: $(key require_serial)"
entry=$(key entry)
[ "$entry" = "asynctype check" ] || fail "entry: $entry"

# A repository with a clean module, a clean stub, a README; the binary on PATH.
mkdir -p "$tmp/bin" "$tmp/repo/pkg"
ln -s "$bin" "$tmp/bin/asynctype"
cd "$tmp/repo"
git init -q . && git config user.email t@example.com && git config user.name t
cat >pkg/__init__.py <<'PY'
PY
cat >pkg/jobs.py <<'PY'
import asyncio


async def fetch(n: int) -> int:
    await asyncio.sleep(0)
    return n


async def main() -> int:
    return await fetch(1) + await fetch(2)
PY
cat >pkg/shapes.pyi <<'PY'
async def area(side: float) -> float: ...
PY
echo "# not Python" >README.md
git add -A

# pre-commit's selection: the staged files whose type is python or pyi.
staged() { git diff --cached --name-only --diff-filter=ACMR | grep -E '\.(py|pyi)$'; }
hook() { PATH="$tmp/bin:/usr/bin:/bin" $entry $(staged) >"$tmp/out" 2>&1; }
hook; rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out"; fail "clean files: exit $rc"; }

# A bug in a staged file fails the commit.
cat >pkg/worker.py <<'PY'
from pkg.jobs import fetch


async def run() -> None:
    retries = 3
    await retries
    await fetch(retries)
PY
git add pkg/worker.py
hook; rc=$?
[ $rc -eq 1 ] || { cat "$tmp/out"; fail "a bug: exit $rc"; }
grep -q 'error\[invalid-await\]' "$tmp/out" || { cat "$tmp/out"; fail "a bug: no invalid-await"; }
grep -q 'pkg/worker.py:6:' "$tmp/out" || { cat "$tmp/out"; fail "a bug: not located in pkg/worker.py"; }
exit 0
