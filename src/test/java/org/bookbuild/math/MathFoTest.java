package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.fo.Xml;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.junit.jupiter.api.Test;

/** MathFo end to end through FOP: baseline, size, column, error boxes, alt text, numbers. */
class MathFoTest {
  static final SourcePos POS = SourcePos.of("chapters/ch1.md", 12, 5);

  static String inl(MathContext ctx, String tex) {
    Xml x = new Xml();
    MathFo.inline(x, new Inline.MathInline(POS, tex), ctx);
    return x.toString();
  }

  static String disp(MathContext ctx, String tex, Attr attr) {
    Xml x = new Xml();
    MathFo.display(x, new Block.MathBlock(POS, attr, tex), ctx);
    return x.toString();
  }

  static byte[] render(String flow, String name) throws Exception {
    FopHarness h = new FopHarness();
    byte[] pdf = h.render(FopHarness.page(flow));
    Path p = Path.of("target/math-test/" + name + ".pdf");
    Files.createDirectories(p.getParent());
    Files.write(p, pdf);
    assertTrue(h.fontEvents.isEmpty(), () -> "FOP font/image events: " + h.fontEvents);
    return pdf;
  }

  @Test
  void inlineMathSitsOnTheTextBaselineAndInsideTheColumn() throws Exception {
    MathContext ctx = new MathContext(Map.of(), new Diagnostics(), null);
    String[] formulas = {"x+y", "y_i + z", "\\frac{a}{b}x", "\\sum_{i=1}^n x_i", "\\left( x \\right)", "\\mathbb{R}^n"};
    StringBuilder flow = new StringBuilder();
    for (String size : new String[] {"10pt", "7pt", "16pt"}) {
      flow.append("<fo:block font-size=\"").append(size).append("\" space-after=\"6pt\">");
      for (String f : formulas) flow.append("Text H ").append(inl(ctx, f)).append(" and more words follow here. ");
      flow.append("</fo:block>");
    }
    byte[] pdf = render(flow.toString(), "baseline");
    List<PdfText.Glyph> gs = PdfText.glyphs(pdf);
    int checked = 0;
    for (int i = 0; i < gs.size(); i++) {
      PdfText.Glyph g = gs.get(i);
      // The first letter of each formula that is on the baseline: x, y, a, x from \sum's x_i, and R.
      if (!g.font().contains("jlm_cmmi") && !g.font().contains("jlm_msbm")) continue;
      if (!(g.text().equals("x") || g.text().equals("y") || g.text().equals("R") || g.text().equals("z"))) continue;
      PdfText.Glyph h = nearestTextH(gs, i);
      if (h == null || Math.abs(h.size() - g.size()) > 0.6) continue; // a sub- or superscript
      if (Math.abs(h.y() - g.y()) > 0.6 * h.size()) continue; // the line broke between the text and the formula
      assertEquals(h.y(), g.y(), 0.3, "baseline of math '" + g.text() + "' vs text 'H' at " + h.size() + "pt");
      checked++;
    }
    assertTrue(checked >= 9, "checked " + checked + " math glyphs on the baseline");
    // A5 with 20mm margins: the text column runs from 56.69pt to 362.83pt.
    for (PdfText.Glyph g : gs) {
      assertTrue(g.x() >= 56.69 - 0.5 && g.x() + g.w() <= 362.83 + 0.5, "glyph '" + g.text() + "' outside the column at x=" + g.x());
    }
  }

  private static PdfText.Glyph nearestTextH(List<PdfText.Glyph> gs, int i) {
    for (int k = i - 1; k >= 0; k--) {
      PdfText.Glyph h = gs.get(k);
      if (h.text().equals("H") && h.font().contains("CMU")) return h;
    }
    return null;
  }

  @Test
  void mathSizeFollowsTheFontSizeInEffect() throws Exception {
    MathContext ctx = new MathContext(Map.of(), new Diagnostics(), null);
    String flow = "<fo:block font-size=\"8pt\">a " + inl(ctx, "x") + "</fo:block>"
        + "<fo:block font-size=\"20pt\">b <fo:inline font-size=\"14pt\">" + inl(ctx, "x") + "</fo:inline></fo:block>";
    List<PdfText.Glyph> gs = PdfText.glyphs(render(flow, "sizes"));
    List<Float> sizes = gs.stream().filter(g -> g.font().contains("jlm_cmmi")).map(PdfText.Glyph::size).toList();
    assertEquals(2, sizes.size());
    assertEquals(8f, sizes.get(0), 0.05f);
    assertEquals(14f, sizes.get(1), 0.05f);
  }

  @Test
  void aFormulaThatCannotBeTypesetGivesABoxADiagnosticAndTheRestGoesOn() throws Exception {
    Diagnostics d = new Diagnostics();
    MathContext ctx = new MathContext(Map.of(), d, null);
    String flow = "<fo:block>Good " + inl(ctx, "a+b") + " bad " + inl(ctx, "\\notacommand{a}") + " after.</fo:block>"
        + disp(ctx, "\\begin{foo} x \\end{foo}", Attr.EMPTY) + "<fo:block>Still here " + inl(ctx, "c") + ".</fo:block>";
    assertEquals(2, d.byRule("math-parse").size());
    assertEquals(POS, d.byRule("math-parse").get(0).pos());
    String text = org.apache.pdfbox.text.PDFTextStripper.class.getSimpleName();
    assertNotNull(text);
    byte[] pdf = render(flow, "errors");
    String all = String.join("", PdfText.glyphs(pdf).stream().map(PdfText.Glyph::text).toList());
    assertTrue(all.contains("\\notacommand{a}"), all);
    assertTrue(all.contains("\\begin{foo}"), all);
    assertTrue(all.contains("Stillhere") || all.contains("Still here"), all);
  }

