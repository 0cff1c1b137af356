package org.bookbuild.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.model.Book;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Walk;
import org.bookbuild.transform.Transform;
import org.bookbuild.transform.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exception inside a stage costs only the block it happened in: a transform that throws on one paragraph (standing
 * in for a bug) gives an {@code internal-error} at that paragraph, a placeholder, and the rest of the book; no stack
 * trace unless {@code --debug}.
 */
class NeverACrashTest {
  @TempDir Path dir;

  /** Throws on any paragraph containing BOOM, as a buggy transform would. */
  static final class Buggy implements Transform {
    @Override
    public Book apply(Book book, org.bookbuild.transform.Context ctx) {
      for (var ch : book.chapters()) {
        Walk.blocks(ch.blocks(), n -> {
          if (n instanceof Inline.Text t && t.text().contains("BOOM")) throw new IllegalStateException("simulated bug");
        });
      }
      return book;
    }
  }

  @Test
  void aFailingTransformCostsOnlyItsBlock() throws Exception {
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "one.md", "two.md", "three.md"),
        "one.md", BadInputTest.FIRST, "three.md", BadInputTest.LAST,
        "two.md", "# Two\n\nBefore MIDDLEBEFORE.\n\nThe BOOM paragraph.\n\nAfter MIDDLEAFTER.\n"));
    Transform buggy = new Buggy();
    Transforms.LIST.add(buggy);
    try {
      TestBooks.Run r = TestBooks.cli("build", dir.toString());
      assertEquals(1, r.status(), r.stderr());
      assertTrue(r.stderr().contains("two.md:5:1: error: internal error while transforming this block of two.md "
          + "(IllegalStateException: simulated bug); this part is left out [internal-error]"), r.stderr());
      assertFalse(r.stderr().contains("\tat "), "no stack trace without --debug:\n" + r.stderr());
      StringBuilder text = new StringBuilder();
      try (PdfInspector in = PdfInspector.open(dir.resolve("out/test-book.pdf"))) {
        for (int p = 0; p < in.pageCount(); p++) text.append(in.text(p));
      }
      for (String s : List.of("FIRSTMARKER", "MIDDLEBEFORE", "MIDDLEAFTER", "LASTMARKER", "could not be processed")) {
        assertTrue(text.toString().contains(s), s + " in the PDF");
      }
      assertFalse(text.toString().contains("BOOM"), "the failing block is replaced by its placeholder");
      TestBooks.Run debug = TestBooks.cli("build", dir.toString(), "--debug");
      assertTrue(debug.stderr().contains("\tat org.bookbuild.robust.NeverACrashTest"), "--debug prints the trace");
      assertTrue(Files.exists(dir.resolve("out/test-book.pdf")));
    } finally {
      Transforms.LIST.remove(buggy);
    }
  }
}
