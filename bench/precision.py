#!/usr/bin/env python3
"""Precision on real code: run `asynctype check` on a corpus of libraries, count per rule.

    python3 bench/precision.py CORPUS                      # per-rule counts per library
    python3 bench/precision.py CORPUS --triage FILE        # + true/false positives from verdicts
    python3 bench/precision.py CORPUS --list               # + every diagnostic, one per line
    python3 bench/precision.py CORPUS --json               # one JSON object on stdout
    python3 bench/precision.py CORPUS --pyright PATH       # + the lines pyright reports too

CORPUS is a folder of libraries laid out as fetched: `CORPUS/<name>/<package>/__init__.py` (a
project folder holding its import package) or `CORPUS/<package>/__init__.py` (a package on its
own, such as a copy of a standard-library package). Third-party packages are checked together,
each named as a path so that its parent is the import root, the way a user checks a package;
a standard-library package is checked on its own (checked beside the others it would stand in
for the stub of the same name only for its own files, but on its own it is the whole picture).

With `--pyright`, pyright checks the same paths the same way, and the report says on how many
of asynctype's lines pyright reports too, and how many of pyright's lines asynctype misses (per
pyright rule), a quick guide for triage (pyright is no oracle: it has its own false positives).

A triage file holds verdicts, one per line: `TRUE|FALSE <file>:<line>:<col> <rule>  # reason`
(paths as printed, relative to CORPUS; `#` starts a comment). Diagnostics without a verdict are
listed as untriaged. Python 3 standard library only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

STDLIB_PACKAGES = set(getattr(sys, "stdlib_module_names", ())) or {"asyncio", "concurrent", "email", "json"}


def is_package(path):
    return os.path.isfile(os.path.join(path, "__init__.py")) or os.path.isfile(os.path.join(path, "__init__.pyi"))


def discover(corpus):
    """(third-party package paths, standard-library package paths), relative to corpus."""
    third_party, stdlib = [], []
    for name in sorted(os.listdir(corpus)):
        folder = os.path.join(corpus, name)
        if not os.path.isdir(folder) or name.startswith("."):
            continue
        if is_package(folder):
            (stdlib if name in STDLIB_PACKAGES else third_party).append(name)
            continue
        inner = [d for d in sorted(os.listdir(folder)) if is_package(os.path.join(folder, d))]
        # A project folder: its package of the same name, else every package in it.
        chosen = [name] if name in inner else inner
        third_party.extend(os.path.join(name, d) for d in chosen)
    return third_party, stdlib


def run_check(binary, corpus, paths):
    cmd = [binary, "check", *paths, "--output-format", "json"]
    proc = subprocess.run(cmd, cwd=corpus, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"precision.py: `{' '.join(cmd)}` exited {proc.returncode}:\n{proc.stderr}")
    return json.loads(proc.stdout)["diagnostics"]


def run_pyright(pyright, corpus, paths):
    cmd = [pyright, "--outputjson", *paths]
    proc = subprocess.run(cmd, cwd=corpus, capture_output=True, text=True)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"precision.py: `{' '.join(cmd)}` gave no JSON report:\n{proc.stderr}")
    lines = {}
    for d in report.get("generalDiagnostics", []):
        if d.get("severity") not in ("error", "warning"):
            continue
        path = os.path.relpath(d["file"], corpus)
        lines.setdefault((path, d["range"]["start"]["line"] + 1), d.get("rule", "?"))
    return lines


def load_triage(path):
    verdicts = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            parts = text.split()
            if len(parts) != 3 or parts[0] not in ("TRUE", "FALSE"):
                sys.exit(f"{path}:{number}: expected `TRUE|FALSE file:line:col rule`")
            verdicts[(parts[1], parts[2])] = (parts[0] == "TRUE", line.split("#", 1)[1].strip() if "#" in line else "")
    return verdicts


def key(diag):
    start = diag["range"]["start"]
    return (f"{diag['file']}:{start['line']}:{start['column']}", diag["rule"])


def library_of(path):
    return path.split("/", 1)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--binary", default=os.path.join(here, "..", "build", "asynctype"))
    parser.add_argument("--triage", help="verdicts file (see the module docstring)")
    parser.add_argument("--list", action="store_true", help="print every diagnostic")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--pyright", help="a pyright executable: compare the reported lines")
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)
    binary = os.path.abspath(args.binary)
    third_party, stdlib = discover(corpus)
    diagnostics = []
    if third_party:
        diagnostics += run_check(binary, corpus, third_party)
    for package in stdlib:
        diagnostics += run_check(binary, corpus, [package])
    diagnostics = [d for d in diagnostics if d["severity"] in ("error", "warning")]
    pyright_lines = None
    if args.pyright:
        pyright_lines = {}
        if third_party:
            pyright_lines.update(run_pyright(args.pyright, corpus, third_party))
        for package in stdlib:
            pyright_lines.update(run_pyright(args.pyright, corpus, [package]))
    ours = {(d["file"], d["range"]["start"]["line"]) for d in diagnostics}

    per_rule = collections.Counter(d["rule"] for d in diagnostics)
    per_library = collections.defaultdict(collections.Counter)
    for d in diagnostics:
        per_library[library_of(d["file"])][d["rule"]] += 1
    verdicts = load_triage(args.triage) if args.triage else None
    outcome = collections.defaultdict(collections.Counter)  # rule -> {true, false, untriaged}
    untriaged, stale = [], []
    if verdicts is not None:
        seen = set()
        for d in diagnostics:
            k = key(d)
            seen.add(k)
            if k in verdicts:
                outcome[d["rule"]]["true" if verdicts[k][0] else "false"] += 1
            else:
                outcome[d["rule"]]["untriaged"] += 1
                untriaged.append(d)
        stale = [k for k in verdicts if k not in seen]

    if args.json:
        json.dump({
            "checked": {"third_party": third_party, "stdlib": stdlib},
            "total": len(diagnostics),
            "per_rule": dict(per_rule),
            "per_library": {lib: dict(c) for lib, c in per_library.items()},
            "triage": {rule: dict(c) for rule, c in outcome.items()} if verdicts is not None else None,
            "untriaged": [" ".join(key(d)) for d in untriaged],
            "stale_verdicts": [" ".join(k) for k in stale],
            "pyright": None if pyright_lines is None else {
                "lines": len(pyright_lines),
                "shared_lines": len(ours & set(pyright_lines)),
                "only_asynctype": sorted(f"{f}:{l}" for f, l in ours - set(pyright_lines)),
            },
        }, sys.stdout, indent=2, sort_keys=True)
        print()
        return
    libraries = sorted(per_library)
    width = max([len(r) for r in per_rule] + [4])
    header = f"{'rule':<{width}}  " + "  ".join(f"{lib[:10]:>10}" for lib in libraries) + f"  {'total':>6}"
    if verdicts is not None:
        header += f"  {'true':>5} {'false':>5} {'?':>4}"
    print(header)
    for rule, count in per_rule.most_common():
        row = f"{rule:<{width}}  " + "  ".join(f"{per_library[lib][rule]:>10}" for lib in libraries) + f"  {count:>6}"
        if verdicts is not None:
            o = outcome[rule]
            row += f"  {o['true']:>5} {o['false']:>5} {o['untriaged']:>4}"
        print(row)
    total = f"{'total':<{width}}  " + "  ".join(f"{sum(per_library[lib].values()):>10}" for lib in libraries) + f"  {len(diagnostics):>6}"
    if verdicts is not None:
        t = sum(o["true"] for o in outcome.values())
        f_ = sum(o["false"] for o in outcome.values())
        u = sum(o["untriaged"] for o in outcome.values())
        total += f"  {t:>5} {f_:>5} {u:>4}"
    print(total)
    if verdicts is not None:
        false = [d for d in diagnostics if verdicts.get(key(d), (True,))[0] is False]
        if false:
            print("\nfalse positives:")
            for d in false:
                print(f"  {' '.join(key(d))}  # {verdicts[key(d)][1]}")
        if untriaged:
            print("\nuntriaged:")
            for d in untriaged:
                print(f"  {' '.join(key(d))}  {d['message']}")
        if stale:
            print("\nverdicts no longer reported:")
            for k in stale:
                print(f"  {' '.join(k)}")
    if pyright_lines is not None:
        shared = ours & set(pyright_lines)
        print(f"\npyright: {len(pyright_lines)} lines; asynctype reports {len(ours)} lines, "
              f"{len(shared)} of them also reported by pyright")
        missed = collections.Counter(rule for k, rule in pyright_lines.items() if k not in ours)
        print("pyright lines asynctype does not report, per pyright rule:")
        for rule, count in missed.most_common():
            print(f"  {rule:<40} {count:>5}")
    if args.list:
        print()
        for d in diagnostics:
            print(f"{' '.join(key(d))}  {d['severity']}: {d['message']}")


if __name__ == "__main__":
    main()
