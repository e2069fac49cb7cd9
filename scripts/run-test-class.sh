#!/usr/bin/env bash
# Runs a class of the test tree (a bench or a long run, not a test) on a JDK 21+, after compiling:
# bash scripts/run-test-class.sh [JAVA_OPTION...] CLASS [ARGS...]
# The classes are run from a copy, so that a build while it runs does not pull them from under it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/test-classpath.sh
. scripts/test-classpath.sh
opts=()
while [[ $# -gt 0 && $1 == -* ]]; do opts+=("$1"); shift; done
"$JAVA_HOME/bin/java" ${opts[@]+"${opts[@]}"} -cp "$classpath" "$@"
