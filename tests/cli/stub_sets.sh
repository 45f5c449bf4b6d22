#!/usr/bin/env bash
# CLI test: the embedded stub sets. `--stubs full` (experimental) checks against typeshed's whole
# stdlib: modules the subset lacks resolve and are typed, the core modules (builtins) come from
# it too, and typeshed's VERSIONS hides modules absent from the configured Python version. The
# default stays the subset; `--version` names the embedded typeshed commit; a bad set name is a
# usage error for `check` and `mdtest` alike.
# Usage: stub_sets.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# typeshed's reveal_type lives in typing / typing_extensions, not in builtins.
cat > "$tmp/main.py" <<'EOF2'
from typing_extensions import reveal_type
import zipfile

reveal_type(zipfile.ZipFile)
reveal_type(zipfile.ZipFile("x.zip").namelist())
EOF2
out=$("$bin" check --output-format concise --stubs full "$tmp/main.py" 2>&1)
[ $? -eq 0 ] || fail "--stubs full: expected exit 0: $out"
echo "$out" | grep -q "main.py:4:13: info\[revealed-type\] Revealed type: \`<class 'ZipFile'>\`" || fail "ZipFile with --stubs full: $out"
echo "$out" | grep -q 'main.py:5:13: info\[revealed-type\] Revealed type: `list\[str\]`' || fail "namelist() with --stubs full: $out"
for flags in "" "--stubs subset"; do
  out=$("$bin" check --output-format concise $flags "$tmp/main.py" 2>&1)
  [ $? -eq 0 ] || fail "subset ($flags): expected exit 0: $out"
  echo "$out" | grep -q 'main.py:4:13: info\[revealed-type\] Revealed type: `Unknown`' || fail "ZipFile with the subset ($flags): $out"
done

# builtins comes from the selected set: the secondary annotation points into its builtins.pyi.
cat > "$tmp/await_int.py" <<'EOF2'
async def f(x: int) -> None:
    await x
EOF2
line_of_int() { grep -n '^class int\b' "$1" | head -1 | cut -d: -f1; }
subset_line=$(line_of_int "$src/typeshed_subset/stdlib/builtins.pyi")
out=$("$bin" check --color never "$tmp/await_int.py" 2>&1)
echo "$out" | grep -q "::: vendored://stdlib/builtins.pyi:$subset_line:7" || fail "subset builtins (class int at $subset_line): $out"
out=$("$bin" check --color never --stubs full "$tmp/await_int.py" 2>&1)
echo "$out" | grep -q 'error\[invalid-await\]' || fail "full: no invalid-await: $out"
typeshed=$(dirname "$bin")/_deps/typeshed
if [ -f "$typeshed/stdlib/builtins.pyi" ]; then
  full_line=$(line_of_int "$typeshed/stdlib/builtins.pyi")
  [ "$full_line" != "$subset_line" ] || fail "the two builtins.pyi define int on the same line ($full_line)"
  echo "$out" | grep -q "::: vendored://stdlib/builtins.pyi:$full_line:7" || fail "full builtins (class int at $full_line): $out"
fi

# VERSIONS: asyncio.taskgroups exists from 3.11, distutils until 3.11.
cat > "$tmp/versions.py" <<'EOF2'
import asyncio.taskgroups
import distutils
EOF2
out=$("$bin" check --output-format concise --stubs full --python-version 3.10 "$tmp/versions.py" 2>&1)
echo "$out" | grep -q 'versions.py:1:8: error\[unresolved-import\] Cannot resolve imported module `asyncio.taskgroups`' || fail "3.10 taskgroups: $out"
echo "$out" | grep -q 'versions.py:2' && fail "3.10 distutils: $out"
out=$("$bin" check --output-format concise --stubs full --python-version 3.11 "$tmp/versions.py" 2>&1)
[ $? -eq 0 ] || fail "3.11: expected exit 0: $out"
out=$("$bin" check --output-format concise --stubs full --python-version 3.12 "$tmp/versions.py" 2>&1)
echo "$out" | grep -q 'versions.py:2:8: error\[unresolved-import\] Cannot resolve imported module `distutils`' || fail "3.12 distutils: $out"
echo "$out" | grep -q 'versions.py:1' && fail "3.12 taskgroups: $out"

# --version: the typeshed commit and the package it came from.
out=$("$bin" --version)
echo "$out" | head -1 | grep -q '^asynctype [0-9]' || fail "--version first line: $out"
echo "$out" | grep -Eq '^typeshed [0-9a-f]{40} \(from pyright 1\.1\.[0-9]+;' || fail "--version typeshed line: $out"
if [ -f "$typeshed/commit.txt" ]; then
  echo "$out" | grep -q "^typeshed $(head -1 "$typeshed/commit.txt") " || fail "--version does not name $typeshed/commit.txt: $out"
fi

# Bad set names.
out=$("$bin" check --stubs everything "$tmp/main.py" 2>&1)
[ $? -eq 2 ] || fail "check --stubs everything: expected exit 2: $out"
"$bin" check --help | grep -q -- '--stubs.*experimental' || fail "check --help does not describe --stubs as experimental"

# mdtest: the same selection.
cat > "$tmp/zip.md" <<'EOF2'
# Stub sets

```py
from typing_extensions import reveal_type
import zipfile

reveal_type(zipfile.ZipFile("x.zip").namelist())  # revealed: list[str]
```
EOF2
out=$("$bin" mdtest --stubs full "$tmp/zip.md" 2>&1)
[ $? -eq 0 ] || fail "mdtest --stubs full: $out"
out=$("$bin" mdtest "$tmp/zip.md" 2>&1)
[ $? -eq 1 ] || fail "mdtest with the subset should fail (Unknown): $out"
out=$("$bin" mdtest --stubs nope "$tmp/zip.md" 2>&1)
[ $? -eq 2 ] || fail "mdtest --stubs nope: expected exit 2: $out"
echo "$out" | grep -q 'subset.*full' || fail "mdtest --stubs nope message: $out"
echo "ok"