  @Test
  void formulaCarriesItsTexAsAltTextAndIsParsedBeforeFop() {
    MathContext ctx = new MathContext(Map.of("\\RR", "\\mathbb{R}"), new Diagnostics(), null);
    String fo = inl(ctx, "x \\in \\RR");
    assertTrue(fo.contains("fox:alt-text=\"x \\in \\RR\""), fo);
    assertTrue(fo.contains(">x \\in \\mathbb{R}</m:formula>"), fo);
  }

  @Test
  void numberedDisplayPutsTheNumberAtTheRightMarginOnTheBaseline() throws Exception {
    MathContext ctx = new MathContext(Map.of(), new Diagnostics(), null);
    String flow = "<fo:block>Before.</fo:block>" + disp(ctx, "E = mc^2", Attr.id("eq-e").with("number", "3.4"))
        + disp(ctx, "\\begin{align} a &= b + c \\\\ d + e + f &= g \\nonumber \\\\ h &= i\\end{align}",
            Attr.EMPTY.with("numbers", "3.5,,3.6"))
        + "<fo:block>After.</fo:block>";
    List<PdfText.Glyph> gs = PdfText.glyphs(render(flow, "numbers"));
    PdfText.Glyph e = gs.stream().filter(g -> g.text().equals("E")).findFirst().orElseThrow();
    List<PdfText.Glyph> num = gs.stream().filter(g -> g.font().contains("CMU") && g.text().equals(")")).toList();
    assertEquals(3, num.size(), "three printed numbers");
    assertEquals(e.y(), num.get(0).y(), 0.3, "number on the formula's baseline");
    assertTrue(num.get(0).x() + num.get(0).w() > 362.83 - 1 && num.get(0).x() + num.get(0).w() <= 362.83 + 0.5);
    // align: the '=' of the first and last line line up
    List<PdfText.Glyph> eq = gs.stream().filter(g -> g.text().equals("=") && g.font().contains("jlm_cmr")).toList();
    assertEquals(4, eq.size());
    assertEquals(eq.get(1).x(), eq.get(3).x(), 0.3, "align columns line up");
    assertEquals(eq.get(1).x(), eq.get(2).x(), 0.3, "align columns line up on the unnumbered line too");
  }

  @Test
  void tooWideDisplayMathShrinksToTheColumnWithADiagnostic() throws Exception {
    Diagnostics d = new Diagnostics();
    MathContext ctx = new MathContext(Map.of(), d, null, 306.14, 10);
    StringBuilder tex = new StringBuilder("S = ");
    for (int i = 1; i <= 45; i++) tex.append(i > 1 ? " + " : "").append("a_{").append(i).append("} b_{").append(i).append("}");
    String flow = disp(ctx, tex.toString(), Attr.EMPTY.with("number", "1.1"));
    assertEquals(1, d.byRule("math-too-wide").size());
    List<PdfText.Glyph> gs = PdfText.glyphs(render(flow, "wide"));
    assertTrue(gs.size() > 100);
    for (PdfText.Glyph g : gs) {
      assertTrue(g.x() >= 56.69 - 0.5 && g.x() + g.w() <= 362.83 + 0.5, "glyph '" + g.text() + "' outside the column at x=" + g.x());
    }
    assertTrue(gs.stream().anyMatch(g -> g.text().equals(")")), "the number is still printed");
  }

  @Test
  void tooWideInlineMathShrinksToTheColumnWithADiagnostic() throws Exception {
    // causal-inference-brave-and-true writes long equations as $…$ in a paragraph: one unbreakable box, which ran past
    // the page edge
    Diagnostics d = new Diagnostics();
    MathContext ctx = new MathContext(Map.of(), d, null, 306.14, 10);
    StringBuilder tex = new StringBuilder("S = ");
    for (int i = 1; i <= 45; i++) tex.append(i > 1 ? " + " : "").append("a_{").append(i).append("} b_{").append(i).append("}");
    String flow = "<fo:block>We compute " + inl(ctx, tex.toString()) + " and go on.</fo:block>"
        + "<fo:block>Narrow " + inl(ctx, "x + y") + " stays.</fo:block>";
    assertEquals(1, d.byRule("math-too-wide").size(), "only the wide formula is reported");
    List<PdfText.Glyph> gs = PdfText.glyphs(render(flow, "wide-inline"));
    assertTrue(gs.size() > 100);
    for (PdfText.Glyph g : gs) {
      assertTrue(g.x() >= 56.69 - 0.5 && g.x() + g.w() <= 362.83 + 0.5, "glyph '" + g.text() + "' outside the column at x=" + g.x());
    }
  }
}
