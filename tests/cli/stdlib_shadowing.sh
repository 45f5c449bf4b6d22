#!/usr/bin/env bash
# CLI test: which file a standard-library module name resolves to. Checking a package that sits
# next to stdlib-named sources (the typical case: the installed stdlib's own `asyncio`) reads the
# other stdlib modules from their stubs, as mypy does; a module of the user's own that is being
# checked keeps its name even when the stdlib has one too.
# Usage: stdlib_shadowing.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/lib/pkg"
# A source named like a stdlib module, with an API unlike the real one.
cat > "$tmp/lib/json.py" <<'EOF'
def only_here() -> int:
    return 1
EOF
: > "$tmp/lib/pkg/__init__.py"
cat > "$tmp/lib/pkg/use.py" <<'EOF'
import json

json.dumps(1)
EOF

# Only `pkg` is checked: `json` comes from the stub, so `json.dumps` exists.
out=$("$bin" check --output-format concise "$tmp/lib/pkg" 2>&1)
code=$?
[ $code -eq 0 ] || fail "checking pkg alone: exit $code, expected 0: $out"

# The whole folder is checked: `lib/json.py` is the user's `json`, which has no `dumps`.
out=$("$bin" check --output-format concise "$tmp/lib" 2>&1)
code=$?
[ $code -eq 1 ] || fail "checking lib: exit $code, expected 1: $out"
echo "$out" | grep -q 'use.py:3:[0-9]*: error\[unresolved-attribute\]' || fail "no unresolved-attribute for json.dumps: $out"

# Naming the shadowing file on the command line makes it the user's as well.
out=$("$bin" check --output-format concise "$tmp/lib/pkg" "$tmp/lib/json.py" 2>&1)
code=$?
[ $code -eq 1 ] || fail "checking pkg and json.py: exit $code, expected 1: $out"
echo "PASS"
