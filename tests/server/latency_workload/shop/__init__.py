"""A small package for tests/cli/lsp_latency_file.sh: bench/lsp_latency.py --file measures the
language server on shop/orders.py, whose imports resolve from this folder."""
