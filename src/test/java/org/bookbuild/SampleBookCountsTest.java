package org.bookbuild;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.check.PdfInspector.OutlineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 2: the sample book in this repository keeps its size and its apparatus — pages, chapters,
 * generated figures, numbered equations, exercises with their solutions at the end, an index and a bibliography —
 * counted on the built PDF, so that a change which drops any of them fails here rather than going unnoticed.
 */
class SampleBookCountsTest {
  private static final String NUMBER = "([0-9]+|[A-Z])\\.[0-9]+";

  @Test
  void theSampleBookHasItsFullApparatus(@TempDir Path out) throws Exception {
    BookChecks.Built b = BookChecks.build(Path.of("."), out, "sample");
    try (PdfInspector pdf = PdfInspector.open(b.pdf())) {
      assertTrue(pdf.pageCount() >= 60, "at least 60 pages, found " + pdf.pageCount());

      long chapters = pdf.outlineFlat().stream().filter(e -> e.title().matches("[0-9]+ \\D.*")).count();
      assertTrue(chapters >= 6, "at least six numbered chapters in the bookmarks, found " + chapters);

      StringBuilder all = new StringBuilder();
      for (int p = 0; p < pdf.pageCount(); p++) all.append(pdf.text(p)).append('\n');
      String text = all.toString();
      Set<String> figures = numbers(Pattern.compile("(?m)^Figure (" + NUMBER + ")\\. "), text);
      assertTrue(figures.size() >= 12, "at least 12 figure captions, found " + figures);
      Set<String> equations = numbers(Pattern.compile("(?m)\\((" + NUMBER + ")\\)\\s*$"), text);
      assertTrue(equations.size() >= 60, "at least 60 numbered equations, found " + equations.size());

      // solutions come after every chapter; text extraction may break "Solution to Exercise" across lines
      int solutionsPage = pageOf(pdf, "Solutions to the Exercises");
      StringBuilder body = new StringBuilder(), back = new StringBuilder();
      for (int p = 0; p < pdf.pageCount(); p++) (p < solutionsPage ? body : back).append(pdf.text(p)).append('\n');
      Set<String> exercises = numbers(Pattern.compile("(?m)^Exercise (" + NUMBER + ")\\. "), body.toString());
      Set<String> solutions = numbers(Pattern.compile("SolutiontoExercise(" + NUMBER + ")\\."),
          back.toString().replaceAll("\\s+", ""));
      assertTrue(exercises.size() >= 30, "at least 30 exercises, found " + exercises.size());
      assertEquals(exercises, solutions, "every exercise has its solution at the end of the book, and only those");

      assertTrue(pageOf(pdf, "Index") > solutionsPage, "an index after the solutions");
      assertTrue(pageOf(pdf, "Bibliography") > 0 || pageOf(pdf, "References") > 0, "a bibliography");
    }
  }

  private static Set<String> numbers(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** The page a top-level bookmark with this title points at, or -1. */
  private static int pageOf(PdfInspector pdf, String title) throws Exception {
    for (OutlineEntry e : pdf.outlineFlat()) if (e.title().equals(title)) return e.page();
    return -1;
  }
}
