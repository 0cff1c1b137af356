package org.bookbuild.check;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: no paragraph leaves a single line at the foot or the head of a page. The same chapter of paragraphs of
 * one to seven lines (some with inline formulas or hard line breaks, some in a list or a box) is built with widows and
 * orphans set to 1 — the check must find single lines — and with the style's 2 — it must find none, though
 * paragraphs still break across pages.
 */
class WidowsOrphansTest {
  private static String chapter() {
    StringBuilder md = new StringBuilder("# Breaks\n\n");
    String words = "Words that fill the lines of this paragraph and go on for a while before they stop. ";
    for (int i = 0; i < 100; i++) {
      int lines = 1 + (i * 5) % 7;
      String text = words.repeat(lines) + (i % 4 == 0 ? "With $x_i^2 + \\frac{a}{b}$ inline. " : "");
      // hard line breaks (two spaces at a line end) keep the paragraph one run of lines
      if (i % 3 == 1) text = text.replace("paragraph and go", "paragraph  \nand go");
      if (i % 13 == 5) md.append("- ").append(text).append("\n\n");
      else if (i % 17 == 8) md.append(":::{note}\n").append(text).append("\n:::\n\n");
      else md.append(text).append("\n\n");
    }
    return md.toString();
  }

  private static WidowsOrphans.Report build(Path dir, String style) throws Exception {
    Map<String, String> files = new HashMap<>(Map.of("book.yml", PipelineBooks.bookYml("", "ch.md"), "ch.md", chapter()));
    if (style != null) files.put("style.yml", style);
    PipelineBooks.Built b = PipelineBooks.build(dir, files);
    assertEquals(0, b.result().status(), b.diags().all().toString());
    try (PdfInspector in = PdfInspector.open(b.pdf())) {
      return WidowsOrphans.check(in);
    }
  }

  @Test
  void singleLinesAreFoundWhereTheStyleAllowsThem(@TempDir Path dir) throws Exception {
    WidowsOrphans.Report r = build(dir, "roles:\n  body: {widows: 1, orphans: 1}\n");
    assertTrue(r.tagged());
    assertTrue(r.paragraphs() >= 100, "paragraphs " + r.paragraphs());
    assertTrue(r.broken() >= 3, "broken " + r.broken());
    assertFalse(r.singles().isEmpty(), "no single line found with widows and orphans 1: " + r);
  }

  /** A hard line break was an empty fo:block, which cut the paragraph into runs kept apart for widows and orphans. */
  @Test
  void aHardLineBreakDoesNotCutTheParagraph(@TempDir Path dir) throws Exception {
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "ch.md"), "ch.md",
        "# Breaks\n\nThe problems you will tackle  \naim to be familiar\\\nin their presentation.\n"));
    assertTrue(b.fo().contains("tackle\u2028aim to be familiar\u2028in"), b.fo());
    assertFalse(b.fo().contains("<fo:block/>"), "an empty block in the paragraph");
    try (PdfInspector in = PdfInspector.open(b.pdf())) {
      String text = "";
      for (int p = 0; p < in.pageCount(); p++) text += in.text(p);
      assertTrue(text.contains("tackle\naim to be familiar\nin"), text);
    }
  }

  @Test
  void theStyleLeavesNone(@TempDir Path dir) throws Exception {
    WidowsOrphans.Report r = build(dir, null);
    // FOP breaks pages between paragraphs where it can; some still break across
    assertTrue(r.broken() >= 1, "broken " + r.broken());
    assertEquals(java.util.List.of(), r.singles());
  }
}
