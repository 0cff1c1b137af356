package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fop.events.Event;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.fop.events.model.EventSeverity;
import org.bookbuild.TestBooks;
import org.bookbuild.math.fop.FormulaElementMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A formula's rows reach the page whatever other formulas the book holds. mines-nancy-optimization printed only the
 * first of the four rows of an {@code align*} in chapter 1 (their room kept, the rest blank) because a {@code bmatrix}
 * in chapter 3 with an empty row ({@code \\\\} written twice) had been laid out before it; built alone, chapter 1 was
 * whole. And a formula that paints less on the page than it holds is an error at its source, never silent.
 */
class FormulaStateBookTest {
  @TempDir Path dir;

  static final String ONE = "# One\n\nSubstituting, one obtains\n\\begin{align*}\nA(r, h) &= 2\\pi r h + 2\\pi r^2\\\\\n"
      + "& = 2 \\pi r \\frac{V_0}{\\pi r^2} + 2 \\pi r^2\\\\\n&= \\frac{2V_0}{r} + 2\\pi r^2\\\\\n&:= \\tilde{A}(r)\n"
      + "\\end{align*}\nThe volume constraint is taken into account.\n";
  static final String TWO = "# Two\n\nA block matrix written with doubled row breaks:\n\n$$\nA =\n\\begin{bmatrix}\n"
      + "T_0 & T_{-1} \\\\\\\\\nT_{1} & T_0\n\\end{bmatrix}\n$$\n";

  @Test
  void everyRowOfAnAlignIsPaintedAfterAMatrixWithAnEmptyRowElsewhereInTheBook() throws Exception {
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "one.md", "two.md"), "one.md", ONE, "two.md", TWO));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(0, r.status(), r.stderr());
    assertFalse(r.stderr().contains("[math-"), r.stderr());
    String fo = Files.readString(dir.resolve("out/test-book.fo"));
    Matcher m = Pattern.compile("glyphs=\"(\\d+)\">\\\\begin\\{aligned\\}A\\(r, h\\)").matcher(fo);
    assertTrue(m.find(), "the align* is written with its glyph count");
    int counted = Integer.parseInt(m.group(1));
    assertTrue(counted >= 40, "A(r,h) = 2πrh + 2πr² … := Ã(r) has over 40 glyphs: " + counted);
    byte[] pdf = Files.readAllBytes(dir.resolve("out/test-book.pdf"));
    assertEquals(counted, mathGlyphsOnPageWith(pdf, "Substituting"),
        "every glyph of the four rows is on the page (the bug painted 16 of 47)");
    String text = MathBookTest.pdfText(dir.resolve("out/test-book.pdf"));
    assertTrue(text.contains("= 2πr\nV0") && text.contains("=\n2V0") && text.contains(":= A"), "rows 2 to 4 reach the page:\n" + text);
  }

  /** The glyphs shown in jlatexmath's fonts on the page whose text has {@code words}, overlapping ones too. */
  static long mathGlyphsOnPageWith(byte[] pdf, String words) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        long[] math = {0};
        PDFTextStripper s = new PDFTextStripper() {
          @Override
          protected void processTextPosition(TextPosition t) {
            if (t.getFont().getName().contains("jlm_")) math[0]++;
            super.processTextPosition(t);
          }
        };
        s.setStartPage(p);
        s.setEndPage(p);
        if (s.getText(doc).contains(words)) return math[0];
      }
    }
    throw new AssertionError("no page with " + words);
  }

  @Test
  void aFormulaPaintingFewerGlyphsThanItsCountIsAnErrorAtItsPlace() throws Exception {
    FopHarness h = new FopHarness();
    // x+y paints 3 glyphs: counted 9, as a layout that lost rows to another formula would be, it is reported
    String fo = FopHarness.page("<fo:block>Short\n<fo:instream-foreign-object><m:formula display=\"true\" "
        + FormulaElementMapping.GLYPHS_ATTR + "=\"9\">x+y</m:formula></fo:instream-foreign-object> and whole "
        + "<fo:instream-foreign-object><m:formula display=\"false\" " + FormulaElementMapping.GLYPHS_ATTR
        + "=\"3\">a+b</m:formula></fo:instream-foreign-object>.</fo:block>");
    h.render(fo);
    List<Event> unpainted = h.events.stream().filter(e -> e.getEventID().equals(FormulaElementMapping.UNPAINTED_EVENT))
        .toList();
    assertEquals(1, unpainted.size(), () -> "one formula painted short: " + h.events);
    Event e = unpainted.get(0);
    assertEquals(EventSeverity.ERROR, e.getSeverity());
    assertTrue(String.valueOf(e.getParam("message")).contains("paints 3 of its 9 glyphs"), e.getParams().toString());
    assertTrue(e.getParam("loc") instanceof org.xml.sax.Locator l && l.getLineNumber() == 2,
        "the element's place in the FO, which the render stage maps to the source: " + e.getParam("loc"));
  }
}
