#!/usr/bin/env bash
# bench/lsp_latency.py --file on a real (checked-in, small) package: the script opens
# tests/server/latency_workload/shop/orders.py with the package's folder as the workspace, edits
# literals inside function bodies and hovers, and reports latencies and memory. Checks that the
# file's own imports resolved (only the planted bug is reported), that every edit and hover was
# measured, and that the file was left untouched.
# Usage: lsp_latency_file.sh ASYNCTYPE SOURCE_DIR
set -eu
bin=$1
src=$2
work=$src/tests/server/latency_workload
before=$(cksum < "$work/shop/orders.py")
out=$(python3 "$src/bench/lsp_latency.py" --binary "$bin" --file "$work/shop/orders.py" --root "$work" \
  --edits 12 --hovers 30 --json)
after=$(cksum < "$work/shop/orders.py")
[ "$before" = "$after" ] || { echo "FAIL: the measured file was modified"; exit 1; }
python3 - "$out" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
def check(cond, why):
    if not cond:
        print("FAIL: %s\n%s" % (why, json.dumps(r, indent=2)))
        sys.exit(1)
check(r["file"].endswith("/shop/orders.py") and r["file_lines"] == 33, "the file measured")
check(r["diagnostic_codes"] == ["unused-coroutine"], "only the planted bug: the imports resolved")
check(r["open_ms"] > 0, "open measured")
check(r["edit_to_diagnostics_ms"]["n"] == 12 and r["hover_ms"]["n"] == 30, "edits and hovers measured")
check(r["edits_changing_diagnostics"] == 0, "edits to literals leave the diagnostics alone")
check(r["hover_empty"] < 30, "hovers answered")
check(all(r[k] and r[k] > 0 for k in ("rss_kb_after_open", "rss_kb_after_edits", "rss_kb_after_hovers")), "memory read")
check(r["edit_cpu_ms_mean"] >= 0, "CPU time per edit measured")
check(r["server_exit"] == 0, "the server exited cleanly")
print("lsp_latency_file: open %.0f ms, edit p50 %.1f ms, hover p50 %.1f ms: OK"
      % (r["open_ms"], r["edit_to_diagnostics_ms"]["p50"], r["hover_ms"]["p50"]))
PY
