package org.bookbuild.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear line on stderr and the documented exit status, never a stack trace. */
class CliErrorsTest {
  @TempDir Path dir;

  private static void noTrace(TestBooks.Run r) {
    assertFalse(r.stderr().contains("\tat "), "stack trace printed:\n" + r.stderr());
    assertFalse(r.stderr().contains("Exception in thread"), r.stderr());
  }

  @Test
  void missingChapterIsAContentErrorAtItsTocLine() throws Exception {
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "one.md", "missing.md"), "one.md", "# One\n\nText.\n"));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(1, r.status(), r.stderr());
    assertTrue(r.stderr().contains("book.yml:7:5: error: chapter file not found: missing.md [chapter-missing]"), r.stderr());
    assertTrue(Files.exists(dir.resolve("out/test-book.pdf")), "the rest of the book is still written");
    noTrace(r);
  }

  @Test
  void malformedYamlNamesItsLineAndExitsTwo() throws Exception {
    TestBooks.write(dir, Map.of("book.yml", "title: Broken\nauthors: [unclosed\ntoc:\n  - file: a.md\n"));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(2, r.status(), r.stderr());
    assertTrue(r.stderr().matches("(?s).*book\\.yml:\\d+:\\d+: error: malformed YAML.*\\[config-yaml\\].*"), r.stderr());
    noTrace(r);
  }

  @Test
  void unknownKeyWarnsWithItsLine() throws Exception {
    TestBooks.write(dir, Map.of("book.yml", "title: T\ncolours: blue\ntoc:\n  - file: a.md\n", "a.md", "# A\n"));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(0, r.status(), r.stderr());
    assertTrue(r.stderr().contains("book.yml:2:1: warning: unknown key 'colours'"), r.stderr());
    TestBooks.Run strict = TestBooks.cli("build", dir.toString(), "--strict");
    assertEquals(1, strict.status(), "--strict turns the warning into a failure");
  }

  @Test
  void unknownLicenceIsAConfigurationErrorAtItsLine() throws Exception {
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml("CC-BY-XYZ-9.0", "a.md"), "a.md", "# A\n"));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(2, r.status(), r.stderr());
    assertTrue(r.stderr().contains("book.yml:5:10: error: unknown licence id 'CC-BY-XYZ-9.0'"), r.stderr());
    assertFalse(Files.exists(dir.resolve("out/test-book.pdf")));
    noTrace(r);
  }

  @Test
  void unreadableProjectFolderExitsTwo() {
    TestBooks.Run r = TestBooks.cli("build", dir.resolve("no-such-folder").toString());
    assertEquals(2, r.status());
    assertTrue(r.stderr().contains("[project-unreadable]"), r.stderr());
    noTrace(r);
  }

  @Test
  void folderWithoutBookYmlExitsTwo() {
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(2, r.status());
    assertTrue(r.stderr().contains("no book.yml"), r.stderr());
  }

  @Test
  void badArgumentsExitTwoAndHelpWorks() {
    assertEquals(2, TestBooks.cli("build", "--no-such-flag").status());
    TestBooks.Run help = TestBooks.cli("build", "--help");
    assertEquals(0, help.status());
    assertTrue(help.stdout().contains("--strict"), help.stdout());
  }
}
