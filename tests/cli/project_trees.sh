#!/usr/bin/env bash
# CLI test: project trees whose modules refer to each other in cycles, diamonds and long chains
# end with a report — never a crash (stack overflow), a hang or exponential time. Star-import
# cycles of 2-10 modules, a package `__init__` <-> submodule cycle, stubs, `TYPE_CHECKING`
# imports, a local package shadowing a stdlib one, star-import diamonds 40 levels deep, chains of
# 300 modules (re-exports, star imports, attributes, base classes, aliases, protocols), cycles of
# re-exports, bases, aliases and TypeVar bounds, and chains longer than the inference depth bound.
# Each check runs under `timeout 20` and must exit 0 or 1; some outputs are checked too. Last, the
# language server opens a module of a star-import cycle, publishes its diagnostics and exits.
# Usage: project_trees.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

python3 - "$tmp" <<'PY'
import os, sys
root = sys.argv[1]
def w(path, text):
    p = os.path.join(root, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)

# Star-import cycles of 2..10 modules: m0 uses a builtin, an annotation, an undefined name; the
# middle module binds x, the last one uses it.
for n in range(2, 11):
    for i in range(n):
        body = f"from c{n}_m{(i + 1) % n} import *\n"
        if i == 0:
            body += "print()\ndef f() -> int: ...\nz = nothere\n"
        if i == n // 2:
            body += "x = 1\n"
        if i == n - 1:
            body += "y = x\n"
        w(f"cycle{n}/c{n}_m{i}.py", body)
    w(f"cycle{n}/main.py", f"import c{n}_m0\nfrom c{n}_m1 import missing\nc{n}_m0.nothere\n"
                           f"from c{n}_m0 import x\nreveal_type(x)\n")

# A package's __init__ and its submodules star-import each other; __all__ built from theirs.
w("pkginit/pkg/__init__.py", "from .sub import *\nfrom .other import *\n__all__ = ['helper']\n"
                             "__all__ += sub.__all__\n__all__.extend(other.__all__)\n")
w("pkginit/pkg/sub.py", "from pkg import *\n__all__ = ['value']\nvalue = helper()\nprint(value)\n")
w("pkginit/pkg/other.py", "from . import *\n__all__ = ['helper']\ndef helper() -> int: return 1\n")
w("pkginit/main.py", "from pkg import *\nreveal_type(value)\nreveal_type(helper)\n")

# Stubs only; a cycle that exists under TYPE_CHECKING only; a local package shadowing asyncio.
w("stubs/a.pyi", "from b import *\ndef f() -> int: ...\n")
w("stubs/b.pyi", "from a import *\nclass B: ...\n")
w("stubs/main.py", "import a\na.x\nfrom b import f\nreveal_type(f())\n")
w("typechecking/a.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from b import *\nprint()\n")
w("typechecking/b.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import *\nprint(nothere)\n")
w("shadowed/asyncio/__init__.py", "from .tasks import *\n")
w("shadowed/asyncio/tasks.py", "from asyncio import *\n")
w("shadowed/main.py", "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n")

# Star-import diamonds 40 levels deep: 2^40 paths to the bottom.
D = 40
for i in range(D):
    for s in "ab":
        w(f"diamond/d{i}{s}.py", f"from d{i+1}a import *\nfrom d{i+1}b import *\n" if i < D - 1 else "x = 1\n")
w("diamond/top.py", "from d0a import *\nfrom d0b import *\nprint(x)\nnothere\n")

# Chains of 300 modules.
N = 300
w("reexport/r0.py", "x = 1\n")
for i in range(1, N):
    w(f"reexport/r{i}.py", f"from r{i-1} import x\n")
w("reexport/main.py", f"from r{N-1} import x\nreveal_type(x)\n")
w("starchain/s0.py", "x = 1\n")
for i in range(1, N):
    w(f"starchain/s{i}.py", f"from s{i-1} import *\nx = x\n")
w("starchain/main.py", f"from s{N-1} import *\nreveal_type(x)\n")
w("attrchain/t0.py", "x = 1\n")
for i in range(1, N):
    w(f"attrchain/t{i}.py", f"import t{i-1} as prev\nx = prev.x\n")
w("attrchain/main.py", f"import t{N-1}\nreveal_type(t{N-1}.x)\n")
w("bases/k0.py", "class C0:\n    def m(self) -> int: return 0\n")
for i in range(1, N):
    w(f"bases/k{i}.py", f"from k{i-1} import C{i-1}\nclass C{i}(C{i-1}): ...\n")
# (MROs are kept up to 256 classes: past that, members are Unknown.)
w("bases/main.py", f"from k{N-1} import C{N-1}\nfrom k200 import C200\nfrom k0 import C0\n"
                   f"reveal_type(C200().m())\nc: C0 = C200()\nC{N-1}().m()\nC{N-1}().anything\n")
