#!/usr/bin/env python3
"""Benchmark asynctype on three trees of Python files, side by side.

Usage:
    python3 bench/bench.py [--binary build/asynctype] [--repeat 3] [--json]
                           [--targets asyncio,stdlib,generated]
                           [--pyright PATH] [--mypy PATH] [--no-compare]
                           [PATH ...]

Targets (all three by default):
  asyncio    the running Python's standard-library `asyncio` package
             (override with --asyncio PATH);
  stdlib     the whole standard-library folder of the running Python
             (override with --stdlib PATH); like `asynctype check`, the scan
             skips site-packages, __pycache__, dot folders and virtualenvs;
  generated  a deterministic async project written by bench/gen_project.py
             into a temporary folder at run time (--gen-modules 400,
             --gen-packages 20, --gen-seed 1; --keep-generated DIR keeps it).
PATH arguments replace the targets by those trees ("path1", "path2", ...).

For each target the script counts the `.py`/`.pyi` files (as the checker
finds them), their lines and bytes, then runs
  BINARY check --parse-only PATH                 (default threads)
  BINARY check PATH                              (default threads)
  BINARY check PATH --threads 1
each --repeat times, and reports the best wall time, MB/s and peak RSS of
each, and the full/parse-only time ratio (both with the default threads).

Other checkers: when `pyright` or `mypy` is on PATH (or given with --pyright
/ --mypy) they are timed the same way on the targets named by --compare-on
(default: asyncio), and their time is compared with asynctype's full check.
mypy refuses to check a package that lives inside the stdlib folder ("shadows
library module"), so a stdlib target is copied to a temporary folder for it.
mypy runs with --cache-dir=/dev/null (a cold run every time); pyright has no
persistent cache and runs with its default single checker thread.

Each run is a single child started with os.fork + os.execv and reaped with
os.wait4, so the rusage (ru_maxrss) is that child's (and its reaped
children's) alone.  Caveat (Linux): the kernel carries the pre-exec RSS of the
forked copy of this interpreter into ru_maxrss, so a reported peak is really
max(floor, real peak), where the floor is what an exec of a trivial program
(/bin/true) reports.  The floor is measured and printed; a peak at or below it
only says "no more than this".  asynctype runs in an empty temporary working
folder so that no asynctype.toml / pyproject.toml is picked up.

Exit codes 0 (no diagnostics) and 1 (diagnostics found) of a checker count as
success; any other exit code, or death by a signal, is a failure: the failing
run is named on stderr, the remaining runs go on, and this script exits with
status 1.
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
from typing import Any, Dict, List, Optional, Tuple

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_BINARY = os.path.join("build", "asynctype")
FLOOR_PROGRAM = "/bin/true"
ALL_TARGETS = ["asyncio", "stdlib", "generated"]

# A diagnostic line starts with `error[` or `warning[` (e.g. `error[invalid-await]: ...`).
DIAG_RE = re.compile(r"^(error|warning)\[")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
PYRIGHT_SUMMARY_RE = re.compile(r"(\d+) errors?, (\d+) warnings?, (\d+) informations?")
MYPY_FOUND_RE = re.compile(r"^Found (\d+) errors? in (\d+) files? \(checked (\d+) source files?\)")
MYPY_OK_RE = re.compile(r"^Success: no issues found in (\d+) source files?")

# (key, label, extra arguments after `check`)
VARIANTS: List[Tuple[str, str, List[str]]] = [
    ("parse_only", "parse-only", ["--parse-only"]),
    ("full", "full", []),
    ("full_t1", "full", ["--threads", "1"]),
]


class Run:
    """One finished child process."""

    def __init__(self, wall: float, maxrss_kib: float, status: int, cpu: float = 0.0) -> None:
        self.wall = wall
        self.cpu = cpu  # user + system CPU seconds of the child (and its reaped children)
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


def locate_package_dir(name: str) -> Optional[str]:
    # Locate a stdlib module without importing it (keeps this process small,
    # which keeps the RSS floor low; see the module docstring).
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return os.path.dirname(spec.origin)


def stdlib_folder() -> Optional[str]:
    # `os` is a frozen module on 3.11+ (no file); argparse is a plain stdlib module already loaded.
    origin = getattr(argparse, "__file__", None)
    if origin and os.path.isfile(origin):
        return os.path.dirname(os.path.abspath(origin))
    import sysconfig
    return sysconfig.get_paths().get("stdlib")


def resolve_program(program: str, what: str) -> str:
    candidates = []
    if os.sep in program or (os.altsep and os.altsep in program):
        candidates.append(program)
        if not os.path.isabs(program):
            candidates.append(os.path.join(REPO_ROOT, program))
    else:
        found = shutil.which(program)
        if found:
            candidates.append(found)
        candidates.append(os.path.join(REPO_ROOT, program))
    for cand in candidates:
        if os.path.isfile(cand) and os.access(cand, os.X_OK):
            return os.path.abspath(cand)
    sys.exit(f"bench: {what} not found or not executable: {program} "
             f"(tried: {', '.join(candidates)})")


def skip_dir(dirpath: str, name: str) -> bool:
    """Mirror of the checker's folder filter (cli/check_command.cpp SkipDirectory)."""
    if name.startswith(".") or name in ("__pycache__", "node_modules", "site-packages"):
        return True
    return os.path.exists(os.path.join(dirpath, name, "pyvenv.cfg"))


