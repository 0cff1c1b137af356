package org.bookbuild.press;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, acceptance 1 (gutter): a generated book whose page count crosses a threshold of the press's gutter table
 * (test data: {@code press/threshold-press.yml}, threshold at 8 pages) is laid out again with the wider gutter, and
 * its text block sits where the final count's gutter puts it. The press comes from {@code press:} in book.yml.
 */
class PressThresholdTest {
  static final String[] WORDS = ("gradient vector matrix column estimate sample error model basis span norm "
      + "projection residual variance mean loss step rate descent line plane angle length inner product fit data")
      .split(" ");

  /** Deterministic prose: {@code n} paragraphs of varied sentences. */
  static String prose(int n, int seed) {
    StringBuilder sb = new StringBuilder();
    long x = seed;
    for (int p = 0; p < n; p++) {
      for (int s = 0; s < 6; s++) {
        int len = 9 + (int) (x % 7);
        for (int w = 0; w < len; w++) {
          x = (x * 6364136223846793005L + 1442695040888963407L) & Long.MAX_VALUE;
          String word = WORDS[(int) ((x >>> 33) % WORDS.length)];
          sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(w == len - 1 ? ". " : " ");
        }
      }
      sb.append("\n\n");
    }
    return sb.toString();
  }

  @Test
  void crossingAThresholdLaysTheBookOutAgainWithTheWiderGutter(@TempDir Path dir) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/press/threshold-press.yml")) {
      Files.createDirectories(dir.resolve("styles"));
      Files.write(dir.resolve("styles/press.yml"), in.readAllBytes());
    }
    Files.writeString(dir.resolve("book.yml"), PipelineBooks.bookYml("press: step   # the default press of this project\n", "a.md", "b.md"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("a.md"), "# First\n\n" + prose(14, 1), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b.md"), "# Second\n\n" + prose(14, 2), StandardCharsets.UTF_8);
    Diagnostics d = new Diagnostics();
    Path out = dir.resolve("out/book.pdf");
    Pipeline.Result r = Pipeline.build(new DiskWorld(dir, Map.of("SOURCE_DATE_EPOCH", "1767225600")),
        new Pipeline.Request(out, false), d);   // press from book.yml
    assertNotNull(r.pdf(), () -> d.all().toString());
    assertFalse(d.byRule("press-relayout").isEmpty(), () -> "laid out again: " + d.all());
    assertTrue(d.byRule("press-gutter").isEmpty(), () -> d.all().toString());
    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      assertTrue(doc.getNumberOfPages() > 8, "the book crosses the threshold: " + doc.getNumberOfPages());
      double[] edge = PressBookTest.innerEdges(doc);
      double inner = (0.75 + 1.25) * 72;
      assertEquals(inner, edge[0], 1.0, "recto text starts at margin-inner + the wide gutter");
      assertEquals(7 * 72 - inner, edge[1], 1.0, "verso text ends at margin-inner + the wide gutter");
    }
  }
}
