#!/usr/bin/env python3
"""Latency of `asynctype server` as an editor sees it, on one generated async Python file
(5,000 lines by default):
  - open: didOpen -> the first publishDiagnostics;
  - edit: an incremental didChange (insert / delete one character in a function body) -> the
    publishDiagnostics carrying the new version, one edit at a time (no burst coalescing);
  - hover: textDocument/hover at a random expression (names, calls, awaits, attributes) -> the
    response.
With --importer, a second open document imports the generated module, so every edit also
compares the module's interface (the edits leave it unchanged: the importer is not re-checked).
Prints a table of p50 / p90 / p99 / max per operation (or JSON with --json).
Usage: bench/lsp_latency.py [--binary build/asynctype] [--lines 5000] [--edits 100]
                            [--hovers 100] [--seed 1] [--importer] [--json]"""
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

UNIT_LINES = 25  # lines per generated unit (a class and two coroutines)


def generate(lines):
    """An async module of about `lines` lines; returns (text, edit_sites, hover_sites) where an
    edit site is (line, column) just before a digit of an integer literal in a function body and
    a hover site is (line, column) on an expression."""
    out = ["import asyncio", "from typing import Optional", "", ""]
    edit_sites, hover_sites = [], []

    def add(text, edits=(), hovers=()):
        line = len(out)
        for needle, off in edits:
            edit_sites.append((line, text.index(needle) + off))
        for needle, off in hovers:
            hover_sites.append((line, text.index(needle) + off))
        out.append(text)

    i = 0
    while len(out) + UNIT_LINES <= lines:
        prev = "fetch_%d" % (i - 1) if i else "asyncio.sleep"
        prev_call = "%s(n)" % prev if i else "asyncio.sleep(0, result=n)"
        add("class Record%d:" % i)
        add("    def __init__(self, value: int) -> None:")
        add("        self.value = value + %d" % (i % 97 + 1), edits=[("+ ", 2)], hovers=[("value +", 2)])
        add("")
        add("    async def load(self, scale: int) -> Optional[int]:")
        add("        await asyncio.sleep(0)", hovers=[("asyncio.sleep", 3), ("sleep(0)", 5), ("await", 1)])
        add("        if scale > %d:" % (i % 13 + 2), edits=[("> ", 2)], hovers=[("scale", 1)])
        add("            return None")
        add("        return self.value * scale", hovers=[("self.value", 6), ("scale", 2)])
        add("")
        add("")
        add("async def fetch_%d(n: int) -> int:" % i, hovers=[("fetch_", 2)])
        add("    x = n + %d" % (i % 89 + 3), edits=[("+ ", 2)], hovers=[("x =", 0), ("n +", 0)])
        add("    y = await %s" % prev_call, hovers=[("y =", 0), (prev.split(".")[-1], 1), ("(", 0)])
        add("    rec = Record%d(x)" % i, hovers=[("rec", 1), ("Record", 2)])
        add("    loaded = await rec.load(%d)" % (i % 7 + 1), edits=[("load(", 5)],
            hovers=[("loaded", 2), ("rec.load", 5), ("(", 0)])
        add("    total = x + y + (loaded or 0)", hovers=[("total", 1), ("loaded or", 1)])
        add("    return total")
        add("")
        add("")
        add("async def gather_%d() -> list[int]:" % i)
        add("    tasks = [asyncio.create_task(fetch_%d(k)) for k in range(%d)]" % (i, i % 5 + 2),
            edits=[("range(", 6)], hovers=[("tasks", 1), ("create_task", 3), ("fetch_", 2)])
        add("    done = await asyncio.gather(*tasks)", hovers=[("done", 1), ("gather(", 6), ("gather", 2)])
        if i % 20 == 19:  # a few bugs, so that the diagnostics are not empty
            add("    fetch_%d(1)" % i, hovers=[("fetch_", 1)])
        else:
            add("    await fetch_%d(1)" % i)
        add("    return list(done)", hovers=[("done", 1)])
        add("")
        add("")
        i += 1
    while len(out) < lines:
        out.append("# padding")
    return "\n".join(out) + "\n", edit_sites, hover_sites


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
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--hovers", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--importer", action="store_true", help="also open a document importing the module")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    text, edit_sites, hover_sites = generate(args.lines)
    tmp = tempfile.mkdtemp(prefix="lsp_latency.")
    try:
        path = os.path.join(tmp, "app.py")
        with open(path, "w") as f:
            f.write("# the disk version is empty\n")
        u = uri(path)
        s = Server(args.binary, cwd=tmp)
        s.initialize(tmp)

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

        # Edits: alternately insert a digit at a random site and delete it again, so the text
        # stays valid and the sites stay where they are.
        edit_ms = []
        version = 1
        pending_delete = None
        for k in range(args.edits):
            version += 1
            if pending_delete is None:
                line, col = rng.choice(edit_sites)
                change = {"range": {"start": pos(line, col), "end": pos(line, col)}, "text": "7"}
                pending_delete = (line, col)
            else:
                line, col = pending_delete
                change = {"range": {"start": pos(line, col), "end": pos(line, col + 1)}, "text": ""}
                pending_delete = None
            t0 = time.perf_counter()
            s.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": version},
                                                "contentChanges": [change]})
            p = wait_version(version)
            edit_ms.append((time.perf_counter() - t0) * 1000)
            if len(p["diagnostics"]) != n_diags:
                raise SystemExit("edit %d changed the diagnostics: %d -> %d" % (k, n_diags, len(p["diagnostics"])))

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

        s.result("shutdown")
        s.notify("exit")
        rc = s.close_and_wait()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    results = {
        "file_lines": len(text.splitlines()),
        "diagnostics": n_diags,
        "open_ms": open_ms,
        "edit_to_diagnostics_ms": summary(edit_ms),
        "hover_ms": summary(hover_ms),
        "hover_empty": empty,
        "server_exit": rc,
        "load_average": os.getloadavg(),
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print("asynctype server latency: %d-line file, %d diagnostics; load average %.2f %.2f %.2f on %d CPUs"
          % ((results["file_lines"], n_diags) + tuple(results["load_average"]) + (results["cpus"],)))
    print("%-28s %5s %9s %9s %9s %9s" % ("operation", "n", "p50 ms", "p90 ms", "p99 ms", "max ms"))
    print("%-28s %5d %9.1f %9s %9s %9.1f" % ("open -> diagnostics", 1, open_ms, "", "", open_ms))
    for name, key in (("edit -> diagnostics", "edit_to_diagnostics_ms"), ("hover", "hover_ms")):
        m = results[key]
        print("%-28s %5d %9.1f %9.1f %9.1f %9.1f" % (name, m["n"], m["p50"], m["p90"], m["p99"], m["max"]))
    if empty:
        print("(%d hovers returned null)" % empty)


if __name__ == "__main__":
    main()
