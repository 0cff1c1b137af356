#!/usr/bin/env bash
# veraPDF (test-scope Maven dependency, never shipped with the tool) on built PDFs.
#   scripts/verapdf.sh [--flavour ua1|2a|2u] FILE.pdf ...
# Prints the failed rules of each file (rule clause-test, count, first message and place); exits 1 when any file
# fails a rule. ua1 = PDF/UA-1 (every screen PDF), 2a = PDF/A-2a (an `archive: true` build).
# The real-projects gate calls it on each project's PDF; it reuses target/test-classes when they are there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
if [ ! -f target/test-classes/org/bookbuild/testing/Vera.class ]; then
  mvn -q -B -DskipTests test-compile >&2
fi
cp_file=target/verapdf-classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
fi
abs=()
for a in "$@"; do
  case "$a" in --*|ua1|ua2|1a|1b|2a|2b|2u|3a|3b|3u|4) abs+=("$a") ;; *) abs+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")") ;; esac
done
exec java -Xmx2g -Djava.awt.headless=true -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
  org.bookbuild.testing.Vera "${abs[@]}"
