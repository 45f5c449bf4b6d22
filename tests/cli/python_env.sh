#!/usr/bin/env bash
# CLI test: the user's Python environment. A throwaway virtual environment (`python3 -m venv
# --without-pip`, else the same layout by hand) holds hand-made packages: one with `py.typed`,
# one without, a stub-only `stubonly-stubs` (next to an un-annotated `stubonly`), an editable
# install through a `.pth` file pointing outside, and `yaml` without types (typeshed's
# third-party stubs/types-PyYAML describe it). Each resolves to its declared types through
# `--python <venv>`, `--python <venv>/bin/python`, VIRTUAL_ENV and `.venv` in the project root; a
# module that is not installed stays `unresolved-import`; `--verbose` shows the environment; a
# `--python` that is no environment is exit 2; configuration is found from the checked path.
# Usage: python_env.sh ASYNCTYPE SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

make_venv() {  # make_venv DIR: a virtual environment for Python 3.11 (the layout `venv` writes)
  local dir=$1
  if command -v python3 >/dev/null && python3 -m venv --without-pip "$dir" 2>/dev/null; then
    version=$(sed -n 's/^version[_a-z]* *= *\([0-9]*\.[0-9]*\).*/\1/p' "$dir/pyvenv.cfg" | head -1)
  else
    echo "note: python3 -m venv is unavailable; building the environment's layout by hand"
    version=3.11
    mkdir -p "$dir/bin" "$dir/lib/python$version/site-packages"
    ln -s /usr/bin/python3 "$dir/bin/python"
    printf 'home = /usr/bin\ninclude-system-site-packages = false\nversion = %s.4\n' "$version" > "$dir/pyvenv.cfg"
  fi
  site="$dir/lib/python$version/site-packages"
  [ -d "$site" ] || fail "no site-packages in $dir: $(ls -R "$dir" | head -20)"
  mkdir -p "$site/typedpkg" "$site/untypedpkg" "$site/stubonly-stubs" "$site/stubonly" "$site/yaml"
  echo 'def typed() -> int: ...' > "$site/typedpkg/__init__.py"
  touch "$site/typedpkg/py.typed"
  echo 'def untyped(x: str) -> str: return x' > "$site/untypedpkg/__init__.py"
  echo 'def from_stub() -> bytes: ...' > "$site/stubonly-stubs/__init__.pyi"
  echo 'def from_stub(): return 1' > "$site/stubonly/__init__.py"
  echo 'def safe_load(stream): pass' > "$site/yaml/__init__.py"
  # A partial stub package (PEP 561: `partial` in its py.typed) falls through for what it lacks.
  mkdir -p "$site/partialpkg-stubs" "$site/partialpkg"
  printf 'partial\n' > "$site/partialpkg-stubs/py.typed"
  echo 'def stubbed() -> complex: ...' > "$site/partialpkg-stubs/__init__.pyi"
  echo 'def stubbed(): pass' > "$site/partialpkg/__init__.py"
  echo 'def extra() -> bytearray: return bytearray()' > "$site/partialpkg/extra.py"
  mkdir -p "$tmp/editable/edpkg"
  echo 'def edited() -> float: return 1.0' > "$tmp/editable/edpkg/__init__.py"
  printf '%s\nimport sys; sys.path.append("/nowhere")\n' "$tmp/editable" > "$site/__editable__.edpkg-0.1.pth"
}

make_venv "$tmp/venv"
mkdir -p "$tmp/proj"
cat > "$tmp/proj/main.py" <<'EOF2'
import typedpkg
import untypedpkg
import stubonly
import yaml
import edpkg
import not_installed_anywhere
import partialpkg.extra

reveal_type(typedpkg.typed())
reveal_type(untypedpkg.untyped(""))
reveal_type(stubonly.from_stub())
reveal_type(yaml.safe_load)
reveal_type(edpkg.edited())
reveal_type(partialpkg.stubbed())
reveal_type(partialpkg.extra.extra())
EOF2

expect_resolved() {  # expect_resolved LABEL OUTPUT
  local label=$1 out=$2
  revealed() { echo "$out" | grep -q "main.py:$1:13: info\[revealed-type\] Revealed type: \`$2" || fail "$label: $3: $out"; }
  revealed 9 'int`' "py.typed package"
  revealed 10 'str`' "package without py.typed"
  revealed 11 'bytes`' "-stubs package"
  revealed 12 'def safe_load(' "yaml"
  echo "$out" | grep 'main.py:12:13' | grep -q -- '-> Any' || fail "$label: yaml from typeshed's stubs (-> Any): $out"
  revealed 13 'float`' ".pth editable install"
  revealed 14 'complex`' "partial -stubs package"
  revealed 15 'bytearray`' "module missing from a partial -stubs package"
  echo "$out" | grep -q 'main.py:6:8: error\[unresolved-import\] Cannot resolve imported module `not_installed_anywhere`' ||
    fail "$label: a missing module stays unresolved: $out"
  [ "$(echo "$out" | grep -c 'unresolved-import')" -eq 1 ] || fail "$label: only the missing module is unresolved: $out"
}

