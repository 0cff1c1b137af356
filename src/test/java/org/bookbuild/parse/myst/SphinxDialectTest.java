package org.bookbuild.parse.myst;

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
 * Constructs of Sphinx, its extensions and mystmd that unseen course books write and that used to print as
 * "unknown directive/role" boxes (or, for rST enumerated lists, with the wrong labels): each now reaches the page in
 * its printed form, and what paper cannot show (a mermaid diagram, a video) prints as something useful with a
 * diagnostic at its line.
 */
class SphinxDialectTest {
  @TempDir Path dir;

  static final String CHAPTER = """
      # Dialect

      Choose {guilabel}`&Edit` then {menuselection}`File --> Save As`, open {file}`setup.cfg`, run
      {command}`make` and type {samp}`print({value})`. See {pep}`8`, {func}`numpy.sum`, {meth}`~pandas.DataFrame.head`,
      {py:class}`collections.Counter` and {bdg-primary}`Badgeword` {octicon}`star`.

      ```{versionadded} 1.2 Widgetline is new.
      ```

      :::{deprecated} 3.0
      Gadgetline is old.
      :::

      ```{mermaid}
      graph TD;
        Alpha-->Beta;
      ```

      ```{youtube} abc123XYZ
      ```

      ````{tab-set-code}
      ```python
      print("tabcode")
      ```
      ````

      ```{highlight} python
      ```

      ```{hlist}
      :columns: 2
      * Hlistitem
      ```

      :::{proof:theorem} Mystspelling
      Proofalias body.
      :::

      Cited in a footnote {footcite}`knuth84`, named {cite:ct}`knuth84`, and quietly {cite:empty}`lee20`.

      ```{footbibliography}
      ```

      ```{eval-rst}
      a. Alphaone
      b. Alphatwo

      (i) Romanone
      (ii) Romantwo

      .. versionchanged:: 2.0
         Rstchanged body.
      ```
      """;

  static final String BIB = """
      @book{knuth84, author = {Donald Knuth}, title = {The Bookoftex}, year = {1984}, publisher = {AW}}
      @book{lee20, author = {Ron Lee}, title = {Quietwork}, year = {2020}, publisher = {P}}
      """;

  static final String NOTEBOOK = """
      {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
       "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Notebook\\n", "\\n", "Cellprose.\\n"]},
        {"cell_type": "raw", "metadata": {"format": "text/latex"}, "source": ["\\\\newpage"]}
       ]}
      """;

  @Test
  void sphinxAndMystConstructsReachThePage() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("bibliography: [refs.bib]\ncitation-style: author-year\n", "a.md", "nb.ipynb"),
        "a.md", CHAPTER,
        "refs.bib", BIB,
        "nb.ipynb", NOTEBOOK));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    List<Diagnostic> warnings = built.diags().all().stream().filter(d -> d.severity() != Severity.INFO).toList();
    assertEquals(1, warnings.size(), () -> "only the mermaid diagram is reported: " + warnings);
    Diagnostic mermaid = warnings.get(0);
    assertEquals("diagram-not-drawn", mermaid.ruleId());
    assertEquals(14, mermaid.pos().line(), "at the diagram's fence");
    List<Diagnostic> omitted = built.rule("print-omitted");
    for (String what : List.of("{octicon}", "{youtube}", "{highlight}", "{footbibliography}", "raw cell")) {
      assertTrue(omitted.stream().anyMatch(d -> d.message().contains(what)), what + " left out is said: " + omitted);
    }

    StringBuilder text = new StringBuilder();
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) text.append(pdf.text(p)).append('\n');
    }
    String all = text.toString().replaceAll("\\s+", " ");
    for (String w : List.of("Choose Edit then File \u2023 Save As", "setup.cfg", "make", "print(value)", "PEP 8",
        "numpy.sum()", "head()", "collections.Counter", "Badgeword",
        "Added in version 1.2: Widgetline is new.", "Deprecated since version 3.0: Gadgetline is old.",
        "Mermaid diagram", "Alpha-->Beta", "https://www.youtube.com/watch?v=abc123XYZ",
        "python", "print(\"tabcode\")", "Hlistitem", "Theorem 1.1 (Mystspelling)", "Proofalias body",
        "The Bookoftex", "Knuth (1984)", "Quietwork",
        "a. Alphaone", "b. Alphatwo", "(i) Romanone", "(ii) Romantwo", "Changed in version 2.0: Rstchanged body.")) {
      assertTrue(all.contains(w), "'" + w + "' is printed: " + all);
    }
    assertFalse(all.contains("{guilabel}") || all.contains("{footcite}") || all.contains("{versionadded}"),
        "no role or directive printed as written");
    assertFalse(all.contains("newpage"), "the raw cell is not printed");
    assertFalse(all.contains("{cite:empty}") || all.matches(".*quietly \\(.*"), "cite:empty prints nothing");
    assertTrue(all.indexOf("Quietwork") > all.indexOf("Choose Edit"), "a cite:empty work is listed in the bibliography");
  }

  /**
   * A footnote a note box refers to but the page defines at its foot, {@code :pyobject:}, and card images: the note
   * was "undefined" and its definition reported as dropped, the whole file was printed with a warning, and the
   * images were left out without a word.
   */
  @Test
  void pageFootnotesInBoxesPyobjectAndCardImages() throws Exception {
    java.nio.file.Files.write(dir.resolve("pic.png"), tinyPng());
    var again = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "a.md"),
        "a.md", """
            # Page

            :::{note}
            Boxed claim[^far].
            :::

            ```{literalinclude} code.py
            :pyobject: Widget.spin
            ```

            :::{card} Cardtitle
            :img-top: pic.png
            Cardbody.
            :::

            [^far]: Farfootnote text.
            """,
        "code.py", "class Widget:\n    @property\n    def spin(self):\n        return 42\n\n    def stop(self):\n"
            + "        return 'stopline'\n\ndef spin():\n    return 'toplevel'\n"));
    assertNotNull(again.pdf(), () -> again.diags().all().toString());
    List<Diagnostic> bad = again.diags().all().stream().filter(d -> d.severity() != Severity.INFO
        && !d.ruleId().equals("image-resolution")).toList();
    assertEquals(List.of(), bad);
    StringBuilder text = new StringBuilder();
    int images = 0;
    try (PdfInspector pdf = PdfInspector.open(again.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) {
        text.append(pdf.text(p)).append('\n');
        images += pdf.images(p).size();
      }
    }
    String all = text.toString().replaceAll("\\s+", " ");
    assertTrue(all.contains("Farfootnote text"), all);
    assertTrue(all.contains("@property def spin(self): return 42"), all);
    assertFalse(all.contains("stopline") || all.contains("toplevel"), "only Widget.spin: " + all);
    assertEquals(1, images, "the card's image is printed");
  }

  private static byte[] tinyPng() throws java.io.IOException {
    java.awt.image.BufferedImage im = new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(im, "png", out);
    return out.toByteArray();
  }
}