def list_sources(path: str) -> List[str]:
    if os.path.isfile(path):
        return [path]
    paths: List[str] = []
    for dirpath, dirnames, filenames in os.walk(path):  # does not follow symlinked folders
        dirnames[:] = sorted(d for d in dirnames if not skip_dir(dirpath, d))
        paths.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith((".py", ".pyi")))
    return paths


def scan(path: str) -> Tuple[int, int, int]:
    """Return (files, lines, bytes) of the Python files the checker would check under path."""
    paths = list_sources(path)
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


def run_child(argv: List[str], stdout_fd: int, stderr_fd: int, cwd: Optional[str] = None) -> Run:
    """fork + execv argv (absolute argv[0]) with the given stdout/stderr and cwd; reap it with wait4."""
    stdin_fd = os.open(os.devnull, os.O_RDONLY)
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: never return into Python code of the parent
            try:
                if cwd is not None:
                    os.chdir(cwd)
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
    return Run(wall, maxrss, status, rusage.ru_utime + rusage.ru_stime)


def read_text(path: str) -> str:
    with open(path, "rb") as fh:
        return ANSI_RE.sub("", fh.read().decode("utf-8", "replace"))


def count_asynctype_diagnostics(text: str) -> Dict[str, int]:
    counts = {"error": 0, "warning": 0}
    for line in text.splitlines():
        m = DIAG_RE.match(line)
        if m:
            counts[m.group(1)] += 1
    counts["total"] = counts["error"] + counts["warning"]
    return counts


def count_pyright_diagnostics(text: str) -> Dict[str, int]:
    found = PYRIGHT_SUMMARY_RE.findall(text)
    if not found:
        return {}
    e, w, i = (int(x) for x in found[-1])
    return {"error": e, "warning": w, "information": i, "total": e + w}


def count_mypy_diagnostics(text: str) -> Dict[str, int]:
    for line in reversed(text.splitlines()):
        m = MYPY_FOUND_RE.match(line)
        if m:
            return {"error": int(m.group(1)), "total": int(m.group(1)), "checked_files": int(m.group(3))}
        m = MYPY_OK_RE.match(line)
        if m:
            return {"error": 0, "total": 0, "checked_files": int(m.group(1))}
    return {}


def tail(path: str, n: int = 20) -> str:
    return "\n".join(read_text(path).splitlines()[-n:])