w("aliases/al0.py", "A0 = int\ntype P0 = int\n")
for i in range(1, N):
    w(f"aliases/al{i}.py", f"from al{i-1} import A{i-1}, P{i-1}\nA{i} = list[A{i-1}]\ntype P{i} = list[P{i-1}]\n")
w("aliases/main.py", f"from al{N-1} import A{N-1}, P{N-1}\ndef f(a: A{N-1}, p: P{N-1}) -> None:\n"
                     "    reveal_type(a)\n    reveal_type(p)\n")
w("protochain/pc0.py", "from typing import Protocol\nclass P0(Protocol):\n    def f(self) -> int: ...\n")
for i in range(1, N):
    w(f"protochain/pc{i}.py", f"from typing import Protocol\nfrom pc{i-1} import P{i-1}\n"
                              f"class P{i}(Protocol):\n    def f(self) -> P{i-1}: ...\n")
w("protochain/main.py", f"from pc{N-1} import P{N-1}\nclass Impl:\n    def f(self) -> 'Impl': return self\n"
                        f"x: P{N-1} = Impl()\ndef use(p: P{N-1}): reveal_type(p.f())\n")

# Aliases whose expansion doubles at each of 40 modules, and a ring of 40 aliases.
w("doubling/m0.py", "type A0 = int\n")
for i in range(1, 40):
    w(f"doubling/m{i}.py", f"from m{i-1} import A{i-1}\ntype A{i} = tuple[A{i-1}, A{i-1}]\n")
w("doubling/main.py", "from m39 import A39\ndef f(a: A39) -> None:\n    reveal_type(a)\n")
for i in range(40):
    j = (i + 1) % 40
    w(f"aliasring/m{i}.py", f"from m{j} import A{j}\ntype A{i} = tuple[A{j}, A{j}]\ndef f(a: A{i}): ...\n")

# Cycles of re-exports, bases, aliases, TypeVar bounds, protocols, __all__.
w("recycle/a.py", "from b import x\n")
w("recycle/b.py", "from a import x\n")
w("recycle/main.py", "from a import x\nreveal_type(x)\n")
w("basecycle/a.py", "from b import B\nclass A(B):\n    def fa(self) -> int: return 1\n")
w("basecycle/b.py", "from c import C\nclass B(C): ...\n")
w("basecycle/c.py", "from a import A\nclass C(A): ...\n")
w("basecycle/main.py", "from a import A\nfrom b import B\nA().fa()\nx: B = A()\nisinstance(A(), B)\n"
                       "class D(A, B): ...\nD().fa()\n")
w("aliascycle/a.py", "from b import Y\nX = list[Y]\ntype PX = list[PY]\nfrom b import PY\n")
w("aliascycle/b.py", "from a import X, PX\nY = list[X]\ntype PY = list[PX]\n")
w("aliascycle/main.py", "from a import X, PX\ndef f(x: X, p: PX) -> None:\n    reveal_type(x)\n    reveal_type(p)\n")
w("typevars/a.py", "from typing import TypeVar\nfrom b import U\nT = TypeVar('T', bound='U')\n"
                   "S = TypeVar('S', 'T', int)\ndef f(x: T) -> T: return x\nf(1)\n")
w("typevars/b.py", "from typing import TypeVar\nfrom a import T\nU = TypeVar('U', bound='T')\n"
                   "V = TypeVar('V', bound='V')\ndef g(x: U, y: V) -> U: return x\ng(1, 2)\n")
w("protocols/p.py", "from typing import Protocol\nfrom q import Q\nclass P(Protocol):\n    def f(self) -> Q: ...\n")
w("protocols/q.py", "from typing import Protocol\nfrom p import P\nclass Q(Protocol):\n    def g(self) -> P: ...\n")
w("protocols/main.py", "from p import P\nclass Impl:\n    def f(self) -> 'Impl': return self\n"
                       "    def g(self) -> 'Impl': return self\ndef use(p: P) -> None: ...\nuse(Impl())\n")
w("allcycle/a.py", "import b\n__all__ = ['x']\n__all__ += b.__all__\nx = 1\nfrom b import *\n")
w("allcycle/b.py", "import a\n__all__ = ['y']\n__all__ += a.__all__\ny = 2\nfrom a import *\nprint(x, nothere)\n")

# Chains longer than the inference depth bound, asked for from another module first (main.py is
# checked before zbig.py).
L = 5000
w("longdefs/zbig.py", "x0 = 1\n" + "".join(f"x{i} = x{i-1}\n" for i in range(1, L)))
w("longdefs/main.py", f"from zbig import x{L-1}\nreveal_type(x{L-1})\n")
w("longclasses/zbig.py", "class C0:\n    def m(self) -> int: return 0\n"
                         + "".join(f"class C{i}(C{i-1}): pass\n" for i in range(1, L)))