cd "$tmp" || fail "cd"
# No environment from the machine leaks in: asynctype's PATH holds no python, VIRTUAL_ENV is unset.
unset VIRTUAL_ENV PYENV_VERSION
real_bin=$bin
run() { env PATH=/nonexistent "$real_bin" "$@"; }
out=$(run check --output-format concise --python venv proj 2>&1)
expect_resolved "--python <venv>" "$out"
out=$(run check --output-format concise --python "$tmp/venv/bin/python" proj 2>&1)
expect_resolved "--python <venv>/bin/python" "$out"
out=$(VIRTUAL_ENV="$tmp/venv" run check --output-format concise proj 2>&1)
expect_resolved "VIRTUAL_ENV" "$out"
out=$(run check --output-format concise --python "$site" proj 2>&1)
expect_resolved "--python <site-packages>" "$out"
mv venv proj/.venv
out=$(run check --output-format concise proj 2>&1)
expect_resolved ".venv in the project root" "$out"
# The `.venv` is not checked (it is a virtual environment).
echo "$out" | grep -q '\.venv/' && fail ".venv files were checked: $out"
# `--verbose`: where the environment came from, its version and site-packages.
out=$(cd proj && run check --output-format concise --verbose 2>&1 >/dev/null)
echo "$out" | grep -q '^Python environment: \./\.venv (from `\.venv` in the project root)\|^Python environment: \.venv (from `\.venv` in the project root)' ||
  fail "--verbose: environment: $out"
echo "$out" | grep -q "^  Python version: $version (from pyvenv.cfg)" || fail "--verbose: version: $out"
echo "$out" | grep -q "^  site-packages: .*\.venv/lib/python$version/site-packages" || fail "--verbose: site-packages: $out"
echo "$out" | grep -q "^  from a .pth file: $tmp/editable" || fail "--verbose: .pth folder: $out"
echo "$out" | grep -q "^Target Python version: $version" || fail "--verbose: the environment's version is used: $out"
# An explicit --python-version wins over the environment's.
out=$(cd proj && run check --output-format concise --verbose --python-version 3.13 2>&1 >/dev/null)
echo "$out" | grep -q "^Target Python version: 3.13" || fail "--python-version over the environment: $out"
mv proj/.venv venv

# Without an environment, installed packages are unresolved (and --verbose says so).
out=$(run check --output-format concise --verbose proj 2>&1)
echo "$out" | grep -q 'Cannot resolve imported module `typedpkg`' || fail "no environment: $out"
echo "$out" | grep -q '^Python environment: none found' || fail "no environment, --verbose: $out"

# A `--python` that is no environment: a clear error, exit 2.
out=$(run check --python "$tmp/nowhere" proj 2>&1)
[ $? -eq 2 ] || fail "missing --python: expected exit 2: $out"
echo "$out" | grep -q "error: --python: \`$tmp/nowhere\` does not exist" || fail "missing --python message: $out"
mkdir -p empty
out=$(run check --python empty proj 2>&1)
[ $? -eq 2 ] || fail "not an environment: expected exit 2: $out"
echo "$out" | grep -q 'is not a Python environment' || fail "not an environment message: $out"

# The configuration's `python` key (relative to the file), found from the checked path (not the
# working folder).
printf '[tool.asynctype]\npython = "../venv"\n' > proj/pyproject.toml
out=$(run check --output-format concise proj 2>&1)
expect_resolved "python in pyproject.toml" "$out"
out=$(run check --output-format concise --verbose proj/main.py 2>&1 >/dev/null)
echo "$out" | grep -q '^Configuration: proj/pyproject.toml' || fail "configuration found from the checked file: $out"
echo "$out" | grep -q '^Python environment: proj/../venv (from `python` in proj/pyproject.toml)\|^Python environment: venv (from `python` in proj/pyproject.toml)' ||
  fail "configured python: $out"
printf '[tool.asynctype]\npython = "../empty"\n' > proj/pyproject.toml
out=$(run check proj 2>&1)
[ $? -eq 2 ] || fail "a configured python that is no environment: expected exit 2: $out"
rm proj/pyproject.toml

# A src/ layout: `src` at the project root is an import root without configuration.
mkdir -p layout/src/app layout/tests
echo 'VALUE: int = 1' > layout/src/app/__init__.py
printf 'from app import VALUE\nreveal_type(VALUE)\n' > layout/tests/test_app.py
printf '[tool.asynctype]\n' > layout/pyproject.toml
out=$(run check --output-format concise layout 2>&1)
echo "$out" | grep -q 'test_app.py:2:13: info\[revealed-type\] Revealed type: `int`' || fail "src layout: $out"
# The language server writes the environment to its log (stderr) when it first checks a document.
lsp_msg() { printf 'Content-Length: %d\r\n\r\n%s' ${#1} "$1"; }
uri="file://$tmp/proj"
{
  lsp_msg '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"'"$uri"'","capabilities":{}}}'
  lsp_msg '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  lsp_msg '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'"$uri"'/main.py","languageId":"python","version":1,"text":"import typedpkg\n"}}}'
  lsp_msg '{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"'"$uri"'/main.py"},"position":{"line":0,"character":8}}}'
  sleep 1
  lsp_msg '{"jsonrpc":"2.0","id":3,"method":"shutdown"}'
  lsp_msg '{"jsonrpc":"2.0","method":"exit"}'
} | env PATH=/nonexistent VIRTUAL_ENV="$tmp/venv" "$real_bin" server > /dev/null 2> server.err
grep -q "^asynctype: Python environment: $tmp/venv (from VIRTUAL_ENV)" server.err || fail "server log: $(cat server.err)"
grep -q "^  site-packages: $tmp/venv/lib/python$version/site-packages" server.err || fail "server log, site-packages: $(cat server.err)"
echo "PASS"
