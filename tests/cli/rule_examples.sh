#!/usr/bin/env bash
# CLI test: every rule's documented example is real. For each rule of `asynctype rules --format
# json` (its docs come from checker/diagnostics/rule_docs.def), `check` on the example reports the
# rule and on the fix does not (off-by-default rules enabled with `--error RULE`). Exempt: `io`,
# whose example (a file that is not UTF-8) cannot be written as the text of a doc row; it gets its
# own check below from bytes.
# Usage: rule_examples.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" rules --format json >"$tmp/rules.json" || fail "rules --format json exited $?"
python3 - "$bin" "$tmp" <<'PY' || exit 1
import json, os, subprocess, sys
bin, tmp = sys.argv[1], sys.argv[2]
rules = json.load(open(os.path.join(tmp, "rules.json")))
exempt = {"io": "its example is a file that is not UTF-8"}
failures, checked = [], 0
for rule in rules:
    name = rule["name"]
    for part in ("what", "why", "example", "fix"):
        if not rule.get(part):
            failures.append(f"{name}: no `{part}` in its documentation")
    if name in exempt or not rule.get("example"):
        continue
    found = []
    for part in ("example", "fix"):
        folder = os.path.join(tmp, name, part)
        os.makedirs(folder)
        with open(os.path.join(folder, "example.py"), "w") as f:
            f.write(rule[part])
        args = [bin, "check", "example.py", "--output-format", "json", "--python-version", "3.12"]
        if not rule["enabled_by_default"]:
            args += ["--error", name]
        run = subprocess.run(args, capture_output=True, text=True, cwd=folder)
        found.append([d["rule"] for d in json.loads(run.stdout)["diagnostics"]])
    if name not in found[0]:
        failures.append(f"{name}: its example reports {found[0]}, not the rule")
    if name in found[1]:
        failures.append(f"{name}: its fix still reports the rule")
    checked += 1
if checked != len(rules) - len(exempt):
    failures.append(f"checked {checked} examples of {len(rules)} rules")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
PY

# io: a Latin-1 file is an `io` error; the same text in UTF-8 is not.
mkdir -p "$tmp/io"
printf 'caf\xe9 = 1\n' >"$tmp/io/latin1.py"
printf 'caf\xc3\xa9 = 1\n' >"$tmp/io/utf8.py"
"$bin" check "$tmp/io/latin1.py" --output-format concise >"$tmp/out" 2>&1
grep -q 'error\[io\]' "$tmp/out" || { cat "$tmp/out"; fail "io example"; }
"$bin" check "$tmp/io/utf8.py" --output-format concise >"$tmp/out" 2>&1
grep -q '\[io\]' "$tmp/out" && { cat "$tmp/out"; fail "io fix"; }
echo OK
