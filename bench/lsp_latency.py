#!/usr/bin/env python3
"""Latency of `asynctype server` as an editor sees it, on one generated async Python file
(5,000 lines by default) or, with --file PATH, on a real file (its own imports resolved from
the disk: --root DIR is the workspace folder, by default the file's folder):
  - open: didOpen -> the first publishDiagnostics;
  - edit: an incremental didChange (insert / delete one character in a function body) -> the
    publishDiagnostics carrying the new version, one edit at a time (no burst coalescing);
  - hover: textDocument/hover at a random expression (names, calls, awaits, attributes) -> the
    response;
  - memory: the server's VmRSS after the open, after the edits and after the hovers;
  - the server's CPU time per edit (mean), which hardly depends on the machine's load.
On a real file the edit sites are the integer literals inside function bodies (or, when there
are few, plain string literals there), and the hover sites every name, attribute member and
`await` (tests/server/lsp_workload.py: sites_of); the file is only read.
With --importer, a second open document imports the generated module, so every edit also
compares the module's interface (the edits leave it unchanged: the importer is not re-checked).
With --flood RATE, after the above, edits are sent paced at RATE per second for --flood-seconds
without waiting for their diagnostics (an editor flood): reports the gaps between publishes,
edit -> diagnostics latency (the first publish of that version or a newer one), the latency of
the last edit, and the server's memory (VmRSS) before and after.
Prints a table of p50 / p90 / p99 / max per operation (or JSON with --json).
Usage: bench/lsp_latency.py [--binary build/asynctype] [--lines 5000 | --file PATH [--root DIR]] [--edits 100]
                            [--hovers 100] [--seed 1] [--importer] [--json]
                            [--flood RATE [--flood-seconds 100]]"""
import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "tests", "server"))
from lsp_client import Server, pos, uri  # noqa: E402
from lsp_workload import Editor, cpu_seconds, flood, flood_metrics, generate, rss_kb, sites_of  # noqa: E402

def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 100)) - 1))
    return sorted_values[k]


