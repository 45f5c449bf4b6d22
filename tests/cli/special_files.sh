#!/usr/bin/env bash
# CLI test: a checked tree holding what is not a source file ends in a diagnostic or a skip,
# never a hang, unbounded memory or a leak: FIFOs, sockets and devices named `*.py`, a sparse
# 1 TiB file, symbolic links leading outside the tree (to a file with secret-looking content and
# to a folder), a folder link loop, a FIFO as the configuration file, an exclude glob with 12 `**`.
# Every run is bounded by `timeout 20` and (except under ASan) a 4 GiB address-space limit, its
# peak memory is measured, and the secret text must never appear in any output.
# Usage: special_files.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: runs change folder
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
secret='SECRETHASH-d41d8cd98f00b204'

# run NAME EXPECTED_RC ARGS...: runs `asynctype ARGS` from $tmp/work, output in $tmp/out, $tmp/err.
run() {
  local name=$1 expected=$2
  shift 2
  local start=$SECONDS
  (
    cd "$tmp/work" || exit 99
    [ -n "${ASAN_OPTIONS:-}" ] || ulimit -v 4194304
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -o "$tmp/mem" -f '%M' timeout 20 "$bin" "$@"
    else
      echo 0 >"$tmp/mem"
      timeout 20 "$bin" "$@"
    fi
  ) >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  local kb
  kb=$(tail -n 1 "$tmp/mem" 2>/dev/null)
  echo "$name: exit $rc, $((SECONDS - start)) s, ${kb:-?} KB"
  if [ "$rc" -ne "$expected" ]; then
    head -c 3000 "$tmp/out"; head -c 3000 "$tmp/err"; fail "$name exited $rc, expected $expected"
  fi
  # Peak memory well under what reading /dev/zero or a 1 TiB file would take (ASan: no limit).
  if [ -z "${ASAN_OPTIONS:-}" ] && [ "${kb:-0}" -gt 500000 ] 2>/dev/null; then
    fail "$name: peak memory ${kb} KB"
  fi
  if grep -q -- "$secret" "$tmp/out" "$tmp/err"; then
    head -c 3000 "$tmp/out"; head -c 3000 "$tmp/err"; fail "$name: the secret was printed"
  fi
}
expect_out() { grep -q -- "$1" "$tmp/out" || { head -c 3000 "$tmp/out"; fail "$2: no \`$1\` on stdout"; }; }
expect_err() { grep -q -- "$1" "$tmp/err" || { head -c 3000 "$tmp/err"; fail "$2: no \`$1\` on stderr"; }; }
count_err() { grep -c -- "$1" "$tmp/err"; }

# The tree. Outside it: a "secret" file that would be echoed in syntax errors if it were read.
mkdir -p "$tmp/work" "$tmp/outside/lib" "$tmp/work/tree/pkg"
printf 'root:$6$%s:19000:0:99999:7:::\n' "$secret" > "$tmp/outside/shadow"
printf 'x = 1\n' > "$tmp/outside/lib/mod.py"
cd "$tmp/work/tree" || fail "cd"
printf 'def f() -> int:\n    return 1\n' > ok.py
printf 'def g() -> str:\n    return "g"\n' > pkg/real.py
mkfifo pipe.py                                   # opening it for reading blocks
ln -s /dev/zero zero.py                          # endless
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' sock.py || fail "socket"
ln -s "$tmp/outside/shadow" leak.py              # absolute target outside the tree
ln -s ../../outside/shadow leak2.pyi             # relative target outside the tree
ln -s "$tmp/outside/lib" outlib                  # a folder outside the tree
ln -s . loop                                     # folder link loops
ln -s .. pkg/up
ln -s pkg/real.py alias.py                       # a link inside the tree keeps working
cd "$tmp/work" || fail "cd"

# 1. The tree: special files ignored, links leaving the tree skipped with one warning each,
#    no io error: exit 0, three files (ok.py, pkg/real.py and alias.py).
run "a tree with FIFO, socket, device and outside links" 0 check --output-format concise tree
expect_err "All checks passed! (3 files)" "tree"
expect_err "warning: skipped \`tree/leak.py\`: a symbolic link leading outside the checked folders" "tree"
expect_err "warning: skipped \`tree/leak2.pyi\`" "tree"
expect_err "warning: skipped \`tree/outlib\`" "tree"
[ "$(count_err 'warning: skipped')" -eq 3 ] || { cat "$tmp/err"; fail "tree: expected 3 skip warnings"; }
# Overlapping paths find the links twice; each is still reported once.
run "the tree twice" 0 check tree tree/.
[ "$(count_err 'warning: skipped')" -eq 3 ] || { cat "$tmp/err"; fail "overlap: expected 3 skip warnings"; }
# Machine formats: the report on stdout stays clean, the warnings go to stderr.
run "json report" 0 check --output-format json tree
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["files"] == 3, d' "$tmp/out" \
  || fail "json: not a clean report"
