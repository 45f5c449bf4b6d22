#!/usr/bin/env bash
# CLI test: the dropped-awaitable rules as a user sees them: `unused-coroutine` is an error and
# `unused-task` a warning by default, each with its `info:` line; the broad `unused-awaitable` is
# off until `--warn` (or `[rules]`) turns it on. mdtests show off rules at info level and match
# only headlines, so the defaults and the infos are checked here.
# Usage: unused_rules.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/dropped.py" <<'EOF'
import asyncio


async def fetch() -> int:
    return 1


async def main() -> None:
    fetch()
    asyncio.create_task(fetch())
    asyncio.get_running_loop().create_future()
EOF

"$bin" check "$tmp/dropped.py" --color never >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "expected exit code 1"; }

source "$(dirname "$0")/lib/info_lines.sh"

expect 'error[unused-coroutine]: Object of type `CoroutineType[Any, Any, int]` is not awaited' \
  'A coroutine runs only when awaited (or scheduled as a task); did you forget `await`?'
expect 'warning[unused-task]: Object of type `Task[int]` is not awaited' \
  'The event loop keeps only a weak reference to a task; keep a reference, await it, or use a `TaskGroup`'
grep -q 'unused-awaitable' "$tmp/out" && { cat "$tmp/out"; fail "unused-awaitable is off by default"; }

# Turned on, the broad rule reports the future (and only the future).
"$bin" check "$tmp/dropped.py" --color never --output-format concise --warn unused-awaitable >"$tmp/out" 2>"$tmp/err"
[ "$(grep -c 'unused-awaitable' "$tmp/out")" -eq 1 ] || { cat "$tmp/out"; fail "--warn unused-awaitable"; }
grep -q 'dropped.py:11:5: warning\[unused-awaitable\] Object of type `Future\[Any\]` is not awaited' "$tmp/out" ||
  { cat "$tmp/out"; fail "the future under unused-awaitable"; }
echo "ok"
