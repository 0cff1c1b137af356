package org.bookbuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 2, acceptance 4: a small two-chapter book (the first chapter ends on a recto, so a blank verso follows) built
 * with its licence switched to each CC 4.0 licence and to CC0, each passing every structural check and reproducible.
 */
class LicenceAcceptanceTest {
  static final Path SMALL = Path.of("src/test/resources/books/small");

  @ParameterizedTest
  @ValueSource(strings = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
      "CC-BY-NC-ND-4.0", "CC0-1.0"})
  void everyLicenceGivesAPrintableLicensedBook(String licence, @TempDir Path dir) throws Exception {
    Path project = dir.resolve("book");
    copy(SMALL, project);
    String yml = Files.readString(project.resolve("book.yml"));
    Files.writeString(project.resolve("book.yml"), yml.replaceFirst("(?m)^license: .*$", "license: " + licence));
    BookChecks.Built first = BookChecks.build(project, dir.resolve("out"), "a");
    BookChecks.Built second = BookChecks.build(project, dir.resolve("out"), "b");
    assertEquals(licence, first.book().meta().license());
    assertArrayEquals(first.pdf(), second.pdf(), "two builds give identical bytes");
    BookChecks.assertPrintableBook(first, true);
  }

  static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }
}