expect_err "warning: skipped \`tree/leak.py\`" "json"
# Excluded links are not reported.
run "excluded links" 0 check --exclude 'leak*' --exclude outlib tree
[ "$(count_err 'warning: skipped')" -eq 0 ] || { cat "$tmp/err"; fail "excluded links reported"; }

# 2. Named on the command line: each is an io error with a clear message, exit 1.
run "special files named on the command line" 1 check --output-format concise \
  tree/pipe.py tree/zero.py tree/sock.py tree/leak.py tree/ok.py
expect_out "tree/pipe.py: error\[io\] Failed to read \`tree/pipe.py\`: not a regular file (a named pipe)" "named"
expect_out "tree/zero.py: error\[io\] Failed to read \`tree/zero.py\`: not a regular file (a character device)" "named"
expect_out "tree/sock.py: error\[io\] Failed to read \`tree/sock.py\`: not a regular file (a socket)" "named"
expect_out "tree/leak.py: error\[io\] Failed to read \`tree/leak.py\`: a symbolic link leading outside the checked folders" "named"
expect_err "Found 4 errors, 0 warnings in 5 files" "named"
# ... also with a missing path beside them: usage error wins, the rest is still checked.
run "a missing path and a FIFO" 2 check --output-format concise tree/pipe.py tree/missing.py
expect_err "path \`tree/missing.py\` does not exist" "missing"
expect_out "not a regular file (a named pipe)" "missing"

# 3. Imports: a FIFO or device module is no module; a module behind a link leaving the tree is
#    untyped (never read, no error); links inside the tree resolve.
mkdir -p importer
mkfifo importer/pipe.py
ln -s /dev/zero importer/zero.py
ln -s "$tmp/outside/shadow" importer/leak.py
mkdir -p importer/pkg && cp tree/pkg/real.py importer/pkg/
ln -s pkg/real.py importer/alias.py
cat > importer/main.py <<'PY'
from typing import reveal_type
import pipe
import zero
import leak
import alias
reveal_type(leak.anything)
reveal_type(alias.g())
PY
run "imports of special and outside modules" 1 check --output-format concise importer/main.py
expect_out "error\[unresolved-import\] Cannot resolve imported module \`pipe\`" "imports"
expect_out "error\[unresolved-import\] Cannot resolve imported module \`zero\`" "imports"
expect_out "Revealed type: \`Unknown\`" "imports"
expect_out "Revealed type: \`str\`" "imports"
grep -q "module \`leak\`" "$tmp/out" && { cat "$tmp/out"; fail "imports: leak reported"; }

# 4. A sparse 1 TiB file: refused from its size, nothing allocated.
mkdir -p big && printf 'x = 1\n' > big/small.py && truncate -s 1T big/huge.py
run "a sparse 1 TiB file" 1 check --output-format concise big
expect_out "big/huge.py: error\[io\] Failed to read \`big/huge.py\`: file is larger than the 64 MiB limit" "huge"
# Just over the limit (sparse too): the same.
truncate -s $((64 * 1024 * 1024 + 1)) big/huge.py
run "a file of 64 MiB + 1 byte" 1 check --output-format concise big/huge.py
expect_out "file is larger than the 64 MiB limit" "64 MiB + 1"

# 5. Configuration: a FIFO named on the command line is a clear error (exit 2); a FIFO
#    pyproject.toml on the way up is not a configuration file.
mkfifo config.toml
run "a FIFO configuration file" 2 check --config-file config.toml tree/ok.py
expect_err "cannot read configuration file \`config.toml\`: not a regular file (a named pipe)" "config"
mkdir -p fifo_project && mkfifo fifo_project/pyproject.toml && cp tree/ok.py fifo_project/
( cd fifo_project && timeout 20 "$bin" check ok.py ) >"$tmp/out" 2>"$tmp/err" || fail "FIFO pyproject.toml: exit $?"

# 6. An exclude glob with 12 `**` against a 40-folder path (minutes of backtracking before).
deep=globtree
for _ in $(seq 40); do deep="$deep/a"; done
mkdir -p "$deep" && printf 'x = 1\n' > "$deep/x.py"
pattern=""
for _ in $(seq 12); do pattern="$pattern**/a/"; done
run "an exclude glob with 12 \`**\`" 0 check --exclude "${pattern}b" globtree
expect_err "All checks passed! (1 file)" "glob"
run "an exclude glob with 12 \`**\` that matches" 0 check --exclude "${pattern}x.py" globtree
expect_err "All checks passed! (0 files)" "glob match"
echo "ok"
