#!/usr/bin/env bash
# The Hessian-vector product bench (not a test): hessian(L, W0)*v of a residual tanh network with
# 10 x 10 layers, derived and evaluated warm, with its printed size, at depths 25, 50 and 100.
# Usage: bash scripts/hvp-bench.sh [depths...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec bash scripts/run-test-class.sh chainrule.HvpBench "$@"
