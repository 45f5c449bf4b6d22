#!/usr/bin/env bash
# Fetches typeshed from the pinned pyright package on the npm registry into DEST (a build folder),
# verifies the tarball against the pinned integrity hash, and unpacks only the typeshed it ships
# (package/dist/typeshed-fallback/: stdlib/, stubs/, commit.txt, LICENSE). The stubs are never
# committed; the build embeds DEST/stdlib into the binary (embedded_stubs/CMakeLists.txt).
# DEST/VERSION records the pyright version, so a second run with the same pin does nothing.
set -euo pipefail
DEST=${1:?usage: fetch-typeshed.sh DEST}
VERSION=1.1.414
INTEGRITY=sha512-FPZZb51jepDX4eP7TEYDeNFtmE3WgwkkEcJpvH3/QmUSsj0EAy3LXu+xB4T/FWDejtsXlCfFr/rbWFjwuwuXww==

if [ -f "$DEST/stdlib/VERSIONS" ] && [ -f "$DEST/commit.txt" ] && [ "$(cat "$DEST/VERSION" 2>/dev/null)" = "$VERSION" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$("$(dirname "$0")/npm-pack-verified.sh" pyright "$VERSION" "$INTEGRITY" "$work")
src=package/dist/typeshed-fallback
tar -xzf "$tarball" -C "$work" "$src/stdlib" "$src/stubs" "$src/commit.txt" "$src/LICENSE"
mkdir -p "$DEST"
rm -rf "$DEST/stdlib" "$DEST/stubs"
cp -r "$work/$src/stdlib" "$DEST/stdlib"
cp -r "$work/$src/stubs" "$DEST/stubs"
cp "$work/$src/commit.txt" "$DEST/commit.txt"
cp "$work/$src/LICENSE" "$DEST/LICENSE"
echo "$VERSION" > "$DEST/VERSION"
echo "fetch-typeshed: typeshed $(cat "$DEST/commit.txt") (pyright $VERSION) verified and unpacked into $DEST"
