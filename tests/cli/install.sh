#!/usr/bin/env bash
# CLI test: the installed tree works on its own. `cmake --install` into a temporary prefix, the tree
# moved into a clean folder and run with an empty environment (`env -i LD_LIBRARY_PATH=`) on
# examples/: same report and exit code (1, the planted bugs) as the build's binary, typeshed's
# third-party stubs found under the prefix; the bare binary copied alone into a folder likewise. A self-contained build (ASYNCTYPE_STATIC_LINK, release)
# must need only glibc (`ldd`), and `cpack -G DEB` makes asynctype_<version>_<arch>.deb holding
# usr/bin/asynctype and depending on libc6 only (skipped without cpack / dpkg-deb).
# Usage: install.sh ASYNCTYPE SOURCE_DIR  (the build folder is the binary's folder)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
build=$(dirname "$bin")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "cmake --install"; }
# Moved, not copied (4,700 stub files): the prefix it was installed for no longer exists.
mv "$tmp/prefix" "$tmp/clean"
installed=$tmp/clean/bin/asynctype
[ -x "$installed" ] || fail "no bin/asynctype installed"
[ -f "$tmp/clean/share/asynctype/stubs/requests/METADATA.toml" ] || fail "typeshed's third-party stubs not installed"
for f in LICENSE.typeshed LICENSE.tree-sitter-python typeshed-commit.txt README.md; do
  [ -f "$tmp/clean/share/doc/asynctype/$f" ] || fail "share/doc/asynctype/$f not installed"
done

# The same report from the clean copy, with nothing from the build environment.
# Each run gets a fresh warm-cache folder (the checker's cache, when it has one, would otherwise go
# into the source tree and be shared between the runs).
runs=0
run() {
  runs=$((runs + 1))
  (cd "$src" && env -i LD_LIBRARY_PATH= PATH=/usr/bin:/bin ASYNCTYPE_CACHE_DIR="$tmp/cache$runs" "$@")
}
run "$bin" check examples >"$tmp/expected" 2>&1; rc_expected=$?
run "$installed" check examples >"$tmp/actual" 2>&1; rc=$?
[ $rc_expected -eq 1 ] || { cat "$tmp/expected"; fail "build binary on examples exited $rc_expected"; }
[ $rc -eq 1 ] || { cat "$tmp/actual"; fail "installed binary on examples exited $rc"; }
diff "$tmp/expected" "$tmp/actual" >"$tmp/diff" || { cat "$tmp/diff"; fail "installed binary reports differently"; }
[ "$(run "$installed" --version)" = "$("$bin" --version)" ] || fail "--version differs"
# The bare binary, alone in a folder, too.
mkdir "$tmp/bare"
cp "$bin" "$tmp/bare/asynctype"
run "$tmp/bare/asynctype" check examples >"$tmp/actual" 2>&1; rc=$?
[ $rc -eq 1 ] || { cat "$tmp/actual"; fail "bare binary on examples exited $rc"; }
diff "$tmp/expected" "$tmp/actual" >"$tmp/diff" || { cat "$tmp/diff"; fail "bare binary reports differently"; }

# The third-party stubs come from the prefix, found from the binary's own location.
run "$installed" check --verbose examples/clean.py >"$tmp/out" 2>&1
grep -q "$tmp/clean/share/asynctype/stubs" "$tmp/out" || { cat "$tmp/out"; fail "stubs not found under the prefix"; }

static=$(sed -n 's/^ASYNCTYPE_STATIC_LINK:INTERNAL=//p' "$build/CMakeCache.txt")
if [ "$static" != "ON" ]; then
  echo "install.sh: not a self-contained build (ASYNCTYPE_STATIC_LINK=$static): ldd and .deb skipped"
  exit 0
fi

# Only glibc: the vDSO, the loader, libc, libm, libpthread, libdl, librt.
ldd "$installed" >"$tmp/ldd" 2>&1 || { cat "$tmp/ldd"; fail "ldd"; }
others=$(awk '{print $1}' "$tmp/ldd" | grep -Ev '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|/lib/ld-linux[^ ]*|lib(c|m|pthread|dl|rt)\.so\.[0-9]+)$')
[ -z "$others" ] || { cat "$tmp/ldd"; fail "links non-glibc libraries: $others"; }

if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null; then
  cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "cpack"; }
  deb=$(ls "$tmp"/pkg/asynctype_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || { ls "$tmp/pkg"; fail "no asynctype_*.deb"; }
  dpkg-deb -c "$deb" >"$tmp/contents" || fail "dpkg-deb -c"
  grep -Eq ' \./usr/bin/asynctype$' "$tmp/contents" || { head "$tmp/contents"; fail ".deb has no usr/bin/asynctype"; }
  grep -q ' \./usr/share/asynctype/stubs/requests/' "$tmp/contents" || fail ".deb has no third-party stubs"
  [ "$(dpkg-deb -f "$deb" Package)" = asynctype ] || fail ".deb package name"
  version=$("$bin" --version | head -1 | cut -d' ' -f2)
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail ".deb version $(dpkg-deb -f "$deb" Version), expected $version"
  depends=$(dpkg-deb -f "$deb" Depends)
  echo "$depends" | grep -Eq '^libc6( \(>= [0-9.]+\))?$' || fail ".deb depends on: $depends"
fi
exit 0
