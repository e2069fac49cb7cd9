#!/usr/bin/env bash
# The depth bench (not a test): derive time and output size of plain, residual and densely
# connected tanh networks of depth 10, 100 and 1,000. Usage: bash scripts/bench.sh [depths...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
chainrule_find_jdk 21
./mvnw -q -B -ntp test-compile
cp=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$cp" chainrule.DepthBench "$@"
