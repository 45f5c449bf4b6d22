#!/usr/bin/env python3
"""Benchmark asynctype on a tree of Python files.

Usage:
    python3 bench/bench.py [--binary build/asynctype] [--repeat 3] [--json] [PATH]

PATH defaults to the running Python's standard-library `asyncio` package.
The script counts the `.py` files under PATH (skipping `__pycache__`), then
runs `BINARY check --parse-only PATH` and `BINARY check PATH`, each --repeat
times, and reports the best wall time, throughput and peak RSS of each mode.

Each run is a single child started with os.fork + os.execv and reaped with
os.wait4, so the rusage (ru_maxrss) is that child's alone.  Caveat (Linux):
the kernel carries the pre-exec RSS of the forked copy of this interpreter
into ru_maxrss, so a reported peak is really max(floor, real peak), where the
floor is what an exec of a trivial program (/bin/true) reports.  The floor is
measured and printed; a peak at or below it only says "no more than this".

Exit codes 0 (no diagnostics) and 1 (diagnostics found) of the checker count
as success; any other exit code, or death by a signal, is a failure: the
failing run is named on stderr and this script exits with status 1.
"""

import argparse
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from importlib.util import find_spec
from typing import Dict, List, Optional, Tuple

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BINARY = os.path.join("build", "asynctype")
FLOOR_PROGRAM = "/bin/true"

# A diagnostic line starts with `error[` or `warning[` (e.g. `error[invalid-await]: ...`).
DIAG_RE = re.compile(r"^(error|warning)\[")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

MODES: List[Tuple[str, List[str]]] = [
    ("parse_only", ["check", "--parse-only"]),
    ("full", ["check"]),
]
MODE_LABELS = {"parse_only": "parse-only", "full": "full check"}


class RunFailed(Exception):
    pass


class Run:
    """One finished child process."""

    def __init__(self, wall: float, maxrss_kib: float, status: int) -> None:
        self.wall = wall
        self.maxrss_kib = maxrss_kib
        self.status = status  # raw wait status

    @property
    def exit_code(self) -> Optional[int]:
        return os.WEXITSTATUS(self.status) if os.WIFEXITED(self.status) else None

    @property
    def signal(self) -> Optional[int]:
        return os.WTERMSIG(self.status) if os.WIFSIGNALED(self.status) else None

    def describe(self) -> str:
        sig = self.signal
        if sig is not None:
            try:
                name = signal.Signals(sig).name
            except ValueError:
                name = "?"
            return f"killed by signal {sig} ({name})"
        return f"exit code {self.exit_code}"

    @property
    def ok(self) -> bool:
        return self.exit_code in (0, 1)


def default_path() -> str:
    # Locate the asyncio package without importing it (keeps this process small,
    # which keeps the RSS floor low; see the module docstring).
    spec = find_spec("asyncio")
    if spec is None or spec.origin is None:
        sys.exit("bench: cannot locate the stdlib asyncio package; pass PATH")
    return os.path.dirname(spec.origin)


def resolve_binary(binary: str) -> str:
    candidates = []
    if os.sep in binary or (os.altsep and os.altsep in binary):
        candidates.append(binary)
        if not os.path.isabs(binary):
            candidates.append(os.path.join(REPO_ROOT, binary))
    else:
        found = shutil.which(binary)
        if found:
            candidates.append(found)
        candidates.append(os.path.join(REPO_ROOT, binary))
    for cand in candidates:
        if os.path.isfile(cand) and os.access(cand, os.X_OK):
            return os.path.abspath(cand)
    sys.exit(f"bench: binary not found or not executable: {binary} "
             f"(tried: {', '.join(candidates)}); build it first or pass --binary")


def scan(path: str) -> Tuple[int, int, int]:
    """Return (files, lines, bytes) of the .py files under path."""
    if os.path.isfile(path):
        paths = [path] if path.endswith(".py") else []
    else:
        paths = []
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            paths.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    lines = 0
    nbytes = 0
    for p in paths:
        with open(p, "rb") as fh:
            data = fh.read()
        nbytes += len(data)
        lines += data.count(b"\n")
        if data and not data.endswith(b"\n"):
            lines += 1
    return len(paths), lines, nbytes


