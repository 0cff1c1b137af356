#!/usr/bin/env bash
# Inline math speed (issue 4: >= 3000 inline formulas per second, warm). Prints formulas per second for the math stage
# alone and for the full FOP render of a document holding them.   bench/math.sh [FORMULAS]   (default 3000)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
java -Xmx1g -Djava.awt.headless=true -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  org.bookbuild.math.MathBench "${1:-3000}"
