#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs each for SECONDS
# (default 600), seeded from mdtests/ and examples/. A crashing input is kept in
# tests/fuzz_regressions/<target>/ (where tests/cli/fuzz_regressions.sh replays it on every test
# run) and the script exits 1.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: check_file mdtest_parser config_loader lsp_server)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check_file mdtest_parser config_loader lsp_server)
build="$root/build-fuzz"
if [ ! -f "$build/CMakeCache.txt" ]; then
  mkdir -p "$build/_deps"
  # Reuse the grammar the main build fetched (pinned and verified there).
  [ -d "$root/build/_deps/tree-sitter-python" ] && cp -r "$root/build/_deps/tree-sitter-python" "$build/_deps/"
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DASYNCTYPE_FUZZ=ON >/dev/null
fi
cmake --build "$build" -j2 --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  case $target in
    check_file) find "$root/examples" "$root/typeshed_subset" -name '*.py*' -size -64k -exec cp {} "$corpus/" \; ;;
    mdtest_parser) cp "$root"/mdtests/*.md "$corpus/" ;;
    lsp_server)
      body='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
      printf 'Content-Length: %d\r\n\r\n%s' "${#body}" "$body" >"$corpus/initialize"
      body='{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/a.py","languageId":"python","version":1,"text":"async def f():\n    g()\n"}}}'
      printf '%s' "$body" >"$corpus/didopen.json" ;;
    config_loader) printf '[tool.asynctype]\npython-version = "3.12"\nsrc = ["src"]\n[tool.asynctype.rules]\nall = "warn"\n' >"$corpus/pyproject.toml" ;;
  esac
  artifacts="$build/artifacts/$target/"
  mkdir -p "$artifacts"
  echo "== $target: ${seconds}s"
  if ! "$build/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" -artifact_prefix="$artifacts" \
      -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 2>"$build/fuzz-$target.log"; then
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" "$build/fuzz-$target.log" || true
  for crash in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -e "$crash" ] || continue
    mkdir -p "$root/tests/fuzz_regressions/$target"
    cp "$crash" "$root/tests/fuzz_regressions/$target/"
    echo "kept $(basename "$crash") in tests/fuzz_regressions/$target/"
    status=1
  done
done
exit $status
