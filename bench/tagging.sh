#!/usr/bin/env bash
# What tagging costs (issue 15): one warm JVM builds a project alternately untagged and as the tagged PDF/UA-1 screen
# PDF (layout cache off), and prints the median build time and PDF size of each.
#   bench/tagging.sh [PROJECT] [RUNS]      (default: the sample book, 3 runs each)
# The project is copied to a temporary folder first (its out/ is written there, never into the project).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
src="$(cd "${1:-.}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/p"
(cd "$src" && tar --exclude=./out --exclude=./_build --exclude=./target --exclude=./.git --exclude=./src -cf - .) | (cd "$work/p" && tar xf -)
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
java -Xmx2g -Djava.awt.headless=true -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  org.bookbuild.a11y.TaggingBench "$work/p" "${2:-3}"
