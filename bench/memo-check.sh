#!/usr/bin/env bash
# Checks that `book watch` keeps nothing it should not: on a copy of PROJECT_DIR, EDITS random edits to its pages (a
# word added to a prose line, a labelled heading inserted, a reference to the last label added), each followed by a
# build with the memos a watch keeps (parsed pages, transforms' chapter turns, chapters' FO) and one without; prints
# each edit after which the two differ in FO text or diagnostics, and exits 1 if any did. SEED picks the edits.
#   bench/memo-check.sh PROJECT_DIR [EDITS] [SEED]      (defaults: 10 edits, seed 1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { sed -n '2,6p' "$0" >&2; exit 2; }
copy="$(mktemp -d)/project"
cp -r "$1" "$copy"
(cd "$here" && mvn -q -B -DskipTests package >/dev/null 2>&1 && mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null 2>&1) || { echo "memo-check.sh: could not build the tool" >&2; exit 2; }
cp="$here/target/classes:$(cat "$here/target/bench-cp.txt")"
src="$here/target/bench-src"
mkdir -p "$src" "$here/target/bench-classes"
cat > "$src/MemoCheck.java" <<'JAVA'
import java.nio.file.*;
import java.util.*;
import org.bookbuild.diag.*;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.*;

public class MemoCheck {
  record Built(String fo, List<String> diags) {}
  static Built build(Path dir, Resident r) throws Exception {
    Diagnostics d = new Diagnostics();
    Pipeline.FoResult f = Pipeline.fo(DiskWorld.of(dir), d, Pipeline.Edition.BASE, r);
    return new Built(f == null || f.fo() == null ? "" : f.fo().fo(), d.all().stream().map(Diagnostic::format).toList());
  }
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    int edits = Integer.parseInt(a[1]);
    Random rnd = new Random(Long.parseLong(a[2]));
    List<Path> pages = new ArrayList<>();
    try (var s = Files.walk(dir)) { s.filter(p -> (p.toString().endsWith(".md") || p.toString().endsWith(".ipynb")) && !p.toString().contains("/_build/") && !p.toString().contains("/out/")).forEach(pages::add); }
    Collections.sort(pages);
    Resident res = Resident.fresh();
    int bad = 0;
    for (int i = 0; i <= edits; i++) {
      String what = "initial";
      if (i > 0) {
        Path p = pages.get(rnd.nextInt(pages.size()));
        List<String> lines = new ArrayList<>(Files.readAllLines(p));
        int tries = 0;
        while (tries++ < 50) {
          int k = rnd.nextInt(Math.max(1, lines.size()));
          if (lines.isEmpty()) break;
          String l = lines.get(k);
          if (p.toString().endsWith(".ipynb")) {
            if (!l.matches("\\s*\"[A-Za-z][^\"\\\\`$]*\\\\n\",?")) continue;
            int kind = rnd.nextInt(3);
            String ind = l.substring(0, l.indexOf('"'));
            if (kind == 0) lines.set(k, l.replace("\\n\"", " Edited" + i + ".\\n\""));
            else if (kind == 1) lines.set(k, ind + "\"(lbl-edit-" + i + ")=\\n\",\n" + ind + "\"# Heading " + i + "\\n\",\n" + ind + "\"\\n\",\n" + l);
            else lines.set(k, l.replace("\\n\"", " See {ref}`lbl-edit-" + (i - 1) + "`.\\n\""));
            what = p + ":" + (k + 1) + " kind " + kind;
            break;
          }
          if (l.matches("[A-Za-z].*[a-z ].*") && !l.contains("`") && !l.contains("$")) {
            int kind = rnd.nextInt(3);
            if (kind == 0) lines.set(k, l + " Edited" + i + ".");
            else if (kind == 1) lines.set(k, "(lbl-edit-" + i + ")=\n# Heading " + i + "\n\n" + l);
            else lines.set(k, l + " See {ref}`lbl-edit-" + (i - 1) + "`.");
            what = p + ":" + (k + 1) + " kind " + kind;
            break;
          }
        }
        Files.write(p, lines);
      }
      Built m = build(dir, res);
      Built plain = build(dir, null);
      boolean ok = m.equals(plain);
      if (!ok) {
        bad++;
        System.out.println("DIFF after " + what + ": fo " + m.fo().equals(plain.fo()) + " diags " + m.diags().equals(plain.diags()));
        if (!m.diags().equals(plain.diags())) {
          Set<String> x = new LinkedHashSet<>(m.diags()); x.removeAll(plain.diags());
          Set<String> y = new LinkedHashSet<>(plain.diags()); y.removeAll(m.diags());
          System.out.println("  memo only: " + x.stream().limit(3).toList() + "\n  plain only: " + y.stream().limit(3).toList());
        }
        if (!m.fo().equals(plain.fo())) {
          int j = 0; while (j < Math.min(m.fo().length(), plain.fo().length()) && m.fo().charAt(j) == plain.fo().charAt(j)) j++;
          System.out.println("  memo:  " + m.fo().substring(Math.max(0, j - 150), Math.min(m.fo().length(), j + 150)).replace('\n', ' '));
          System.out.println("  plain: " + plain.fo().substring(Math.max(0, j - 150), Math.min(plain.fo().length(), j + 150)).replace('\n', ' '));
        }
      }
    }
    System.out.println(dir + ": " + edits + " edits, " + bad + " differing builds; memo kept " + res.transforms().kept() + ", done " + res.transforms().done());
    if (bad > 0) System.exit(1);
  }
}
JAVA
javac -cp "$cp" -d "$here/target/bench-classes" "$src/MemoCheck.java"
java -Xss8m -Djava.awt.headless=true -cp "$here/target/bench-classes:$cp" MemoCheck "$copy" "${2:-10}" "${3:-1}" 2>&1 | grep -v '^book:'
