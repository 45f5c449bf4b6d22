#!/usr/bin/env python3
"""Benchmark asynctype on trees of Python files, side by side, and on generated projects of growing size.

Usage:
    python3 bench/bench.py [--binary build/asynctype] [--repeat 3] [--json]
                           [--corpus DIR] [--targets corpus,asyncio,stdlib,generated]
                           [--scale 100000,250000,500000,1000000]
                           [--pyright PATH] [--mypy PATH] [--no-compare] [--compare-on T1,T2]
                           [PATH ...]

Targets (default: asyncio,stdlib,generated; with --corpus: corpus,stdlib;
`--targets none` runs only the --scale table):
  corpus     with --corpus DIR: every subfolder S of DIR, as DIR/S/S when that
             folder exists (a project holding its package) else DIR/S, in name
             order, all checked in one run (`check DIR/a/a DIR/b/b DIR/c ...`);
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
  BINARY check --parse-only PATHS                (default threads)
  BINARY check PATHS                             (default threads)
  BINARY check PATHS --threads 1
each --repeat times, with --no-cache when the binary has an on-disk cache
(`check --help` mentions --no-cache), so that every run is cold. With a cache,
three more rows run on a private copy of the target's files in the temporary
folder (same layout relative to the import roots), each repeat with a fresh
empty --cache-dir:
  cold cache             the first run;
  warm, no change        the same command again;
  warm, 1 file touched   after changing one function body: in the first .py
                         file (path order) with a one-line `def`/`async def`
                         signature annotated `-> ...:`, the line
                         `_bench_touch = N` (N = the repeat's number) goes
                         before the body's first line.
Without a cache these rows are skipped with a note. Reported: the best wall
time, least CPU time, MB/s, klines/s and peak RSS of each row, and the ratios
full/parse-only (wall and CPU, default threads), full 1 thread/default,
warm 1 file touched/cold cache, and other checker/asynctype.

Scale (--scale LINES,...): for each line count a project is generated with
bench/gen_project.py (the modules chosen from the lines per module of a
40-module sample, ~20 modules per package, --gen-seed), fully checked
(default threads, --no-cache when available) --repeat times, then deleted;
the table gives lines, files, wall, CPU, peak memory, klines/s and the cost
per line (wall and CPU) relative to the smallest project: 1.00x throughout
means linear. A project of 900,000 lines or more is held to the goal of
issue 16 (under 10 s and 2 GiB on 2 cores) in a line below the table.

Other checkers: when `pyright` or `mypy` is on PATH (or given with --pyright
/ --mypy) they are timed the same way on the targets named by --compare-on
(default: asyncio; with --corpus: corpus, plus asyncio when it is a target),
and their time is compared with asynctype's full check. pyright checks a
corpus as `pyright DIR/a/a ...` run from DIR (paths named relative to it).
mypy refuses to check a package that lives inside the stdlib folder ("shadows
library module"), so a stdlib target is copied to a temporary folder for it;
for the same reason (a corpus may hold `asyncio`) it skips several-path targets.
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

--json prints one JSON object instead of the tables: per target its paths,
sizes, runs (parse_only, full, full_t1, cold_cache, warm, warm_touched, each
with argv, wall/CPU times of every repeat, peak RSS, diagnostics) and ratios,
the comparators' runs, `cache` (supported, note) and `scale` (rows).

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
ALL_TARGETS = ["corpus", "asyncio", "stdlib", "generated"]
DEFAULT_TARGETS = ["asyncio", "stdlib", "generated"]
CORPUS_DEFAULT_TARGETS = ["corpus", "stdlib"]

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
# (key, label) of the on-disk cache runs (default threads, on a private copy of the target).
CACHE_VARIANTS: List[Tuple[str, str]] = [
    ("cold_cache", "cold cache"),
    ("warm", "warm, no change"),
    ("warm_touched", "warm, 1 file touched"),
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


def run_once(argv: List[str], label: str, tmpdir: str, cwd: str, counter: Any, failures: List[str],
             attempt: str = "") -> Optional[Tuple[Run, Dict[str, int]]]:
    """Run argv once; return the run and its diagnostic counts, or None (failure recorded and shown)."""
    out_path = os.path.join(tmpdir, "stdout")
    err_path = os.path.join(tmpdir, "stderr")
    out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        run = run_child(argv, out_fd, err_fd, cwd)
    finally:
        os.close(out_fd)
        os.close(err_fd)
    if not run.ok:
        msg = (f"bench: {label} run{' ' + attempt if attempt else ''} failed: {run.describe()}\n"
               f"  command: (cd {cwd} && {' '.join(argv)})")
        for name, p in (("stderr", err_path), ("stdout", out_path)):
            t = tail(p)
            if t:
                msg += f"\n  {name} (last lines):\n" + "\n".join("    " + l for l in t.splitlines())
        print(msg, file=sys.stderr)
        failures.append(f"{label}: {run.describe()}")
        return None
    return run, counter(read_text(out_path))


def summarize(argv: List[str], done: List[Tuple[Run, Dict[str, int]]]) -> Dict[str, Any]:
    """Best wall / least CPU / max peak RSS of a series of runs of one command."""
    runs = [r for r, _ in done]
    diags = done[-1][1]
    return {
        "argv": argv,
        "wall_s": min(r.wall for r in runs),
        "wall_s_all": [r.wall for r in runs],
        "cpu_s": min(r.cpu for r in runs),
        "cpu_s_all": [r.cpu for r in runs],
        "peak_rss_mib": max(r.maxrss_kib for r in runs) / 1024.0,
        "peak_rss_mib_all": [r.maxrss_kib / 1024.0 for r in runs],
        "exit_code": runs[-1].exit_code,
        "diagnostics": diags.get("total"),
        "diagnostic_counts": diags,
        "diagnostics_stable": len(set(d.get("total") for _, d in done)) == 1,
    }


def bench_command(argv: List[str], repeat: int, label: str, tmpdir: str, cwd: str,
                  counter: Any, failures: List[str]) -> Optional[Dict[str, Any]]:
    """Run argv `repeat` times; return the summary, or None (failure recorded) on a crash."""
    done: List[Tuple[Run, Dict[str, int]]] = []
    for i in range(repeat):
        one = run_once(argv, label, tmpdir, cwd, counter, failures, f"{i + 1}/{repeat}")
        if one is None:
            return None
        done.append(one)
    return summarize(argv, done)


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


def corpus_paths(corpus_dir: str) -> List[str]:
    """Every subfolder S of corpus_dir, as corpus_dir/S/S when that folder exists (a project holding
    its package) else corpus_dir/S, in name order."""
    paths = []
    for sub in sorted(os.listdir(corpus_dir)):
        folder = os.path.join(corpus_dir, sub)
        if not os.path.isdir(folder) or skip_dir(corpus_dir, sub):
            continue
        inner = os.path.join(folder, sub)
        paths.append(inner if os.path.isdir(inner) else folder)
    return paths


def supports_cache(binary: str, tmpdir: str) -> bool:
    """Whether `BINARY check --help` offers --no-cache (the on-disk cache)."""
    help_path = os.path.join(tmpdir, "check-help")
    fd = os.open(help_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        run_child([binary, "check", "--help"], fd, fd, tmpdir)
    finally:
        os.close(fd)
    return "--no-cache" in read_text(help_path)


def copy_sources(paths: List[str], dest: str) -> Tuple[List[str], List[str]]:
    """Copy the Python files of paths (as the checker finds them) under dest, keeping their layout
    relative to the common folder of their import roots, with the package markers (__init__.py)
    between each path and its import root, so that imports resolve the same. Return the copies of
    the paths and the copied files (relative to the copy's top folder, sorted)."""
    base = os.path.commonpath([import_root(p) for p in paths])
    top = os.path.join(dest, os.path.basename(base) or "root")
    copied = set()

    def copy_file(f: str) -> None:
        rel = os.path.relpath(f, base)
        target = os.path.join(top, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(f, target)
        copied.add(rel)

    new_paths = []
    for p in paths:
        new_paths.append(os.path.normpath(os.path.join(top, os.path.relpath(p, base))))
        root = import_root(p)
        d = os.path.dirname(p)
        while d != root and is_within(d, root) and d != os.path.dirname(d):
            for marker in ("__init__.py", "__init__.pyi"):
                if os.path.isfile(os.path.join(d, marker)):
                    copy_file(os.path.join(d, marker))
            d = os.path.dirname(d)
        for f in list_sources(p):
            copy_file(f)
        os.makedirs(new_paths[-1] if os.path.isdir(p) else os.path.dirname(new_paths[-1]), exist_ok=True)
    return new_paths, sorted(copied)


# A one-line `def` / `async def` signature with a return annotation, ending with `:` (and maybe a comment).
SIGNATURE_RE = re.compile(r"^([ \t]*)(?:async[ \t]+)?def[ \t]+\w+[ \t]*(?:\[.*\])?\(.*\)[ \t]*->.*:[ \t]*(?:#.*)?$")


# Physical lines with their ends (str.splitlines would also split at form feeds and the like).
LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class TouchSite:
    """Where `warm, 1 file touched` changes a function body: before line `line` (0-based) of `path`."""

    def __init__(self, path: str, rel: str, line: int, indent: str, original: str) -> None:
        self.path, self.rel, self.line, self.indent, self.original = path, rel, line, indent, original

    def restore(self) -> None:
        with open(self.path, "w", encoding="utf-8", newline="") as fh:
            fh.write(self.original)

    def touch(self, n: int) -> None:
        """Write the original text with `<indent>_bench_touch = n` before the body's first line."""
        lines = LINE_RE.findall(self.original)
        lines.insert(self.line, f"{self.indent}_bench_touch = {n}\n")
        with open(self.path, "w", encoding="utf-8", newline="") as fh:
            fh.write("".join(lines))


def find_touch_site(top: str, rel_files: List[str]) -> Optional[TouchSite]:
    """The first `.py` file in path order with a one-line signature `def ...(...) -> ...:`, and the
    first line of that function's body."""
    for rel in sorted(rel_files):
        if not rel.endswith(".py"):
            continue
        path = os.path.join(top, rel)
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError):
            continue
        lines = [l.rstrip("\r\n") for l in LINE_RE.findall(text)]
        for i, line in enumerate(lines):
            m = SIGNATURE_RE.match(line)
            if not m:
                continue
            for j in range(i + 1, len(lines)):
                stripped = lines[j].strip()
                if not stripped or stripped.startswith("#"):
                    continue
                indent = lines[j][:len(lines[j]) - len(lines[j].lstrip())]
                if len(indent) > len(m.group(1)) and indent.startswith(m.group(1)):
                    return TouchSite(path, rel, j, indent, text)
                break
    return None


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


def parse_sizes(text: str, ap: argparse.ArgumentParser) -> List[int]:
    sizes = []
    for t in text.split(","):
        t = t.strip().replace("_", "")
        if not t:
            continue
        if not t.isdigit() or int(t) < 1:
            ap.error(f"--scale: not a positive line count: {t!r}")
        sizes.append(int(t))
    return sorted(set(sizes))


def pyright_argv_cwd(exe: str, paths: List[str], workdir: str, stdlib_home: Optional[str]) -> Tuple[List[str], str]:
    """pyright resolves absolute imports from its working folder: run it in the project's import root
    (several paths: the common folder of their import roots, naming them relative to it), except for
    trees inside the stdlib (which resolve through typeshed)."""
    if len(paths) == 1:
        cwd = workdir if is_within(paths[0], stdlib_home) else import_root(paths[0])
        return [exe, paths[0]], cwd
    cwd = os.path.commonpath([import_root(p) for p in paths])
    return [exe] + [os.path.relpath(p, cwd) for p in paths], cwd


def add_speeds(res: Dict[str, Any], nbytes: int, lines: int, threads: int) -> None:
    best = res["wall_s"]
    res["threads"] = threads
    res["threads_flag"] = "--threads 1" if threads == 1 and "--threads" in res["argv"] else "default"
    res["mb_per_s"] = (nbytes / 1e6 / best) if best > 0 else None
    res["lines_per_s"] = (lines / best) if best > 0 else None


def run_cache_rows(entry: Dict[str, Any], name: str, paths: List[str], binary: str, repeat: int,
                   tmpdir: str, workdir: str, failures: List[str]) -> None:
    """cold cache / warm, no change / warm, 1 file touched, on a private copy of the target's files.
    Each repeat: the copy restored, a fresh empty --cache-dir, a cold run, a warm run, one function
    body changed (`_bench_touch = <repeat number>`), a warm run."""
    copy_dest = os.path.join(tmpdir, "cache-copy")
    shutil.rmtree(copy_dest, ignore_errors=True)
    copy_paths, rels = copy_sources(paths, copy_dest)
    top = os.path.join(copy_dest, os.listdir(copy_dest)[0])
    site = find_touch_site(top, rels)
    entry["cache_copy"] = {"files": len(rels), "touched_file": site.rel if site else None,
                           "touched_line": site.line + 1 if site else None}
    done: Dict[str, List[Tuple[Run, Dict[str, int]]]] = {key: [] for key, _ in CACHE_VARIANTS}
    argv: List[str] = []
    ok = True
    for i in range(repeat):
        if site:
            site.restore()
        cache_dir = os.path.join(tmpdir, f"cache-dir-{i + 1}")
        shutil.rmtree(cache_dir, ignore_errors=True)
        os.mkdir(cache_dir)
        argv = [binary, "check", "--cache-dir", cache_dir] + copy_paths
        for key, label in CACHE_VARIANTS:
            if key == "warm_touched":
                if site is None:
                    continue
                site.touch(i + 1)
            one = run_once(argv, f"asynctype check --cache-dir ({label}) on {name}", tmpdir, workdir,
                           count_asynctype_diagnostics, failures, f"{i + 1}/{repeat}")
            if one is None:
                ok = False
                break
            done[key].append(one)
        shutil.rmtree(cache_dir, ignore_errors=True)
        if not ok:
            break
    for key, _ in CACHE_VARIANTS:
        res = summarize(argv, done[key]) if ok and done[key] else None
        if res is not None:
            add_speeds(res, entry["bytes"], entry["lines"], os.cpu_count() or 1)
        entry["runs"][key] = res
    if site is None:
        entry["cache_note"] = "no .py file has a one-line `def ... -> ...:` signature to touch"
    cold, touched = entry["runs"].get("cold_cache"), entry["runs"].get("warm_touched")
    entry["warm_touched_to_cold_ratio"] = (touched["wall_s"] / cold["wall_s"]) if cold and touched and cold["wall_s"] > 0 else None
    entry["warm_touched_to_cold_cpu_ratio"] = (touched["cpu_s"] / cold["cpu_s"]) if cold and touched and cold["cpu_s"] > 0 else None
    shutil.rmtree(copy_dest, ignore_errors=True)


def run_scale(sizes: List[int], binary: str, no_cache: List[str], seed: int, repeat: int, tmpdir: str,
              workdir: str, failures: List[str]) -> Dict[str, Any]:
    """Generate projects of about `sizes` lines (gen_project.py, ~20 modules per package), full-check
    each (default threads) and compare the cost per line with the smallest."""
    sys.path.insert(0, BENCH_DIR)
    import gen_project  # noqa: E402  (bench/gen_project.py)
    sample_modules = 40
    sample = os.path.join(tmpdir, "scale-sample")
    gen_project.generate(sample, sample_modules, 2, seed)
    _, sample_lines, _ = scan(sample)
    shutil.rmtree(sample, ignore_errors=True)
    per_module = sample_lines / sample_modules
    rows: List[Dict[str, Any]] = []
    for size in sizes:
        modules = max(1, round(size / per_module))
        packages = max(1, round(modules / 20))
        outdir = os.path.join(tmpdir, f"scale-{size}")
        t0 = time.perf_counter()
        info = gen_project.generate(outdir, modules, packages, seed)
        gen_s = time.perf_counter() - t0
        files, lines, nbytes = scan(outdir)
        print(f"bench: scale {size}: {modules} modules in {info['packages']} packages, {files} files, "
              f"{lines} lines ...", file=sys.stderr)
        argv = [binary, "check"] + no_cache + [outdir]
        res = bench_command(argv, repeat, f"asynctype check on the generated {size}-line project", tmpdir,
                            workdir, count_asynctype_diagnostics, failures)
        shutil.rmtree(outdir, ignore_errors=True)
        row: Dict[str, Any] = {"requested_lines": size, "modules": modules, "packages": info["packages"],
                               "files": files, "lines": lines, "bytes": nbytes, "generate_s": round(gen_s, 3),
                               "run": res}
        if res is not None:
            add_speeds(res, nbytes, lines, os.cpu_count() or 1)
        rows.append(row)
    ok = [r for r in rows if r["run"] is not None and r["lines"] > 0]
    if ok:
        small = min(ok, key=lambda r: r["lines"])
        wall0 = small["run"]["wall_s"] / small["lines"]
        cpu0 = small["run"]["cpu_s"] / small["lines"]
        for r in ok:
            r["wall_per_line_vs_smallest"] = (r["run"]["wall_s"] / r["lines"] / wall0) if wall0 > 0 else None
            r["cpu_per_line_vs_smallest"] = (r["run"]["cpu_s"] / r["lines"] / cpu0) if cpu0 > 0 else None
    return {"lines_per_module": round(per_module, 1), "seed": seed, "rows": rows}


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark `asynctype check` (parse-only, full, on-disk cache) on "
                                             "several trees and generated projects of growing size, "
                                             "optionally against pyright and mypy.")
    ap.add_argument("paths", nargs="*", metavar="PATH",
                    help="files or folders to benchmark instead of the default targets")
    ap.add_argument("--binary", default=DEFAULT_BINARY,
                    help=f"checker binary (default: {DEFAULT_BINARY}, relative to cwd or repo root)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; best wall time is kept (default 3)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("--corpus", metavar="DIR",
                    help="add the target `corpus`: every subfolder S of DIR (as DIR/S/S when that exists), "
                         "checked in one run; the default targets become corpus,stdlib")
    ap.add_argument("--targets",
                    help=f"comma-separated subset of {','.join(ALL_TARGETS)}, or `none` "
                         f"(default: {','.join(DEFAULT_TARGETS)}; with --corpus: {','.join(CORPUS_DEFAULT_TARGETS)})")
    ap.add_argument("--asyncio", dest="asyncio_path", help="asyncio package folder (default: the running Python's)")
    ap.add_argument("--stdlib", dest="stdlib_path", help="stdlib folder (default: the running Python's)")
    ap.add_argument("--gen-modules", type=int, default=400, help="modules in the generated project (default 400)")
    ap.add_argument("--gen-packages", type=int, default=20, help="packages in the generated project (default 20)")
    ap.add_argument("--gen-seed", type=int, default=1, help="seed of the generated projects (default 1)")
    ap.add_argument("--keep-generated", metavar="DIR",
                    help="generate the project into DIR (created, must be empty or absent) and keep it")
    ap.add_argument("--scale", metavar="LINES,...",
                    help="also full-check generated projects of about these line counts (e.g. "
                         "100000,250000,500000,1000000) and print the cost per line")
    ap.add_argument("--pyright", help="pyright executable (default: `pyright` on PATH, if any)")
    ap.add_argument("--mypy", help="mypy executable (default: `mypy` on PATH, if any)")
    ap.add_argument("--no-compare", action="store_true", help="do not run pyright / mypy even if found")
    ap.add_argument("--compare-on",
                    help="comma-separated targets to run pyright / mypy on (default: asyncio; with --corpus: "
                         "corpus, and asyncio when it is a target; `all` for every one)")
    opts = ap.parse_args()
    if opts.repeat < 1:
        ap.error("--repeat must be >= 1")
    scale_sizes = parse_sizes(opts.scale, ap) if opts.scale else []

    binary = resolve_program(opts.binary, "asynctype binary")
    corpus_dir = os.path.abspath(opts.corpus) if opts.corpus else None
    corpus_list: List[str] = []
    if corpus_dir:
        if not os.path.isdir(corpus_dir):
            sys.exit(f"bench: --corpus: not a folder: {corpus_dir}")
        corpus_list = corpus_paths(corpus_dir)
        if not corpus_list:
            sys.exit(f"bench: --corpus: no subfolders in {corpus_dir}")

    # Targets: (name, paths checked in one run, the path shown); the generated one is filled in later.
    targets: List[Tuple[str, List[str], str]] = []
    if opts.paths:
        names = [f"path{i + 1}" if len(opts.paths) > 1 else "path" for i in range(len(opts.paths))]
        for name, p in zip(names, opts.paths):
            ap_path = os.path.abspath(p)
            if not os.path.exists(ap_path):
                sys.exit(f"bench: no such file or directory: {ap_path}")
            targets.append((name, [ap_path], ap_path))
        all_names = names
    else:
        all_names = ALL_TARGETS
        asyncio_dir = locate_package_dir("asyncio")
        stdlib_dir = stdlib_folder()
        chosen = opts.targets if opts.targets is not None else \
            ",".join(CORPUS_DEFAULT_TARGETS if corpus_dir else DEFAULT_TARGETS)
        for name in ([] if chosen.strip() == "none" else parse_list(chosen, ALL_TARGETS, ap, "--targets")):
            if name == "corpus":
                if not corpus_dir:
                    ap.error("--targets corpus needs --corpus DIR")
                targets.append((name, corpus_list, corpus_dir))
                continue
            if name == "generated":
                targets.append((name, [], ""))
                continue
            p = (opts.asyncio_path or asyncio_dir) if name == "asyncio" else (opts.stdlib_path or stdlib_dir)
            if not p or not os.path.isdir(p):
                sys.exit(f"bench: cannot locate the {name} folder ({p or 'unknown'}); pass --{name} PATH")
            p = os.path.abspath(p)
            targets.append((name, [p], p))
    target_names = [n for n, _, _ in targets]
    if opts.no_compare:
        compare_on: List[str] = []
    elif opts.compare_on == "all":
        compare_on = target_names
    elif opts.compare_on is None:
        compare_on = (["corpus"] + (["asyncio"] if "asyncio" in target_names else [])) if corpus_dir else ["asyncio"]
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
        cache = supports_cache(binary, tmpdir)
        no_cache = ["--no-cache"] if cache else []
        report["cache"] = {"supported": cache,
                           "note": None if cache else "`check --help` offers no --no-cache: cache rows skipped"}
        gen_info: Optional[Dict[str, int]] = None
        for i, (name, _, _) in enumerate(targets):
            if name == "generated":
                sys.path.insert(0, BENCH_DIR)
                import gen_project  # noqa: E402  (bench/gen_project.py)
                outdir = os.path.abspath(opts.keep_generated) if opts.keep_generated else os.path.join(tmpdir, "project")
                if os.path.isdir(outdir) and os.listdir(outdir):
                    sys.exit(f"bench: --keep-generated folder is not empty: {outdir}")
                t0 = time.perf_counter()
                gen_info = gen_project.generate(outdir, opts.gen_modules, opts.gen_packages, opts.gen_seed)
                gen_info["seconds"] = round(time.perf_counter() - t0, 3)  # type: ignore[assignment]
                targets[i] = (name, [outdir], outdir)

        floor = measure_floor(opts.repeat)
        report["rss_floor_mib"] = floor["peak_rss_mib"] if floor else None
        report["spawn_floor_wall_s"] = floor["wall_s"] if floor else None
        if gen_info is not None:
            report["generated_project"] = gen_info

        for name, paths, shown in targets:
            files = lines = nbytes = 0
            for p in paths:
                f, l, b = scan(p)
                files, lines, nbytes = files + f, lines + l, nbytes + b
            entry: Dict[str, Any] = {"path": shown, "paths": paths, "files": files, "lines": lines, "bytes": nbytes,
                                     "runs": {}, "comparators": {}}
            report["targets"][name] = entry
            print(f"bench: {name}: {files} files, {lines} lines ...", file=sys.stderr)
            for key, label, extra in VARIANTS:
                argv = [binary, "check"] + extra + no_cache + paths
                res = bench_command(argv, opts.repeat, f"asynctype {' '.join(['check'] + extra)} on {name}",
                                    tmpdir, workdir, count_asynctype_diagnostics, failures)
                if res is not None:
                    add_speeds(res, nbytes, lines, 1 if "--threads" in extra else (os.cpu_count() or 1))
                entry["runs"][key] = res
            po, fu = entry["runs"].get("parse_only"), entry["runs"].get("full")
            entry["full_to_parse_ratio"] = (fu["wall_s"] / po["wall_s"]) if po and fu and po["wall_s"] > 0 else None
            entry["full_to_parse_cpu_ratio"] = (fu["cpu_s"] / po["cpu_s"]) if po and fu and po["cpu_s"] > 0 else None
            ft1 = entry["runs"].get("full_t1")
            entry["full_t1_to_full_ratio"] = (ft1["wall_s"] / fu["wall_s"]) if ft1 and fu and fu["wall_s"] > 0 else None
            if cache:
                run_cache_rows(entry, name, paths, binary, opts.repeat, tmpdir, workdir, failures)

            if name not in compare_on:
                continue
            for tool, exe in comparators:
                if tool == "mypy" and len(paths) > 1:
                    # A corpus holds stdlib-named packages (asyncio), which mypy refuses ("shadows library module").
                    entry["comparators"][tool] = {"skipped": "mypy is run on single-path targets only"}
                    continue
                check_path = paths[0]
                staged = None
                if tool == "mypy" and is_within(check_path, stdlib_home) and os.path.isdir(check_path):
                    # mypy refuses a package inside the stdlib folder: check a copy.
                    staged = os.path.join(tmpdir, "mypy-stage")
                    shutil.rmtree(staged, ignore_errors=True)
                    check_path = os.path.join(staged, os.path.basename(check_path))
                    shutil.copytree(paths[0], check_path, ignore=shutil.ignore_patterns("__pycache__"))
                if tool == "pyright":
                    argv, cwd = pyright_argv_cwd(exe, paths, workdir, stdlib_home)
                    counter = count_pyright_diagnostics
                else:
                    cwd = workdir if is_within(paths[0], stdlib_home) else import_root(paths[0])
                    argv, counter = [exe, "--cache-dir=/dev/null", check_path], count_mypy_diagnostics
                res = bench_command(argv, opts.repeat, f"{tool} on {name}", tmpdir, cwd, counter, failures)
                if res is not None:
                    res["cwd"] = cwd
                    res["staged_copy"] = staged is not None
                    res["mb_per_s"] = (nbytes / 1e6 / res["wall_s"]) if res["wall_s"] > 0 else None
                    for key in ("full", "full_t1"):
                        r = entry["runs"].get(key)
                        res[f"ratio_vs_asynctype_{key}"] = (res["wall_s"] / r["wall_s"]) if r and r["wall_s"] > 0 else None
                        res[f"cpu_ratio_vs_asynctype_{key}"] = (res["cpu_s"] / r["cpu_s"]) if r and r["cpu_s"] > 0 else None
                entry["comparators"][tool] = res
                if staged:
                    shutil.rmtree(staged, ignore_errors=True)

        if scale_sizes:
            report["scale"] = run_scale(scale_sizes, binary, no_cache, opts.gen_seed, opts.repeat, tmpdir, workdir,
                                        failures)

    report["loadavg_after"] = loadavg()
    report["failures"] = failures

    if opts.json:
        print(json.dumps(report, indent=None, sort_keys=False))
        return 1 if failures else 0

    print_report(report, floor)
    return 1 if failures else 0


