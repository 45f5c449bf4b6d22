#!/usr/bin/env bash
# The whole test suite: set up and build, then run every test (unit, mdtest, CLI, language
# server, Neovim end to end) through CTest — first in the release build, then again under
# AddressSanitizer + UndefinedBehaviorSanitizer (scripts/test-sanitizers.sh). Exits non-zero if
# either run fails; the output ends with the sanitizer run's ctest summary.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" "$root/build" || exit 1
(cd "$root/build" && ctest --output-on-failure -j2)
release=$?
echo "== the same suite under ASan + UBSan"
"$root/scripts/test-sanitizers.sh"
sanitized=$?
[ $release -eq 0 ] && [ $sanitized -eq 0 ]
