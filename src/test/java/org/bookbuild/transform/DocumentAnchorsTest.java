package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.check.PdfInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTML anchors are labels of their own document, as in Jupyter Book (one HTML page per document):
 * climate-laboratory-2021 puts {@code <a id='section1'></a>} in front of a section in many notebooks, which gave 115
 * label-duplicate warnings and sent every link to the first notebook's anchor.
 */
class DocumentAnchorsTest {
  @TempDir Path dir;

  static String chapter(String title) {
    return "# " + title + "\n\nSee [the first section](#section1) here.\n\n<a id='section1'></a>\n\n## First of " + title
        + "\n\nText of " + title + ".\n\n" + "Filler paragraph.\n\n".repeat(3);
  }

  @Test
  void theSameAnchorInEveryDocumentIsNoDuplicateAndLinksStayInTheirDocument() throws Exception {
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "a.md", "b.md", "c.md"),
        "a.md", chapter("Alpha"), "b.md", chapter("Beta"), "c.md", "# Gamma\n\nBack to [Alpha's section](#section1).\n"));
    TestBooks.Run run = TestBooks.cli("build", dir.toString());
    assertFalse(run.stderr().contains("label-duplicate"), run.stderr());
    assertFalse(run.stderr().contains("ref-unresolved"), run.stderr());
    try (PdfInspector in = PdfInspector.open(dir.resolve("out/test-book.pdf"))) {
      int alpha = page(in, "Text of Alpha."), beta = page(in, "Text of Beta."), gamma = page(in, "Back to");
      assertNotEquals(alpha, beta, "chapters start on pages of their own");
      List<PdfInspector.Link> links = in.links().stream().filter(PdfInspector.Link::internal).toList();
      assertTrue(links.stream().anyMatch(l -> l.page() == page(in, "See the first section") && l.target() == alpha),
          "Alpha's link goes to Alpha's anchor: " + links);
      assertTrue(links.stream().anyMatch(l -> l.page() == beta && l.target() == beta),
          "Beta's link goes to Beta's anchor, not Alpha's: " + links);
      assertTrue(links.stream().anyMatch(l -> l.page() == gamma && l.target() == alpha),
          "a document without the anchor finds the first one: " + links);
    }
  }

  static int page(PdfInspector in, String text) {
    try {
      for (int p = 0; p < in.pageCount(); p++) if (in.text(p).replaceAll("\\s+", " ").contains(text)) return p;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no page with " + text);
  }
}
