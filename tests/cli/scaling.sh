#!/usr/bin/env bash
# CLI test: the cost of checking a file grows linearly with its bindings and assignments. Each
# input is generated (many distinct module-level names, many assignments to one name at module
# level and in a function, long if/elif chains, places narrowed and forgotten, long try and with
# bodies, loops and ifs that each rebind one name, redefinitions...) at two sizes, N/8 and N, and
# the CPU time (user + system: little affected by other work on the machine) of the two checks is
# compared: a linear pass takes about 8 times as long on the big input, a quadratic one about 64
# times; the test fails past 24. (A hard timeout of 10 minutes catches hangs.) Under the
# sanitizers the inputs are ten times smaller.
# Usage: scaling.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
scale=1
[ -n "${ASAN_OPTIONS:-}" ] && scale=10

# gen KIND N: writes $tmp/KIND.py.
gen() {
  python3 - "$tmp/$1.py" "$1" "$(($2 / scale))" <<'PY'
import sys
path, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = []
w = out.append
if kind == "distinct":      # n distinct module-level names
    for i in range(n): w(f"x_{i} = {i}\n")
elif kind == "same":        # n assignments to one name, one declared
    w("x: int = 0\n")
    for i in range(n): w(f"x = {i}\n")
elif kind == "samefn":      # ... in a function
    w("def f() -> None:\n    x: int = 0\n")
    for i in range(n): w(f"    x = {i}\n")
    w("    print(x)\n")
elif kind == "augassign":   # x += 1, n times
    w("x = 0\n")
    for i in range(n): w("x += 1\n")
elif kind == "elif":        # if/elif chains of 400 branches, n branches in all
    w("import random\nv = random.randint(0, 10)\n")
    for i in range(0, n, 400):
        w(f"if v == {i}:\n    y_{i} = {i}\n")
        for j in range(i + 1, min(i + 400, n)): w(f"elif v == {j}:\n    y_{j} = {j}\n")
        w("else:\n    y = 0\n")
elif kind == "ifs":         # n ifs among n names, each binding on one branch
    w("import random\nv = random.randint(0, 10)\n")
    for i in range(n): w(f"x_{i} = {i}\nif v:\n    y_{i} = x_{i}\nelse:\n    x_{i} = None\n")
elif kind == "places":      # n places narrowed, their roots rebound
    w("class O:\n    a: int | None = None\n")
    for i in range(n): w(f"o_{i} = O()\nif o_{i}.a is not None:\n    o_{i} = O()\n")
elif kind == "selfplaces":  # a method assigning and testing n attributes, rebinding self
    w("class C:\n    def m(self, other: 'C') -> None:\n")
    for i in range(n):
        w(f"        self.a_{i} = {i}\n        if self.a_{i}:\n            pass\n")
        if i % 100 == 99: w("        self = other\n")
elif kind == "try":         # a try body of n statements
    w("try:\n")
    for i in range(n): w(f"    x_{i} = {i}\n")
    w("except ImportError:\n    pass\n")
elif kind == "with":        # a with block of n statements
    w("import contextlib\nwith contextlib.suppress(Exception):\n")
    for i in range(n): w(f"    x_{i} = {i}\n")
elif kind == "loops":       # n loops rebinding one loop variable, among n names
    for i in range(n): w(f"x_{i} = {i}\nfor j in range(3):\n    if j:\n        break\n    x_{i} = j\n")
elif kind == "pileup":      # n ifs rebinding one name: n definitions reach the end
    w("import random\nv = random.randint(0, 10)\ny = 0\n")
    for i in range(n): w(f"if v:\n    y = {i}\n")
    w("z = y\n")
elif kind == "boolops":     # n and/or expressions narrowing one name
    w("import random\nv = random.randint(0, 10)\n")
    for i in range(n): w(f"x_{i} = v and {i}\n")
elif kind == "redef":       # one function defined n times, called after each
    for i in range(n): w(f"def f(a: int) -> int:\n    return a + {i}\nf({i})\n")
open(path, "w").write("".join(out))
PY
}

# cpu KIND: checks $tmp/KIND.py; prints its CPU seconds (fails on a crash or hang).
cpu() {
  local kind=$1
  /usr/bin/time -f "%U %S" -o "$tmp/time" timeout 600 "$bin" check --output-format concise "$tmp/$kind.py" \
    >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ $rc -eq 124 ]; then fail "$kind: over 600 s"; fi
  if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then head -c 2000 "$tmp/out"; head -c 2000 "$tmp/err"; fail "$kind exited $rc"; fi
  awk '{ print $1 + $2 }' "$tmp/time"
}

# check KIND N: the CPU time at N over the CPU time at N/8 (at least 0.1 s) must stay under 24.
check() {
  local kind=$1 n=$2
  gen "$kind" "$((n / 8))" || fail "$kind: could not generate the input"
  local small
  small=$(cpu "$kind") || exit 1
  gen "$kind" "$n" || fail "$kind: could not generate the input"
  local big
  big=$(cpu "$kind") || exit 1
  local ratio
  ratio=$(awk -v b="$big" -v s="$small" 'BEGIN { if (s < 0.1) s = 0.1; printf "%.1f", b / s }')
  echo "$kind ($((n / scale))): ${big} s of CPU, ${ratio} times the CPU time at 1/8 of the size"
  awk -v r="$ratio" 'BEGIN { exit !(r > 24) }' && fail "$kind: ${ratio} times the time for 8 times the input (quadratic again?)"
  rm -f "$tmp/$kind.py"
}

check distinct 300000
check same 200000
check samefn 200000
check augassign 300000
check elif 30000
check ifs 50000
check places 50000
check selfplaces 50000
check try 100000
check with 100000
check loops 50000
check pileup 100000
check boolops 100000
check redef 50000
echo "OK"