def run_child(argv: List[str], stdout_fd: int, stderr_fd: int) -> Run:
    """fork + execv argv with the given stdout/stderr; reap it with wait4."""
    stdin_fd = os.open(os.devnull, os.O_RDONLY)
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: never return into Python code of the parent
            try:
                os.dup2(stdin_fd, 0)
                os.dup2(stdout_fd, 1)
                os.dup2(stderr_fd, 2)
                os.execv(argv[0], argv)
            except BaseException as exc:  # noqa: B036 - must not escape the child
                try:
                    os.write(2, f"bench: exec {argv[0]} failed: {exc}\n".encode())
                finally:
                    os._exit(127)
        _, status, rusage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    finally:
        os.close(stdin_fd)
    maxrss = float(rusage.ru_maxrss)
    if sys.platform == "darwin":  # bytes there, KiB on Linux
        maxrss /= 1024.0
    return Run(wall, maxrss, status)


def count_diagnostics(path: str) -> Dict[str, int]:
    counts = {"error": 0, "warning": 0}
    with open(path, "rb") as fh:
        for raw in fh:
            line = ANSI_RE.sub("", raw.decode("utf-8", "replace"))
            m = DIAG_RE.match(line)
            if m:
                counts[m.group(1)] += 1
    counts["total"] = counts["error"] + counts["warning"]
    return counts


def tail(path: str, n: int = 20) -> str:
    with open(path, "rb") as fh:
        data = fh.read().decode("utf-8", "replace")
    return "\n".join(data.splitlines()[-n:])


def bench_mode(binary: str, args: List[str], target: str, repeat: int, label: str,
               tmpdir: str) -> Tuple[List[Run], Dict[str, int], List[int]]:
    argv = [binary] + args + [target]
    out_path = os.path.join(tmpdir, "stdout")
    err_path = os.path.join(tmpdir, "stderr")
    runs: List[Run] = []
    diag_counts: List[int] = []
    diags: Dict[str, int] = {}
    for i in range(repeat):
        out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            run = run_child(argv, out_fd, err_fd)
        finally:
            os.close(out_fd)
            os.close(err_fd)
        if not run.ok:
            msg = (f"bench: {label} run {i + 1}/{repeat} failed: {run.describe()}\n"
                   f"  command: {' '.join(argv)}")
            err_tail = tail(err_path)
            if err_tail:
                msg += "\n  stderr (last lines):\n" + "\n".join("    " + l for l in err_tail.splitlines())
            raise RunFailed(msg)
        runs.append(run)
        diags = count_diagnostics(out_path)
        diag_counts.append(diags["total"])
    return runs, diags, diag_counts


def measure_floor(repeat: int) -> Optional[Dict[str, float]]:
    if not (os.path.isfile(FLOOR_PROGRAM) and os.access(FLOOR_PROGRAM, os.X_OK)):
        return None
    null_fd = os.open(os.devnull, os.O_WRONLY)
    try:
        runs = [run_child([FLOOR_PROGRAM], null_fd, null_fd) for _ in range(repeat)]
    finally:
        os.close(null_fd)
    return {
        "wall_s": min(r.wall for r in runs),
        "peak_rss_mib": max(r.maxrss_kib for r in runs) / 1024.0,
    }


