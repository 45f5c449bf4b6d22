#!/usr/bin/env bash
# CLI test: the "Did you mean" info of `unresolved-attribute` (the closest declared name, only
# when it is close and unambiguous), on the user's classes and on the standard library, whose
# typeshed stubs are complete. mdtests match only the headline, so the infos are
# checked here on the full output of `asynctype check`.
# Usage: did_you_mean.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/user.py" <<'EOF2'
class Local:
    def __init__(self) -> None:
        self.count = 0
        self.total = 0

    def reset(self) -> None: ...


Local().cuont
Local().rest
Local().entirely_different
EOF2

out=$("$bin" check "$tmp/user.py" --color never 2>&1)
grep -q 'no attribute `cuont`' <<<"$out" || fail "user class attribute not reported: $out"
grep -q 'Did you mean `count`?' <<<"$out" || fail "no suggestion for cuont: $out"
grep -q 'Did you mean `reset`?' <<<"$out" || fail "no suggestion for rest: $out"
[ "$(grep -c 'Did you mean' <<<"$out")" = 2 ] || fail "a far name got a suggestion: $out"

cat > "$tmp/std.py" <<'EOF2'
import asyncio

asyncio.Event().claer()
asyncio.sleeep(1)
EOF2

out=$("$bin" check "$tmp/std.py" --color never --python-version 3.12 2>&1)
grep -q 'Did you mean `clear`?' <<<"$out" || fail "no suggestion for a stub class: $out"
grep -q 'Did you mean `sleep`?' <<<"$out" || fail "no suggestion for a star-imported module member: $out"
echo PASS