def print_run_row(name: str, label: str, thr: str, r: Optional[Dict[str, Any]], floor_mib: Optional[float],
                  na: str = "FAILED") -> None:
    if r is None:
        print(f"{name:<10} {label:<20} {thr:>7} {na:>9}")
        return
    note = " (<= floor)" if floor_mib is not None and r["peak_rss_mib"] <= floor_mib * 1.05 else ""
    stable = "" if r.get("diagnostics_stable", True) else " (diagnostic count varied)"
    kl = r.get("lines_per_s")
    print(f"{name:<10} {label:<20} {thr:>7} {r['wall_s']:>9.3f} {r['cpu_s']:>8.3f} {fmt_opt(r.get('mb_per_s'), '.2f'):>8} "
          f"{fmt_opt(kl / 1000.0 if kl else None, '.1f', ''):>9} "
          f"{r['peak_rss_mib']:>9.1f} {fmt_opt(r['diagnostics'], 'd', '?'):>6} {r['exit_code']!s:>5}{note}{stable}")


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
    cache = report["cache"]
    print("cache:   " + ("--no-cache on every run but the cache rows" if cache["supported"] else cache["note"]))
    if report["targets"]:
        print()
        print("targets:")
        for name, e in report["targets"].items():
            print(f"  {name:<10} {fmt_int(e['files']):>7} files {fmt_int(e['lines']):>10} lines "
                  f"{e['bytes'] / 1e6:>8.2f} MB   {e['path']}")
            if len(e["paths"]) > 1:
                print(f"  {'':<10} checked in one run: "
                      + " ".join(os.path.relpath(p, e["path"]) for p in e["paths"]))
            cc = e.get("cache_copy")
            if cc:
                print(f"  {'':<10} cache rows on a private copy; touched: "
                      + (f"{cc['touched_file']} (before line {cc['touched_line']})" if cc["touched_file"]
                         else e.get("cache_note", "nothing")))
        print()
        header = (f"{'target':<10} {'run':<20} {'threads':>7} {'best s':>9} {'cpu s':>8} {'MB/s':>8} {'klines/s':>9} "
                  f"{'peak MiB':>9} {'diags':>6} {'exit':>5}")
        print(header)
        print("-" * len(header))
        for name, e in report["targets"].items():
            for key, label, _ in VARIANTS:
                print_run_row(name, label, "1" if key == "full_t1" else f"{report['cpu_count']}*",
                              e["runs"].get(key), floor_mib)
            for key, label in CACHE_VARIANTS:
                if key in e["runs"]:
                    missing = "n/a" if key == "warm_touched" and e.get("cache_note") else "FAILED"
                    print_run_row(name, label, f"{report['cpu_count']}*", e["runs"][key], floor_mib, missing)
            for tool, r in e["comparators"].items():
                if r is not None and "skipped" in r:
                    print(f"{name:<10} {tool:<20} {'':>7} {'skipped':>9}  ({r['skipped']})")
                    continue
                print_run_row(name, tool, "1", r, floor_mib)
                if r and r.get("staged_copy"):
                    print(f"{'':<10} {'':<20} (checked a copy)")
        print(f"(* default thread count: asynctype uses all {report['cpu_count']} cores; best s = best wall time; "
              f"cpu s = least user+system CPU time;\n   MB/s and klines/s from the best wall time; "
              f"diags = error+warning lines reported)")
        print()
        print("ratios:")
        for name, e in report["targets"].items():
            parts = [f"full/parse-only {fmt_opt(e['full_to_parse_ratio'], '.2f')}x "
                     f"(cpu {fmt_opt(e['full_to_parse_cpu_ratio'], '.2f')}x)",
                     f"full 1 thread/default {fmt_opt(e['full_t1_to_full_ratio'], '.2f')}x"]
            if "warm_touched" in e["runs"]:
                parts.append(f"warm 1 file touched/cold cache {fmt_opt(e.get('warm_touched_to_cold_ratio'), '.2f')}x "
                             f"(cpu {fmt_opt(e.get('warm_touched_to_cold_cpu_ratio'), '.2f')}x)")
            for tool, r in e["comparators"].items():
                if r is None or "skipped" in r:
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
    scale = report.get("scale")
    if scale:
        print()
        print(f"scale: generated projects (gen_project.py, seed {scale['seed']}, ~{scale['lines_per_module']} lines "
              f"per module, ~20 modules per package), full check, default threads"
              f"{', --no-cache' if cache['supported'] else ''}:")
        header = (f"{'lines':>10} {'files':>6} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'klines/s':>9} "
                  f"{'wall/line':>10} {'cpu/line':>9} {'diags':>6}")
        print(header)
        print("-" * len(header))
        for row in scale["rows"]:
            r = row["run"]
            if r is None:
                print(f"{fmt_int(row['lines']):>10} {fmt_int(row['files']):>6} {'FAILED':>8}")
                continue
            kl = r["lines_per_s"]
            print(f"{fmt_int(row['lines']):>10} {fmt_int(row['files']):>6} {r['wall_s']:>8.2f} {r['cpu_s']:>8.2f} "
                  f"{r['peak_rss_mib']:>9.1f} {fmt_opt(kl / 1000.0 if kl else None, '.1f'):>9} "
                  f"{fmt_opt(row.get('wall_per_line_vs_smallest'), '.2f'):>9}x "
                  f"{fmt_opt(row.get('cpu_per_line_vs_smallest'), '.2f'):>8}x {fmt_opt(r['diagnostics'], 'd', '?'):>6}")
        print("(wall/line, cpu/line: cost per line relative to the smallest project; 1.00x throughout = linear)")
        for row in scale["rows"]:
            r = row["run"]
            if r is not None and row["lines"] >= 900_000:
                met = r["wall_s"] < 10.0 and r["peak_rss_mib"] < 2048.0
                print(f"goal at {fmt_int(row['lines'])} lines (under 10 s, under 2 GiB on 2 cores): "
                      f"{r['wall_s']:.2f} s, {r['peak_rss_mib']:.0f} MiB: {'met' if met else 'not met'}")
    if floor:
        print(f"spawn floor ({FLOOR_PROGRAM}): {floor['wall_s']:.4f} s, {floor['peak_rss_mib']:.1f} MiB peak RSS "
              f"(peak RSS values at or below the floor are upper bounds)")
    if report["failures"]:
        print("FAILED runs: " + "; ".join(report["failures"]))


if __name__ == "__main__":
    sys.exit(main())
