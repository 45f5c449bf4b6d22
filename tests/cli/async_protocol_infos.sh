#!/usr/bin/env bash
# CLI test: the `info:` lines of `invalid-context-manager` and `not-iterable` (the reason an
# object fails the protocol, and the hint to use the other kind of `with`). mdtests match only
# the headline, so the infos are checked here on the full output of `asynctype check`.
# Usage: async_protocol_infos.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/protocols.py" <<'EOF'
class AsyncManager:
    async def __aenter__(self) -> int:
        return 1

    async def __aexit__(self, *args: object) -> None:
        pass


class SyncManager:
    def __enter__(self) -> int:
        return 1

    def __exit__(self, *args: object) -> None:
        pass


class SyncMethods:
    def __aenter__(self) -> int:
        return 1

    def __aexit__(self, *args: object) -> None:
        pass


class SyncEnter:
    def __aenter__(self) -> int:
        return 1

    async def __aexit__(self, *args: object) -> None:
        pass


class NoNext:
    def __aiter__(self) -> "NoNext":
        return self


class BadNext:
    def __aiter__(self) -> "BadNext":
        return self

    async def __anext__(self, timeout: float) -> int:
        return 1


class SyncNext:
    def __aiter__(self) -> "SyncNext":
        return self

    def __anext__(self) -> int:
        return 1


class BadAiter:
    def __aiter__(self, size: int) -> "BadAiter":
        return self


class NotCallableAiter:
    __aiter__: int = 1


async def main(maybe: AsyncManager | None, items: list[int]):
    with AsyncManager():
        pass
    async with SyncManager():
        pass
    async with SyncMethods():
        pass
    async with SyncEnter():
        pass
    async with maybe:
        pass
    async for a in items:
        pass
    async for b in NoNext():
        pass
    async for c in BadNext():
        pass
    async for d in SyncNext():
        pass
    async for e in BadAiter():
        pass
    async for f in NotCallableAiter():
        pass
EOF

"$bin" check "$tmp/protocols.py" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "expected exit code 1"; }

source "$(dirname "$0")/lib/info_lines.sh"

expect 'error[invalid-context-manager]: Object of type `AsyncManager` cannot be used with `with` because it does not implement `__enter__` and `__exit__`' \
  'Objects of type `AsyncManager` can be used as async context managers' \
  'Consider using `async with` here'
expect 'error[invalid-context-manager]: Object of type `SyncManager` cannot be used with `async with` because it does not implement `__aenter__` and `__aexit__`' \
  'Objects of type `SyncManager` can be used as sync context managers' \
  'Consider using `with` here'
expect 'error[invalid-context-manager]: Object of type `SyncMethods` cannot be used with `async with` because `__aenter__` and `__aexit__` do not return awaitables' \
  '`__aenter__` returns `int`, which is not awaitable' \
  '`__aexit__` returns `None`, which is not awaitable' \
  'Consider declaring the methods with `async def`'
expect 'error[invalid-context-manager]: Object of type `SyncEnter` cannot be used with `async with` because `__aenter__` does not return an awaitable' \
  '`__aenter__` returns `int`, which is not awaitable' \
  'Consider declaring the method with `async def`'
expect 'error[invalid-context-manager]: Object of type `AsyncManager | None` cannot be used with `async with` because the methods `__aenter__` and `__aexit__` are possibly missing' \
  '`None` does not implement `__aenter__` or `__aexit__`'
expect 'error[not-iterable]: Object of type `list[int]` is not async-iterable' \
  'It has no `__aiter__` method'
expect 'error[not-iterable]: Object of type `NoNext` is not async-iterable' \
  'Its `__aiter__` method returns an object of type `NoNext`, which has no `__anext__` method'
expect 'error[not-iterable]: Object of type `BadNext` is not async-iterable' \
  'Its `__aiter__` method returns an object of type `BadNext`, which has an invalid `__anext__` method' \
  'Expected signature for `__anext__` is `def __anext__(self): ...`'
expect 'error[not-iterable]: Object of type `SyncNext` is not async-iterable' \
  'Its `__aiter__` method returns an object of type `SyncNext`, which has an invalid `__anext__` method' \
  '`__anext__` returns `int`, which is not awaitable'
expect 'error[not-iterable]: Object of type `BadAiter` is not async-iterable' \
  'Its `__aiter__` method has an invalid signature' \
  'Expected signature `def __aiter__(self): ...`'
expect 'error[not-iterable]: Object of type `NotCallableAiter` is not async-iterable' \
  'Its `__aiter__` attribute has type `int`, which is not callable'
echo "ok"
