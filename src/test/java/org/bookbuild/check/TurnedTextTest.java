package org.bookbuild.check;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Glyph runs set at an angle (a figure's vertical axis label) are placed where they are on the page. */
class TurnedTextTest {
  @TempDir Path dir;

  @Test
  void aVerticalAxisLabelSitsLeftOfItsTickLabelsAndBesideThePlot() throws Exception {
    String spec = "x: {label: horizontalword, range: [0, 10]}\ny: {label: verticalword, range: [0, 10]}\n"
        + "plots:\n  - function: x\n";
    String md = "# Figures\n\n:::{figure} figures/f.yml\n:name: fig-f\n\nA line.\n:::\n";
    var b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "ch.md"), "ch.md", md,
        "figures/f.yml", spec));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    try (PdfInspector pdf = PdfInspector.open(b.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) {
        List<PdfInspector.GlyphRun> runs = pdf.runs(p);
        var h = runs.stream().filter(r -> r.text().equals("horizontalword")).findFirst();
        if (h.isEmpty()) continue;
        // the y-axis tick labels: digits right-aligned in one column, left of the plot
        List<PdfInspector.GlyphRun> ticks = runs.stream()
            .filter(r -> r.text().matches("[0-9]+") && r.size() < h.get().size())
            .filter(r -> r.x() < h.get().x() - 60 && r.y() < h.get().y() - 15).toList();
        assertFalse(ticks.isEmpty(), "y tick labels found: " + runs);
        float tickLeft = (float) ticks.stream().mapToDouble(PdfInspector.GlyphRun::x).min().orElseThrow();
        float plotTop = (float) ticks.stream().mapToDouble(r -> r.y() - r.height()).min().orElseThrow();
        float plotBottom = (float) ticks.stream().mapToDouble(PdfInspector.GlyphRun::y).max().orElseThrow();
        List<PdfInspector.GlyphRun> label = runs.stream()
            .filter(r -> !r.text().matches("[0-9]+") && r.right() < tickLeft + 2 && r.y() > plotTop - 30).toList();
        assertEquals("verticalword", String.join("", label.stream().map(PdfInspector.GlyphRun::text).toList()),
            "the turned label's pieces, left of the tick labels: " + label);
        for (PdfInspector.GlyphRun r : label) {
          assertTrue(r.x() > 0 && r.y() - r.height() >= plotTop - 2 && r.y() <= plotBottom + 2,
              "piece '" + r.text() + "' beside the plot, between y " + plotTop + " and " + plotBottom + ": " + r);
        }
        return;
      }
      fail("no page shows the figure");
    }
  }
}
