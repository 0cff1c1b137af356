package org.bookbuild.press;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.bookbuild.TestBooks;
import org.bookbuild.check.Preflight;
import org.bookbuild.diag.Severity;
import org.bookbuild.io.MemoryWorld;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, acceptance 1 and 3: the sample book built for each press (once per press, shared), checked with PDFBox
 * page by page: boxes on recto and verso pages, the gutter from the press's table, the page-count rule, no
 * annotations, fonts embedded, preflight passing; the IngramSpark interior is built in grayscale and has no colour.
 */
class PressBookTest {
  static final double TOL = 0.6;

  static Presses presses() {
    return Presses.load(new MemoryWorld(Path.of("/tmp"), Map.of()));
  }

  /** IngramSpark's interior is the black-and-white one. */
  static String colour(String press) {
    return press.equals("ingramspark") ? "grayscale" : "colour";
  }

  static PressBooks.Built built(String press) {
    PressBooks.Built b = PressBooks.sample(press, colour(press));
    assertNotNull(b.pdf(), () -> "no PDF for " + press + ": " + b.diags().all());
    return b;
  }

  @ParameterizedTest
  @ValueSource(strings = {"kdp", "ingramspark", "lulu", "offset"})
  void boxesOnRectoAndVersoPages(String name) throws IOException {
    Press press = presses().get(name);
    try (PDDocument doc = Loader.loadPDF(built(name).pdf())) {
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        PDPage p = doc.getPage(i);
        boolean recto = i % 2 == 0;
        assertTrue(p.getCOSObject().containsKey(COSName.TRIM_BOX) && p.getCOSObject().containsKey(COSName.BLEED_BOX), "boxes on page " + (i + 1));
        PDRectangle t = p.getTrimBox(), b = p.getBleedBox(), m = p.getMediaBox();
        assertEquals(7 * 72, t.getWidth(), TOL, "trim width");
        assertEquals(10 * 72, t.getHeight(), TOL, "trim height");
        String where = name + " page " + (i + 1) + (recto ? " (recto)" : " (verso)");
        assertEquals(press.bleed().left(recto), t.getLowerLeftX() - b.getLowerLeftX(), TOL, where + " left bleed");
        assertEquals(press.bleed().right(recto), b.getUpperRightX() - t.getUpperRightX(), TOL, where + " right bleed");
        assertEquals(9, b.getUpperRightY() - t.getUpperRightY(), TOL, where + " top bleed");
        assertEquals(9, t.getLowerLeftY() - b.getLowerLeftY(), TOL, where + " bottom bleed");
        if (press.marks()) {
          assertTrue(m.getWidth() >= b.getWidth() + 2 * 36 - TOL, where + ": room for marks outside the bleed");
        } else {
          assertEquals(b.getWidth(), m.getWidth(), TOL, where + ": MediaBox = trim + bleed");
          assertEquals(b.getHeight(), m.getHeight(), TOL, where + ": MediaBox = trim + bleed");
        }
      }
      if (name.equals("kdp") || name.equals("ingramspark")) {
        // outside edge only: recto and verso differ
        assertEquals(0, doc.getPage(2).getTrimBox().getLowerLeftX() - doc.getPage(2).getBleedBox().getLowerLeftX(), TOL);
        assertEquals(9, doc.getPage(3).getTrimBox().getLowerLeftX() - doc.getPage(3).getBleedBox().getLowerLeftX(), TOL);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kdp", "ingramspark", "lulu", "offset"})
  void gutterFromTheTableForTheFinalCount(String name) throws IOException {
    Press press = presses().get(name);
    try (PDDocument doc = Loader.loadPDF(built(name).pdf())) {
      double gutter = press.gutterFor(doc.getNumberOfPages());
      double inner = 0.75 * 72 + gutter;   // the style's margin-inner plus the binding gutter
      double[] edge = innerEdges(doc);
      assertEquals(inner, edge[0], 1.0, name + ": text on recto pages starts at the inner margin + gutter " + gutter / 72 + " in");
      assertEquals(7 * 72 - inner, edge[1], 1.0, name + ": text on verso pages ends at the inner margin + gutter");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kdp", "ingramspark", "lulu", "offset"})
  void pageCountAnnotationsFontsAndPreflight(String name) throws IOException {
    Press press = presses().get(name);
    PressBooks.Built b = built(name);
    assertEquals(0, b.result().status(), () -> name + ": " + b.diags().all());
    try (PDDocument doc = Loader.loadPDF(b.pdf())) {
      PageCountRules.Count c = Preflight.count(doc);
      assertEquals(Map.of(), PageCountRules.violations(press, c), name + ": " + c);
      assertTrue(c.pages() % ((Number) press.pageCount().get("multiple-of")).intValue() == 0);
      if (press.pageCount().containsKey("last-page-blank")) assertTrue(c.lastBlank(), "last page blank");
      for (PDPage p : doc.getPages()) {
        assertTrue(p.getAnnotations().isEmpty(), name + ": no annotations");
        if (p.getResources() == null) continue;   // a blank padding page
        for (COSName f : p.getResources().getFontNames()) {
          PDFont font = p.getResources().getFont(f);
          assertTrue(font.isEmbedded(), name + ": " + font.getName() + " embedded");
        }
      }
    }
    List<Preflight.Finding> errors = Preflight.check(b.pdf(), new Preflight.Options(press, colour(name).equals("grayscale")))
        .stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertEquals(List.of(), errors, name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kdp", "offset"})
  void bookCheckPassesOnTheCommandLine(String name, @TempDir Path tmp) throws IOException {
    Path pdf = Files.write(tmp.resolve(name + ".pdf"), built(name).pdf());
    TestBooks.Run r = TestBooks.cli("check", pdf.toString(), "--press", name);
    assertEquals(0, r.status(), r.stdout() + r.stderr());
    assertTrue(r.stdout().contains("pass press-boxes"), r.stdout());
    assertTrue(r.stdout().contains("PASS"), r.stdout());
  }

  @Test
  void grayscaleInteriorHasNoColourWhileTheColourOneHas() throws IOException {
    Press ingram = presses().get("ingramspark");
    List<Preflight.Finding> gray = Preflight.check(built("ingramspark").pdf(), new Preflight.Options(ingram, true));
    assertTrue(gray.stream().noneMatch(f -> f.rule().equals("press-colour")), () -> gray.toString());
    // the same rule on the colour interior finds colour: it can fail
    Press kdp = presses().get("kdp");
    List<Preflight.Finding> colour = Preflight.check(built("kdp").pdf(), new Preflight.Options(kdp, true));
    assertTrue(colour.stream().anyMatch(f -> f.rule().equals("press-colour")), () -> colour.toString());
  }

  @Test
  void offsetHasCropMarksOutsideTheBleedAndNoneForPrintOnDemand() throws IOException {
    assertTrue(inkOutsideBleed(built("offset").pdf()), "offset: marks drawn in the slug");
    assertFalse(inkOutsideBleed(built("kdp").pdf()), "kdp: nothing outside the bleed");
  }

  /** Whether page 5 has dark pixels between its BleedBox and MediaBox (rendered at 144 dpi). */
  static boolean inkOutsideBleed(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage p = doc.getPage(4);
      PDRectangle m = p.getMediaBox(), b = p.getBleedBox();
      BufferedImage img = new PDFRenderer(doc).renderImage(4, 2f);
      double s = 2;
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          double px = m.getLowerLeftX() + x / s, py = m.getUpperRightY() - y / s;
          boolean outside = px < b.getLowerLeftX() - 1 || px > b.getUpperRightX() + 1 || py < b.getLowerLeftY() - 1 || py > b.getUpperRightY() + 1;
          if (outside && (img.getRGB(x, y) & 0xff) < 235) return true;
        }
      }
      return false;
    }
  }

  /**
   * Where lines start on recto pages and end on verso pages, relative to the trim (points): the most frequent line
   * start and line end, i.e. the text block's inner edge (justified text fills the measure).
   */
  static double[] innerEdges(PDDocument doc) throws IOException {
    Map<Long, Integer> starts = new java.util.HashMap<>(), ends = new java.util.HashMap<>();
    for (int i = 0; i < doc.getNumberOfPages(); i++) {
      PDPage p = doc.getPage(i);
      double off = p.getTrimBox().getLowerLeftX() - p.getMediaBox().getLowerLeftX();
      boolean recto = i % 2 == 0;
      List<List<TextPosition>> lines = new ArrayList<>();
      PDFTextStripper s = new PDFTextStripper() {
        boolean fresh = true;

        @Override
        protected void writeString(String text, List<TextPosition> ps) {
          if (fresh || lines.isEmpty()) lines.add(new ArrayList<>());
          lines.get(lines.size() - 1).addAll(ps);
          fresh = false;
        }

        @Override
        protected void writeLineSeparator() {
          fresh = true;
        }
      };
      s.setStartPage(i + 1);
      s.setEndPage(i + 1);
      s.getText(doc);
      for (List<TextPosition> line : lines) {
        if (line.size() < 30) continue;   // running heads, folios, short lines
        TextPosition first = line.get(0), last = line.get(line.size() - 1);
        if (recto) starts.merge(Math.round(first.getXDirAdj() - off), 1, Integer::sum);
        else ends.merge(Math.round(last.getXDirAdj() + last.getWidthDirAdj() - off), 1, Integer::sum);
      }
    }
    return new double[] {mode(starts), mode(ends)};
  }

  static double mode(Map<Long, Integer> h) {
    return h.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1L);
  }
}