def bench_command(argv: List[str], repeat: int, label: str, tmpdir: str, cwd: str,
                  counter: Any, failures: List[str]) -> Optional[Dict[str, Any]]:
    """Run argv `repeat` times; return the summary, or None (failure recorded) on a crash."""
    out_path = os.path.join(tmpdir, "stdout")
    err_path = os.path.join(tmpdir, "stderr")
    runs: List[Run] = []
    diag_totals: List[Optional[int]] = []
    diags: Dict[str, int] = {}
    for i in range(repeat):
        out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            run = run_child(argv, out_fd, err_fd, cwd)
        finally:
            os.close(out_fd)
            os.close(err_fd)
        if not run.ok:
            msg = (f"bench: {label} run {i + 1}/{repeat} failed: {run.describe()}\n"
                   f"  command: (cd {cwd} && {' '.join(argv)})")
            for name, p in (("stderr", err_path), ("stdout", out_path)):
                t = tail(p)
                if t:
                    msg += f"\n  {name} (last lines):\n" + "\n".join("    " + l for l in t.splitlines())
            print(msg, file=sys.stderr)
            failures.append(f"{label}: {run.describe()}")
            return None
        runs.append(run)
        diags = counter(read_text(out_path))
        diag_totals.append(diags.get("total"))
    best = min(r.wall for r in runs)
    return {
        "argv": argv,
        "wall_s": best,
        "wall_s_all": [r.wall for r in runs],
        "cpu_s": min(r.cpu for r in runs),
        "cpu_s_all": [r.cpu for r in runs],
        "peak_rss_mib": max(r.maxrss_kib for r in runs) / 1024.0,
        "peak_rss_mib_all": [r.maxrss_kib / 1024.0 for r in runs],
        "exit_code": runs[-1].exit_code,
        "diagnostics": diags.get("total"),
        "diagnostic_counts": diags,
        "diagnostics_stable": len(set(diag_totals)) == 1,
    }


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


def import_root(path: str) -> str:
    """The nearest folder at or above path that is not a package (as the checker computes it)."""
    d = path if os.path.isdir(path) else os.path.dirname(path)
    while os.path.exists(os.path.join(d, "__init__.py")) or os.path.exists(os.path.join(d, "__init__.pyi")):
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    return d


def is_within(path: str, folder: Optional[str]) -> bool:
    if not folder:
        return False
    try:
        return os.path.commonpath([os.path.realpath(path), os.path.realpath(folder)]) == os.path.realpath(folder)
    except ValueError:
        return False


def fmt_int(n: int) -> str:
    return f"{n:,}"


def fmt_opt(x: Optional[float], spec: str, na: str = "n/a") -> str:
    return format(x, spec) if isinstance(x, (int, float)) else na


