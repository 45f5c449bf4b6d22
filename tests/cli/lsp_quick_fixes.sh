#!/usr/bin/env bash
# LSP transcript test (`asynctype server`): see tests/server/lsp_quick_fixes.py.
# Usage: lsp_quick_fixes.sh ASYNCTYPE SOURCE_DIR
set -eu
exec python3 "$2/tests/server/lsp_quick_fixes.py" "$1"
