#!/usr/bin/env bash
# LSP transcript test (`asynctype server`): see tests/server/lsp_incremental.py.
# Usage: lsp_incremental.sh ASYNCTYPE SOURCE_DIR
set -eu
exec python3 "$2/tests/server/lsp_incremental.py" "$1"
