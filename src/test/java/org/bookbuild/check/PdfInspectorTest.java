package org.bookbuild.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.bookbuild.check.PdfInspector.GlyphRun;
import org.bookbuild.check.PdfInspector.Link;
import org.bookbuild.check.PdfInspector.OutlineEntry;
import org.bookbuild.testing.TestFop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inspector on a small book rendered by FOP from FO written here: roman front matter, a chapter, a chapter that
 * must open on an odd page (so FOP inserts a blank), bookmarks, links, mixed font sizes on one line, a raster image
 * and a line pushed past the left edge on purpose.
 */
class PdfInspectorTest {
  static PdfInspector pdf;

  @BeforeAll
  static void render() throws Exception {
    BufferedImage img = new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    String bookmarks = "<fo:bookmark-tree>"
        + "<fo:bookmark internal-destination=\"front\"><fo:bookmark-title>Preface</fo:bookmark-title></fo:bookmark>"
        + "<fo:bookmark internal-destination=\"ch1\"><fo:bookmark-title>1 Vectors</fo:bookmark-title>"
        + "<fo:bookmark internal-destination=\"s11\"><fo:bookmark-title>1.1 Length</fo:bookmark-title></fo:bookmark>"
        + "</fo:bookmark>"
        + "<fo:bookmark internal-destination=\"ch2\"><fo:bookmark-title>2 Matrices</fo:bookmark-title></fo:bookmark>"
        + "</fo:bookmark-tree>";
    String front = TestFop.sequence("format=\"i\"",
        "<fo:block id=\"front\">Preface text.</fo:block>"
            + "<fo:block break-before=\"page\">Second preface page.</fo:block>");
    String ch1 = TestFop.sequence("format=\"1\" initial-page-number=\"1\"",
        "<fo:block id=\"ch1\" font-weight=\"bold\" font-size=\"16pt\">Vectors</fo:block>"
            + "<fo:block id=\"s11\">Base <fo:inline font-size=\"7pt\">small</fo:inline> text, see "
            + "<fo:basic-link internal-destination=\"ch2\">chapter 2</fo:basic-link> and "
            + "<fo:basic-link external-destination=\"url(https://example.org/vectors)\">the web</fo:basic-link>.</fo:block>"
            + "<fo:block start-indent=\"-80pt\">Outside</fo:block>");
    String ch2 = TestFop.sequence("format=\"1\" initial-page-number=\"auto-odd\"",
        "<fo:block id=\"ch2\" font-style=\"italic\">Matrices</fo:block>"
            + "<fo:block><fo:external-graphic src=\"url('" + dataUri + "')\"/></fo:block>");
    String fo = TestFop.document(null, front, ch1, ch2).replace("</fo:layout-master-set>", "</fo:layout-master-set>" + bookmarks);
    pdf = PdfInspector.open(TestFop.render(fo));
  }

  @AfterAll
  static void close() throws Exception {
    pdf.close();
  }

  @Test
  void pagesAndLabels() throws Exception {
    assertEquals(5, pdf.pageCount());
    assertEquals(List.of("i", "ii", "1", "2", "3"), pdf.pageLabels());
    PdfInspector.Box media = pdf.mediaBox(0);
    assertEquals(432f, media.width(), 0.01);
    assertEquals(648f, media.height(), 0.01);
    assertEquals(media, pdf.trimBox(0));
  }

  @Test
  void blankPageBeforeOddChapterHasNoText() throws Exception {
    assertTrue(pdf.isTextEmpty(3), "page 2 should be the blank verso");
    assertFalse(pdf.isTextEmpty(4));
    assertTrue(pdf.text(4).contains("Matrices"));
    assertTrue(pdf.text(0).contains("Preface text."));
  }

  @Test
  void outlineTreeWithResolvedPages() throws Exception {
    List<OutlineEntry> top = pdf.outline();
    assertEquals(List.of("Preface", "1 Vectors", "2 Matrices"), top.stream().map(OutlineEntry::title).toList());
    assertEquals(List.of("1.1 Length"), top.get(1).children().stream().map(OutlineEntry::title).toList());
    assertEquals(List.of(0, 2, 2, 4), pdf.outlineFlat().stream().map(OutlineEntry::page).toList());
    assertEquals(List.of(0, 0, 1, 0), pdf.outlineFlat().stream().map(OutlineEntry::depth).toList());
  }

  @Test
  void internalAndExternalLinks() throws Exception {
    List<Link> links = pdf.links();
    assertEquals(2, links.size(), links.toString());
    Link internal = links.stream().filter(Link::internal).findFirst().orElseThrow();
    assertEquals(2, internal.page());
    assertEquals(4, internal.target());
    Link web = links.stream().filter(l -> !l.internal()).findFirst().orElseThrow();
    assertEquals("https://example.org/vectors", web.uri());
    assertTrue(web.rect().x() > 54 && web.rect().right() < 432 - 54, web.rect().toString());
  }

  @Test
  void glyphRunsCarryPositionFontAndBaseline() throws Exception {
    List<GlyphRun> runs = pdf.runs(2);
    GlyphRun title = find(runs, "Vectors");
    assertEquals(54f, title.x(), 0.5, "text starts at the left margin");
    assertEquals(16f, title.size(), 0.01);
    assertTrue(title.font().contains("CMUSerif-Bold"), title.font());
    GlyphRun base = find(runs, "Base"), small = find(runs, "small"), text = find(runs, "text,");
    assertEquals(7f, small.size(), 0.01);
    assertEquals(base.y(), small.y(), 0.01, "small text sits on the line's baseline");
    assertEquals(base.y(), text.y(), 0.01);
    assertTrue(base.y() > title.y(), "the paragraph lies below the heading");
    assertTrue(small.x() > base.right() && text.x() > small.right());
    GlyphRun outside = find(runs, "Outside");
    assertTrue(outside.x() < 0, "a line indented by -80pt starts left of the sheet: " + outside);
    for (GlyphRun r : runs) {
      if (r != outside) assertTrue(r.x() >= 54 - 0.5 && r.right() <= 432 - 54 + 0.5, r.toString());
    }
  }

  @Test
  void fontsAreEmbeddedAndImagesCounted() throws Exception {
    for (int p = 0; p < pdf.pageCount(); p++) {
      pdf.fonts(p).forEach(f -> assertTrue(f.embedded(), f.toString()));
    }
    assertTrue(pdf.fonts(4).stream().anyMatch(f -> f.name().contains("CMUSerif-Italic")), pdf.fonts(4).toString());
    assertTrue(pdf.runs(3).isEmpty(), "the blank page draws no glyph");
    assertEquals(List.of(), pdf.images(2));
    List<PdfInspector.Image> images = pdf.images(4);
    assertEquals(1, images.size());
    assertEquals(12, images.get(0).width());
    assertEquals(8, images.get(0).height());
  }

  @Test
  void documentInfoAndIdentifiers() throws Exception {
    assertEquals("bookbuild tests", pdf.info().get("Producer"));
    assertEquals(2, pdf.documentId().size());
    assertEquals(32, pdf.documentId().get(0).length());
    assertEquals(List.of("2026-01-01T00:00:00Z"), pdf.xmp(PdfInspector.XMP, "CreateDate"));
    assertEquals(List.of(), pdf.xmp(PdfInspector.CC, "license"), "no licence was declared");
  }

  private static GlyphRun find(List<GlyphRun> runs, String text) {
    return runs.stream().filter(r -> r.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no run '" + text + "' in " + runs.stream().map(GlyphRun::text).toList()));
  }
}
