#!/usr/bin/env bash
# CLI test: an import written in a stub resolves among the stubs, never to a checked source that
# shadows it. typeshed's `collections/abc.pyi` is `from _collections_abc import *`; a checked
# `_collections_abc.py` (as when checking CPython's Lib/) must not replace the stub it means, or
# `len([1])` stops matching `Sized`. The user's own `import _collections_abc` still sees the
# checked module.
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
echo "PASS"
