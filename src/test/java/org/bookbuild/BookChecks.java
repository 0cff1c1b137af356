package org.bookbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.check.PdfInspector.Box;
import org.bookbuild.check.PdfInspector.GlyphRun;
import org.bookbuild.check.PdfInspector.OutlineEntry;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Part;
import org.bookbuild.model.Walk;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.style.License;
import org.bookbuild.style.Style;
import org.bookbuild.style.StyleLoader;

/**
 * The structural checks of issue 2's acceptance list, applied to a PDF built by the real pipeline: page labels,
 * chapter openings on odd pages with truly blank versos before them, outline and links that resolve, a table of
 * contents that cites the right pages, licence metadata, and no glyph outside the page's text area.
 */
final class BookChecks {
  /** How far a glyph may stick out of the text area: italic overhang and PDFBox's width estimates. */
  static final float TOLERANCE = 1.5f;

  private BookChecks() {}

  /** A finished build: the PDF bytes, the book model after transforms and the style it was set in. */
  record Built(byte[] pdf, Book book, Style style, Diagnostics diags) {}

  static Built build(Path project, Path outDir, String name) throws IOException {
    Diagnostics diags = new Diagnostics();
    DiskWorld world = DiskWorld.of(project);
    Path out = outDir.resolve(name + ".pdf");
    Pipeline.Result r = Pipeline.build(world, new Pipeline.Request(out, false), diags);
    assertEquals(0, r.status(), "build failed: " + diags.all());
    assertTrue(!diags.hasErrors(), "the book builds without errors: " + diags.all());
    Style style = StyleLoader.load(world, "default", r.book().meta().language());
    return new Built(Files.readAllBytes(r.pdf()), r.book(), style, diags);
  }

  /** Every check; {@code expectBlank} demands at least one blank verso before a chapter (so that check is not vacuous). */
  static void assertPrintableBook(Built b, boolean expectBlank) throws IOException {
    try (PdfInspector pdf = PdfInspector.open(b.pdf())) {
      List<String> labels = pdf.pageLabels();
      assertEquals("i", labels.get(0), "front matter is numbered i, ii, …: " + labels);

      List<OutlineEntry> flat = pdf.outlineFlat();
      for (OutlineEntry e : flat) assertTrue(e.page() >= 0, "outline entry does not resolve: " + e.title());
      for (PdfInspector.Link l : pdf.links()) {
        if (l.internal()) assertTrue(l.target() >= 0, "internal link on page " + l.page() + " does not resolve");
      }

      List<Chapter> chapters = chapters(b.book());
      int depth = Integer.parseInt(b.style().page("bookmark-depth"));
      List<String> expected = new ArrayList<>();
      for (Part p : b.book().parts()) {
        if (p.isReal()) expected.add(p.title());
        for (Chapter c : p.chapters()) {
          for (Block blk : c.blocks()) {
            if (blk instanceof Block.Heading h && h.level() <= depth) expected.add(bookmarkTitle(h));
          }
        }
      }
      List<String> actual = new ArrayList<>();
      for (OutlineEntry e : flat) {
        if (!e.title().equals(b.style().string("contents"))) actual.add(e.title());
      }
      assertEquals(expected, actual, "one bookmark per part, chapter and section, in order");
      for (OutlineEntry e : flat) {
        String title = e.title().replaceFirst("^[0-9.]+ ", "");
        assertTrue(squash(pdf.text(e.page())).contains(squash(title)),
            "bookmark '" + e.title() + "' points at page " + (e.page() + 1) + ", which does not show it");
      }

      int blanks = 0;
      Map<String, Integer> opening = new java.util.LinkedHashMap<>();
      for (Chapter c : chapters) {
        String title = bookmarkTitle(c.titleHeading().orElseThrow());
        int page = flat.stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow().page();
        opening.put(title, page);
        assertEquals(0, page % 2, "chapter '" + title + "' opens on physical page " + (page + 1) + ", a left-hand page");
        if (c.kind() != Chapter.Kind.FRONT && labels.get(page).matches("\\d+")) {
          assertEquals(1, Integer.parseInt(labels.get(page)) % 2, "chapter '" + title + "' has an even folio");
        }
        if (page > 0 && pdf.runs(page - 1).stream().noneMatch(r -> inBody(b.style(), pdf, r))) {
          assertTrue(pdf.isTextEmpty(page - 1),
              "the blank page before '" + title + "' shows text: " + pdf.text(page - 1).strip());
          blanks++;
        }
      }
      if (expectBlank) assertTrue(blanks > 0, "the book was meant to have a blank verso before a chapter");

      checkContents(b, pdf, flat, opening, labels);
      checkGlyphsInsideTextArea(b.style(), pdf);
      for (int p = 0; p < pdf.pageCount(); p++) {
        pdf.fonts(p).forEach(f -> assertTrue(f.embedded(), "font not embedded: " + f));
      }
      checkLicence(b, pdf);
      assertTrue(pdf.displaysDocTitle());
      assertEquals(b.book().meta().title(), pdf.info().get("Title"));
      assertEquals(b.book().meta().authorNames(), pdf.info().get("Author"));
      assertEquals(b.book().meta().title(), pdf.xmpOne(PdfInspector.DC, "title"));
      // XMP types: title a language alternative, authors an ordered sequence (FOP must not flatten them).
      String xmp = pdf.xmpRaw().replaceAll("\\s+", "");
      assertTrue(xmp.contains("<dc:title><rdf:Alt>") && xmp.contains("<dc:creator><rdf:Seq>"), pdf.xmpRaw());
    }
  }

