#!/usr/bin/env bash
# The long run of the round-trip property tests (not a test): random expressions printed and
# read back, then random networks derived, checked against finite differences and read back.
# Usage: bash scripts/roundtrip.sh [EXPRESSIONS (100000)] [NETWORKS (10000)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
chainrule_find_jdk 21
./mvnw -q -B -ntp test-compile
cp=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
# a copy of the classes, so that a build while this runs does not pull them from under it
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
cp -r target/classes target/test-classes "$classes"/
"$JAVA_HOME/bin/java" -Xss16m -cp "$classes/classes:$classes/test-classes:$cp" chainrule.LongRun "${1:-100000}" "${2:-10000}"
