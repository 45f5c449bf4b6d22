#!/usr/bin/env bash
# CLI test: the `info:` lines of blocking-call (direct and through helpers), nested-event-loop,
# get-event-loop-in-coroutine and async-callback (mdtests match only the headline); the range of a
# blocking call is the whole call expression (the server's "Wrap in asyncio.to_thread" quick fix
# replaces it); through helpers, the blocking call at the end of the chain is annotated; and a chain of 5,000 helpers ends without exhausting the stack.
# Usage: blocking_infos.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/app.py" <<'EOF'
import asyncio
import time


def read_file(path: str) -> str:
    with open(path) as f:
        return f.read()


def load_config() -> str:
    return read_file("config.toml")


async def refresh() -> None: ...


async def handler() -> None:
    time.sleep(1)
    load_config()
    asyncio.run(refresh())
    loop = asyncio.get_event_loop()
    loop.call_soon(refresh)
    other = await asyncio.to_thread(refresh)
EOF

"$bin" check "$tmp/app.py" --color never --warn get-event-loop-in-coroutine >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "expected exit code 1"; }
source "$(dirname "$0")/lib/info_lines.sh"

expect "warning[blocking-call]: Blocking call \`time.sleep\` in async function \`handler\`: it blocks the event loop" \
  "While it waits, no other task runs; use \`await asyncio.sleep(...)\`"
expect "warning[blocking-call]: Call of \`load_config\` in async function \`handler\` blocks the event loop: load_config() → read_file() → open()" \
  "\`open\` blocks the thread, so no other task runs meanwhile; read and write files in a worker thread: \`await asyncio.to_thread(...)\` (or use an async file library)" \
  "Or run the helper in a worker thread: \`await asyncio.to_thread(load_config, ...)\`"
expect "error[nested-event-loop]: \`asyncio.run()\` called in async function \`handler\`: it raises \`RuntimeError\` because an event loop is already running in this thread" \
  "\`await\` the coroutine instead: the event loop that runs this function is already running"
expect "warning[get-event-loop-in-coroutine]: \`asyncio.get_event_loop()\` in async function \`handler\`: use \`asyncio.get_running_loop()\`" \
  "In a coroutine both return the running loop, but \`get_event_loop()\` falls back to the event loop policy's loop where none runs (a \`DeprecationWarning\` on Python 3.12 and 3.13, a \`RuntimeError\` from 3.14); \`get_running_loop()\` says what it means"
expect "error[async-callback]: The coroutine returned by \`refresh\` is never awaited: \`loop.call_soon\` calls it and drops the coroutine it returns" \
  "\`refresh\` is an \`async def\`: calling it only creates a coroutine object" \
  "Schedule it instead: \`lambda: asyncio.create_task(refresh())\` on the loop's thread, \`asyncio.run_coroutine_threadsafe(refresh(), loop)\` from another thread, or \`asyncio.run(refresh())\` in a new thread"
expect "error[async-callback]: The coroutine returned by \`refresh\` is never awaited: \`asyncio.to_thread\` calls it in a worker thread, so the result is an un-awaited coroutine" \
  "\`refresh\` is an \`async def\`: calling it only creates a coroutine object" \
  "It is already asynchronous: \`await refresh(...)\` instead of running it in a thread"

# Through helpers, the blocking call at the end of the chain is shown where it is.
grep -qF -- "   |          ---------- \`open\` is called here" "$tmp/out" || { cat "$tmp/out"; fail "the blocking site"; }

# The ranges: whole calls (18:5-18:18 is `time.sleep(1)`, 19:5-19:18 `load_config()`).
"$bin" check "$tmp/app.py" --output-format json --warn get-event-loop-in-coroutine >"$tmp/json" 2>/dev/null
python3 - "$tmp/json" <<'EOF' || fail "ranges"
import json, sys
d = json.load(open(sys.argv[1]))["diagnostics"]
got = [(x["rule"], x["range"]["start"]["line"], x["range"]["start"]["column"], x["range"]["end"]["column"]) for x in d]
want = [("blocking-call", 18, 5, 18), ("blocking-call", 19, 5, 18), ("nested-event-loop", 20, 5, 27),
        ("get-event-loop-in-coroutine", 21, 12, 36), ("async-callback", 22, 20, 27), ("async-callback", 23, 37, 44)]
if got != want:
    print(got)
    sys.exit(1)
EOF

# A 5,000-helper chain and a cycle: bounded chains, no stack exhaustion.
python3 - "$tmp/deep.py" <<'EOF'
import sys
n = 5000
with open(sys.argv[1], "w") as f:
    f.write("import time\n\ndef h0() -> None:\n    time.sleep(1)\n\n")
    for i in range(1, n):
        f.write(f"def h{i}() -> None:\n    h{i - 1}()\n\n")
    f.write(f"async def main() -> None:\n    h{n - 1}()\n    h3()\n\n")
    f.write("def a() -> None:\n    b()\n\ndef b() -> None:\n    a()\n    time.sleep(1)\n\n")
    f.write("async def c() -> None:\n    a()\n")
EOF
"$bin" check "$tmp/deep.py" --output-format concise --color never >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || { cat "$tmp/out" "$tmp/err"; fail "deep chain: expected exit code 0 (warnings only)"; }
grep -qF "Call of \`h3\` in async function \`main\` blocks the event loop: h3() → h2() → h1() → h0() → time.sleep()" "$tmp/out" ||
  { cat "$tmp/out"; fail "deep chain: h3"; }
grep -qF "Call of \`a\` in async function \`c\` blocks the event loop: a() → b() → time.sleep()" "$tmp/out" ||
  { cat "$tmp/out"; fail "cycle"; }
[ "$(grep -c 'blocking-call' "$tmp/out")" -eq 2 ] || { cat "$tmp/out"; fail "deep chain: expected two findings"; }
echo "ok"
