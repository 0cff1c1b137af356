package org.bookbuild.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes (info diagnostics: what the book prints differently from the source or leaves out on purpose) are counted
 * under every build, so they are never invisible, and {@code --notes} prints each one at its place in the sources.
 */
class NotesTest {
  @TempDir Path project;
  @TempDir Path elsewhere;

  @Test
  void aBuildCountsItsNotesAndNotesPrintsThemAtTheirPlace() throws Exception {
    TestBooks.write(project, Map.of("book.yml", TestBooks.bookYml("CC-BY-4.0", "page.md"),
        "page.md", "# Page\n\n```{div} wide-box\nText inside the box.\n```\n"));
    String pdf = elsewhere.resolve("book.pdf").toString();

    TestBooks.Run plain = TestBooks.cli("build", project.toString(), "--out", pdf);
    assertEquals(0, plain.status(), plain.stderr());
    assertTrue(plain.stderr().contains("book: 1 note (directive-argument-classes 1) on what is printed differently"),
        plain.stderr());
    assertFalse(plain.stderr().contains("info:"), "the note itself only with --notes: " + plain.stderr());

    TestBooks.Run listed = TestBooks.cli("build", project.toString(), "--out", pdf, "--notes");
    assertEquals(0, listed.status(), listed.stderr());
    assertTrue(listed.stderr().matches("(?s).*page\\.md:3:\\d+: info: .*\\[directive-argument-classes\\].*"), listed.stderr());
    assertFalse(listed.stderr().contains("book: 1 note"), listed.stderr());

    TestBooks.Run quiet = TestBooks.cli("build", project.toString(), "--out", pdf, "--quiet");
    assertEquals("", quiet.stderr().trim(), "--quiet prints errors only");
  }
}
