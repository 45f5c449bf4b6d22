#!/usr/bin/env bash
# LSP soak test (`asynctype server`): 3,000 edits at 100 per second; see tests/server/lsp_soak.py.
# Usage: lsp_soak.sh ASYNCTYPE SOURCE_DIR
set -eu
exec python3 "$2/tests/server/lsp_soak.py" "$1"