def fmt_int(n: int) -> str:
    return f"{n:,}"


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark `asynctype check` (parse-only and full).")
    ap.add_argument("path", nargs="?", help="file or directory to check (default: stdlib asyncio)")
    ap.add_argument("--binary", default=DEFAULT_BINARY,
                    help=f"checker binary (default: {DEFAULT_BINARY}, relative to cwd or repo root)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per mode; best wall time is kept (default 3)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    opts = ap.parse_args()
    if opts.repeat < 1:
        ap.error("--repeat must be >= 1")

    target = os.path.abspath(opts.path if opts.path else default_path())
    if not os.path.exists(target):
        sys.exit(f"bench: no such file or directory: {target}")
    binary = resolve_binary(opts.binary)

    files, lines, nbytes = scan(target)
    floor = measure_floor(opts.repeat)

    results: Dict[str, Dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="asynctype-bench-") as tmpdir:
        for mode, args in MODES:
            try:
                runs, diags, diag_counts = bench_mode(binary, args, target, opts.repeat,
                                                      MODE_LABELS[mode], tmpdir)
            except RunFailed as exc:
                print(str(exc), file=sys.stderr)
                return 1
            best = min(r.wall for r in runs)
            peak_kib = max(r.maxrss_kib for r in runs)
            results[mode] = {
                "wall_s": best,
                "wall_s_all": [r.wall for r in runs],
                "mb_per_s": (nbytes / 1e6 / best) if best > 0 else None,
                "lines_per_s": (lines / best) if best > 0 else None,
                "peak_rss_mib": peak_kib / 1024.0,
                "peak_rss_mib_all": [r.maxrss_kib / 1024.0 for r in runs],
                "exit_code": runs[-1].exit_code,
                "diagnostics": diags["total"],
                "errors": diags["error"],
                "warnings": diags["warning"],
                "diagnostics_stable": len(set(diag_counts)) == 1,
            }

    parse_wall = results["parse_only"]["wall_s"]
    full_wall = results["full"]["wall_s"]
    assert isinstance(parse_wall, float) and isinstance(full_wall, float)
    ratio = (full_wall / parse_wall) if parse_wall > 0 else None
    summary: Dict[str, object] = {
        "path": target,
        "binary": binary,
        "repeat": opts.repeat,
        "files": files,
        "lines": lines,
        "bytes": nbytes,
        "parse_only": results["parse_only"],
        "full": results["full"],
        "full_to_parse_ratio": ratio,
        "diagnostics": results["full"]["diagnostics"],
        "rss_floor_mib": floor["peak_rss_mib"] if floor else None,
        "spawn_floor_wall_s": floor["wall_s"] if floor else None,
    }

    if opts.json:
        print(json.dumps(summary, indent=None, sort_keys=False))
        return 0

    print(f"path:    {target}")
    print(f"binary:  {binary}")
    print(f"files:   {fmt_int(files)}")
    print(f"lines:   {fmt_int(lines)}")
    print(f"bytes:   {fmt_int(nbytes)}")
    print()
    header = f"{'mode':<12} {'best wall s':>12} {'MB/s':>9} {'klines/s':>9} {'peak RSS MiB':>13} {'exit':>5}"
    print(header)
    print("-" * len(header))
    floor_mib = floor["peak_rss_mib"] if floor else None
    for mode, _ in MODES:
        r = results[mode]
        mbps = r["mb_per_s"]
        lps = r["lines_per_s"]
        rss = r["peak_rss_mib"]
        assert isinstance(rss, float)
        note = " (<= floor)" if floor_mib is not None and rss <= floor_mib * 1.05 else ""
        mbps_s = f"{mbps:.2f}" if isinstance(mbps, float) else "n/a"
        klps_s = f"{lps / 1000.0:.1f}" if isinstance(lps, float) else "n/a"
        print(f"{MODE_LABELS[mode]:<12} {r['wall_s']:>12.4f} {mbps_s:>9} {klps_s:>9} "
              f"{rss:>13.1f} {r['exit_code']!s:>5}{note}")
    print()
    print(f"full/parse-only time ratio: {f'{ratio:.2f}x' if ratio is not None else 'n/a'}")
    full = results["full"]
    stable = "" if full["diagnostics_stable"] else "  (WARNING: count differed between runs)"
    print(f"diagnostics (full check): {full['diagnostics']} "
          f"({full['errors']} error, {full['warnings']} warning){stable}")
    if results["parse_only"]["diagnostics"]:
        print(f"diagnostics (parse-only): {results['parse_only']['diagnostics']}")
    if floor:
        print(f"spawn floor ({FLOOR_PROGRAM}): {floor['wall_s']:.4f} s, {floor['peak_rss_mib']:.1f} MiB peak RSS "
              f"(peak RSS values at or below the floor are upper bounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
