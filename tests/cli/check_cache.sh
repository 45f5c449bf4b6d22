#!/usr/bin/env bash
# CLI test: the warm cache of `asynctype check` (cli/warm_cache.h). A warm run's output is
# byte-identical to a cold one's in every format; only what changed is checked again: a changed
# file; the importers of a changed interface (not of a changed async body); every file after a
# changed option; a file whose cached record shows lines of a file that moved. Damaged entries
# are ignored and rewritten, two runs at once both succeed, an added module makes an unresolved
# import resolve. Location: `.asynctype_cache/` in the project root (marked for git and backup
# tools), `--cache-dir`, `$ASYNCTYPE_CACHE_DIR`; `--no-cache` and `cache = false` turn it off.
# Usage: check_cache.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
unset ASYNCTYPE_CACHE_DIR

proj="$tmp/proj"
mkdir -p "$proj/app/pkg"
cat >"$proj/pyproject.toml" <<'TOML'
[tool.asynctype]
python-version = "3.12"
TOML
cat >"$proj/app/lib.py" <<'PY'
async def fetch() -> str:
    return "a"

class Job:
    pass
PY
cat >"$proj/app/main.py" <<'PY'
from lib import Job, fetch

async def main() -> None:
    s: str = await fetch()
    await Job()
PY
cat >"$proj/app/other.py" <<'PY'
async def other() -> None:
    await 3
PY
cat >"$proj/app/uses_pkg.py" <<'PY'
from pkg import later
PY
: >"$proj/app/pkg/__init__.py"

cd "$proj" || fail "no project"
# run ARGS...: a cached check; its report in $tmp/out, stderr in $tmp/err, exit code in $rc.
run() { "$bin" check app -v "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
# cold ARGS...: the same without the cache, into $tmp/cold_out and $cold_rc.
cold() { "$bin" check app --no-cache "$@" >"$tmp/cold_out" 2>/dev/null; cold_rc=$?; }
stats() { grep '^cache: ' "$tmp/err"; }
expect_stats() {
  [ "$(stats)" = "cache: $1 hits, $2 checked" ] || fail "$3: expected $1 hits, $2 checked, got '$(stats)'"
}
same_as_cold() {
  cold "$@"
  cmp -s "$tmp/out" "$tmp/cold_out" || { diff "$tmp/cold_out" "$tmp/out" | head -20; fail "warm output differs from cold ($*)"; }
  [ "$rc" = "$cold_rc" ] || fail "exit code $rc, cold $cold_rc ($*)"
}

# Cold, then warm: the folder is next to the configuration, marked, versioned.
run --output-format concise
expect_stats 0 5 "first run"
same_as_cold --output-format concise
[ -f .asynctype_cache/.gitignore ] && grep -qx '\*' .asynctype_cache/.gitignore || fail "no .gitignore with *"
grep -q '^Signature: 8a477f597d28d172789f06886806bc55' .asynctype_cache/CACHEDIR.TAG || fail "no CACHEDIR.TAG"
[ -d .asynctype_cache/v1 ] || fail "no v1 layout"
run --output-format concise
expect_stats 5 0 "second run"
same_as_cold --output-format concise
grep -q 'invalid-await' "$tmp/out" || fail "the cached records lost a diagnostic"

# Byte-identical in every format (the records are shared: all hits).
for format in full concise json sarif github gitlab; do
  run --output-format "$format"
  expect_stats 5 0 "format $format"
  same_as_cold --output-format "$format"
done
run --output-format full --color always
expect_stats 0 5 "colour is part of the key"
same_as_cold --output-format full --color always

# A changed async body: only that file is checked again; its importer keeps its record.
sed -i 's/return "a"/return "a" + "b"/' app/lib.py
run
expect_stats 4 1 "changed body"
same_as_cold

# A changed interface: the file and its importer; the importer's new diagnostic appears.
sed -i 's/-> str:/-> int:/' app/lib.py
run --output-format concise
expect_stats 3 2 "changed interface"
same_as_cold --output-format concise
grep -q 'main.py:4:.*invalid-assignment' "$tmp/out" || fail "the importer's new diagnostic is missing"

# A body that grows moves `class Job`, whose line main.py's record shows (` ::: app/lib.py`):
# lib.py's interface is the same, but main.py is checked again so its snippet stays right.
sed -i 's/    return "a" + "b"/    x = 1\n    y = 2\n    return "a" + "b"/' app/lib.py
run --output-format full
expect_stats 3 2 "moved snippet"
same_as_cold --output-format full

# A changed option: everything is checked again.
run --output-format concise --python-version 3.11
expect_stats 0 5 "python version"
same_as_cold --output-format concise --python-version 3.11
run --output-format concise --ignore invalid-await
expect_stats 0 5 "rule level"
same_as_cold --output-format concise --ignore invalid-await

# Damaged entries: ignored (correct output), rewritten (hits next time).
run --output-format concise
expect_stats 5 0 "before damage"
n=0
while IFS= read -r entry; do
  n=$((n + 1))
  case $((n % 3)) in
    0) truncate -s 10 "$entry" ;;
    1) : >"$entry" ;;
    2) printf 'garbage\n' >"$entry" ;;
  esac
