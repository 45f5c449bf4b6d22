#!/usr/bin/env bash
# CLI test: hostile inputs end with a diagnostic or a clean skip — never a crash, a hang or
# unbounded memory. Each run is bounded by `timeout` and a virtual memory limit; exit codes 0
# and 1 are fine, anything else (2 usage, 124 timeout, >=128 signal) fails.
# Usage: hostile_inputs.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# run NAME PATH EXPECTED_GREP: checks PATH within limits; the output must contain the pattern.
run() {
  local name=$1 path=$2 pattern=$3 start=$SECONDS
  # (ASan reserves terabytes of address space: no virtual memory limit under the sanitizers.)
  ( [ -n "${ASAN_OPTIONS:-}" ] || ulimit -v 8000000; timeout 300 "$bin" check --output-format concise "$path" ) >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  echo "$name: exit $rc, $((SECONDS - start)) s"
  if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
    head -c 2000 "$tmp/out"; head -c 2000 "$tmp/err"; fail "$name exited $rc"
  fi
  if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$tmp/out" "$tmp/err"; then
    head -c 2000 "$tmp/out"; head -c 2000 "$tmp/err"; fail "$name: no \`$pattern\`"
  fi
}

python3 - "$tmp" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, text, mode="w"):
    with open(os.path.join(d, name), mode) as f:
        f.write(text)
w("parens.py", "x = " + "(" * 100000 + "1" + ")" * 100000 + "\n")
w("lists.py", "x = " + "[" * 100000 + "]" * 100000 + "\n")
w("unclosed.py", "x = " + "(" * 100000 + "\n")
w("functions.py", "".join("    " * i + f"def f{i}():\n" for i in range(5000)) + "    " * 5000 + "pass\n")
w("classes.py", "".join("    " * i + f"class C{i}:\n" for i in range(5000)) + "    " * 5000 + "pass\n")
line = "async def f{0}(x: int) -> int:\n    y = await g(x)\n    return y + {0}\n"
body = "async def g(x: int) -> int:\n    return x\n" + "".join(line.format(i) for i in range(20000))
big = body * (50 * 1024 * 1024 // len(body) + 1)
w("big.py", big[: 50 * 1024 * 1024 - 1] + "\n")
w("longline.py", "x = [" + "1, " * 3_000_000 + "]\n" + "await_me = 1\n")
w("nulls.py", b"\0" * 100000, "wb")
w("binary.py", bytes(range(256)) * 100, "wb")
w("badutf8.py", b"x = '\xc3\x28'\n", "wb")
os.mkdir(os.path.join(d, "cycle"))
w("cycle/a.py", "from b import B\nclass A(B): ...\nx: 'A' = A()\n")
w("cycle/b.py", "from a import A\nclass B(A): ...\n")
w("selfbase.py", "class A(A): ...\nclass B(C): ...\nclass C(B): ...\nreveal_type(A())\nB().x\n")
w("aliases.py", "from typing import Protocol, Union\n"
  "type Tree = list[Tree] | int\n"
  "Json = Union[dict[str, 'Json'], list['Json'], str, int, None]\n"
  "class P(Protocol):\n    def f(self) -> 'P': ...\n"
  "def use(t: Tree, j: Json, p: P) -> None:\n    t2 = t\n    p.f().f().f()\n")
members = " | ".join(f"Literal[{i}]" for i in range(5000))
w("unions.py", "from typing import Literal\n"
  f"def f(x: {members}) -> None:\n    y = x\n    if x == 3:\n        return\n    reveal_type(y)\n"
  "v = " + " if v else ".join(str(i) for i in range(3000)) + "\n")
os.mkdir(os.path.join(d, "pkgdir.py"))
w("deepstring.py", "x: '" + "(" * 100000 + "int'\n" + "y: '" + "[" * 100000 + "]" * 100000 + "'\n"
  + "".join(f"def f{i}(a: 'list[Foo]', b: 'Optional[\"Foo\"]') -> 'Foo | None': ...\n" for i in range(20000))
  + "class Foo: ...\nfrom typing import Optional\n")
PY

run "100,000 nested parentheses" "$tmp/parens.py" "invalid-syntax"
run "100,000 nested lists" "$tmp/lists.py" "invalid-syntax"
run "100,000 unclosed parentheses" "$tmp/unclosed.py" "invalid-syntax"
run "5,000 nested functions" "$tmp/functions.py" ""
run "5,000 nested classes" "$tmp/classes.py" ""
[ -n "${HOSTILE_QUICK:-}" ] || run "a 50 MB file" "$tmp/big.py" "big.py"
run "a 9 MB line" "$tmp/longline.py" ""
run "null bytes" "$tmp/nulls.py" "error\[io\]"
run "a binary file" "$tmp/binary.py" "error\[io\]"
run "invalid UTF-8" "$tmp/badutf8.py" "error\[io\]"
run "an import cycle" "$tmp/cycle" ""
run "a class inheriting from itself" "$tmp/selfbase.py" ""
run "recursive aliases and protocols" "$tmp/aliases.py" ""
run "huge unions" "$tmp/unions.py" ""
run "a .py that is a directory" "$tmp/pkgdir.py" ""
run "string annotations: 100,000 nested brackets, 60,000 forward references" "$tmp/deepstring.py" "invalid-syntax-in-forward-annotation"
echo "ok"
