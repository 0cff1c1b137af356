package org.bookbuild.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Walk;
import org.bookbuild.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

/**
 * The sample book's editions (book.yml editions:), up to the FO (FOP is exercised by EditionsReleaseTest): the student
 * edition has no solution and no teaching note, the instructor edition every solution written in the chapters and the
 * teaching notes; each carries its edition's line and file name.
 */
class SampleEditionsTest {
  static long solutionsInSources() throws Exception {
    long n = 0;
    try (Stream<Path> s = Files.list(Path.of("chapters"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".md")).toList()) {
        n += Files.readAllLines(p).stream().filter(l -> l.startsWith(":::{solution}")).count();
      }
    }
    return n;
  }

  static int count(Book b, String kind) {
    AtomicInteger n = new AtomicInteger();
    for (var c : b.chapters()) Walk.blocks(c.blocks(), node -> {
      if (node instanceof Block.Div d && d.kind().equals(kind)) n.incrementAndGet();
    });
    return n.get();
  }

  @Test
  void studentHasNoSolutionsInstructorHasAll() throws Exception {
    assertEquals(List.of("student", "instructor"), Editions.names(DiskWorld.of(Path.of(".")), new Diagnostics()));
    Diagnostics d1 = new Diagnostics();
    Pipeline.FoResult student = Pipeline.fo(DiskWorld.of(Path.of(".")), d1, new Pipeline.Edition("student", null, false, false));
    Diagnostics d2 = new Diagnostics();
    Pipeline.FoResult instructor = Pipeline.fo(DiskWorld.of(Path.of(".")), d2, new Pipeline.Edition("instructor", null, false, false));
    assertEquals(0, count(student.book(), "solution"));
    assertTrue(count(instructor.book(), "solution") >= solutionsInSources(), "every solution written in the chapters");
    assertFalse(student.fo().fo().contains("Teaching note"));
    assertTrue(instructor.fo().fo().contains("Teaching note"));
    assertTrue(student.fo().fo().contains("Student edition"));
    assertTrue(instructor.fo().fo().contains("Instructor edition"));
    assertEquals("mathematics-for-machine-learning-student", student.project().output());
    assertEquals("mathematics-for-machine-learning-instructor", instructor.project().output());
    assertTrue(d1.byRule("edition-unknown").isEmpty() && d2.byRule("only-expression").isEmpty());
  }
}
