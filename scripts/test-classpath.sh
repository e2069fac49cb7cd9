# Sourced by the scripts that run a class of the test tree (a bench or a long run): finds a JDK
# 21+, compiles, and sets $classpath to a copy of the classes (so that a build while they run
# does not pull them from under it) and the dependencies; the copy goes when the script exits.
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
chainrule_find_jdk 21
./mvnw -q -B -ntp test-compile
deps=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
cp -r target/classes target/test-classes "$classes"/
classpath=$classes/classes:$classes/test-classes:$deps
