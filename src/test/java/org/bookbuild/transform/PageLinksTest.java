package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links between a book's pages as Jupyter Book and notebook authors write them — by file name, relative to the page,
 * with a heading anchor in MyST's or Jupyter's form — land on the page and heading they name. They used to be
 * written into the PDF as links to files ("../ch2/intro.md") a reader's viewer cannot open, and {@code #heading}
 * anchors were unresolved.
 */
class PageLinksTest {
  @TempDir Path dir;

  @Test
  void linksToOtherPagesAndHeadingAnchorsAreInternal() throws Exception {
    String nb = """
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
         "cells": [{"cell_type": "markdown", "metadata": {},
           "source": ["# Third page\\n", "\\n", "## Far Section\\n", "\\n", "Back to [the first](../ch1/intro.md).\\n"]}]}
        """;
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "ch1/intro.md", "ch2/intro.md", "ch3/nb.ipynb"),
        "ch1/intro.md", """
            # First page

            See [the second page](../ch2/intro.md), [its heading](../ch2/intro.md#whats-new), [the notebook's
            section](../ch3/nb.ipynb#Far-Section), [here](#Local-heading) and [the web](https://example.org/x).

            ## Local heading

            Text.
            """,
        "ch2/intro.md", """
            # Second page

            Filler.

            ## What's new?

            Text.
            """,
        "ch3/nb.ipynb", nb));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    assertEquals(List.of(), built.rule("ref-unresolved"));
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      List<PdfInspector.Link> links = pdf.links().stream().filter(l -> l.uri() == null || !l.uri().startsWith("http")).toList();
      assertEquals(List.of(), links.stream().filter(l -> !l.internal()).toList(), "no link to a file name");
      int second = pageWith(pdf, "Filler.");
      int far = pageWith(pdf, "Back to the first");
      int first = pageWith(pdf, "See the second page");
      List<Integer> targets = links.stream().filter(l -> l.page() == first).map(PdfInspector.Link::target).toList();
      assertTrue(targets.contains(second), "the second page: " + targets + " vs " + second);
      assertTrue(targets.contains(far), "the notebook's heading, by its Jupyter anchor: " + targets + " vs " + far);
      assertTrue(targets.contains(first), "a heading of the same page by its anchor: " + targets);
      assertTrue(pdf.links().stream().anyMatch(l -> "https://example.org/x".equals(l.uri())), "web links stay");
      assertTrue(pdf.links().stream().anyMatch(l -> l.page() == far && l.target() == first), "the notebook's link back");
    }
  }

  /** mystmd prints {@code [](#label)} of a numbered block as its numbered name; MyST (Jupyter Book) as its caption. */
  @Test
  void emptyLinkTextFollowsTheProjectsDialect() throws Exception {
    String page = """
        # Page

        ```{list-table} Captionwords here
        :name: tbl-x
        * - a
        ```

        Linkline [](#tbl-x) end.
        """;
    var mystmd = PipelineBooks.build(dir.resolve("mystmd"), Map.of(
        "myst.yml", "version: 1\nproject:\n  title: T\n  toc:\n    - file: a.md\n", "a.md", page));
    var jb = PipelineBooks.build(dir.resolve("jb"), Map.of(
        "book.yml", PipelineBooks.bookYml("", "a.md"), "a.md", page));
    assertTrue(text(mystmd.pdf()).contains("Linkline Table 1.1 end."), text(mystmd.pdf()));
    assertTrue(text(jb.pdf()).contains("Linkline Captionwords here end."), text(jb.pdf()));
  }

  private static String text(Path pdfFile) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (PdfInspector pdf = PdfInspector.open(pdfFile)) {
      for (int p = 0; p < pdf.pageCount(); p++) sb.append(pdf.text(p)).append('\n');
    }
    return sb.toString().replaceAll("\\s+", " ");
  }

  private static int pageWith(PdfInspector pdf, String text) throws Exception {
    for (int p = 0; p < pdf.pageCount(); p++) if (pdf.text(p).replaceAll("\\s+", " ").contains(text)) return p;
    fail("no page shows '" + text + "'");
    return -1;
  }

  /**
   * A link to a file that is no page (data, a script) has nothing to click on paper: its text prints with the path,
   * as {download} does, noted once as link-to-file; a path no file answers to is link-broken at its position. A link
   * to a page's web name (intro.html) is a link to the page.
   */
  @Test
  void linksToFilesPrintTheirPathAndBrokenOnesAreReported() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "ch1/intro.md", "ch2/other.md"),
        "ch1/intro.md", """
            # First page

            Get [the measurements](../data/values.csv) and [](run.py).

            Also [the missing notes](../notes/gone.md) and [the web page](../ch2/other.html).
            """,
        "data/values.csv", "a,b\n1,2\n",
        "ch1/run.py", "print(1)\n",
        "ch2/other.md", "# Other page\n\nText.\n"));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    List<org.bookbuild.diag.Diagnostic> broken = built.rule("link-broken");
    assertEquals(1, broken.size(), () -> built.diags().all().toString());
    assertEquals(5, broken.get(0).pos().line());
    assertTrue(broken.get(0).message().contains("../notes/gone.md"), broken.toString());
    assertEquals(1, built.rule("link-to-file").size(), () -> built.diags().all().toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      StringBuilder sb = new StringBuilder();
      for (int p = 0; p < pdf.pageCount(); p++) sb.append(pdf.text(p)).append('\n');
      String all = sb.toString().replaceAll("\\s+", " ");
      assertTrue(all.contains("Get the measurements (../data/values.csv) and run.py."), all);
      assertTrue(all.contains("Also the missing notes and the web page."), all);
      int first = pageWith(pdf, "Get the measurements");
      int other = pageWith(pdf, "Text.");
      assertEquals(List.of(), pdf.links().stream().filter(l -> !l.internal() && !l.uri().startsWith("http")).toList(),
          "no link to a file name");
      assertTrue(pdf.links().stream().anyMatch(l -> l.page() == first && l.target() == other), "the .html link");
    }
  }
}
