#!/usr/bin/env bash
# Downloads one pinned package from the npm registry into WORK (`npm pack`) and verifies the
# tarball against its pinned integrity hash (the registry's `dist.integrity`, sha512). Prints the
# tarball's path; on any failure says why on stderr and exits 1. Used by fetch-grammar.sh and
# fetch-typeshed.sh, which unpack only what the build needs.
# Usage: npm-pack-verified.sh NAME VERSION INTEGRITY WORK
set -euo pipefail
name=${1:?usage: npm-pack-verified.sh NAME VERSION INTEGRITY WORK}
version=${2:?} integrity=${3:?} work=${4:?}
command -v npm >/dev/null || { echo "npm-pack-verified: npm is required" >&2; exit 1; }
(cd "$work" && npm pack --silent "$name@$version" >/dev/null 2>&1) || {
  echo "npm-pack-verified: npm pack $name@$version failed" >&2; exit 1; }
tarball="$work/$name-$version.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "npm-pack-verified: integrity mismatch for $name@$version" >&2
  echo "  expected $integrity" >&2
  echo "  actual   $actual" >&2
  exit 1
fi
echo "$tarball"
