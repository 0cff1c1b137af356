package org.bookbuild.parse.myst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, acceptance 5: the opening page of the EECS 245 course notes builds as a one-chapter book with no warning
 * (it holds no iframe), its {@code :::{warning}} prints as a titled box and its HTML comment does not print.
 */
class CourseIntroTest {
  @TempDir Path tmp;

  @Test
  void eecs245IntroBuildsCleanly() throws Exception {
    Path src = org.bookbuild.parse.corpus.CorpusAccess.path("eecs245-intro/index.md");
    Assumptions.assumeTrue(Files.exists(src), "corpus not present");
    Files.copy(src, tmp.resolve("index.md"));
    Files.writeString(tmp.resolve("book.yml"), "title: Mathematics for Machine Learning\nauthors:\n"
        + "  - name: Suraj Rampure\ndate: 2025-06-01\nlicense: CC-BY-NC-ND-4.0\ntoc:\n  - file: index.md\n");
    Diagnostics diags = new Diagnostics();
    Pipeline.Result r = Pipeline.build(new DiskWorld(tmp, Map.of("SOURCE_DATE_EPOCH", "1767225600")),
        new Pipeline.Request(tmp.resolve("out/book.pdf"), false), diags);
    List<String> problems = diags.all().stream().filter(d -> !d.ruleId().contains("iframe")).map(Diagnostic::format)
        .toList();
    assertEquals(List.of(), problems);
    StringBuilder sb = new StringBuilder();
    try (PdfInspector in = PdfInspector.open(r.pdf())) {
      for (int p = 0; p < in.pageCount(); p++) sb.append(in.text(p)).append('\n');
    }
    String text = sb.toString().replaceAll("-\\n", "").replaceAll("\\s+", " ");
    for (String s : List.of("Warning", "These notes are under active development", "So, why write these notes?",
        "Essence of Linear Algebra", "CC BY-NC-ND 4.0")) {
      assertTrue(text.contains(s), "PDF has '" + s + "'");
    }
    assertTrue(!text.contains("TODO embed"), "the HTML comment does not print");
  }
}
