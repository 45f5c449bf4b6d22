#!/usr/bin/env bash
# CLI test: an import written in a stub resolves among the stubs, never to a checked source that
# shadows it. typeshed's `collections/abc.pyi` is `from _collections_abc import *`; a checked
# `_collections_abc.py` (as when checking CPython's Lib/) must not replace the stub it means, or
# `len([1])` stops matching `Sized`. The user's own `import _collections_abc` still sees the
# checked module.
# A checked copy of a stdlib package under another root (CPython's `asyncio/` given beside the
# project) is seen by its own files only: the project's `import asyncio` keeps the stub.
# Usage: stub_imports.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/_collections_abc.py" <<'EOF2'
class Sized:
    pass

def only_in_the_source() -> str:
    return ""
EOF2
cat > "$tmp/main.py" <<'EOF2'
from typing_extensions import reveal_type
import _collections_abc

reveal_type(len([1]))
reveal_type(sorted([2, 1]))
reveal_type(_collections_abc.only_in_the_source())
EOF2
cd "$tmp" || fail "cd"
out=$(env PATH=/nonexistent "$bin" check --output-format concise main.py _collections_abc.py 2>&1)
[ $? -eq 0 ] || fail "expected exit 0: $out"
echo "$out" | grep -q 'main.py:4:13: info\[revealed-type\] Revealed type: `int`' || fail "len: $out"
echo "$out" | grep -q 'main.py:6:13: info\[revealed-type\] Revealed type: `str`' || fail "the user's import: $out"
echo "$out" | grep -q 'main.py:5:13: info\[revealed-type\] Revealed type: `list\[int\]`' || fail "sorted: $out"

mkdir -p "$tmp/copy/asyncio" "$tmp/app"
cat > "$tmp/copy/asyncio/__init__.py" <<'EOF2'
from .helpers import iscoroutine
EOF2
cat > "$tmp/copy/asyncio/helpers.py" <<'EOF2'
def iscoroutine(obj):
    return False
def only_here() -> int:
    return 1
EOF2
cat > "$tmp/copy/asyncio/user.py" <<'EOF2'
from typing_extensions import reveal_type
from asyncio.helpers import only_here
reveal_type(only_here())
EOF2
cat > "$tmp/app/main.py" <<'EOF2'
import asyncio
from typing import Awaitable
async def run(app: int | Awaitable[int]) -> None:
    if asyncio.iscoroutine(app):
        await app
EOF2
out=$(env PATH=/nonexistent "$bin" check --output-format concise app/main.py copy/asyncio 2>&1)
[ $? -eq 0 ] || fail "a checked asyncio copy replaced the stub for the project: $out"
echo "$out" | grep -q 'user.py:3:13: info\[revealed-type\] Revealed type: `int`' || fail "the copy's own imports: $out"
echo "PASS"