def summary(samples_ms):
    s = sorted(samples_ms)
    return {"n": len(s), "p50": percentile(s, 50), "p90": percentile(s, 90), "p99": percentile(s, 99),
            "max": s[-1] if s else float("nan"), "mean": sum(s) / len(s) if s else float("nan")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(root, "build", "asynctype"))
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--file", metavar="PATH", help="measure on this file instead of a generated one")
    ap.add_argument("--root", metavar="DIR", help="the workspace folder (with --file; default: its folder)")
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--hovers", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--importer", action="store_true", help="also open a document importing the module")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--flood", type=float, default=0, metavar="RATE", help="then edits at RATE per second")
    ap.add_argument("--flood-seconds", type=float, default=100)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    tmp = tempfile.mkdtemp(prefix="lsp_latency.")
    if args.file:
        path = os.path.abspath(args.file)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        edit_sites, hover_sites = sites_of(text)
        if not edit_sites:
            raise SystemExit("%s: no integer or string literal inside a function body to edit" % path)
        workspace = os.path.abspath(args.root) if args.root else os.path.dirname(path)
    else:
        text, edit_sites, hover_sites = generate(args.lines)
        path = os.path.join(tmp, "app.py")
        with open(path, "w") as f:
            f.write("# the disk version is empty\n")
        workspace = tmp
    try:
        u = uri(path)
        s = Server(args.binary, cwd=workspace, stamp=True)
        s.initialize(workspace)

        def wait_version(version):
            p = s.wait_notification("textDocument/publishDiagnostics",
                                    lambda p: p["uri"] == u and p.get("version") == version, timeout=120)
            s.pending = []  # older publishes (none expected) are not needed
            return p

        if args.importer:
            user = os.path.join(tmp, "user.py")
            s.open(user, "import app\n\n\nasync def main() -> int:\n    return await app.fetch_0(1)\n", version=1)
            s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(user), timeout=120)
        t0 = time.perf_counter()
        s.open(path, text, version=1)
        first = wait_version(1)
        open_ms = (time.perf_counter() - t0) * 1000
        n_diags = len(first["diagnostics"])
        rss_open = rss_kb(s.proc.pid)

        # Edits: alternately insert a digit at a random site and delete it again, so the text
        # stays valid and the sites stay where they are.
        edit_ms = []
        changed_diags = 0
        cpu_before = cpu_seconds(s.proc.pid)
        version = 1
        editor = Editor(edit_sites, rng)
        for k in range(args.edits):
            version += 1
            t0 = time.perf_counter()
            s.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": version},
                                                "contentChanges": [editor.next_change()]})
            p = wait_version(version)
            edit_ms.append((time.perf_counter() - t0) * 1000)
            if len(p["diagnostics"]) != n_diags:
                changed_diags += 1
            if len(p["diagnostics"]) != n_diags and not args.file:  # a real file's literals may matter
                raise SystemExit("edit %d changed the diagnostics: %d -> %d" % (k, n_diags, len(p["diagnostics"])))

        rss_edits = rss_kb(s.proc.pid)
        cpu_after = cpu_seconds(s.proc.pid)
        hover_ms = []
        empty = 0
        for _ in range(args.hovers):
            line, col = rng.choice(hover_sites)
            t0 = time.perf_counter()
            r = s.result("textDocument/hover", {"textDocument": {"uri": u}, "position": pos(line, col)})
            hover_ms.append((time.perf_counter() - t0) * 1000)
            s.pending = []
            if r is None:
                empty += 1

        rss_hovers = rss_kb(s.proc.pid)
        flood_results = None
        if args.flood > 0:
            if editor.pending_delete is not None:  # start from the original text
                version += 1
                s.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": version},
                                                    "contentChanges": [editor.next_change()]})
                wait_version(version)
            count = int(args.flood * args.flood_seconds)
            rss_before = rss_kb(s.proc.pid)
            sent, publishes, _ = flood(s, u, editor, args.flood, count, version)
            rss_after = rss_kb(s.proc.pid)
            m = flood_metrics(sent, publishes)
            flood_results = {
                "rate": args.flood, "edits": count, "seconds": sent[-1][1] - sent[0][1],
                "publishes": m["publishes"], "monotonic": m["monotonic"],
                "publish_gap_ms": summary(m["gaps_ms"]), "edit_to_diagnostics_ms": summary(m["latency_ms"]),
                "last_edit_ms": m["latency_ms"][-1], "rss_kb_before": rss_before, "rss_kb_after": rss_after,
            }
            version = sent[-1][0]

        s.result("shutdown")
        s.notify("exit")
        rc = s.close_and_wait()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    results = {
        "file": path if args.file else None,
        "file_lines": len(text.splitlines()),
        "diagnostics": n_diags,
        "diagnostic_codes": sorted(str(d.get("code")) for d in first["diagnostics"]),
        "open_ms": open_ms,
        "edit_to_diagnostics_ms": summary(edit_ms),
        "hover_ms": summary(hover_ms),
        "hover_empty": empty,
        "edits_changing_diagnostics": changed_diags,
        # The server's CPU time per edit: unlike the latencies, it hardly depends on the machine's load.
        "edit_cpu_ms_mean": (cpu_after - cpu_before) * 1000 / max(1, len(edit_ms)),
        "rss_kb_after_open": rss_open,
        "rss_kb_after_edits": rss_edits,
        "rss_kb_after_hovers": rss_hovers,
        "server_exit": rc,
        "flood": flood_results,
        "load_average": os.getloadavg(),
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print("asynctype server latency: %s%d-line file, %d diagnostics; load average %.2f %.2f %.2f on %d CPUs"
          % ((path + ": " if args.file else "", results["file_lines"], n_diags) + tuple(results["load_average"])
             + (results["cpus"],)))
    print("%-28s %5s %9s %9s %9s %9s" % ("operation", "n", "p50 ms", "p90 ms", "p99 ms", "max ms"))
    print("%-28s %5d %9.1f %9s %9s %9.1f" % ("open -> diagnostics", 1, open_ms, "", "", open_ms))
    for name, key in (("edit -> diagnostics", "edit_to_diagnostics_ms"), ("hover", "hover_ms")):
        m = results[key]
        print("%-28s %5d %9.1f %9.1f %9.1f %9.1f" % (name, m["n"], m["p50"], m["p90"], m["p99"], m["max"]))
    if empty:
        print("(%d hovers returned null)" % empty)
    if changed_diags:
        print("(%d edits changed the number of diagnostics)" % changed_diags)
    print("server CPU per edit: %.1f ms (mean)" % results["edit_cpu_ms_mean"])
    print("VmRSS: %.1f MiB after the open, %.1f MiB after %d edits, %.1f MiB after %d hovers"
          % (rss_open / 1024, rss_edits / 1024, len(edit_ms), rss_hovers / 1024, len(hover_ms)))
    f = results["flood"]
    if f:
        print("flood: %d edits in %.1f s (%.0f/s), %d publishes, versions %s; VmRSS %.1f -> %.1f MiB"
              % (f["edits"], f["seconds"], f["edits"] / f["seconds"], f["publishes"],
                 "monotonic" if f["monotonic"] else "NOT MONOTONIC", f["rss_kb_before"] / 1024, f["rss_kb_after"] / 1024))
        for name, key in (("flood: gap between publishes", "publish_gap_ms"),
                          ("flood: edit -> diagnostics", "edit_to_diagnostics_ms")):
            m = f[key]
            print("%-28s %5d %9.1f %9.1f %9.1f %9.1f" % (name, m["n"], m["p50"], m["p90"], m["p99"], m["max"]))
        print("%-28s %5d %9s %9s %9s %9.1f" % ("flood: last edit -> diags", 1, "", "", "", f["last_edit_ms"]))


if __name__ == "__main__":
    main()
