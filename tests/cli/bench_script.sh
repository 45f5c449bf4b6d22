#!/usr/bin/env bash
# CLI test: bench/bench.py on small inputs. A corpus target (every subfolder S of a folder, as S/S when
# that exists) is checked in one run; the generated target and the --scale table (generated projects of
# two sizes, cost per line relative to the smallest) print their rows; --json parses. The cache rows
# are exercised through a stand-in binary that offers --no-cache and --cache-dir (it logs its
# arguments, drops the cache flags and marks the cache folder): every plain run passes --no-cache,
# each repeat starts from a fresh empty cache folder, and the warm, touched run sees one function body
# changed in a private copy (the corpus itself is left alone). A crashing binary makes the script exit 1.
# Usage: bench_script.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 0; }
bench=("python3" "$src/bench/bench.py")
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

mkdir -p "$tmp/corpus/alpha/alpha" "$tmp/corpus/beta/beta" "$tmp/corpus/solo"
cat > "$tmp/corpus/alpha/alpha/__init__.py" <<'EOF2'
from beta import helper


def plain(n):
    return n


async def fetch(n: int) -> int:
    # a comment first

    return helper(n)
EOF2
cat > "$tmp/corpus/beta/beta/__init__.py" <<'EOF2'
def helper(n: int) -> int:
    return n + 1
EOF2
echo 'x: int = "not an int"' > "$tmp/corpus/solo/mod.py"
echo 'not a folder' > "$tmp/corpus/README.md"
cp -r "$tmp/corpus" "$tmp/corpus.orig"

# 1. The real binary: corpus + generated targets and the scale table.
out=$("${bench[@]}" --binary "$bin" --repeat 1 --no-compare --corpus "$tmp/corpus" --targets corpus,generated \
      --gen-modules 20 --gen-packages 2 --scale 2000,4000 2>&1) || fail "exit $?: $out"
echo "$out" | grep -q 'checked in one run: alpha/alpha beta/beta solo$' || fail "corpus paths: $out"
echo "$out" | grep -Eq '^ +corpus +3 files +14 lines' || fail "corpus size: $out"
for target in corpus generated; do
  echo "$out" | grep -Eq "^$target +parse-only +[0-9]+\* +[0-9.]+ " || fail "$target parse-only row: $out"
  [ "$(echo "$out" | grep -Ec "^$target +full +[0-9]+\*? +[0-9.]+ ")" = 2 ] || fail "$target full rows: $out"
done
echo "$out" | grep -Eq '^corpus +full +[0-9]+\* .* 1 +1( \(<= floor\))?$' || fail "the corpus diagnostic (solo/mod.py): $out"
echo "$out" | grep -q 'full/parse-only .*full 1 thread/default' || fail "ratios: $out"
echo "$out" | grep -q '^scale: generated projects' || fail "scale title: $out"
rows=$(echo "$out" | grep -E '^ +[0-9,]+ +[0-9,]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+x +[0-9.]+x +[0-9?]+$')
[ "$(echo "$rows" | grep -c .)" = 2 ] || fail "scale rows: $out"
echo "$rows" | head -1 | grep -q ' 1.00x  *1.00x ' || fail "smallest scale row is the reference: $out"
if "$bin" check --help | grep -q -- --no-cache; then
  echo "$out" | grep -Eq '^corpus +warm, 1 file touched +[0-9]+\* +[0-9.]+ ' || fail "cache rows: $out"
else
  echo "$out" | grep -q 'cache rows skipped' || fail "note on the missing cache: $out"
  echo "$out" | grep -q 'cold cache' && fail "cache rows without cache support: $out"
fi
diff -r "$tmp/corpus" "$tmp/corpus.orig" >/dev/null || fail "the corpus was changed"

# 2. A stand-in binary with the cache flags: the cache rows, their argv and the touched copy.
cat > "$tmp/fake" <<EOF2
#!/usr/bin/env bash
log=$tmp/log
real=$bin
EOF2
cat >> "$tmp/fake" <<'EOF2'
if [ "${1:-}" = check ] && [ "${2:-}" = --help ]; then "$real" check --help; echo "  --no-cache  no cache"; exit 0; fi
echo "ARGV $*" >> "$log"
args=(); cache=""; next=0
for a in "$@"; do
  if [ $next = 1 ]; then next=0; cache=$a; continue; fi
  case "$a" in --no-cache) continue;; --cache-dir) next=1; continue;; esac
  args+=("$a")
