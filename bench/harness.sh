# Sourced by bench scripts that run a Java harness of bench/harness/ against the tool's classes in one JVM:
#   . "$here/bench/harness.sh"; harness_run NAME [JVM OPTIONS…] ARGS…
# builds the tool (mvn package) and its classpath once, compiles bench/harness/NAME.java into target/bench-classes and
# runs it. JVM options come first and start with "-".
(cd "$here" && mvn -q -B -DskipTests package >/dev/null 2>&1 && mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null 2>&1) || { echo "$(basename "$0"): could not build the tool" >&2; exit 2; }
harness_cp="$here/target/classes:$(cat "$here/target/bench-cp.txt")"
mkdir -p "$here/target/bench-classes"

harness_run() {
  local name="$1"; shift
  local opts=()
  while [ $# -gt 0 ] && [ "${1#-}" != "$1" ]; do opts+=("$1"); shift; done
  javac -cp "$harness_cp" -d "$here/target/bench-classes" "$here/bench/harness/$name.java"
  java "${opts[@]}" -cp "$here/target/bench-classes:$harness_cp" "$name" "$@"
}
