#!/usr/bin/env bash
# Start-up (issue 14): './chainrule derive <seed>' as a whole process, launcher included, against
# the bare JVM's 'java -version' (the same JDK), measured side by side in one run: the two
# alternate, RUNS times each (default 20), after one warm-up run of each (which builds the jar
# and the start-up cache when they are missing). Prints each median and the ratio, and exits 1 when
# the ratio is above the goal of 3 (a machine busy with other work slows the two unequally: measure
# idle). Not part of the tests, which time nothing. Usage: bash scripts/startup.sh [RUNS] [SEED]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-20}
seed=${2:-test-cases/seeds/003_mnist_sigmoid_softmax.nn}
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
chainrule_find_jdk 21
java=$JAVA_HOME/bin/java

# Milliseconds (with a fraction) one run of the command takes, its output discarded.
elapsed() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 </dev/null || { printf 'startup.sh: failed: %s\n' "$*" >&2; exit 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.1f\n", ns / 1e6 }'
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

elapsed ./chainrule derive "$seed" >/dev/null # warm-up: builds the jar and the start-up cache if needed
elapsed "$java" -version >/dev/null
bare=() ours=()
for ((i = 0; i < runs; i++)); do
  bare+=("$(elapsed "$java" -version)")
  ours+=("$(elapsed ./chainrule derive "$seed")")
done
b=$(printf '%s\n' "${bare[@]}" | median)
o=$(printf '%s\n' "${ours[@]}" | median)
printf 'JDK: %s\n' "$JAVA_HOME"
printf 'java -version:                 median %s ms over %d runs\n' "$b" "$runs"
printf './chainrule derive %s: median %s ms over %d runs\n' "${seed##*/}" "$o" "$runs"
awk -v o="$o" -v b="$b" 'BEGIN { r = o / b; printf "ratio: %.2f (goal: at most 3)\n", r; exit (r > 3) }'
