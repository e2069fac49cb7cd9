#!/usr/bin/env bash
# Start-up (issue 14): where the first run of `derive` spends its time, in one JVM started as the
# launcher starts it (its options and start-up cache): each stage of the first pass against the
# same stage warm, then whole runs of Main.run (chainrule.FirstRunBench in the test tree).
# With REPEAT=N, N fresh JVMs: the median of each figure over them.
# FIRST_RUN_OPTS: more JVM options (e.g. -Xlog:class+init=info:file=/tmp/init.log:uptime).
# Usage: [REPEAT=N] bash scripts/first-run.sh [--main] [SEED] [PASSES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
chainrule_find_jdk 21
mode=()
[[ ${1-} != --main ]] || { mode=(--main); shift; }
seed=${1:-test-cases/seeds/003_mnist_sigmoid_softmax.nn}
passes=${2:-5}
./chainrule derive "$seed" >/dev/null # builds the jar and its start-up cache when missing
bench=src/test/java/chainrule/FirstRunBench.java
[[ target/test-classes/chainrule/FirstRunBench.class -nt $bench ]] || ./mvnw -q -B -ntp -o test-compile
# the cache the launcher starts derive with: its symbolic one where there is one
cache=(target/aot/*.symbolic.aot target/aot/*.aot)
aot=()
for c in "${cache[@]}"; do
  if [[ -s $c ]]; then aot=("-XX:AOTCache=$c"); break; fi
done
run() {
  "$JAVA_HOME/bin/java" -Xss512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning,cds*=off,aot*=off:stderr \
  ${aot[@]+"${aot[@]}"} ${FIRST_RUN_OPTS-} -cp target/chainrule.jar:target/test-classes chainrule.FirstRunBench ${mode[@]+"${mode[@]}"} "$seed" "$passes"
}
repeat=${REPEAT:-1}
if (( repeat == 1 )); then run; exit; fi
# the same table, each number the median over the runs
for ((i = 0; i < repeat; i++)); do run; done | awk -v n="$repeat" '
  function median(key, f,   m, i, j, t, a) {
    m = cnt[key, f]; for (i = 1; i <= m; i++) a[i] = val[key, f, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  /^stage/ { header = $0; next }
  { if (!($1 in seen)) { seen[$1] = 1; order[++rows] = $1 }
    for (f = 2; f <= NF; f++) if ($f ~ /^[0-9.]+$/) { val[$1, f, ++cnt[$1, f]] = $f; last[$1] = f } }
  END {
    print header "   (medians over " n " JVMs)"
    for (r = 1; r <= rows; r++) {
      k = order[r]; printf "%-8s", k
      for (f = 2; f <= last[k]; f++) if (cnt[k, f]) printf " %9.1f", median(k, f)
      print ""
    }
  }'
