package org.bookbuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2, acceptance 3: the sample book in this repository, built twice by the real pipeline. */
class BookAcceptanceTest {
  @Test
  void sampleBookIsPrintableAndReproducible(@TempDir Path out) throws Exception {
    BookChecks.Built first = BookChecks.build(Path.of("."), out, "first");
    BookChecks.Built second = BookChecks.build(Path.of("."), out, "second");
    assertArrayEquals(first.pdf(), second.pdf(), "two builds of the same sources give identical bytes");
    BookChecks.assertPrintableBook(first, false);
  }
}
