package org.bookbuild.press;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.io.MemoryWorld;
import org.bookbuild.pipeline.CoverBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, acceptance 2: covers of the sample book for a 124-page and a 600-page interior, for every press and
 * paper: MediaBox = 2 × trim + spine + 2 × bleed by trim + 2 × bleed to 0.01 in, the spine from the shops' own
 * formulas, spine text by the press's threshold, every glyph inside its panel's safety zone, the barcode area clear.
 */
class CoverTest {
  @TempDir static Path tmp;
  static Path p124, p600, p40;

  @BeforeAll
  static void interiors() throws IOException {
    p124 = blank(124);
    p600 = blank(600);
    p40 = blank(40);
  }

  /** An interior of {@code n} blank 7 × 10 in pages (only its page count matters to the cover). */
  static Path blank(int n) throws IOException {
    Path f = tmp.resolve("interior-" + n + ".pdf");
    try (PDDocument d = new PDDocument()) {
      for (int i = 0; i < n; i++) d.addPage(new PDPage(new PDRectangle(504, 720)));
      d.save(f.toFile());
    }
    return f;
  }

  /** The spine in inches as the shops' calculators give it (KDP's per-page thickness; Lulu's pages / 444 + 0.06). */
  static double expectedSpine(String press, String paper, int pages) {
    return switch (press) {
      case "kdp" -> pages * Map.of("white", 0.002252, "cream", 0.0025, "colour", 0.002347).get(paper);
      case "lulu" -> pages / 444.0 + 0.06;
      default -> pages * Presses.load(new MemoryWorld(tmp, Map.of())).get(press).cover().paper().get(paper) / 72;
    };
  }

  static CoverBuild.Result cover(String press, String paper, Path interior, boolean guides) throws IOException {
    Diagnostics d = new Diagnostics();
    Path out = tmp.resolve("cover-" + press + "-" + paper + "-" + interior.getFileName());
    CoverBuild.Result r = CoverBuild.build(new DiskWorld(Path.of("").toAbsolutePath(), Map.of("SOURCE_DATE_EPOCH", "1767225600")),
        new CoverBuild.Request(press, paper, interior, out, guides, null), d);
    assertEquals(0, r.status(), () -> d.all().toString());
    return r;
  }

  @Test
  void dimensionsSpineTextAndSafetyForEveryPressAndPaper() throws IOException {
    for (String press : List.of("kdp", "ingramspark", "lulu", "offset")) {
      for (String paper : List.of("white", "cream", "colour")) {
        for (int pages : new int[] {124, 600}) {
          CoverBuild.Result r = cover(press, paper, pages == 124 ? p124 : p600, false);
          String what = press + "/" + paper + "/" + pages;
          double spine = expectedSpine(press, paper, pages);
          try (PDDocument doc = Loader.loadPDF(r.pdf().toFile())) {
            PDPage page = doc.getPage(0);
            PDRectangle m = page.getMediaBox(), t = page.getTrimBox();
            assertEquals(2 * 7 + spine + 2 * 0.125, m.getWidth() / 72, 0.01, what + " width");
            assertEquals(10 + 2 * 0.125, m.getHeight() / 72, 0.01, what + " height");
            assertEquals(2 * 7 + spine, t.getWidth() / 72, 0.01, what + " trim width");
            assertTrue(page.getCOSObject().containsKey(COSName.BLEED_BOX), what);
            List<TextPosition> glyphs = glyphs(doc);
            Cover.Geometry g = r.geometry();
            boolean onSpine = glyphs.stream().anyMatch(p -> within(p, g.spineRect(), 0));
            int threshold = Presses.load(new MemoryWorld(tmp, Map.of())).get(press).cover().spineTextFrom();
            assertEquals(pages >= threshold, onSpine, what + ": spine text from " + threshold + " pages");
            for (TextPosition p : glyphs) {
              boolean safe = within(p, g.back().inset(g.safety()), 0.5) || within(p, g.front().inset(g.safety()), 0.5)
                  || within(p, g.spineRect(), 0);
              assertTrue(safe, what + ": '" + p.getUnicode() + "' at " + p.getXDirAdj() + "," + p.getYDirAdj() + " outside the safety zones");
              assertFalse(within(p, g.barcode(), 0), what + ": text in the barcode area");
            }
            assertTrue(glyphs.size() > 100, what + ": title, authors, description on the cover");
            for (COSName f : page.getResources().getFontNames()) assertTrue(page.getResources().getFont(f).isEmbedded(), what);
            // its colour bands and text within the CMYK output intent (PrintColour), as the interior's
            assertEquals(List.of(), org.bookbuild.check.Preflight.check(doc, new org.bookbuild.check.Preflight.Options(
                Presses.load(new MemoryWorld(tmp, Map.of())).get(press), false)).stream()
                .filter(f -> f.rule().equals("press-device-rgb")).toList(), what + ": no device RGB");
          }
        }
      }
    }
  }

  @Test
  void noSpineTextBelowThePressMinimum() throws IOException {
    CoverBuild.Result r = cover("kdp", "white", p40, false);
    try (PDDocument doc = Loader.loadPDF(r.pdf().toFile())) {
      assertEquals(2 * 7 + 40 * 0.002252 + 0.25, doc.getPage(0).getMediaBox().getWidth() / 72, 0.01);
      assertTrue(glyphs(doc).stream().noneMatch(p -> within(p, r.geometry().spineRect(), 0)), "40 pages: no spine text on KDP");
    }
  }

  /** Whether a glyph's box lies inside {@code r} (top-left coordinates, as PDFBox's DirAdj positions are). */
  static boolean within(TextPosition p, Cover.Rect r, double slack) {
    float x, y, w, h;
    if (p.getDir() == 0) {
      x = p.getXDirAdj();
      y = p.getYDirAdj() - p.getHeightDir();
      w = p.getWidthDirAdj();
      h = p.getHeightDir();
    } else {
      // turned text (the spine): take the glyph's origin in page space
      x = p.getX();
      y = p.getY() - 1;
      w = 1;
      h = 1;
    }
    return x >= r.x() - slack && x + w <= r.right() + slack && y >= r.y() - slack && y + h <= r.bottom() + slack;
  }

  static List<TextPosition> glyphs(PDDocument doc) throws IOException {
    List<TextPosition> all = new ArrayList<>();
    PDFTextStripper s = new PDFTextStripper() {
      @Override
      protected void processTextPosition(TextPosition t) {
        if (!t.getUnicode().isBlank()) all.add(t);
      }
    };
    s.getText(doc);
    return all;
  }
}
