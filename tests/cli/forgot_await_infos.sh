#!/usr/bin/env bash
# CLI test: "did you forget `await`?" on the type errors of issue 15 whose operand is an
# awaitable whose awaited value would have worked: call arguments (invalid-argument-type),
# assignments (invalid-assignment), returns (invalid-return-type), `for` iterables (not-iterable),
# `with` / `async with` managers (invalid-context-manager); and not when awaiting would not help.
# Also the infos of unawaited-coroutine, coroutine-awaited-twice, formatted-coroutine and
# truthy-coroutine. mdtests match only headlines, so the infos are checked here.
# Usage: forgot_await_infos.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/hints.py" <<'PY'
class Conn:
    async def __aenter__(self) -> "Conn":
        return self

    async def __aexit__(self, *args: object) -> None:
        return None


async def connect() -> Conn:
    return Conn()


async def rows() -> list[int]:
    return [1]


async def count() -> int:
    return 1


async def name() -> str:
    return "x"


def takes_int(x: int) -> int:
    return x


async def total() -> int:
    return count()


async def main() -> None:
    for r in rows():
        pass
    async with connect() as c:
        pass
    takes_int(count())
    takes_int(name())
    n: int = count()
    takes_int(n)
    pending = count()
    if pending:
        print(f"{pending}")
    done = count()
    await done
    await done
PY

"$bin" check "$tmp/hints.py" --color never >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "expected exit code 1"; }

source "$(dirname "$0")/lib/info_lines.sh"

int='CoroutineType[Any, Any, int]'
forgot_int="\`$int\` is awaitable: did you forget \`await\`?"
expect "error[invalid-return-type]: Return type does not match returned value" "$forgot_int"
expect "error[not-iterable]: Object of type \`CoroutineType[Any, Any, list[int]]\` is not iterable" \
  "It doesn't have an \`__iter__\` method or a \`__getitem__\` method" \
  "\`CoroutineType[Any, Any, list[int]]\` is awaitable: did you forget \`await\`?"
expect "error[invalid-context-manager]: Object of type \`CoroutineType[Any, Any, Conn]\` cannot be used with \`async with\` because it does not implement \`__aenter__\` and \`__aexit__\`" \
  "\`CoroutineType[Any, Any, Conn]\` is awaitable: did you forget \`await\`?"
expect "error[invalid-assignment]: Object of type \`$int\` is not assignable to \`int\`" "$forgot_int"
# Two invalid-argument-type headlines are the same: the first (count) has the hint, the second
# (name: a `str` would not fit either) must not.
grep -c "^info: \`CoroutineType\[Any, Any, str\]\` is awaitable" "$tmp/out" | grep -qx 0 ||
  fail "hint for an awaited value that would not fit"
[ "$(grep -cxF "info: $forgot_int" "$tmp/out")" -eq 3 ] || { cat "$tmp/out"; fail "expected 3 int hints (return, argument, assignment)"; }
expect "error[truthy-coroutine]: Coroutine object of type \`$int\` used as a condition is always true" \
  "The coroutine never runs unless it is awaited: did you forget \`await\`?"
expect "warning[formatted-coroutine]: Coroutine object of type \`$int\` is formatted as text: it reads \`<coroutine object ...>\`, not its result" \
  "The coroutine never runs unless it is awaited: did you forget \`await\`?"
expect "error[coroutine-awaited-twice]: Coroutine \`count()\` bound to \`done\` is awaited twice" \
  "Awaiting a coroutine object that already finished raises \`RuntimeError: cannot reuse already awaited coroutine\`; call the function again for a new coroutine"
echo "ok"
