#!/usr/bin/env bash
# CLI test: the `info:` lines and secondary annotations of the issue-15 async rules (mdtests
# match only headlines): `no-matching-overload` naming the closest overload and the asyncio hint
# for `gather(list)`, `invalid-argument-type` for `asyncio.wait` given coroutines,
# `lock-held-across-await` and `swallowed-cancellation` (with the await they point at) and
# `invalid-async-declaration`.
# Usage: async_reason_infos.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/reasons.py" <<'EOF'
import asyncio
import threading


async def fetch(n: int) -> int:
    return n


class Holder:
    def __init__(self) -> None:
        self._lock = threading.Lock()

    async def __init_subclass__(cls) -> None:
        pass

    async def run(self) -> None:
        coros = [fetch(1), fetch(2)]
        await asyncio.gather(coros)
        await asyncio.wait(coros)
        with self._lock:
            await fetch(3)
        try:
            await fetch(4)
        except asyncio.CancelledError:
            pass
        print("after")
        await fetch(5)
EOF
"$bin" check "$tmp/reasons.py" --python-version 3.12 --color never >"$tmp/out" 2>&1

source "$(dirname "$0")/lib/info_lines.sh"

expect "error[no-matching-overload]: No overload of function \`gather\` matches arguments" \
  "Overload 1 of 14 came closest: \`def gather[_T1](coro_or_future1: Future[_T1] | Awaitable[_T1], /, *, return_exceptions: Literal[False] = False) -> Future[tuple[_T1]]\`" \
  "It rejects argument 1 (\`coros\`): expected \`Future[Unknown] | Awaitable[Unknown]\`, found \`list[CoroutineType[Any, Any, int]]\`" \
  "\`asyncio.gather\` takes each awaitable as a separate argument; \`list[CoroutineType[Any, Any, int]]\` is not awaitable, so the call raises \`TypeError\` at run time" \
  "Did you mean \`asyncio.gather(*coros)\`?"

expect "error[invalid-argument-type]: Argument to function \`wait\` is incorrect" \
  "\`asyncio.wait\` accepts tasks and futures only: passing coroutines raises \`TypeError\` since Python 3.11 (\"Passing coroutines is forbidden, use tasks explicitly\")" \
  "Wrap each in \`asyncio.create_task(...)\` first, or use \`asyncio.gather\`"

expect "warning[lock-held-across-await]: \`threading.Lock\` \`self._lock\` is held across \`await\`: another task acquiring it blocks the event loop thread (deadlock)" \
  "While the coroutine is suspended at \`await\`, other tasks run on the same thread; one that calls \`acquire()\` blocks the whole event loop, so this coroutine never resumes to release the lock" \
  "Use \`asyncio.Lock\` with \`async with\`, or release the lock before awaiting"
grep -qF -- "-------------- the lock is still held here" "$tmp/out" || { cat "$tmp/out"; fail "lock: no annotation at the await"; }

expect "warning[swallowed-cancellation]: This \`except asyncio.CancelledError\` catches the task's cancellation and lets it go on: \`cancel()\` is ignored" \
  "\`task.cancel()\` raises \`asyncio.CancelledError\` at the \`await\` where the task is suspended; this handler neither re-raises it nor returns, so the coroutine keeps running" \
  "Re-raise it (\`raise\`) after cleaning up, or return from the coroutine"
grep -qF -- "-------------- cancellation arrives here" "$tmp/out" || { cat "$tmp/out"; fail "cancellation: no annotation at the await"; }

expect "error[invalid-async-declaration]: \`__init_subclass__\` is an \`async def\`, so it returns a coroutine: Python drops it without awaiting: its body never runs" \
  "Python calls \`__init_subclass__\` without awaiting it: declare it with \`def\`"

echo "PASS"
