package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 6, whole book: titles that carry their author's numbers get none from the book — not in headings,
 * contents, running heads or bookmarks — and references print the author's number.
 */
class AuthorNumbersBookTest {
  @TempDir Path dir;

  @Test
  void authorsNumbersAreNotNumberedAgain() throws Exception {
    String a = "# Chapter 3: Vectors\n\nIntro text.\n\n(sec-lines)=\n## 3.1 Lines\n\nSee "
        + "{numref}`fig-one`.\n\n```{figure} pic.svg\n:name: fig-one\nA picture.\n```\n\n" + "Filler paragraph. ".repeat(200) + "\n";
    String b = "# 2.5. Matrices\n\n(sec-mat)=\n## Products\n\nAs {numref}`sec-lines` shows. " + "More words here. ".repeat(200) + "\n";
    String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50'><rect width='100' height='50'/></svg>";
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "a.md", "b.md"), "a.md", a, "b.md", b,
        "pic.svg", svg));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    StringBuilder text = new StringBuilder();
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) text.append(pdf.text(p)).append('\n');
      String outline = pdf.outline().toString();
      assertTrue(outline.contains("Chapter 3: Vectors") && !outline.contains("1 Chapter 3"), "bookmarks: " + outline);
      assertTrue(outline.contains("2.5. Matrices") && !outline.contains("2 2.5."), "bookmarks: " + outline);
    }
    String all = text.toString();
    assertFalse(all.contains("Chapter 1") || all.contains("Chapter 2"), "no book chapter number: " + all);
    assertFalse(all.contains("1.1 3.1") || all.contains("1.1 Lines") || all.contains("2.1 Products"), "no book section numbers: " + all);
    assertTrue(all.contains("Figure 3.1"), "figures take the author's chapter number: " + all);
    assertFalse(all.contains("??"), all);
    assertTrue(all.contains("Section 3.1 shows"), "a reference prints the author's number: " + all);
    assertTrue(all.contains("Chapter 3: Vectors") && all.contains("2.5. Matrices"), all);
  }
}
