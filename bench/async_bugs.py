#!/usr/bin/env python3
"""Which kinds of async bugs does a checker find? Run it on a collection of bugs with twins.

    python3 bench/async_bugs.py                                   # build/asynctype on bench/async_bugs
    python3 bench/async_bugs.py --asynctype /path/to/asynctype    # another binary
    python3 bench/async_bugs.py --pyright                         # + pyright's column (default path)
    python3 bench/async_bugs.py --pyright PATH --json             # one JSON object on stdout
    python3 bench/async_bugs.py DIR                               # another collection

The collection (DIR, default `bench/async_bugs` next to this script) holds one folder per kind,
`NN_kind/`, with `bug.py` (a small program with the bug; its header says `# kind:` and
`# runtime:`) and `fixed.py` (the same program with the bug fixed). Each file is copied alone into
its own temporary folder (so the two cannot see each other) and checked there with
`asynctype check FILE --output-format concise --color never --python-version 3.12`.

A kind is *found* when bug.py gets a diagnostic that fixed.py does not get (compared by rule and
message, so a diagnostic the twin shares does not count). A twin is *clean* when fixed.py gets no
diagnostic at all: a diagnostic there is a false positive (or a wrong twin).

With `--pyright`, pyright (one run over all the copies, `--pythonversion` the same) gives a second
column: found when it reports an error or warning on bug.py beyond those it reports on fixed.py.

Exit status: 0 when every checker run worked, 1 when a run failed or a kind lacks a file (the
table is printed anyway), 2 on bad arguments. Python 3 standard library only.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_PYRIGHT = "/tmp/pyright/node_modules/.bin/pyright"
PYRIGHT_INSTALL = "mkdir -p /tmp/pyright && cd /tmp/pyright && npm install pyright@1.1.414"
TWINS = ("bug", "fixed")
# file:line:col: severity[rule] message
CONCISE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>\w+)\[(?P<rule>[^\]]+)\] (?P<message>.*)$")


def find_asynctype(given):
    if given:
        if not os.path.isfile(given):
            sys.exit(f"async_bugs.py: no asynctype binary at {given}")
        return os.path.abspath(given)
    for candidate in ("build/asynctype", os.path.join(REPO_ROOT, "build", "asynctype")):
        if os.path.isfile(candidate):
            return os.path.abspath(candidate)
    sys.exit("async_bugs.py: no build/asynctype here or in the repository; pass --asynctype BIN")


def read_header(path):
    """The `# kind:` and `# runtime:` lines (with their `#   ` continuation lines) of bug.py."""
    header, key = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            match = re.match(r"#\s*(kind|runtime):\s*(.*)", line)
            if match:
                key = match.group(1)
                header[key] = match.group(2).strip()
            elif key and line.startswith("#   "):
                header[key] += " " + line[1:].strip()
    return header


def collect_kinds(folder):
    kinds = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not os.path.isdir(path) or not re.match(r"\d+_", name):
            continue
        missing = [f"{t}.py" for t in TWINS if not os.path.isfile(os.path.join(path, f"{t}.py"))]
        header = read_header(os.path.join(path, "bug.py")) if "bug.py" not in missing else {}
        kinds.append({"kind": name, "path": path, "missing": missing, "header": header})
    return kinds


def copy_alone(kind, twin, tmp):
    """Copy KIND's TWIN.py alone into its own folder under tmp; return the copy's path."""
    folder = os.path.join(tmp, kind["kind"], twin)
    os.makedirs(folder)
    dest = os.path.join(folder, f"{twin}.py")
    shutil.copyfile(os.path.join(kind["path"], f"{twin}.py"), dest)
    return dest


def run_asynctype(binary, path, python_version):
    cmd = [binary, "check", os.path.basename(path), "--output-format", "concise", "--color", "never",
           "--python-version", python_version]
    proc = subprocess.run(cmd, cwd=os.path.dirname(path), capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return None, f"`{' '.join(cmd)}` exited {proc.returncode}: " + " / ".join(tail)
    diagnostics = []
    for line in proc.stdout.splitlines():
        match = CONCISE.match(line)
        if match:
            diagnostics.append({"line": int(match["line"]), "column": int(match["col"]),
                                "severity": match["severity"], "rule": match["rule"],
                                "message": match["message"]})
    return diagnostics, None


def run_pyright(pyright, paths, cwd, python_version):
    """{path: [diagnostic]} of pyright's errors and warnings on paths (one run for all)."""
    cmd = [pyright, "--outputjson", "--pythonversion", python_version, *paths]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return None, f"`{pyright}` gave no JSON report (exit {proc.returncode}): {proc.stderr.strip()[-300:]}"
    found = {os.path.realpath(p): [] for p in paths}
    for d in report.get("generalDiagnostics", []):
        if d.get("severity") not in ("error", "warning"):
            continue
        found.setdefault(os.path.realpath(d["file"]), []).append({
            "line": d["range"]["start"]["line"] + 1, "column": d["range"]["start"]["character"] + 1,
            "severity": d["severity"], "rule": d.get("rule", "?"), "message": d["message"]})
    return found, None


def beyond_twin(bug, fixed):
    """The diagnostics of bug.py that fixed.py does not also get (by rule and message)."""
    left = collections.Counter((d["rule"], d["message"]) for d in fixed)
    extra = []
    for d in bug:
        key = (d["rule"], d["message"])
        if left[key]:
            left[key] -= 1
        else:
            extra.append(d)
    return extra


