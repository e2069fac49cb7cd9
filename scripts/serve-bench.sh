#!/usr/bin/env bash
# The serve bench (not a test): throughput and p50/p95/p99 latency of the web API with 25 clients
# at once, every answer compared with the one it must be. Usage: bash scripts/serve-bench.sh [REQUESTS] [CLIENTS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
chainrule_find_jdk 21
./mvnw -q -B -ntp test-compile
cp=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$cp" chainrule.serve.ServeBench "$@"
