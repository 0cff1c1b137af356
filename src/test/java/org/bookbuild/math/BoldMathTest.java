package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: math in a bold heading (or bold text) is set bold, as LaTeX's \boldmath sets it in headings. */
class BoldMathTest {
  @Test
  void mathInBoldHeadingsAndStrongTextIsBoldElsewhereNot(@TempDir Path dir) throws Exception {
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "ch.md"), "ch.md", """
        # Norms

        ## The norm $v$ of a vector

        The plain $w$ in running text, and **a strong $u$** in bold text.
        """));
    List<PdfText.Glyph> gs = PdfText.glyphs(Files.readAllBytes(b.pdf()));
    // the heading's v is bold (its entry in the contents is not: contents lines are set in regular weight)
    assertTrue(fonts(gs, "v").stream().anyMatch(f -> f.contains("jlm_cmmib")), "heading math: " + fonts(gs, "v"));
    assertTrue(fonts(gs, "u").stream().allMatch(f -> f.contains("jlm_cmmib")), "math in strong text: " + fonts(gs, "u"));
    assertTrue(fonts(gs, "w").stream().noneMatch(f -> f.contains("jlm_cmmib")) && !fonts(gs, "w").isEmpty(),
        "running text math: " + fonts(gs, "w"));
  }

  private static List<String> fonts(List<PdfText.Glyph> gs, String letter) {
    return gs.stream().filter(g -> g.text().equals(letter) && g.font().contains("jlm")).map(PdfText.Glyph::font).toList();
  }
}
