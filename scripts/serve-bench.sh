#!/usr/bin/env bash
# The serve bench (not a test): throughput and p50/p95/p99 latency of the web API with 25 clients
# at once, every answer compared with the one it must be. Usage: bash scripts/serve-bench.sh [REQUESTS] [CLIENTS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec bash scripts/run-test-class.sh chainrule.serve.ServeBench "$@"
