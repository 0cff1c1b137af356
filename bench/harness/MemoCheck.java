// bench/memo-check.sh: random edits to a copy of a project, each built with book watch's memos and without, compared.
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
