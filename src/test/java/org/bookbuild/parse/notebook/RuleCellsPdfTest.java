package org.bookbuild.parse.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 1: notebooks whose markdown cells open with a {@code ---} rule lost every such cell, heading and text,
 * without a word (flexmark took the rule for front matter in each cell). Now front matter is read only at the start of
 * the first cell, and every cell prints.
 */
class RuleCellsPdfTest {
  @TempDir Path dir;

  @Test
  void everyCellStartingWithARulePrints() throws Exception {
    Nb nb = new Nb()
        .markdown("---\ntitle: Front matter of the first cell\n---\n# Energy budget\n\nOpening words.")
        .markdown("---\n## Radiation\n\nAlphaword paragraph under a rule.")
        .markdown("---\n\n## Convection\nBetaword paragraph.\n\n---")
        .markdown("---\n## Comments only\n---\nGammaword after two rules.")
        .markdown("---\nnot: [closed\n\nDeltaword text.");
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "nb.ipynb"),
        "nb.ipynb", nb.json()));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    StringBuilder text = new StringBuilder();
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) text.append(pdf.text(p)).append('\n');
    }
    String all = text.toString();
    for (String w : new String[] {"Energy budget", "Opening words", "Radiation", "Alphaword", "Convection", "Betaword",
        "Comments only", "Gammaword", "Deltaword"}) {
      assertTrue(all.contains(w), w + " is printed: " + all);
    }
    assertFalse(all.contains("Front matter of the first cell"), "the first cell's front matter does not print");
    assertTrue(built.diags().all().stream().noneMatch(d -> d.ruleId().equals("content-dropped")), () -> built.diags().all().toString());
  }
}
