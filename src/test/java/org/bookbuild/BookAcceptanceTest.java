package org.bookbuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2, acceptance 3: the sample book in this repository, built twice by the real pipeline; issue 15, acceptance
 * 1: veraPDF finds no failed PDF/UA-1 rule in it.
 */
class BookAcceptanceTest {
  @Test
  void sampleBookIsPrintableAndReproducible(@TempDir Path out) throws Exception {
    BookChecks.Built first = BookChecks.build(Path.of("."), out, "first");
    BookChecks.Built second = BookChecks.build(Path.of("."), out, "second");
    assertArrayEquals(first.pdf(), second.pdf(), "two builds of the same sources give identical bytes");
    BookChecks.assertPrintableBook(first, false);
    // Issue 15, acceptance 1: the screen PDF is tagged and passes PDF/UA-1 as veraPDF checks it.
    java.util.Map<String, String> failed = org.bookbuild.testing.Vera.failures(first.pdf(), "ua1");
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of(), failed, "veraPDF: failed PDF/UA-1 rules");
  }
}
