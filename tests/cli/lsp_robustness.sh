#!/usr/bin/env bash
# LSP transcript test (`asynctype server`): see tests/server/lsp_robustness.py.
# Usage: lsp_robustness.sh ASYNCTYPE SOURCE_DIR
set -eu
exec python3 "$2/tests/server/lsp_robustness.py" "$1"