def measure(args):
    kinds = collect_kinds(args.dir)
    if not kinds:
        sys.exit(f"async_bugs.py: no NN_kind folders in {args.dir}")
    failures = [f"{k['kind']}: missing {', '.join(k['missing'])}" for k in kinds if k["missing"]]
    with tempfile.TemporaryDirectory(prefix="async_bugs.") as tmp:
        copies = {(k["kind"], t): copy_alone(k, t, tmp) for k in kinds for t in TWINS if not k["missing"]}
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            runs = dict(zip(copies, pool.map(lambda p: run_asynctype(args.asynctype, p, args.python_version),
                                             copies.values())))
        pyright = None
        if args.pyright:
            pyright, error = run_pyright(args.pyright, list(copies.values()), tmp, args.python_version)
            if error:
                failures.append(error)
        for kind in kinds:
            kind.pop("path")
            kind["pyright"] = None
            if kind["missing"]:
                kind.update(found=False, twin_clean=False, rules=[], first_message="", bug_diagnostics=[],
                            fixed_diagnostics=[])
                continue
            bug, bug_error = runs[(kind["kind"], "bug")]
            fixed, fixed_error = runs[(kind["kind"], "fixed")]
            failures.extend(e for e in (bug_error, fixed_error) if e)
            bug, fixed = bug or [], fixed or []
            found = beyond_twin(bug, fixed)
            kind.update(found=bool(found), twin_clean=not fixed and not fixed_error,
                        rules=sorted({d["rule"] for d in found}),
                        first_message=found[0]["message"] if found else "",
                        bug_diagnostics=bug, fixed_diagnostics=fixed)
            if pyright is not None:
                p_bug = pyright.get(os.path.realpath(copies[(kind["kind"], "bug")]), [])
                p_fixed = pyright.get(os.path.realpath(copies[(kind["kind"], "fixed")]), [])
                p_found = beyond_twin(p_bug, p_fixed)
                kind["pyright"] = {"found": bool(p_found), "rules": sorted({d["rule"] for d in p_found}),
                                   "first_message": p_found[0]["message"] if p_found else "",
                                   "bug_diagnostics": p_bug, "fixed_diagnostics": p_fixed}
    summary = {"kinds": len(kinds), "found": sum(k["found"] for k in kinds),
               "twins_clean": sum(k["twin_clean"] for k in kinds)}
    if pyright is not None:
        summary["pyright_found"] = sum(bool(k["pyright"] and k["pyright"]["found"]) for k in kinds)
    return {"asynctype": args.asynctype, "pyright": args.pyright, "python_version": args.python_version,
            "collection": args.dir, "kinds": kinds, "summary": summary, "failures": failures}


def yes(flag):
    return "yes" if flag else "no"


def one_line(text, width):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(result):
    with_pyright = result["pyright"] is not None
    rows = [("kind", "found", "rules", "first message", "twin clean") + (("pyright",) if with_pyright else ())]
    for k in result["kinds"]:
        clean = yes(k["twin_clean"]) if not k["missing"] else "missing " + ",".join(k["missing"])
        if k["fixed_diagnostics"]:
            clean += f" ({len(k['fixed_diagnostics'])})"
        row = (k["kind"], yes(k["found"]), ",".join(k["rules"]) or "-", one_line(k["first_message"], 70) or "-", clean)
        if with_pyright:
            row += (yes(k["pyright"] and k["pyright"]["found"]),)
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            print("-+-".join("-" * w for w in widths))
    unclean = [k for k in result["kinds"] if k["fixed_diagnostics"]]
    if unclean:
        print("\nDiagnostics on fixed twins (false positives, or twins to correct):")
        for k in unclean:
            for d in k["fixed_diagnostics"]:
                print(f"  {k['kind']}/fixed.py:{d['line']}:{d['column']}: {d['severity']}[{d['rule']}] {d['message']}")
    s = result["summary"]
    line = f"\nfound {s['found']} of {s['kinds']} kinds, twins clean {s['twins_clean']} of {s['kinds']}"
    if "pyright_found" in s:
        line += f"; pyright found {s['pyright_found']} of {s['kinds']}"
    print(line)
    for failure in result["failures"]:
        print(f"FAILED: {failure}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", nargs="?", default=os.path.join(BENCH_DIR, "async_bugs"),
                        help="the collection (default: bench/async_bugs)")
    parser.add_argument("--asynctype", metavar="BIN", help="the binary (default: build/asynctype)")
    parser.add_argument("--pyright", metavar="PATH", nargs="?", const=DEFAULT_PYRIGHT,
                        help=f"also run pyright (default path: {DEFAULT_PYRIGHT})")
    parser.add_argument("--python-version", default="3.12", help="target Python version (default: 3.12)")
    parser.add_argument("--jobs", type=int, default=2, help="asynctype runs in parallel (default: 2)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    args.dir = os.path.abspath(args.dir)
    if not os.path.isdir(args.dir):
        parser.error(f"no folder {args.dir}")
    args.asynctype = find_asynctype(args.asynctype)
    if args.pyright and not (os.path.isfile(args.pyright) or shutil.which(args.pyright)):
        parser.error(f"no pyright at {args.pyright}; install it with: {PYRIGHT_INSTALL}")
    if args.pyright:
        args.pyright = shutil.which(args.pyright) or os.path.abspath(args.pyright)
    result = measure(args)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print_table(result)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
