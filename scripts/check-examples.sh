#!/usr/bin/env bash
# The main job: set up and build, then check the bundled example project.
# Exits like `asynctype check`: 1 because examples/ holds planted bugs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" "$root/build"
exec "$root/build/asynctype" check "$root/examples"
