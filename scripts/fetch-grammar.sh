#!/usr/bin/env bash
# Fetches the pinned tree-sitter-python grammar from the npm registry into DEST (a build folder),
# verifies the tarball against the pinned integrity hash, and unpacks only the C sources
# (src/parser.c, src/scanner.c, src/tree_sitter/*.h). The sources are never committed.
set -euo pipefail
DEST=${1:?usage: fetch-grammar.sh DEST}
VERSION=0.23.6
INTEGRITY=sha512-yIM9z0oxKIxT7bAtPOhgoVl6gTXlmlIhue7liFT4oBPF/lha7Ha4dQBS82Av6hMMRZoVnFJI8M6mL+SwWoLD3A==

if [ -f "$DEST/src/parser.c" ] && [ "$(cat "$DEST/VERSION" 2>/dev/null)" = "$VERSION" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$("$(dirname "$0")/npm-pack-verified.sh" tree-sitter-python "$VERSION" "$INTEGRITY" "$work")
tar -xzf "$tarball" -C "$work" package/src/parser.c package/src/scanner.c package/src/tree_sitter package/LICENSE
mkdir -p "$DEST"
rm -rf "$DEST/src"
cp -r "$work/package/src" "$DEST/src"
cp "$work/package/LICENSE" "$DEST/LICENSE"
echo "$VERSION" > "$DEST/VERSION"
echo "fetch-grammar: tree-sitter-python $VERSION verified and unpacked into $DEST"