def loadavg() -> Optional[List[float]]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def parse_list(text: str, allowed: List[str], ap: argparse.ArgumentParser, flag: str) -> List[str]:
    items = [t.strip() for t in text.split(",") if t.strip()]
    for t in items:
        if t not in allowed:
            ap.error(f"{flag}: unknown target {t!r} (choose from {', '.join(allowed)})")
    return items


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark `asynctype check` (parse-only and full) on several trees, "
                                             "optionally against pyright and mypy.")
    ap.add_argument("paths", nargs="*", metavar="PATH",
                    help="files or folders to benchmark instead of the default targets")
    ap.add_argument("--binary", default=DEFAULT_BINARY,
                    help=f"checker binary (default: {DEFAULT_BINARY}, relative to cwd or repo root)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; best wall time is kept (default 3)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("--targets", default=",".join(ALL_TARGETS),
                    help=f"comma-separated subset of {','.join(ALL_TARGETS)} (default: all)")
    ap.add_argument("--asyncio", dest="asyncio_path", help="asyncio package folder (default: the running Python's)")
    ap.add_argument("--stdlib", dest="stdlib_path", help="stdlib folder (default: the running Python's)")
    ap.add_argument("--gen-modules", type=int, default=400, help="modules in the generated project (default 400)")
    ap.add_argument("--gen-packages", type=int, default=20, help="packages in the generated project (default 20)")
    ap.add_argument("--gen-seed", type=int, default=1, help="seed of the generated project (default 1)")
    ap.add_argument("--keep-generated", metavar="DIR",
                    help="generate the project into DIR (created, must be empty or absent) and keep it")
    ap.add_argument("--pyright", help="pyright executable (default: `pyright` on PATH, if any)")
    ap.add_argument("--mypy", help="mypy executable (default: `mypy` on PATH, if any)")
    ap.add_argument("--no-compare", action="store_true", help="do not run pyright / mypy even if found")
    ap.add_argument("--compare-on", default="asyncio",
                    help="comma-separated targets to run pyright / mypy on (default: asyncio; `all` for every one)")
    opts = ap.parse_args()
    if opts.repeat < 1:
        ap.error("--repeat must be >= 1")

    binary = resolve_program(opts.binary, "asynctype binary")

    # Targets: (name, path, cwd for other checkers); the generated one is filled in later.
    if opts.paths:
        names = [f"path{i + 1}" if len(opts.paths) > 1 else "path" for i in range(len(opts.paths))]
        targets: List[Tuple[str, str]] = []
        for name, p in zip(names, opts.paths):
            ap_path = os.path.abspath(p)
            if not os.path.exists(ap_path):
                sys.exit(f"bench: no such file or directory: {ap_path}")
            targets.append((name, ap_path))
        all_names = names
    else:
        all_names = ALL_TARGETS
        targets = []
        asyncio_dir = locate_package_dir("asyncio")
        stdlib_dir = stdlib_folder()
        for name in parse_list(opts.targets, ALL_TARGETS, ap, "--targets"):
            if name == "asyncio":
                p = opts.asyncio_path or asyncio_dir
            elif name == "stdlib":
                p = opts.stdlib_path or stdlib_dir
            else:
                p = ""  # generated below
            if name != "generated":
                if not p or not os.path.isdir(p):
                    sys.exit(f"bench: cannot locate the {name} folder ({p or 'unknown'}); pass --{name} PATH")
                p = os.path.abspath(p)
            targets.append((name, p))
    if opts.compare_on == "all":
        compare_on = [n for n, _ in targets]
    elif opts.no_compare:
        compare_on = []  # nothing is compared, so the default `asyncio` need not be a target
    else:
        compare_on = parse_list(opts.compare_on, all_names, ap, "--compare-on")

    comparators: List[Tuple[str, str]] = []  # (tool, executable)
    if not opts.no_compare:
        for tool, given in (("pyright", opts.pyright), ("mypy", opts.mypy)):
            if given:
                comparators.append((tool, resolve_program(given, tool)))
            else:
                found = shutil.which(tool)
                if found:
                    comparators.append((tool, os.path.abspath(found)))
    stdlib_home = stdlib_folder()

    failures: List[str] = []
    report: Dict[str, Any] = {
        "binary": binary,
        "repeat": opts.repeat,
        "cpu_count": os.cpu_count(),
        "loadavg_before": loadavg(),
        "comparators": {tool: exe for tool, exe in comparators},
        "targets": {},
    }

    with tempfile.TemporaryDirectory(prefix="asynctype-bench-") as tmpdir:
        workdir = os.path.join(tmpdir, "cwd")  # empty: no configuration file is discovered
        os.mkdir(workdir)
        gen_info: Optional[Dict[str, int]] = None
        for i, (name, p) in enumerate(targets):
            if name == "generated":
                sys.path.insert(0, BENCH_DIR)
                import gen_project  # noqa: E402  (bench/gen_project.py)
                outdir = os.path.abspath(opts.keep_generated) if opts.keep_generated else os.path.join(tmpdir, "project")
                if os.path.isdir(outdir) and os.listdir(outdir):
                    sys.exit(f"bench: --keep-generated folder is not empty: {outdir}")
                t0 = time.perf_counter()
                gen_info = gen_project.generate(outdir, opts.gen_modules, opts.gen_packages, opts.gen_seed)
                gen_info["seconds"] = round(time.perf_counter() - t0, 3)  # type: ignore[assignment]
                targets[i] = (name, outdir)

        floor = measure_floor(opts.repeat)
        report["rss_floor_mib"] = floor["peak_rss_mib"] if floor else None
        report["spawn_floor_wall_s"] = floor["wall_s"] if floor else None
        if gen_info is not None:
            report["generated_project"] = gen_info

        for name, target in targets:
            files, lines, nbytes = scan(target)
            entry: Dict[str, Any] = {"path": target, "files": files, "lines": lines, "bytes": nbytes,
                                     "runs": {}, "comparators": {}}
            report["targets"][name] = entry
            print(f"bench: {name}: {files} files, {lines} lines ...", file=sys.stderr)
            for key, label, extra in VARIANTS:
                argv = [binary, "check"] + extra + [target]
                res = bench_command(argv, opts.repeat, f"asynctype {' '.join(['check'] + extra)} on {name}",
                                    tmpdir, workdir, count_asynctype_diagnostics, failures)
                if res is not None:
                    best = res["wall_s"]
                    res["threads"] = 1 if "--threads" in extra else (os.cpu_count() or 1)
                    res["threads_flag"] = "--threads 1" if "--threads" in extra else "default"
                    res["mb_per_s"] = (nbytes / 1e6 / best) if best > 0 else None
                    res["lines_per_s"] = (lines / best) if best > 0 else None
                entry["runs"][key] = res
            po, fu = entry["runs"].get("parse_only"), entry["runs"].get("full")
            entry["full_to_parse_ratio"] = (fu["wall_s"] / po["wall_s"]) if po and fu and po["wall_s"] > 0 else None
            ft1 = entry["runs"].get("full_t1")
            entry["full_t1_to_full_ratio"] = (ft1["wall_s"] / fu["wall_s"]) if ft1 and fu and fu["wall_s"] > 0 else None

            if name not in compare_on:
                continue
            for tool, exe in comparators:
                # pyright resolves absolute imports from its working folder: run it in the project's
                # import root, except for trees inside the stdlib (which resolve through typeshed).
                cwd = workdir if is_within(target, stdlib_home) else import_root(target)
                check_path = target
                staged = None
                if tool == "mypy" and is_within(target, stdlib_home) and os.path.isdir(target):
                    staged = os.path.join(tmpdir, "mypy-stage")
                    shutil.rmtree(staged, ignore_errors=True)
                    check_path = os.path.join(staged, os.path.basename(target))
                    shutil.copytree(target, check_path, ignore=shutil.ignore_patterns("__pycache__"))
                if tool == "pyright":
                    argv, counter = [exe, check_path], count_pyright_diagnostics
                else:
                    argv, counter = [exe, "--cache-dir=/dev/null", check_path], count_mypy_diagnostics
                res = bench_command(argv, opts.repeat, f"{tool} on {name}", tmpdir, cwd, counter, failures)
                if res is not None:
                    res["staged_copy"] = staged is not None
                    res["mb_per_s"] = (nbytes / 1e6 / res["wall_s"]) if res["wall_s"] > 0 else None
                    for key in ("full", "full_t1"):
                        r = entry["runs"].get(key)
                        res[f"ratio_vs_asynctype_{key}"] = (res["wall_s"] / r["wall_s"]) if r and r["wall_s"] > 0 else None
                        res[f"cpu_ratio_vs_asynctype_{key}"] = (res["cpu_s"] / r["cpu_s"]) if r and r["cpu_s"] > 0 else None
                entry["comparators"][tool] = res
                if staged:
                    shutil.rmtree(staged, ignore_errors=True)

    report["loadavg_after"] = loadavg()
    report["failures"] = failures

    if opts.json:
        print(json.dumps(report, indent=None, sort_keys=False))
        return 1 if failures else 0

    print_report(report, floor)
    return 1 if failures else 0


