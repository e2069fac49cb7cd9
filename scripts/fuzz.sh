#!/usr/bin/env bash
# Fuzzes the whole pipeline (source text -> parse -> shapes -> derive -> simplify -> render ->
# check and claims) with Jazzer for DURATION (default 1h): bash scripts/fuzz.sh [DURATION]
# A finding stops the run; its input is written to
# src/test/resources/chainrule/fuzz/PipelineFuzzTestInputs/pipeline/crash-<sha1>, where the
# regression run of every build (./mvnw verify) then replays it: fix it and keep the file
# (renamed to say what it found). Inputs that reach new code are kept in .cifuzz-corpus/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration=${1:-1h}
JAZZER_FUZZ=1 exec ./mvnw -B -ntp test -Dtest=PipelineFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.max_duration="$duration" -Djazzer.hooks=true
