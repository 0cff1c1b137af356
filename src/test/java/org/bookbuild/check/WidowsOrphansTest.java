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
 * one to seven lines (some with inline formulas, one in a list, one in a box) is built with widows and orphans set to
 * 1 — the check must find single lines — and with the style's 2 — it must find none, though paragraphs still break
 * across pages.
 */
class WidowsOrphansTest {
  private static String chapter() {
    StringBuilder md = new StringBuilder("# Breaks\n\n");
    String words = "Words that fill the lines of this paragraph and go on for a while before they stop. ";
    for (int i = 0; i < 60; i++) {
      int lines = 1 + (i * 5) % 7;
      String text = words.repeat(lines) + (i % 4 == 0 ? "With $x_i^2 + \\frac{a}{b}$ inline. " : "");
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
    assertTrue(r.paragraphs() >= 60, "paragraphs " + r.paragraphs());
    assertTrue(r.broken() >= 3, "broken " + r.broken());
    assertFalse(r.singles().isEmpty(), "no single line found with widows and orphans 1: " + r);
  }

  @Test
  void theStyleLeavesNone(@TempDir Path dir) throws Exception {
    WidowsOrphans.Report r = build(dir, null);
    assertTrue(r.broken() >= 3, "broken " + r.broken());
    assertEquals(java.util.List.of(), r.singles());
  }
}