w("longclasses/main.py", f"from zbig import C{L-1}\nC{L-1}().m()\nC{L-1}().anything\n")
PY

# run NAME PATH [PATTERN...]: checks PATH (as the current folder); exit 0 or 1; the output must
# contain each pattern.
run() {
  local name=$1 path=$2 start=$SECONDS
  shift 2
  (cd "$tmp/$path" && timeout 20 "$bin" check --output-format concise .) >"$tmp/out" 2>&1
  local rc=$?
  echo "$name: exit $rc, $((SECONDS - start)) s"
  if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
    head -c 2000 "$tmp/out"; fail "$name exited $rc"
  fi
  for pattern in "$@"; do
    if ! grep -qF -- "$pattern" "$tmp/out"; then
      head -c 3000 "$tmp/out"; fail "$name: no \`$pattern\`"
    fi
  done
}

for n in 2 3 4 5 6 7 8 9 10; do
  run "star-import cycle of $n modules" "cycle$n" \
    "c${n}_m0.py:4:5: error[unresolved-reference] Name \`nothere\` used when not defined" \
    "main.py:2:" "Module \`c${n}_m1\` has no member \`missing\`" \
    "Module \`c${n}_m0\` has no member \`nothere\`" "Revealed type: \`Literal[1]\`"
  if grep -q "print\|\`int\`\|\`x\`" "$tmp/out"; then cat "$tmp/out"; fail "cycle$n: a builtin or a cycle's name reported"; fi
done
run "package __init__ <-> submodule" pkginit "Revealed type: \`int\`" "Revealed type: \`def helper() -> int\`"
run "a cycle of stubs" stubs "Revealed type: \`int\`"
run "a cycle under TYPE_CHECKING" typechecking "b.py:4:7: error[unresolved-reference] Name \`nothere\`"
run "a local package shadowing asyncio" shadowed "Module \`asyncio\` has no member \`sleep\`"
run "star-import diamonds 40 levels deep" diamond "top.py:4:1: error[unresolved-reference] Name \`nothere\`"
run "300 re-exports" reexport "Revealed type: \`Literal[1]\`"
run "300 star imports" starchain "Revealed type: \`Literal[1]\`"
run "300 module attributes" attrchain "Revealed type: \`Literal[1]\`"
run "300 base classes across modules" bases "Revealed type: \`int\`"
if grep -q "error\[" "$tmp/out"; then cat "$tmp/out"; fail "bases: an error reported"; fi
run "300 aliases across modules" aliases "Revealed type: \`list[list[list["
run "300 protocols across modules" protochain "Revealed type: \`P298\`"
run "aliases doubling 40 times" doubling "Revealed type: \`tuple[tuple[tuple["
run "a ring of 40 aliases" aliasring
run "re-exports in a cycle" recycle "Revealed type: \`Unknown\`"
run "base classes in a cycle" basecycle
run "aliases in a cycle" aliascycle "Revealed type: \`list[list[Unknown]]\`"
run "TypeVar bounds in a cycle" typevars
run "protocols in a cycle" protocols
run "__all__ in a cycle" allcycle "b.py:6:10: error[unresolved-reference] Name \`nothere\`"
run "5,000 definitions asked for cold" longdefs "Revealed type: \`Unknown\`"
run "5,000 base classes asked for cold" longclasses
if grep -q "error\[" "$tmp/out"; then cat "$tmp/out"; fail "longclasses: past the bound, members are Unknown"; fi

# The language server: a module of a star-import cycle is opened; diagnostics are published.
mkdir -p "$tmp/lsp"
printf 'from b import *\nprint(len(""))\nz = nothere\n' >"$tmp/lsp/a.py"
printf 'from a import *\n' >"$tmp/lsp/b.py"
timeout 60 python3 - "$bin" "$tmp/lsp" "$src/tests/server" <<'PY' || fail "language server on a star-import cycle"
import os, sys
sys.path.insert(0, sys.argv[3])
from lsp_client import Server, check, uri
binary, proj = sys.argv[1], sys.argv[2]
a_py = os.path.join(proj, "a.py")
s = Server(binary, cwd=proj)
s.initialize(proj)
s.open(a_py, open(a_py).read())
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(a_py))
messages = [x["message"] for x in d["diagnostics"]]
check(messages == ["Name `nothere` used when not defined"], s, "diagnostics of a.py: %r" % messages)
s.result("shutdown")
s.notify("exit")
rc = s.proc.wait(timeout=10)
check(rc == 0, s, "server exit code %r" % rc)
print("language server, star-import cycle: diagnostics published, exit 0")
PY
echo "OK"
