package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Letters outside jlatexmath's own fonts inside math (accented text, Greek in \text) still come out as embedded text. */
class UnicodeTextInMathTest {
  @Test
  void accentedTextInsideMath() throws Exception {
    MathContext ctx = new MathContext(Map.of(), new Diagnostics(), null);
    String flow = "<fo:block>A " + MathFoTest.inl(ctx, "\\text{naïve café } x") + " B " + MathFoTest.inl(ctx, "\\text{α} + α") + "</fo:block>";
    FopHarness h = new FopHarness();
    byte[] pdf = h.render(FopHarness.page(flow));
    assertTrue(h.fontEvents.isEmpty(), () -> "FOP substituted fonts: " + h.fontEvents);
    List<PdfText.Glyph> gs = PdfText.glyphs(pdf);
    assertTrue(gs.size() > 15);
    for (PdfText.Glyph g : gs) {
      assertTrue(g.font().contains("jlm_") || g.font().contains("CMUSerif"), "glyph '" + g.text() + "' in " + g.font());
    }
    assertTrue(gs.stream().anyMatch(g -> g.font().contains("jlm_fcmrpg")), "Greek in \\text comes from jlatexmath's Greek font");
  }
}
