package org.bookbuild.style;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.check.PdfInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appearance is data: a project's style.yml changes the page and the text without any Java. */
class StyleOverlayTest {
  @TempDir Path dir;

  private static final String LONG = "Characteristically, internationalisation considerations notwithstanding, "
      + "straightforward implementations of counterintuitive differentiation overwhelmingly outperform "
      + "incomprehensibly overcomplicated representations. ";

  @Test
  void overlayChangesTrimSizeAndHyphenatesNarrowColumns() throws Exception {
    TestBooks.write(dir, Map.of(
        "book.yml", TestBooks.bookYml(null, "a.md"),
        "a.md", "# Words\n\n" + LONG.repeat(6) + "\n",
        "style.yml", "page: {width: 5in, height: 8in, margin-inner: 1.2in, margin-outer: 1.2in}\n"
            + "strings: {contents: Table of Contents}\n"));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(0, r.status(), r.stderr());
    try (PdfInspector pdf = PdfInspector.open(dir.resolve("out/test-book.pdf"))) {
      assertEquals(360f, pdf.mediaBox(0).width(), 0.5f, "5in wide");
      assertEquals(576f, pdf.mediaBox(0).height(), 0.5f, "8in high");
      String all = "";
      for (int i = 0; i < pdf.pageCount(); i++) all += pdf.text(i);
      assertTrue(all.replaceAll("\\s+", "").contains("TableofContents"), "overlaid wording is used:\n" + all);
      // a tagged PDF marks a hyphenation hyphen as a soft hyphen, which text extraction drops (copied text rejoins
      // the word): a line that ends inside one of the long words
      java.util.Set<String> words = java.util.Set.of(LONG.replaceAll("[^A-Za-z ]", "").split(" "));
      long hyphenated = all.lines().map(l -> l.strip().replaceAll("[-\u00ad]$", ""))
          .filter(l -> l.matches(".*[a-z]$") && !words.contains(l.substring(l.lastIndexOf(' ') + 1))).count();
      assertTrue(hyphenated > 0, "a narrow justified column with long words hyphenates:\n" + all);
    }
  }

  @Test
  void characterNoFontHasIsReportedWithItsPosition() throws Exception {
    TestBooks.write(dir, Map.of(
        "book.yml", TestBooks.bookYml(null, "a.md"),
        "a.md", "# Glyphs\n\nArrows → and ⇒ print; this one does not: 漢 done.\n"));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertTrue(r.stderr().contains("a.md:3:1: warning: no font has a glyph for U+6F22"), r.stderr());
    assertFalse(r.stderr().contains("U+2192"), "→ comes from a fallback face: " + r.stderr());
    assertFalse(r.stderr().contains("U+21D2"), "⇒ comes from a fallback face: " + r.stderr());
  }
}
