#!/usr/bin/env bash
# The whole test suite: set up and build, then run every test (unit, mdtest, CLI) through CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" "$root/build"
cd "$root/build"
exec ctest --output-on-failure -j2
