#!/usr/bin/env bash
# The code generation bench (not a test): the generated NumPy gradients of seed 003 at full size
# (784-100-10) with a batch of 256 rows, time per call against torch.autograd's backward of the
# same forward on the CPU, measured side by side in one run.
# Usage: bash scripts/codegen-bench.sh [BATCH] [ROUNDS]   (needs python3-numpy and python3-torch)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python=${CHAINRULE_PYTHON:-/usr/bin/python3}
"$python" -c 'import numpy, torch' 2>/dev/null || python=python3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./chainrule codegen scripts/codegen-bench/mnist_batch.nn --target numpy -o "$out/mnist_numpy.py" >/dev/null
./chainrule codegen scripts/codegen-bench/mnist_batch.nn --target torch -o "$out/mnist_torch.py" >/dev/null
exec "$python" scripts/codegen-bench/bench.py "$out/mnist_numpy.py" "$out/mnist_torch.py" "$@"
