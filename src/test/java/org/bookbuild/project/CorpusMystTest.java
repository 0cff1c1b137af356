package org.bookbuild.project;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Severity;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 3 of issue 6: a real course page in a myst.yml project, and myst.yml math macros. */
class CorpusMystTest {
  @TempDir Path dir;

  @Test
  void eecs245IndexBuildsInAMystProject() throws Exception {
    // The EECS 245 course notes (Suraj Rampure) are licensed CC BY-NC-ND 4.0; the page is copied into a temporary
    // project only for this build and is neither changed nor kept.
    Path src = Path.of("../shared/corpus/eecs245-intro/index.md");
    if (!Files.exists(src)) src = Path.of("/work/shared/corpus/eecs245-intro/index.md");
    Assumptions.assumeTrue(Files.exists(src), "course corpus not present");
    String myst = """
        version: 1
        project:
          title: Mathematics for Machine Learning
          authors:
            - name: Suraj Rampure
          license: CC-BY-NC-ND-4.0
          github: https://github.com/eecs245/notes
          toc:
            - file: index.md
        site:
          template: book-theme
        """;
    var built = PipelineBooks.build(dir, Map.of("myst.yml", myst, "index.md", Files.readString(src)));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    assertFalse(built.diags().hasErrors(), built.diags().all().toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      String all = ProjectFormatsTest.text(pdf);
      assertTrue(all.contains("Course Notes for EECS 245"));
      assertTrue(all.contains("CC BY-NC-ND 4.0"));
    }
  }

  @Test
  void mystMathMacrosRender() throws Exception {
    String myst = """
        version: 1
        project:
          title: Macros
          license: CC-BY-4.0
          math:
            '\\RR': '\\mathbb{R}'
            '\\norm': '\\left\\lVert #1 \\right\\rVert'
            '\\E':
              macro: '\\mathbb{E}'
          toc:
            - file: a.md
        """;
    var built = PipelineBooks.build(dir, Map.of("myst.yml", myst,
        "a.md", "# Norms\n\nFor $x \\in \\RR^n$ the norm $\\norm{x}$ and $\\E[X]$.\n\n$$\n\\norm{x + y} \\le \\norm{x} + \\norm{y}\n$$\n"));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    assertTrue(built.diags().all().stream().noneMatch(d -> d.severity() != Severity.INFO), built.diags().all().toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      String all = ProjectFormatsTest.text(pdf);
      assertFalse(all.contains("\\norm") || all.contains("\\RR") || all.contains("\\E"), all);
    }
  }
}
