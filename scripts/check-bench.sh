#!/usr/bin/env bash
# The numeric check of a large variable against one evaluation of its answer (chainrule.CheckBench):
# bash scripts/check-bench.sh [N ...]     (X : N x N, L = sum(tanh(X)); default 3000 4096)
# For each N: the CPU time of both in one process, side by side; the peak memory (RSS) of a
# process that only evaluates the answer against one that only checks it; and whether the check
# runs in a heap of 4 times the values. The JVM runs as ./chainrule runs it (serial GC, C1 only);
# CHAINRULE_BENCH_OPTS replaces those options. `uptime` is printed with every figure: the machine
# may be shared.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/test-classpath.sh
. scripts/test-classpath.sh
read -r -a opts <<<"${CHAINRULE_BENCH_OPTS:--Xss512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
run() { "$JAVA_HOME/bin/java" "${opts[@]}" -cp "$classpath" chainrule.CheckBench "$@"; }
rss() { # rss N MODE [JVM_OPTION...]: the bench's line, then "peak RSS MB"; fails where the bench does
  local out err
  out=$(mktemp) err=$(mktemp)
  if ! /usr/bin/time -o "$err" -f '%M' "$JAVA_HOME/bin/java" "${opts[@]}" "${@:3}" \
      -cp "$classpath" chainrule.CheckBench "$1" "$2" >"$out" 2>&1; then
    tail -n 3 "$out"; rm -f "$out" "$err"; return 1
  fi
  cat "$out"
  awk '{ printf "%.0f\n", $1 / 1024 }' "$err"
  rm -f "$out" "$err"
}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(3000 4096)
for n in "${sizes[@]}"; do
  values=$(( 8 * n * n / 1000000 ))
  echo "== $n x $n: $(uptime)"
  run "$n" both
  a=$(rss "$n" answer) && c=$(rss "$n" check) || { echo "$a${c-}"; exit 1; }
  echo "${a%$'\n'*}"; echo "${c%$'\n'*}"
  awk -v a="${a##*$'\n'}" -v c="${c##*$'\n'}" -v v="$values" 'BEGIN {
    printf "peak RSS: answer once %d MB, check %d MB = %.2fx the answer, %.1fx the %d MB of X\n", a, c, c / a, c / v, v }'
  heap=$(( 4 * values ))
  if small=$(rss "$n" check "-Xmx${heap}m"); then
    echo "in a heap of ${heap} MB (4x the values): ${small%$'\n'*}, peak RSS ${small##*$'\n'} MB"
  else
    echo "in a heap of ${heap} MB (4x the values): the check FAILS: $small"
  fi
  echo "   $(uptime)"
done
