#!/usr/bin/env bash
# CLI test: the embedded typeshed. Every standard library module resolves and is typed, the core
# modules (builtins) come from it, typeshed's VERSIONS hides modules absent from the configured
# Python version, and `--version` names the embedded typeshed commit.
# Usage: typeshed.sh ASYNCTYPE SOURCE_DIR
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
out=$("$bin" check --output-format concise "$tmp/main.py" 2>&1)
[ $? -eq 0 ] || fail "expected exit 0: $out"
echo "$out" | grep -q "main.py:4:13: info\[revealed-type\] Revealed type: \`<class 'ZipFile'>\`" || fail "ZipFile: $out"
echo "$out" | grep -q 'main.py:5:13: info\[revealed-type\] Revealed type: `list\[str\]`' || fail "namelist(): $out"

# builtins comes from typeshed: the secondary annotation points into its builtins.pyi.
cat > "$tmp/await_int.py" <<'EOF2'
async def f(x: int) -> None:
    await x
EOF2
line_of_int() { grep -n '^class int\b' "$1" | head -1 | cut -d: -f1; }
out=$("$bin" check --color never "$tmp/await_int.py" 2>&1)
echo "$out" | grep -q 'error\[invalid-await\]' || fail "no invalid-await: $out"
typeshed=$(dirname "$bin")/_deps/typeshed
if [ -f "$typeshed/stdlib/builtins.pyi" ]; then
  line=$(line_of_int "$typeshed/stdlib/builtins.pyi")
  echo "$out" | grep -q "::: vendored://stdlib/builtins.pyi:$line:7" || fail "typeshed builtins (class int at $line): $out"
fi

# VERSIONS: asyncio.taskgroups exists from 3.11, distutils until 3.11.
cat > "$tmp/versions.py" <<'EOF2'
import asyncio.taskgroups
import distutils
EOF2
out=$("$bin" check --output-format concise --python-version 3.10 "$tmp/versions.py" 2>&1)
echo "$out" | grep -q 'versions.py:1:8: error\[unresolved-import\] Cannot resolve imported module `asyncio.taskgroups`' || fail "3.10 taskgroups: $out"
echo "$out" | grep -q 'versions.py:2' && fail "3.10 distutils: $out"
out=$("$bin" check --output-format concise --python-version 3.11 "$tmp/versions.py" 2>&1)
[ $? -eq 0 ] || fail "3.11: expected exit 0: $out"
out=$("$bin" check --output-format concise --python-version 3.12 "$tmp/versions.py" 2>&1)
echo "$out" | grep -q 'versions.py:2:8: error\[unresolved-import\] Cannot resolve imported module `distutils`' || fail "3.12 distutils: $out"
echo "$out" | grep -q 'versions.py:1' && fail "3.12 taskgroups: $out"

# --version: the typeshed commit and the package it came from.
out=$("$bin" --version)
echo "$out" | head -1 | grep -q '^asynctype [0-9]' || fail "--version first line: $out"
echo "$out" | grep -Eq '^typeshed [0-9a-f]{40} \(from pyright 1\.1\.[0-9]+\)$' || fail "--version typeshed line: $out"
if [ -f "$typeshed/commit.txt" ]; then
  echo "$out" | grep -q "^typeshed $(head -1 "$typeshed/commit.txt") " || fail "--version does not name $typeshed/commit.txt: $out"
fi

echo "ok"
