#!/usr/bin/env bash
# Installs what a fresh Debian machine is missing, then configures and builds asynctype (-j2).
# Usage: scripts/setup.sh [BUILD_DIR]   (default: build). Extra CMake flags via $CMAKE_FLAGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}

# Tools are looked up as commands (they may come from elsewhere than apt, e.g. node/npm);
# libraries as Debian packages.
tools=(cmake:cmake g++:g++ make:make pkg-config:pkg-config npm:npm openssl:openssl nvim:neovim)
libraries=(llvm-14-dev libtree-sitter-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev
           libgtest-dev googletest)
missing=()
for entry in "${tools[@]}"; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry##*:}")
done
for p in "${libraries[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

"$root/scripts/fetch-grammar.sh" "$build/_deps/tree-sitter-python"
"$root/scripts/fetch-typeshed.sh" "$build/_deps/typeshed"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} ${CMAKE_FLAGS:-} >/dev/null
cmake --build "$build" -j2
