#!/usr/bin/env bash
# LSP transcript test (`asynctype server`): see tests/server/lsp_protocol.py.
# Usage: lsp_protocol.sh ASYNCTYPE SOURCE_DIR
set -eu
exec python3 "$2/tests/server/lsp_protocol.py" "$1"
