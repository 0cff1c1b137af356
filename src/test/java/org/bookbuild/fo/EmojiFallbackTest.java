package org.bookbuild.fo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.check.ReadBack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 9: no {@code #} for a character. Emoji (with variation selectors and zero-width joiners, as authors
 * paste them) print from the monochrome Noto Emoji fallback in body text, code, a chapter title, the contents, the
 * running head and the bookmarks; only a character no font has is reported.
 */
class EmojiFallbackTest {
  @TempDir Path dir;

  static final String ROCKET = new String(Character.toChars(0x1F680));
  static final String CHECK = "\u2705";
  static final String LAPTOP = new String(Character.toChars(0x1F4BB));
  static final String WOMAN = new String(Character.toChars(0x1F469));
  static final String HIEROGLYPH = new String(Character.toChars(0x13000));

  @Test
  void emojiPrintFromTheFallbackFontEverywhereAndControlsVanish() throws Exception {
    String chapter = "# Launch " + ROCKET + " day\n\n"
        + "Body text with a check " + CHECK + "\uFE0F and a coder " + WOMAN + "\u200D" + LAPTOP + " at work.\n\n"
        + "```\nprint('done " + ROCKET + "')\n```\n\n"
        + "Enough text to fill a page. ".repeat(130) + "\n\n"
        + "## Second " + CHECK + " section\n\nMore. " + "Words fill the second page. ".repeat(130) + "\n\n"
        + "And an ancient sign " + HIEROGLYPH + " that no font has.\n";
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "a.md"), "a.md", chapter));
    TestBooks.Run run = TestBooks.cli("build", dir.toString());
    String err = run.stderr();
    // the one character no font has is reported (at its line, and again by FOP, which prints its code truncated to
    // 16 bits), and nothing else: no emoji, no variation selector, no joiner
    List<String> missing = err.lines().filter(l -> l.contains("[glyph-missing]")).toList();
    assertTrue(missing.stream().anyMatch(l -> l.startsWith("a.md:") && l.contains("U+13000")), err);
    assertTrue(missing.stream().allMatch(l -> l.contains("U+13000") || l.contains("0x3000")), err);
    assertFalse(err.contains("font-substituted"), err);
    Path pdf = dir.resolve("out/test-book.pdf");
    byte[] bytes = Files.readAllBytes(pdf);
    assertTrue(ReadBack.read(bytes).ok());
    assertEquals(0, ReadBack.read(bytes).notdefGlyphs());
    try (PdfInspector in = PdfInspector.open(bytes)) {
      StringBuilder all = new StringBuilder();
      List<PdfInspector.FontUse> fonts = new ArrayList<>();
      for (int p = 0; p < in.pageCount(); p++) {
        all.append(in.text(p));
        fonts.addAll(in.fonts(p));
      }
      String text = all.toString();
      for (String e : new String[] {ROCKET, CHECK, LAPTOP, WOMAN}) assertTrue(text.contains(e), "missing " + e + " in\n" + text);
      assertFalse(text.contains("\uFE0F") || text.contains("\u200D"), "controls are dropped");
      assertFalse(text.contains("check #") || text.contains("Launch #") || text.contains("done #"), text);
      // in the contents and the running heads too: the title's rocket appears more than once in the text
      assertTrue(text.split(ROCKET, -1).length - 1 >= 3, "rocket in title, contents, running head, code: " + text);
      assertTrue(fonts.stream().anyMatch(f -> f.name().contains("NotoEmoji") && f.embedded()), fonts.toString());
      assertTrue(fonts.stream().allMatch(PdfInspector.FontUse::embedded), fonts.toString());
      assertTrue(in.outlineFlat().stream().anyMatch(o -> o.title().contains(ROCKET) && !o.title().contains("\uFE0F")),
          in.outlineFlat().toString());
    }
  }
}
