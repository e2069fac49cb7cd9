#!/usr/bin/env bash
# The depth bench (not a test): derive time and output size of plain, residual and densely
# connected tanh networks of depth 10, 100 and 1,000, of nested tanh, exp and softmax, of a
# product of softmaxes, and of second derivatives. Usage: bash scripts/bench.sh [depths...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec bash scripts/run-test-class.sh chainrule.DepthBench "$@"
