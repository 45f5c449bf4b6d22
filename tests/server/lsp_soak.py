"""LSP soak test: thousands of edits paced like a fast typist (100 per second for 30 s) on a
2,000-line document, without waiting for diagnostics. The server must keep up to the end: the
last tenth of the edits is answered about as fast as the first tenth, its memory (VmRSS) stays
flat, diagnostics are published at least every kProgressInterval plus one check (never a long
silence while edits keep coming), versions never go back, and the last version is published.
Usage: lsp_soak.py ASYNCTYPE [EDITS]"""
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server, check, uri  # noqa: E402
from lsp_workload import Editor, cpu_seconds, env_is_sanitized, flood, flood_metrics, generate, rss_kb  # noqa: E402

binary = sys.argv[1]
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rate = 100.0
sanitized = env_is_sanitized()
lines = 1000 if sanitized else 2000  # a check is several times slower under the sanitizers
# Progress: a publish at least every 100 ms (kProgressInterval) plus one check, under 300 ms on an idle
# machine; the slack absorbs a loaded one (the tests run in parallel on two cores).
max_gap_ms = 300 + (2700 if sanitized else 900)

tmp = tempfile.mkdtemp(prefix="lsp_soak.")
try:
    path = os.path.join(tmp, "app.py")
    with open(path, "w") as f:
        f.write("# the disk version is empty\n")
    u = uri(path)
    text, edit_sites, _ = generate(lines)
    s = Server(binary, cwd=tmp, stamp=True)
    s.initialize(tmp)
    s.open(path, text, version=1)
    first = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == u, timeout=120)
    check(first["version"] == 1 and first["diagnostics"], s, "the generated module has a few diagnostics: %r" % first)

    tenth = edits // 10
    rss = {}
    cpu = {0: cpu_seconds(s.proc.pid)}

    def on_tick(k):
        if k + 1 in (tenth, edits):
            rss[k + 1] = rss_kb(s.proc.pid)
        if k + 1 in (tenth, edits - tenth, edits):
            cpu[k + 1] = cpu_seconds(s.proc.pid)

    sent, publishes, last = flood(s, u, Editor(edit_sites, random.Random(11)), rate, edits, 1, on_tick)
    # The edits pair up (insert a digit, delete it): after an even number the text is the original.
    check(edits % 2 or last["diagnostics"] == first["diagnostics"], s, "final diagnostics: %r" % last)
    whole = flood_metrics(sent, publishes)
    head = flood_metrics(sent, publishes, 0, tenth)
    tail = flood_metrics(sent, publishes, edits - tenth, edits)
    check(None not in cpu.values(), s, "CPU time not readable: %r" % cpu)
    head_cpu, tail_cpu = cpu[tenth] - cpu[0], cpu[edits] - cpu[edits - tenth]

    def median(values):
        v = sorted(values)
        return v[len(v) // 2]

    def p99(values):
        v = sorted(values)
        return v[min(len(v) - 1, int(len(v) * 0.99))]

    print("lsp_soak: %d edits at %.0f/s on %d lines: %d publishes; gap p99 %.0f ms, max %.0f ms; "
          "edit -> diagnostics median %.0f ms (first tenth) / %.0f ms (last tenth), p99 %.0f ms; "
          "last edit %.0f ms; server CPU %.2f s in the first tenth, %.2f s in the last; "
          "VmRSS %s KiB after the first tenth, %s KiB at the end"
          % (edits, rate, lines, whole["publishes"], p99(whole["gaps_ms"]), max(whole["gaps_ms"]),
             median(head["latency_ms"]), median(tail["latency_ms"]), p99(whole["latency_ms"]),
             whole["latency_ms"][-1], head_cpu, tail_cpu, rss.get(tenth), rss.get(edits)))
    check(whole["monotonic"], s, "published versions went back: %r" % [v for v, _ in publishes][:50])
    check(max(whole["gaps_ms"]) <= max_gap_ms, s,
          "no diagnostics for %.0f ms while edits kept coming (bound %d ms)" % (max(whole["gaps_ms"]), max_gap_ms))
    check(median(tail["latency_ms"]) <= 3 * median(head["latency_ms"]) + 100, s,
          "the last tenth is handled much slower than the first: %.0f ms vs %.0f ms"
          % (median(tail["latency_ms"]), median(head["latency_ms"])))
    # No bound on the number of publishes: on a loaded machine fewer checks finish between two
    # edits (CI saw 293 in the first tenth, 46 in the last, while every latency bound held). The
    # server's CPU time is printed, not bounded: at this rate it checks without pause.
    base, end = rss.get(tenth), rss.get(edits)
    check(base and end, s, "VmRSS not readable: %r" % rss)
    allowed = base * 1.5 + (300 * 1024 if sanitized else 20 * 1024)  # ASan's quarantine holds freed memory
    check(end <= allowed, s, "memory grew during the soak: %d KiB -> %d KiB" % (base, end))
    s.result("shutdown")
    s.notify("exit")
    check(s.proc.wait(timeout=10) == 0, s, "exit after shutdown")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
print("lsp_soak: OK")
