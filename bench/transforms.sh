#!/usr/bin/env bash
# Times what `book watch` redoes before the render for every edit, warm: parse (from the page memo), the transforms
# (from the transform memo) and the FO (from the chapter memo), RUNS times in one JVM, each run after a paragraph was
# added to EDIT (a page of the project; default chapters/03-projections.md when the project has it, else no edit), and
# prints the median of the second half per stage (thread CPU, ms; transforms of 3 ms or more by name). For work on
# what the watch's preview waits for: a machine's load moves these far less than it moves a whole watch edit.
#   [EDIT=page] bench/transforms.sh [PROJECT_DIR] [RUNS]  (default: a ~300-page book made by bench/genbook.py, 40 runs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${2:-40}"
project="${1:-}"
if [ -z "$project" ]; then
  project="$(mktemp -d)/gen300"
  python3 "$here/bench/genbook.py" "$here" "$project" 3 >/dev/null
fi
(cd "$here" && mvn -q -B -DskipTests package >/dev/null 2>&1 && mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null 2>&1) || { echo "transforms.sh: could not build the tool" >&2; exit 2; }
cp="$here/target/classes:$(cat "$here/target/bench-cp.txt")"
src="$here/target/bench-src"
mkdir -p "$src" "$here/target/bench-classes"
cat > "$src/TransformsBench.java" <<'JAVA'
import java.util.*;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.pipeline.Resident;

public class TransformsBench {
  public static void main(String[] a) throws Exception {
    java.nio.file.Path root = java.nio.file.Path.of(a[0]);
    Resident resident = Resident.fresh();
    int n = Integer.parseInt(a[1]);
    java.nio.file.Path edit = a.length > 2 && !a[2].isEmpty() ? java.nio.file.Path.of(a[0]).resolve(a[2]) : null;
    Map<String, List<Long>> stages = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (edit != null) java.nio.file.Files.writeString(edit, "\n\nA paragraph added by run " + i + ".\n",
          java.nio.file.StandardOpenOption.APPEND);
      // a world per build, as book watch makes one (a world keeps the fingerprints of files for its build)
      Pipeline.FoResult r = Pipeline.fo(DiskWorld.of(root), new Diagnostics(), Pipeline.Edition.BASE, resident);
      if (i < n / 2) continue;
      for (var e : r.timings().entries()) {
        stages.computeIfAbsent(e.stage(), k -> new ArrayList<>()).add(e.cpuMs() > 0 ? e.cpuMs() : e.ms());
      }
    }
    StringBuilder out = new StringBuilder();
    for (var e : stages.entrySet()) {
      List<Long> v = e.getValue();
      Collections.sort(v);
      long median = v.get(v.size() / 2);
      if (!e.getKey().startsWith("transform.") || median >= 3) out.append(e.getKey()).append(' ').append(median).append("  ");
    }
    System.out.println(out.toString().trim());
  }
}
JAVA
javac -cp "$cp" -d "$here/target/bench-classes" "$src/TransformsBench.java"
edit="${EDIT-}"
if [ -z "${EDIT+set}" ] && [ -f "$project/chapters/03-projections.md" ]; then edit=chapters/03-projections.md; fi
echo "transforms.sh: $project, $runs runs${edit:+, a paragraph added to $edit before each}" >&2
java -XX:+UseG1GC -Xss8m -Djava.awt.headless=true -cp "$here/target/bench-classes:$cp" TransformsBench "$project" "$runs" "$edit"