done < <(find .asynctype_cache/v1 -type f)
[ "$n" -gt 5 ] || fail "expected cache entries, found $n"
run --output-format concise
expect_stats 0 5 "damaged entries"
same_as_cold --output-format concise
run --output-format concise
expect_stats 5 0 "rewritten entries"

# Two runs at once on an empty cache: both succeed with the cold output.
rm -rf .asynctype_cache
cold --output-format json
for i in 1 2 3; do
  "$bin" check app --output-format json >"$tmp/par1" 2>/dev/null &
  p1=$!
  "$bin" check app --output-format json >"$tmp/par2" 2>/dev/null &
  p2=$!
  wait $p1; r1=$?
  wait $p2; r2=$?
  [ "$r1" = "$cold_rc" ] && [ "$r2" = "$cold_rc" ] || fail "concurrent runs exited $r1 / $r2, cold $cold_rc"
  cmp -s "$tmp/par1" "$tmp/cold_out" && cmp -s "$tmp/par2" "$tmp/cold_out" || fail "concurrent runs differ from cold"
done
[ -z "$(find .asynctype_cache -name '.tmp-*')" ] || fail "temporary files left behind"

# An added module makes an unresolved import resolve: its importer is checked again.
run --output-format concise
grep -q 'uses_pkg.py.*unresolved-import' "$tmp/out" || fail "expected an unresolved import"
printf 'x = 1\n' >app/pkg/later.py
run --output-format concise
expect_stats 4 2 "added module"  # uses_pkg.py and the new file
same_as_cold --output-format concise
grep -q 'unresolved-import' "$tmp/out" && fail "the import still does not resolve"

# Where, and off.
rm -rf .asynctype_cache
"$bin" check app --no-cache >/dev/null 2>&1
[ -e .asynctype_cache ] && fail "--no-cache created the folder"
"$bin" check app --cache-dir "$tmp/elsewhere" >/dev/null 2>&1
[ -d "$tmp/elsewhere/v1" ] || fail "--cache-dir not used"
[ -e .asynctype_cache ] && fail "--cache-dir: the default folder was created too"
ASYNCTYPE_CACHE_DIR="$tmp/env" "$bin" check app >/dev/null 2>&1
[ -d "$tmp/env/v1" ] || fail "ASYNCTYPE_CACHE_DIR not used"
printf 'cache = false\n' >>pyproject.toml
"$bin" check app >/dev/null 2>&1
[ -e .asynctype_cache ] && fail "cache = false created the folder"
mkdir -p "$tmp/bad" && printf 'cache = "no"\n' >"$tmp/bad/asynctype.toml"
"$bin" check app --config-file "$tmp/bad/asynctype.toml" >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q 'cache. must be true or false' "$tmp/err" || fail "a bad cache value is not reported"
# Without a configuration: the current folder. An unwritable folder: checked without a cache.
rm -f pyproject.toml
mkdir -p "$tmp/cwd" && cd "$tmp/cwd" && "$bin" check "$proj/app" >/dev/null 2>&1
[ -d "$tmp/cwd/.asynctype_cache/v1" ] || fail "no cache in the current folder"
cd "$proj" && "$bin" check app --cache-dir /proc/forbidden --output-format concise -v >"$tmp/out" 2>"$tmp/err"
grep -q '^Cache: off' "$tmp/err" || fail "an unusable folder is not said to be off"
grep -q 'invalid-await' "$tmp/out" || fail "no check without a cache"
echo "PASS"