  private static void checkContents(Built b, PdfInspector pdf, List<OutlineEntry> flat, Map<String, Integer> opening,
      List<String> labels) throws IOException {
    String contents = b.style().string("contents");
    int toc = flat.stream().filter(e -> e.title().equals(contents)).findFirst().orElseThrow().page();
    int end = opening.values().stream().min(Integer::compare).orElseThrow();
    StringBuilder text = new StringBuilder();
    for (int p = toc; p < end; p++) text.append(pdf.text(p)).append('\n');
    for (Map.Entry<String, Integer> e : opening.entrySet()) {
      // an appendix is listed as "Appendix A: Title" while its bookmark reads "A Title"
      String bare = e.getKey().replaceFirst("^[0-9A-Z.]+ ", "");
      String line = text.toString().lines()
          .filter(l -> squash(l).startsWith(squash(e.getKey()))
              || (!bare.equals(e.getKey()) && squash(l).matches(".*:" + Pattern.quote(squash(bare)) + ".*")))
          .findFirst().orElse(null);
      assertNotNull(line, "the contents do not list '" + e.getKey() + "':\n" + text);
      Matcher m = Pattern.compile("(\\S+)\\s*$").matcher(line);
      assertTrue(m.find());
      assertEquals(labels.get(e.getValue()), m.group(1),
          "the contents give the wrong page for '" + e.getKey() + "': " + line.strip());
      boolean linked = false;
      for (PdfInspector.Link l : pdf.links()) linked |= l.internal() && l.page() >= toc && l.page() < end && l.target() == e.getValue();
      assertTrue(linked, "no contents link leads to '" + e.getKey() + "'");
    }
  }

  /** Every glyph lies inside the page minus its margins (mirrored: the gutter is on the binding side). */
  static void checkGlyphsInsideTextArea(Style s, PdfInspector pdf) throws IOException {
    for (int p = 0; p < pdf.pageCount(); p++) {
      Box area = textArea(s, pdf, p).grow(TOLERANCE);
      for (GlyphRun r : pdf.runs(p)) {
        if (r.x() < area.x() || r.right() > area.right() || r.top() < area.y() || r.y() > area.bottom()) {
          fail("'" + r.text() + "' on page " + (p + 1) + " lies outside the text area " + area + ": " + r);
        }
      }
    }
  }

  static Box textArea(Style s, PdfInspector pdf, int page) {
    Box trim = pdf.trimBox(page);
    float inner = pt(s.page("margin-inner")) + pt(s.page("gutter")), outer = pt(s.page("margin-outer"));
    boolean recto = page % 2 == 0;
    float left = recto ? inner : outer, right = recto ? outer : inner;
    float top = pt(s.page("margin-top")), bottom = pt(s.page("margin-bottom"));
    return new Box(trim.x() + left, trim.y() + top, trim.width() - left - right, trim.height() - top - bottom);
  }

  /** Whether a run lies in the region body (not in the running head or the folio line). */
  private static boolean inBody(Style s, PdfInspector pdf, GlyphRun r) {
    Box area = textArea(s, pdf, r.page());
    float top = area.y() + pt(s.page("header-extent")) + pt(s.page("body-top")) - TOLERANCE;
    float bottom = area.bottom() - pt(s.page("footer-extent")) - pt(s.page("body-bottom")) + TOLERANCE;
    return r.y() >= top && r.top() <= bottom;
  }

  private static void checkLicence(Built b, PdfInspector pdf) throws IOException {
    License lic = License.lookup(b.style(), b.book().meta().license());
    assertNotNull(lic, "the book's licence is in the table");
    assertEquals(lic.url(), pdf.xmpOne(PdfInspector.CC, "license"));
    assertEquals(lic.url(), pdf.xmpOne(PdfInspector.XMP_RIGHTS, "WebStatement"));
    assertEquals(lic.dedication() ? "False" : "True", pdf.xmpOne(PdfInspector.XMP_RIGHTS, "Marked"));
    String rights = pdf.xmpOne(PdfInspector.DC, "rights");
    assertTrue(rights.contains(lic.name()) && rights.contains(lic.url()), rights);
    int page = -1;
    for (int p = 0; p < pdf.pageCount() && page < 0; p++) if (squash(pdf.text(p)).contains(squash(lic.name()))) page = p;
    assertTrue(page >= 0 && page < 4, "the copyright page names the licence near the front: " + page);
    String text = squash(pdf.text(page));
    assertTrue(text.contains(squash(lic.url())) && text.contains(squash(lic.summary())), pdf.text(page));
    int at = page;
    assertTrue(pdf.links().stream().anyMatch(l -> l.page() == at && lic.url().equals(l.uri())), "live licence link");
    assertTrue(pdf.images(page).isEmpty(), "the badge is vector graphics");
    assertFalse(labels(pdf).get(page).matches("\\d+"), "the copyright page is front matter");
  }

  private static List<String> labels(PdfInspector pdf) throws IOException {
    return pdf.pageLabels();
  }

  static List<Chapter> chapters(Book book) {
    List<Chapter> out = new ArrayList<>();
    for (Part p : book.parts()) out.addAll(p.chapters());
    return out;
  }

  private static String bookmarkTitle(Block.Heading h) {
    String number = h.attr().get("number", "");
    String title = Walk.text(h.content());
    return number.isEmpty() ? title : number + " " + title;
  }

  static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }

  /** A style length in points (in, cm, mm, pt, pc). */
  static float pt(String len) {
    Matcher m = Pattern.compile("\\s*([0-9.]+)\\s*(in|cm|mm|pt|pc)\\s*").matcher(len);
    if (!m.matches()) throw new IllegalArgumentException("not a length: " + len);
    float v = Float.parseFloat(m.group(1));
    return switch (m.group(2)) {
      case "in" -> v * 72;
      case "cm" -> v * 72 / 2.54f;
      case "mm" -> v * 72 / 25.4f;
      case "pc" -> v * 12;
      default -> v;
    };
  }
}