done
if [ -n "$cache" ]; then
  if [ -z "$(ls -A "$cache")" ]; then echo "CACHE empty" >> "$log"; else echo "CACHE filled" >> "$log"; fi
  touch "$cache/entry"
  grep -rh '_bench_touch' "${args[@]:1}" | sed 's/^/TOUCH /' >> "$log"
fi
exec "$real" "${args[@]}"
EOF2
chmod +x "$tmp/fake"
"${bench[@]}" --binary "$tmp/fake" --repeat 2 --no-compare --corpus "$tmp/corpus" --json > "$tmp/out.json" \
    2> "$tmp/err" --targets corpus || fail "stand-in exit $?: $(cat "$tmp/err")"
python3 - "$tmp/out.json" <<'EOF2' || fail "json: $(cat "$tmp/out.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["cache"]["supported"] is True, d["cache"]
e = d["targets"]["corpus"]
assert [p.split("/")[-1] for p in e["paths"]] == ["alpha", "beta", "solo"], e["paths"]
for key in ("parse_only", "full", "full_t1", "cold_cache", "warm", "warm_touched"):
    assert e["runs"][key] is not None and len(e["runs"][key]["wall_s_all"]) == 2, key
    assert "--no-cache" in e["runs"][key]["argv"] or key in ("cold_cache", "warm", "warm_touched"), key
assert e["cache_copy"] == {"files": 3, "touched_file": "alpha/alpha/__init__.py", "touched_line": 11}, e["cache_copy"]
assert e["warm_touched_to_cold_ratio"] is not None
assert d["failures"] == []
EOF2
[ "$(grep -c '^ARGV check --no-cache ' "$tmp/log")" = 2 ] || fail "full runs without --no-cache: $(cat "$tmp/log")"
[ "$(grep -c '^ARGV .*--parse-only --no-cache ' "$tmp/log")" = 2 ] || fail "parse-only runs: $(cat "$tmp/log")"
cache_runs=$(grep -E '^ARGV check --cache-dir [^ ]+ [^ ]+/corpus/alpha/alpha [^ ]+/corpus/beta/beta [^ ]+/corpus/solo$' "$tmp/log")
[ "$(echo "$cache_runs" | grep -c .)" = 6 ] || fail "cache runs: $(cat "$tmp/log")"
echo "$cache_runs" | grep -q "$tmp/corpus/" && fail "cache runs on the corpus itself: $cache_runs"
[ "$(echo "$cache_runs" | awk '{print $4}' | sort -u | wc -l)" = 2 ] || fail "one cache folder per repeat: $cache_runs"
[ "$(grep '^CACHE' "$tmp/log" | tr '\n' ' ')" = "CACHE empty CACHE filled CACHE filled CACHE empty CACHE filled CACHE filled " ] ||
    fail "cold, warm, warm per repeat: $(cat "$tmp/log")"
[ "$(grep '^TOUCH' "$tmp/log" | tr '\n' '|')" = "TOUCH     _bench_touch = 1|TOUCH     _bench_touch = 2|" ] ||
    fail "one body touched per repeat, restored in between: $(cat "$tmp/log")"
diff -r "$tmp/corpus" "$tmp/corpus.orig" >/dev/null || fail "the corpus was changed"

# 3. Usage errors and a crashing binary.
"${bench[@]}" --binary "$bin" --targets corpus --no-compare >/dev/null 2>&1
[ $? = 2 ] || fail "--targets corpus without --corpus is a usage error"
printf '#!/bin/sh\n[ "$2" = --help ] && exit 0\nkill -SEGV $$\n' > "$tmp/crash"
chmod +x "$tmp/crash"
out=$("${bench[@]}" --binary "$tmp/crash" --repeat 1 --no-compare --corpus "$tmp/corpus" --targets corpus 2>&1)
[ $? = 1 ] || fail "a crash exits 1: $out"
echo "$out" | grep -q 'FAILED runs: asynctype check --parse-only on corpus: killed by signal 11' || fail "crash named: $out"
echo "PASS"
