package org.bookbuild.fo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.check.PdfInspector.GlyphRun;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bullets and numbers sit on the first baseline of their item, however tall its first line (issue 15): a fraction in
 * the text, a display formula, a code block, a nested list. Measured on the glyphs of the built PDF.
 */
class ListLabelBaselineTest {
  static final String CHAPTER = """
      # Lists

      Some text before the lists.

      - Alpha with $\\dfrac{a^2+b}{c_k^2}$ tall fraction and more words to fill the line so that it wraps onto a second
        line of the item.
      - Beta plain item.

      1. Gamma with $\\dfrac{x}{y^2}$ tall fraction.
      2. Delta plain.

      - $$\\frac{p}{q^2} = \\sum_{i=1}^n x_i$$
      - Epsilon after a display item.

      - ```python
        zeta = 1
        ```
      - Eta plain.

      1. - Theta with $\\dfrac{1}{2}$ nested first.
         - Iota nested second.
      2. Kappa plain.

      Between the lists.

      8. Lambda with a long paragraph whose formula $\\dfrac{u}{v^2}$ is not on the first line because the line is
         filled with many words before it comes, words and words and more words of the item.
      """;

  static List<GlyphRun> runs;

  @BeforeAll
  static void build(@TempDir Path dir) throws Exception {
    var b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "ch.md"), "ch.md", CHAPTER));
    assertTrue(b.diags().all().stream().noneMatch(d -> d.severity() == org.bookbuild.diag.Severity.ERROR),
        b.diags().all().toString());
    try (PdfInspector in = PdfInspector.open(b.pdf())) {
      for (int p = 0; p < in.pageCount(); p++) {
        if (in.text(p).contains("Alpha")) {
          runs = in.runs(p);
          break;
        }
      }
    }
    assertNotNull(runs, "the list page");
  }

  private static GlyphRun word(String text) {
    return runs.stream().filter(r -> r.text().startsWith(text)).findFirst().orElseThrow(() -> new AssertionError(text));
  }

  /** The label run left of {@code w} whose baseline is nearest to it. */
  private static GlyphRun label(GlyphRun w, Predicate<String> what) {
    return runs.stream().filter(r -> what.test(r.text()) && r.right() <= w.x() + 0.5 && Math.abs(r.y() - w.y()) < 40)
        .min((a, b) -> Float.compare(Math.abs(a.y() - w.y()), Math.abs(b.y() - w.y())))
        .orElseThrow(() -> new AssertionError("no label left of " + w));
  }

  private static void onBaseline(GlyphRun label, GlyphRun first) {
    assertEquals(first.y(), label.y(), 0.5f, "label " + label + " on the baseline of " + first);
  }

  @Test
  void tallFractionInTheFirstLine() {
    GlyphRun alpha = word("Alpha");
    GlyphRun gamma = word("Gamma");
    onBaseline(label(alpha, "•"::equals), alpha);
    onBaseline(label(gamma, "1."::equals), gamma);
    // the labels stand where the plain items' labels stand
    assertEquals(label(word("Beta"), "•"::equals).right(), label(alpha, "•"::equals).right(), 0.5f);
    assertEquals(label(word("Delta"), "2."::equals).right(), label(gamma, "1."::equals).right(), 0.5f);
  }

  @Test
  void aFormulaLaterInTheParagraphLeavesTheLabelOnTheFirstLine() {
    GlyphRun lambda = word("Lambda");
    onBaseline(label(lambda, "8."::equals), lambda);
  }

  @Test
  void displayFormulaFirst() {
    // the label on the formula's baseline (the = sign's), as a browser sets it; LaTeX gives it a line of its own
    GlyphRun eq = runs.stream().filter(r -> r.text().contains("=") && r.y() < word("Epsilon").y()
        && r.y() > word("Delta").y()).findFirst().orElseThrow(() -> new AssertionError("= of the display: " + runs));
    GlyphRun bullet = label(eq, "•"::equals);
    onBaseline(bullet, eq);
    assertEquals(label(word("Epsilon"), "•"::equals).right(), bullet.right(), 0.5f);
  }

  @Test
  void codeBlockFirst() {
    GlyphRun zeta = word("zeta");
    GlyphRun bullet = label(zeta, "•"::equals);
    onBaseline(bullet, zeta);
    assertEquals(label(word("Eta"), "•"::equals).right(), bullet.right(), 0.5f, "the code's padding does not move it");
    assertTrue(bullet.font().contains("Serif"), "in the text's font, not the code's: " + bullet.font());
  }

  @Test
  void nestedListFirst() {
    GlyphRun theta = word("Theta");
    GlyphRun inner = label(theta, "\u2013"::equals);
    onBaseline(inner, theta);
    GlyphRun outer = label(theta, "1."::equals);
    onBaseline(outer, theta);
    assertEquals(label(word("Kappa"), "2."::equals).right(), outer.right(), 0.5f);
    assertEquals(label(word("Iota"), "\u2013"::equals).right(), inner.right(), 0.5f);
  }
}