def print_report(report: Dict[str, Any], floor: Optional[Dict[str, float]]) -> None:
    floor_mib = report.get("rss_floor_mib")
    la_b, la_a = report.get("loadavg_before"), report.get("loadavg_after")
    print(f"binary:  {report['binary']}")
    print(f"cpus:    {report['cpu_count']}   load average before: {la_b}   after: {la_a}   "
          f"repeat: best of {report['repeat']}")
    gen = report.get("generated_project")
    if gen:
        print(f"generated project: {gen['modules']} modules in {gen['packages']} packages, "
              f"{gen['cycle_edges']} cycle-closing imports, {gen['files']} files (written in {gen['seconds']} s)")
    print()
    print("targets:")
    for name, e in report["targets"].items():
        print(f"  {name:<10} {fmt_int(e['files']):>7} files {fmt_int(e['lines']):>10} lines "
              f"{e['bytes'] / 1e6:>8.2f} MB   {e['path']}")
    print()
    header = (f"{'target':<10} {'run':<10} {'threads':>7} {'best s':>9} {'cpu s':>8} {'MB/s':>8} {'klines/s':>9} "
              f"{'peak MiB':>9} {'diags':>6} {'exit':>5}")
    print(header)
    print("-" * len(header))
    for name, e in report["targets"].items():
        for key, label, _ in VARIANTS:
            r = e["runs"].get(key)
            thr = "1" if key == "full_t1" else f"{report['cpu_count']}*"
            if r is None:
                print(f"{name:<10} {label:<10} {thr:>7} {'FAILED':>9}")
                continue
            note = " (<= floor)" if floor_mib is not None and r["peak_rss_mib"] <= floor_mib * 1.05 else ""
            stable = "" if r["diagnostics_stable"] else " (diagnostic count varied)"
            print(f"{name:<10} {label:<10} {thr:>7} {r['wall_s']:>9.3f} {r['cpu_s']:>8.3f} {fmt_opt(r['mb_per_s'], '.2f'):>8} "
                  f"{fmt_opt(r['lines_per_s'] / 1000.0 if r['lines_per_s'] else None, '.1f'):>9} "
                  f"{r['peak_rss_mib']:>9.1f} {fmt_opt(r['diagnostics'], 'd', '?'):>6} {r['exit_code']!s:>5}{note}{stable}")
        for tool, r in e["comparators"].items():
            if r is None:
                print(f"{name:<10} {tool:<10} {'':>7} {'FAILED':>9}")
                continue
            print(f"{name:<10} {tool:<10} {'1':>7} {r['wall_s']:>9.3f} {r['cpu_s']:>8.3f} {fmt_opt(r['mb_per_s'], '.2f'):>8} "
                  f"{'':>9} {r['peak_rss_mib']:>9.1f} {fmt_opt(r['diagnostics'], 'd', '?'):>6} {r['exit_code']!s:>5}"
                  f"{'  (checked a copy)' if r.get('staged_copy') else ''}")
    print(f"(* default thread count: asynctype uses all {report['cpu_count']} cores; best s = best wall time; "
          f"cpu s = least user+system CPU time;\n   MB/s and klines/s from the best wall time; "
          f"diags = error+warning lines reported)")
    print()
    print("ratios:")
    for name, e in report["targets"].items():
        po, fu = e["runs"].get("parse_only"), e["runs"].get("full")
        cpu_ratio = (fu["cpu_s"] / po["cpu_s"]) if po and fu and po["cpu_s"] > 0 else None
        parts = [f"full/parse-only {fmt_opt(e['full_to_parse_ratio'], '.2f')}x (cpu {fmt_opt(cpu_ratio, '.2f')}x)",
                 f"full 1 thread/default {fmt_opt(e['full_t1_to_full_ratio'], '.2f')}x"]
        for tool, r in e["comparators"].items():
            if r is None:
                continue
            parts.append(f"{tool}/asynctype full: wall {fmt_opt(r['ratio_vs_asynctype_full'], '.1f')}x "
                         f"(vs 1 thread {fmt_opt(r['ratio_vs_asynctype_full_t1'], '.1f')}x), "
                         f"cpu {fmt_opt(r['cpu_ratio_vs_asynctype_full'], '.1f')}x "
                         f"(vs 1 thread {fmt_opt(r['cpu_ratio_vs_asynctype_full_t1'], '.1f')}x)")
        print(f"  {name:<10} " + "; ".join(parts))
    if report["comparators"]:
        print("  other checkers: " + ", ".join(f"{t} = {p}" for t, p in report["comparators"].items()))
    else:
        print("  other checkers: none found (pass --pyright / --mypy)")
    if floor:
        print(f"spawn floor ({FLOOR_PROGRAM}): {floor['wall_s']:.4f} s, {floor['peak_rss_mib']:.1f} MiB peak RSS "
              f"(peak RSS values at or below the floor are upper bounds)")
    if report["failures"]:
        print("FAILED runs: " + "; ".join(report["failures"]))


if __name__ == "__main__":
    sys.exit(main())
