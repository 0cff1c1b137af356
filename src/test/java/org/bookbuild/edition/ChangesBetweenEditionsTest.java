package org.bookbuild.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tagged editions in a JGit repository and a change between them: change bars beside exactly the changed
 * paragraphs (found as painted paths in the margin beside those lines' text), the changes section with the right pages,
 * renumbered exercises old → new, a moved paragraph not marked.
 */
class ChangesBetweenEditionsTest {
  static final String BAR = "#1f5fa8";

  static final String V1 = """
      # Vectors

      ## Norms

      Alpha paragraph stays exactly as it was in the first edition of these notes.

      Bravo paragraph says the norm of a vector measures its length in the plane.

      Charlie paragraph will move to the next section without a single change.

      :::{exercise}
      :label: ex-first
      Compute the norm of the vector with entries three and four.
      :::

      :::{exercise}
      :label: ex-second
      Show that the norm is never negative for any vector.
      :::

      ## Angles

      Delta paragraph explains that the cosine of the angle comes from the dot product.
      """;

  static final String V2 = """
      # Vectors

      ## Norms

      Alpha paragraph stays exactly as it was in the first edition of these notes.

      Bravo paragraph says the Euclidean norm of a vector measures its length in the plane and in space.

      :::{exercise}
      :label: ex-new
      Draw the unit circle of the one-norm and of the maximum norm.
      :::

      :::{exercise}
      :label: ex-first
      Compute the norm of the vector with entries three and four.
      :::

      :::{exercise}
      :label: ex-second
      Show that the norm is never negative for any vector.
      :::

      ## Angles

      Delta paragraph explains that the cosine of the angle comes from the dot product.

      Charlie paragraph will move to the next section without a single change.

      Echo paragraph is new in the second edition and talks about orthogonal vectors.
      """;

  static Path dir;
  static Path pdf;

  @BeforeAll
  static void build(@TempDir Path tmp) throws Exception {
    dir = tmp;
    try (GitBooks g = new GitBooks(dir)) {
      g.write(Map.of("book.yml", PipelineBooks.bookYml("solutions: omit\n", "ch1.md"), "ch1.md", V1, ".gitignore", "out/\n"));
      g.commit("spring");
      g.tag("2026-spring");
      g.write("ch1.md", V2);
      g.commit("fall");
      g.tag("2026-fall");
    }
    Diagnostics diags = new Diagnostics();
    pdf = dir.resolve("out/book.pdf");
    Pipeline.Result r = Pipeline.build(new DiskWorld(dir, Map.of()), new Pipeline.Request(pdf, false), diags);
    assertEquals(0, r.status(), () -> diags.all().toString());
  }

  /** Text lines (runs joined by baseline) of a page that lie beside a bar. */
  static List<String> barredText(PdfInspector in, List<Bars.PathBox> bars, int page) throws Exception {
    List<String> out = new ArrayList<>();
    for (PdfInspector.GlyphRun r : in.runs(page)) {
      float mid = r.y() - r.height() / 2;
      for (Bars.PathBox b : bars) {
        if (b.page() == page && mid >= b.top() - 1 && mid <= b.bottom() + 1) {
          out.add(r.text());
          break;
        }
      }
    }
    return out;
  }

  @Test
  void barsBesideExactlyTheChangedParagraphs() throws Exception {
    List<Bars.PathBox> bars = Bars.paths(pdf).stream().filter(b -> b.colour().equals(BAR)).toList();
    assertFalse(bars.isEmpty(), "no change bars drawn");
    try (PdfInspector in = PdfInspector.open(pdf)) {
      String barred = "";
      for (int p = 0; p < in.pageCount(); p++) {
        for (Bars.PathBox b : bars) {
          if (b.page() != p) continue;
          // in the margin: left of the text block or right of it, and thin
          assertTrue(b.x1() - b.x0() < 4, "a bar is a thin vertical line: " + b);
        }
        barred += " " + String.join(" ", barredText(in, bars, p));
      }
      assertTrue(barred.contains("Bravo"), barred);
      assertTrue(barred.contains("Echo"), barred);
      assertTrue(barred.contains("unit circle"), barred);
      assertFalse(barred.contains("Alpha"), "unchanged paragraph barred: " + barred);
      assertFalse(barred.contains("Charlie"), "moved paragraph barred: " + barred);
      assertFalse(barred.contains("Delta"), barred);
      assertFalse(barred.contains("Compute"), "renumbered but unchanged exercise barred: " + barred);
      // bars lie outside the text block
      float textLeft = Float.MAX_VALUE, textRight = 0;
      for (int p = 0; p < in.pageCount(); p++) {
        for (PdfInspector.GlyphRun r : in.runs(p)) {
          if (r.text().startsWith("Bravo")) textLeft = Math.min(textLeft, r.x());
        }
      }
      for (Bars.PathBox b : bars) assertTrue(b.x1() < textLeft || b.x0() > textLeft + 200, "bar in the margin: " + b);
    }
  }

  @Test
  void changesSectionListsSectionsPagesAndRenumbering() throws Exception {
    try (PdfInspector in = PdfInspector.open(pdf)) {
      int changesPage = -1;
      int normsPage = -1;
      int anglesPage = -1;
      for (int p = 0; p < in.pageCount(); p++) {
        String t = in.text(p);
        if (t.contains("Changes in this edition") && changesPage < 0 && t.contains("→")) changesPage = p;
        if (t.contains("Bravo paragraph")) normsPage = p;
        if (t.contains("Echo paragraph")) anglesPage = p;
      }
      assertTrue(changesPage >= 0, "no changes section");
      String t = in.text(changesPage);
      List<String> labels = in.pageLabels();
      assertTrue(t.contains("1.1 Norms, page " + labels.get(normsPage)), t);
      assertTrue(t.contains("1.2 Angles, page " + labels.get(anglesPage)), t);
      assertTrue(t.contains("Exercise 1.1 → Exercise 1.2"), t);
      assertTrue(t.contains("Exercise 1.2 → Exercise 1.3"), t);
      assertTrue(t.contains("2026-spring"), t);
      assertFalse(t.contains("Sections added"), t);
    }
  }

  @Test
  void reviewPrintsDeletionsStruckThroughBesideADashedBar() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("ch1.md"), V2.replace(
        "Delta paragraph explains that the cosine of the angle comes from the dot product.\n\n", ""));
    try {
      Diagnostics diags = new Diagnostics();
      Path out = dir.resolve("out/review.pdf");
      Pipeline.Result r = Pipeline.build(new DiskWorld(dir, Map.of()),
          new Pipeline.Request(out, false, null, new Pipeline.Edition("", null, true, false)), diags);
      assertEquals(0, r.status(), () -> diags.all().toString());
      List<Bars.PathBox> deleted = Bars.paths(out).stream().filter(b -> b.colour().equals("#a33a3a")).toList();
      assertFalse(deleted.isEmpty(), "no bar beside the deleted text");
      try (PdfInspector in = PdfInspector.open(out)) {
        String all = "";
        for (int p = 0; p < in.pageCount(); p++) all += in.text(p);
        assertTrue(all.contains("DEL"), "margin mark");
        assertTrue(all.contains("Delta paragraph"), "deleted text printed for review");
        assertTrue(all.contains("Draft"), "uncommitted change builds as a draft");
        assertTrue(String.join(" ", barredText(in, deleted, pageOf(in, "Delta paragraph"))).contains("Delta"));
      }
    } finally {
      java.nio.file.Files.writeString(dir.resolve("ch1.md"), V2);
    }
  }

  static int pageOf(PdfInspector in, String text) throws Exception {
    for (int p = 0; p < in.pageCount(); p++) if (in.text(p).contains(text)) return p;
    return -1;
  }
}
