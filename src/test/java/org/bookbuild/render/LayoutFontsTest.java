package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.io.ForwardingWorld;
import org.bookbuild.style.Style;
import org.bookbuild.style.StyleLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout runs after the first take the fonts an earlier run read, and lay out and report exactly as with fresh ones. */
class LayoutFontsTest {
  @TempDir Path dir;
  /** Font files read from the tool's jars, by path, since the last {@code clear()}. */
  private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
  private ForwardingWorld world;
  private Style style;

  @BeforeEach
  void freshPoolAndACountingWorld() throws Exception {
    LayoutFonts.forget();
    world = new ForwardingWorld(new DiskWorld(dir, Map.of())) {
      @Override
      public Optional<byte[]> builtin(String path) {
        if (path.endsWith(".ttf") || path.endsWith(".otf")) reads.add(path);
        return super.builtin(path);
      }
    };
    style = StyleLoader.load(world, "default", "en");
    reads.clear();
  }

  /** A build's FOP session: every build of a watch opens its own. */
  private FopSession session() throws Exception {
    return FopSession.open(style, world, new Date(0), RenderSettings.PLAIN);
  }

  /** One page of text in the style's body face, with {@code extra} in it. */
  private static String fo(String family, String extra) {
    return "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"><fo:layout-master-set>"
        + "<fo:simple-page-master master-name=\"p\" page-width=\"150mm\" page-height=\"200mm\" margin=\"20mm\">"
        + "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
        + "<fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
        + "<fo:block font-family=\"" + family + "\" text-align=\"justify\" hyphenate=\"true\" language=\"en\">"
        + "A projection sends every vector to the nearest point of a subspace; "
        + "<fo:inline font-style=\"italic\">orthogonal</fo:inline> ones are <fo:inline font-weight=\"bold\">idempotent</fo:inline>"
        + " and symmetric" + extra + ".</fo:block></fo:flow></fo:page-sequence></fo:root>";
  }

  private static ChapterLayout.Laid layOut(FopSession session, String fo, ByteArrayOutputStream out) throws Exception {
    return ChapterLayout.run(session, fo, (l, c) -> SourcePos.NONE, out);
  }

  @Test
  void aSecondBuildLaysOutWithTheFontsTheFirstReadAndTheSameResult() throws Exception {
    String fo = fo(style.fonts().get(0).family(), "");
    FopSession first = session();
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    layOut(first, fo, a);
    assertFalse(reads.isEmpty(), "the first layout reads its faces");
    assertEquals(1, LayoutFonts.kept(first.config), "handed back when the run is over");

    reads.clear();
    FopSession second = session(); // the next build of a watch
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    layOut(second, fo, b);
    assertEquals(List.of(), reads, "font files read again by the next build's layout");
    assertEquals(a.toString(StandardCharsets.UTF_8), b.toString(StandardCharsets.UTF_8), "the same intermediate format");
  }

  @Test
  void aGlyphNoFaceHasIsReportedByEveryRunNotOnlyTheFirst() throws Exception {
    String fo = fo(style.fonts().get(0).family(), " \uE000");
    for (int run = 1; run <= 3; run++) {
      List<Diagnostic> d = layOut(session(), fo, new ByteArrayOutputStream()).diagnostics();
      assertEquals(1, d.stream().filter(x -> x.ruleId().equals("glyph-missing")).count(), "run " + run + ": " + d);
    }
    assertEquals(1, LayoutFonts.kept(session().config));
  }

  /** Paints IF {@code text} into a PDF as the watch's preview does, or as the book's join does. */
  private static byte[] paint(FopSession session, String text, boolean preview) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IfJoin.join(session, new IfJoin.Parts() {
      @Override
      public int size() {
        return 1;
      }

      @Override
      public java.io.InputStream open(int k) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      }
    }, Map.of(), List.of(), new org.bookbuild.diag.Diagnostics(), out, new org.bookbuild.diag.Timings(), preview);
    return out.toByteArray();
  }

  /**
   * The PDF's bytes but for the two FOP takes from the clock (the XMP metadata date and the file id, which the
   * finishing stage sets from the build date).
   */
  private static String steady(byte[] pdf) {
    return new String(pdf, StandardCharsets.ISO_8859_1).replaceAll("<xmp:MetadataDate>[^<]*<", "<xmp:MetadataDate><")
        .replaceAll("/ID \\[<[0-9A-F]+> <[0-9A-F]+>\\]", "/ID []");
  }

  private static String text(byte[] pdf) throws Exception {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).trim();
    }
  }

  @Test
  void aSecondPreviewPaintsWithKeptFontsButTheBooksJoinReadsItsOwn() throws Exception {
    ByteArrayOutputStream laid = new ByteArrayOutputStream();
    layOut(session(), fo(style.fonts().get(0).family(), ""), laid);
    String ifText = laid.toString(StandardCharsets.UTF_8);

    String first = text(paint(session(), ifText, true));
    assertTrue(first.startsWith("A projection sends every vector"), first);
    reads.clear();
    String second = text(paint(session(), ifText, true));
    assertEquals(List.of(), reads, "font files read again by the next preview");
    assertEquals(first, second);

    byte[] book = paint(session(), ifText, false);
    assertFalse(reads.isEmpty(), "the book's join sets fresh fonts up: its PDF does not depend on earlier runs");
    assertEquals(first, text(book));
  }

  @Test
  void theJoinTakesFontsReadAheadOnceAndEmbedsWhatFreshOnesWould() throws Exception {
    ByteArrayOutputStream laid = new ByteArrayOutputStream();
    layOut(session(), fo(style.fonts().get(0).family(), ""), laid);
    String ifText = laid.toString(StandardCharsets.UTF_8);
    byte[] fresh = paint(session(), ifText, false);

    FopSession session = session();
    assertEquals(0, LayoutFonts.readAheadFor(session.config));
    LayoutFonts.readAhead(session);
    assertEquals(1, LayoutFonts.readAheadFor(session.config), "a set of the faces layout used, read ahead");
    byte[] ahead = paint(session, ifText, false);
    assertEquals(0, LayoutFonts.readAheadFor(session.config), "taken by the join");
    assertEquals(steady(fresh), steady(ahead), "the same PDF as with fresh fonts");

    byte[] next = paint(session(), ifText, false); // nothing read ahead: fresh fonts, and the set was not handed back
    assertEquals(0, LayoutFonts.readAheadFor(session.config), "a set read ahead serves one join");
    assertEquals(steady(fresh), steady(next));
  }
}
