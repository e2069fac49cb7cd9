#!/usr/bin/env bash
# Per-test-case timing, before against after (issue 8: "no test case got slower by more than 20%").
# Not a test: a long command that prints figures.
#
#   bash scripts/case-times.sh [--rounds N] [--warmup N] [--recheck N] [--base COMMIT] [CASE...]
#
# "Before" is the jar of COMMIT (default e1345a5, the last commit before issue 8), built once in a
# temporary git worktree and cached as target/case-times/before-COMMIT.jar; "after" is this
# worktree's target/chainrule.jar (rebuilt by the launcher when sources changed). For every test
# case (test-cases/**/*.nn and *.tex, or the CASEs given) it times the everyday request,
# `chainrule FILE` (every derive with its numeric check, every claim), in-process and warm: one
# JVM per version (scripts/case-times/CaseDriver.java calls the command line's Main.run, output
# discarded), a warm-up over all cases, then rounds in which each case runs once in each JVM, the
# two taking turns to go first; the median per case is compared. Cases slower by more than 20%
# are measured again (--recheck more rounds) before they are listed. Cases the old version
# refuses (exit 2: new syntax) are listed as skipped. See scripts/case-times.py for the options.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
chainrule_find_jdk 21
unset CHAINRULE_JAVA_OPTS

base=e1345a5
args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --base) base=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
base=$(git rev-parse --short=7 "$base^{commit}")

dir=target/case-times
mkdir -p "$dir"
before=$dir/before-$base.jar
if [[ ! -s $before ]]; then
  tree=$(mktemp -d "${TMPDIR:-/tmp}/chainrule-base-$base.XXXXXX")
  rmdir "$tree"
  printf 'case-times: building the jar of %s in %s (once; cached as %s) ...\n' "$base" "$tree" "$before" >&2
  git worktree add --detach "$tree" "$base" >/dev/null 2>&1
  rc=0
  (cd "$tree" && ./mvnw -B -ntp -q -DskipTests package) >"$dir/before-build.log" 2>&1 || rc=$?
  if (( rc == 0 )) && [[ -s $tree/target/chainrule.jar ]]; then cp "$tree/target/chainrule.jar" "$before.tmp" && mv "$before.tmp" "$before"; fi
  git worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"
  git worktree prune
  if [[ ! -s $before ]]; then
    cat "$dir/before-build.log" >&2
    printf 'case-times: the build of %s failed (exit %s); its log is above\n' "$base" "$rc" >&2
    exit 2
  fi
fi

# the jar of this worktree, built when stale, then copied so that a build during the run cannot touch it
CHAINRULE_AOT=0 ./chainrule --version >/dev/null
after=$dir/after.jar
cp target/chainrule.jar "$after"

exec python3 scripts/case-times.py --java "$JAVA_HOME/bin/java" --before "$before" --after "$after" \
  --before-name "$base" --after-name "$(git rev-parse --short=7 HEAD)$(git diff --quiet HEAD -- src pom.xml grammar || echo +changes)" \
  ${args[@]+"${args[@]}"}
