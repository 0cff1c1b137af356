package org.bookbuild.parse.notebook;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 7, acceptance: a book using every construct of real Jupyter Book / MyST-NB books that used to be
 * refused builds with 0 warnings, and what each one should print is on the page.
 */
class RealBookConstructsTest {
  @TempDir Path dir;

  static final String CHAPTER = """
      # Constructs

      (sec-constructs)=
      ## Theorems and raw

      :::{prf:Theorem} Sphinx names
      :label: thm-case
      Directive names are case-insensitive.
      :::

      ```{raw} latex
      \\begin{equation}
      a^2 + b^2 = c^2
      \\end{equation}
      ```

      ```{raw} html
      <p>RAWHTMLONLY</p>
      ```

      ```{only} latex
      Onlylatexkept paragraph.
      ```

      ```{only} html
      ONLYHTMLGONE paragraph.
      ```

      ```{only} not html and (pdf or latex)
      Onlyexpressionkept paragraph.
      ```

      ```{nb-exec-table}
      ```

      ## Screens printed flat

      ```{toggle}
      Toggledcontent shows in print.
      ```

      ````{panels}
      :column: col-lg-6
      Panelheaderone
      ^^^
      Panelbodyone
      +++
      Panelfooterone
      ---
      Panelbodytwo
      ````

      ```{button-link} https://example.org/start
      Buttondirectivetext
      ```

      A {button}`Buttonroletext <https://example.org/go>` inline.

      ```{dropdown} Dropdowntitle
      :open:
      :animate: fade-in-slide-down
      Dropdownbody here.
      ```

      ::::{tab-set}
      :::{tab-item} Tabone
      Tabonecontent.
      :::
      ::::

      ::::{grid} 2
      :::{grid-item-card} Gridcard
      Gridcardbody.
      :::
      :::{grid-item}
      Griditembody.
      :::
      ::::

      :::{card} Cardtitle
      Cardbody.
      :::

      ## References

      Get {download}`the data <data/values.csv>`. See {ref}`pyprog:pandas` and {doc}`the guide <pyprog:user_guide/index>`,
      and {prf:ref}`thm-case` and {numref}`fig-line`.

      ```{code-cell} ipython3
      ---
      mystnb:
        figure:
          caption: Codecellfigure caption.
          name: fig-line
      ---
      plt.plot([1, 2])
      ```
      """;

  @Test
  void everyConstructBuildsWithoutWarnings() throws Exception {
    Nb nb = new Nb().markdown("# Glued\n\nThe answer is {glue:}`answer`, the ratio {glue:text}`ratio:.2f`.");
    ObjectNode cell = nb.code("glue('answer', 42)\nglue('ratio', 0.12345)\nglue('fig', fig)\nglue('eq', expr)");
    glue(cell, "answer", Map.of("text/plain", "42"));
    glue(cell, "ratio", Map.of("text/plain", "0.12345"));
    glue(cell, "fig", Map.of("text/plain", "<Figure>", "image/png", Nb.png(120, 80)));
    glue(cell, "eq", Map.of("text/plain", "x**2", "text/latex", "$\\displaystyle x^{2}$"));
    nb.markdown("```{glue:figure} fig\n:name: fig-glued\nGluedfigure caption.\n```\n\n```{glue:math} eq\n:label: eq-glued\n```\n\n"
        + "See {numref}`fig-glued`.");
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("references:\n  pyprog: https://example.org/pyprog/\n", "a.md", "nb.ipynb"),
        "a.md", CHAPTER,
        "nb.ipynb", nb.json()));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    List<Diagnostic> bad = built.diags().all().stream().filter(d -> d.severity() != Severity.INFO).toList();
    assertEquals(List.of(), bad, "no warnings");
    StringBuilder text = new StringBuilder();
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) text.append(pdf.text(p)).append('\n');
    }
    String all = text.toString();
    for (String w : List.of("Sphinx names", "Onlylatexkept", "Onlyexpressionkept", "Toggledcontent", "Panelheaderone",
        "Panelbodyone", "Panelfooterone", "Panelbodytwo", "Buttondirectivetext", "Buttonroletext", "Dropdowntitle",
        "Dropdownbody", "Tabone", "Tabonecontent", "Gridcard", "Griditembody", "Cardtitle", "Cardbody", "the data",
        "values.csv", "pandas", "the guide", "Codecellfigure", "plt.plot", "The answer is 42", "the ratio 0.12",
        "Gluedfigure caption")) {
      assertTrue(all.contains(w), "'" + w + "' is printed: " + all);
    }
    assertFalse(all.contains("RAWHTMLONLY") || all.contains("ONLYHTMLGONE"), "web-only content left out");
    assertFalse(all.contains("??"), "every reference resolves or prints its text");
    assertTrue(all.matches("(?s).*Figure 1\\.1.*"), "the code cell with a caption is a numbered figure");
    assertTrue(all.matches("(?s).*Figure 2\\.1.*"), "the glued figure is a numbered figure");
    assertEquals(1, built.rule("ref-external").size(), "references into other projects are listed once");
    assertTrue(built.rule("print-omitted").size() >= 2, "what is left out is said ({raw} html, {nb-exec-table})");
  }

  private static void glue(ObjectNode cell, String name, Map<String, String> data) {
    ObjectNode o = ((com.fasterxml.jackson.databind.node.ArrayNode) cell.get("outputs")).addObject();
    ObjectNode d = o.putObject("data");
    data.forEach((k, v) -> d.put("application/papermill.record/" + k, v));
    o.putObject("metadata").putObject("scrapbook").put("mime_prefix", "application/papermill.record/").put("name", name);
    o.put("output_type", "display_data");
  }
}
