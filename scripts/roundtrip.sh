#!/usr/bin/env bash
# The long run of the round-trip property tests (not a test): random expressions printed and
# read back, then random networks derived, checked against finite differences and read back.
# Usage: bash scripts/roundtrip.sh [EXPRESSIONS (100000)] [NETWORKS (10000)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec bash scripts/run-test-class.sh -Xss16m chainrule.LongRun "${1:-100000}" "${2:-10000}"
