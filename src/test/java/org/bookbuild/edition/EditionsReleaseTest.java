package org.bookbuild.edition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.cli.Main;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named editions from one source (student: no solutions; instructor: solutions inline and {only} instructor notes),
 * {@code --all-editions}, {@code --split} page labels, and {@code book release} twice from one tag giving identical bytes.
 */
class EditionsReleaseTest {
  static final String YML = PipelineBooks.bookYml("""
      solutions: end-of-book
      editions:
        student:
          solutions: omit
        instructor:
          solutions: inline
          include: [instructor]
      """, "ch1.md", "ch2.md");

  static final String CH1 = """
      # Norms

      The norm measures length.

      ```{only} instructor
      Teaching note: ask for a sketch before any algebra.
      ```

      :::{exercise}
      :label: ex-one
      Compute the norm of the vector with entries three and four.
      :::

      :::{solution} ex-one
      The answer is five by Pythagoras.
      :::

      :::{note}
      :class: instructor
      Hint for tutors: most students forget the square root.
      :::
      """;

  static final String CH2 = """
      # Angles

      The cosine of the angle comes from the dot product; see {ref}`ex-one`.

      :::{exercise}
      :label: ex-two
      Find the angle between the two axes.
      :::

      :::{solution} ex-two
      A right angle, ninety degrees.
      :::
      """;

  static int cli(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    System.err.print(err);
    return rc;
  }

  static String all(Path pdf) throws Exception {
    try (PdfInspector in = PdfInspector.open(pdf)) {
      StringBuilder sb = new StringBuilder();
      for (int p = 0; p < in.pageCount(); p++) sb.append(in.text(p)).append('\n');
      return sb.toString().replaceAll("\\s+", " ");
    }
  }

  @Test
  void allEditionsStudentAndInstructor(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("book.yml"), YML);
    Files.writeString(dir.resolve("ch1.md"), CH1);
    Files.writeString(dir.resolve("ch2.md"), CH2);
    assertEquals(0, cli("build", dir.toString(), "--all-editions", "--split"));
    String student = all(dir.resolve("out/test-book-student.pdf"));
    String instructor = all(dir.resolve("out/test-book-instructor.pdf"));
    for (String s : List.of("five by Pythagoras", "ninety degrees", "Teaching note", "Hint for tutors")) {
      assertFalse(student.contains(s), "student edition prints: " + s);
      assertTrue(instructor.contains(s), "instructor edition lacks: " + s);
    }
    assertTrue(student.contains("Student edition"), student);
    // --split: a reference into another chapter carries that page, since the chapter file lacks it
    assertTrue(java.util.regex.Pattern.compile("see Exercise 1\\.1, page \\d+").matcher(instructor).find(), instructor);
    assertTrue(instructor.contains("Instructor edition"), instructor);
    // --split: each chapter file's page labels are the whole book's for those pages
    try (PdfInspector whole = PdfInspector.open(dir.resolve("out/test-book-instructor.pdf"))) {
      List<String> labels = whole.pageLabels();
      List<Path> parts;
      try (var s = Files.list(dir.resolve("out/chapters"))) {
        parts = s.filter(p -> p.toString().endsWith("-instructor.pdf")).sorted().toList();
      }
      assertEquals(List.of("01-norms-instructor.pdf", "02-angles-instructor.pdf"), parts.stream().map(p -> p.getFileName().toString()).toList());
      int at = -1;
      for (Path part : parts) {
        try (PdfInspector c = PdfInspector.open(part)) {
          List<String> cl = c.pageLabels();
          int start = labels.indexOf(cl.get(0));
          assertTrue(start > at, "chapter " + part + " starts at label " + cl.get(0));
          assertEquals(labels.subList(start, start + cl.size()), cl, part.toString());
          assertEquals(whole.text(start), c.text(0));
          at = start;
        }
      }
    }
  }

  @Test
  void releaseTwiceFromOneTagGivesIdenticalBytes(@TempDir Path dir) throws Exception {
    try (GitBooks g = new GitBooks(dir)) {
      g.write(Map.of("book.yml", YML, "ch1.md", CH1, "ch2.md", CH2, ".gitignore", "out/\n"));
      g.commit("first");
      g.tag("2026-fall");
      // the working tree moves on: the release is built from the tag, not from these files
      g.write("ch1.md", CH1.replace("The norm measures length.", "Uncommitted text that must not be released."));
      assertEquals(0, cli("release", dir.toString(), "2026-fall"));
      Path rel = dir.resolve("out/release/2026-fall");
      Map<String, byte[]> first = new java.util.TreeMap<>();
      try (var s = Files.list(rel)) {
        for (Path p : s.toList()) first.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
      assertEquals(java.util.Set.of("manifest.json", "test-book-student.pdf", "test-book-instructor.pdf"), first.keySet());
      String manifest = new String(first.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(manifest.contains("\"version\": \"2026-fall\""), manifest);
      assertTrue(manifest.contains(Release.sha256(first.get("test-book-student.pdf"))), manifest);
      assertTrue(manifest.contains("\"pages\": "), manifest);
      String student = all(rel.resolve("test-book-student.pdf"));
      assertTrue(student.contains("The norm measures length."), student);
      assertTrue(student.contains("Version 2026-fall"), student);
      assertFalse(student.contains("Draft"), student);

      // again, from scratch
      for (String f : first.keySet()) Files.delete(rel.resolve(f));
      assertEquals(0, cli("release", dir.toString(), "2026-fall"));
      for (Map.Entry<String, byte[]> e : first.entrySet()) {
        assertArrayEquals(e.getValue(), Files.readAllBytes(rel.resolve(e.getKey())), e.getKey() + " differs");
      }
    }
  }
}
