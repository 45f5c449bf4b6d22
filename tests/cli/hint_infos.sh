#!/usr/bin/env bash
# CLI test: the `info:` hints of the everyday mistakes: "did you forget `await`?" on
# non-subscriptable, unsupported-operator and unresolved-attribute when the awaited value would
# have worked (and not when it would not). mdtests match only the headline, so the infos are
# checked here on the full output of `asynctype check`.
# Usage: hint_infos.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/hints.py" <<'EOF'
import asyncio


async def load() -> dict[str, int]:
    return {}


async def count() -> int:
    return 1


async def main() -> None:
    load()["key"]
    count() + 1
    1 < count()
    load().get("key")
    load().nope
    count() + "a"


def number() -> int:
    return 1


def scaled(factor: int) -> int:
    return factor


x: int = number
y: int = scaled
z: int = count
asyncio.run(count)
EOF

"$bin" check "$tmp/hints.py" --color never >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "expected exit code 1"; }

source "$(dirname "$0")/lib/info_lines.sh"

dict='CoroutineType[Any, Any, dict[str, int]]'
int='CoroutineType[Any, Any, int]'
expect "error[non-subscriptable]: Cannot subscript object of type \`$dict\` with no \`__getitem__\` method" \
  "\`$dict\` is awaitable: did you forget \`await\`?"
expect "error[unsupported-operator]: Operator \`+\` is not supported between objects of type \`$int\` and \`Literal[1]\`" \
  "\`$int\` is awaitable: did you forget \`await\`?"
expect "error[unsupported-operator]: Operator \`<\` is not supported between objects of type \`Literal[1]\` and \`$int\`" \
  "\`$int\` is awaitable: did you forget \`await\`?"
expect "error[unresolved-attribute]: Object of type \`$dict\` has no attribute \`get\`" \
  "\`$dict\` is awaitable: did you forget \`await\`?"
# Awaiting would not help: no hint.
expect "error[unresolved-attribute]: Object of type \`$dict\` has no attribute \`nope\`"
expect "error[unsupported-operator]: Operator \`+\` is not supported between objects of type \`$int\` and \`Literal[\"a\"]\`"
expect "error[invalid-assignment]: Object of type \`def number() -> int\` is not assignable to \`int\`" \
  "Did you mean to call it? \`number()\` returns \`int\`"
expect "error[invalid-assignment]: Object of type \`def scaled(factor: int) -> int\` is not assignable to \`int\`"
expect "error[invalid-assignment]: Object of type \`def count() -> $int\` is not assignable to \`int\`"
expect "error[invalid-argument-type]: Argument to function \`run\` is incorrect" \
  "Did you mean to call it? \`count()\` returns \`$int\`"
echo "ok"
