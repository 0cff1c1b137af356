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
}
