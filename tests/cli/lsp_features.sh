#!/usr/bin/env bash
# LSP transcript test (`asynctype server`): see tests/server/lsp_features.py.
# Usage: lsp_features.sh ASYNCTYPE SOURCE_DIR
set -eu
exec python3 "$2/tests/server/lsp_features.py" "$1"
