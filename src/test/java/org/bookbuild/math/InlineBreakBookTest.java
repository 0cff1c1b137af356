package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.LineStretch;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a paragraph that opens with long inline formulas breaks them after relations and operators instead of
 * stretching its first line ("Solution   to   Exercise   7.2."), and the pieces stay on the baseline.
 */
class InlineBreakBookTest {
  private static final String CHAPTER = """
      # Waiting

      **Solution to Exercise 7.2.** $\\mathbb{E}[W]=\\int_0^\\infty x\\lambda e^{-\\lambda x}\\,\\mathrm{d}x =
      \\left[-xe^{-\\lambda x}\\right]_0^\\infty + \\int_0^\\infty e^{-\\lambda x}\\,\\mathrm{d}x = 0 + 1/\\lambda$.
      In the same way $\\mathbb{E}[W^2]=\\int_0^\\infty x^2\\lambda e^{-\\lambda x}\\,\\mathrm{d}x =
      \\frac{2}{\\lambda}\\,\\mathbb{E}[W] = 2/\\lambda^2$, so the variance is $2/\\lambda^2 - 1/\\lambda^2 = 1/\\lambda^2$
      as stated, and the mean waiting time is the reciprocal of the rate.

      A paragraph that ends with a formula keeps the spaces between its pieces:
      $x^{(k+1)} = x^{(k)} - \\alpha_k \\left[\\nabla^2 f(x^{(k)})\\right]^{-1} \\nabla f(x^{(k)})$
      """;

  private static PipelineBooks.Built build(Path dir, String style) throws Exception {
    Map<String, String> files = new java.util.HashMap<>(Map.of(
        "book.yml", PipelineBooks.bookYml("", "ch.md"), "ch.md", CHAPTER));
    if (style != null) files.put("style.yml", style);
    return PipelineBooks.build(dir, files);
  }

  @Test
  void longFormulasBreakAndNoLineIsUnderfull(@TempDir Path dir) throws Exception {
    PipelineBooks.Built b = build(dir, null);
    assertTrue(b.diags().all().stream().noneMatch(d -> d.ruleId().startsWith("math")), b.diags().all().toString());
    LineStretch.Report r = LineStretch.check(b.pdf());
    assertEquals(0, r.underfull(), r.worst().toString());
    // every full-size relation and operator glyph of the formulas sits on the baseline of a line of text
    List<PdfText.Glyph> gs = PdfText.glyphs(Files.readAllBytes(b.pdf()));
    int checked = 0;
    for (PdfText.Glyph g : gs) {
      if (!g.font().contains("jlm_cmr") || !(g.text().equals("=") || g.text().equals("+")) || g.size() < 9) continue;
      boolean onText = gs.stream().anyMatch(t -> t.font().contains("CMU") && Math.abs(t.y() - g.y()) < 0.3);
      assertTrue(onText, "'" + g.text() + "' at y=" + g.y() + " is on no text baseline");
      checked++;
    }
    assertTrue(checked >= 8, "checked " + checked);
    // after each relation the next glyph on its line starts a thick space (5/18 em, 2.9pt) away, whether the formula
    // was cut there or not, also where nothing but formula pieces follows to the paragraph's end (FOP drops spaces it
    // takes for trailing ones there unless a character follows them)
    for (PdfText.Glyph g : gs) {
      if (!g.font().contains("jlm_cmr") || !g.text().equals("=") || g.size() < 9) continue;
      double gap = gs.stream().filter(t -> t.page() == g.page() && Math.abs(t.y() - g.y()) < 6 && t.x() > g.x() + 0.1
              && !t.text().isBlank() && !t.text().equals("\u200C"))
          .mapToDouble(t -> t.x() - (g.x() + g.w())).min().orElse(99);
      assertTrue(gap > 2.0, "space after '=' at y=" + g.y() + ": " + gap);
    }
    // and the formulas did break: some line ends with a relation or operator piece
    StringBuilder text = new StringBuilder();
    try (org.bookbuild.check.PdfInspector in = org.bookbuild.check.PdfInspector.open(b.pdf())) {
      for (int p = 0; p < in.pageCount(); p++) text.append(in.text(p));
    }
    assertTrue(text.toString().lines().anyMatch(l -> l.strip().endsWith("=") || l.strip().endsWith("+")), text.toString());
  }

  @Test
  void withoutBreaksTheSameParagraphIsUnderfull(@TempDir Path dir) throws Exception {
    PipelineBooks.Built b = build(dir, "roles:\n  math.break: {min-width: \"-1\"}\n");
    LineStretch.Report r = LineStretch.check(b.pdf());
    assertTrue(r.underfull() >= 1, r.line());
  }
}
