package org.bookbuild.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: a heading with math gives a bookmark (and a running head) in Unicode, never the TeX source. */
class BookmarkMathTest {
  @Test
  void bookmarksOfHeadingsWithMathAreUnicode(@TempDir Path dir) throws Exception {
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("language: en\nmath:\n  '\\R': '\\mathbb{R}'\n", "a.md"),
        "a.md", """
            # Vectors in $\\R^n$

            Text.

            ## The norm $\\lVert x \\rVert_2$ and $\\alpha \\le \\beta$

            More text.

            ## Sums $\\sum_{i=1}^n x_i$

            Even more.
            """));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    List<String> titles;
    try (PdfInspector pdf = PdfInspector.open(Files.readAllBytes(b.pdf()))) {
      titles = pdf.outlineFlat().stream().map(PdfInspector.OutlineEntry::title).toList();
    }
    assertTrue(titles.stream().anyMatch(t -> t.endsWith("Vectors in ℝⁿ")), titles.toString());
    assertTrue(titles.stream().anyMatch(t -> t.endsWith("The norm ‖x‖₂ and α ≤ β")), titles.toString());
    assertTrue(titles.stream().anyMatch(t -> t.endsWith("Sums ∑ᵢ₌₁ⁿ xᵢ")), titles.toString());
    assertTrue(titles.stream().noneMatch(t -> t.contains("\\")), "no TeX source in a bookmark: " + titles);
  }
}
