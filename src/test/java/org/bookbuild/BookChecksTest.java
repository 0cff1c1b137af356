package org.bookbuild;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bookbuild.check.PdfInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The acceptance checks must be able to fail: a book whose style pushes text into the margin is caught. */
class BookChecksTest {
  @Test
  void textPushedIntoTheMarginIsCaught(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("book");
    LicenceAcceptanceTest.copy(LicenceAcceptanceTest.SMALL, project);
    Files.writeString(project.resolve("style.yml"), "roles:\n  para: {start-indent: -30pt}\n");
    BookChecks.Built b = BookChecks.build(project, dir.resolve("out"), "wide");
    try (PdfInspector pdf = PdfInspector.open(b.pdf())) {
      AssertionFailedError e = assertThrows(AssertionFailedError.class,
          () -> BookChecks.checkGlyphsInsideTextArea(b.style(), pdf));
      assertTrue(e.getMessage().contains("outside the text area"), e.getMessage());
    }
  }
}
