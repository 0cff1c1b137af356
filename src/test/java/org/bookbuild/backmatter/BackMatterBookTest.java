package org.bookbuild.backmatter;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index, glossary and bibliography of a small MyST book built through the whole pipeline, read back from the PDF. */
class BackMatterBookTest {
  @TempDir Path dir;

  static final String BIB = """
      @book{strang2016,
        author = {Gilbert Strang}, title = {Introduction to Linear Algebra},
        publisher = {Wellesley-Cambridge Press}, edition = {5th}, year = 2016,
        url = {https://math.mit.edu/~gs/linearalgebra/}
      }
      @article{broken, author = {A B}, title = {Unclosed
      @book{boyd2004, author = {Stephen Boyd and Lieven Vandenberghe}, title = {Convex Optimization},
        publisher = {Cambridge University Press}, year = 2004}
      @misc{uncited, author = {No One}, title = {Never Cited}, year = 2020}
      """;

  static final String CH1 = """
      # Vectors

      A {index}`vector` has a {term}`norm`, see {cite:t}`strang2016` and {cite:p}`boyd2004,strang2016`.
      An unknown work {cite}`nosuch` and an unknown term {term}`flux capacitor`.

      ```{code-block} python
      :linenos:
      :emphasize-lines: 2
      def norm(v):
          return sum(x * x for x in v) ** 0.5
      ```
      """;

  static final String CH2 = """
      # Matrices

      ```{index} single: matrix; inverse
      ```

      The {index}`!vector <vector>` space and the {index}`Élan <élan>` of {index}`see: eigen; eigenvalue`.
      A bad entry {index}`single: a; b; c; d`.

      :::{glossary}
      Norm
        The length of a vector.

      Matrix
        A rectangular array of numbers.
      :::
      """;

  @Test
  void indexGlossaryAndBibliographyListWhatTheyShouldWithTheirPages() throws Exception {
    var b = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("bibliography:\n  - refs.bib\ncitation-style: numeric", "ch1.md", "ch2.md"),
        "refs.bib", BIB, "ch1.md", CH1, "ch2.md", CH2));
    assertNotNull(b.pdf(), b.diags().all().toString());

    List<Diagnostic> cite = b.rule("cite-unknown");
    assertEquals(1, cite.size());
    assertEquals("ch1.md", cite.get(0).pos().file());
    assertEquals(4, cite.get(0).pos().line());
    List<Diagnostic> bib = b.rule("bib-parse");
    assertEquals(1, bib.size());
    assertEquals("refs.bib", bib.get(0).pos().file());
    assertEquals(6, bib.get(0).pos().line());
    assertEquals(1, b.rule("ref-unresolved").size(), "the unknown term");
    assertTrue(b.rule("ref-unresolved").get(0).message().contains("flux capacitor"));
    assertEquals(1, b.rule("index-entry").size(), "the four-part entry");

    try (PdfInspector in = PdfInspector.open(b.pdf())) {
      List<String> labels = in.pageLabels();
      int ch1 = page(in, "Vectors", "has a"), ch2 = page(in, "Matrices", "space and"),
          index = page(in, "Index", "inverse"), biblio = page(in, "Bibliography", "Convex");
      assertTrue(ch1 >= 0 && ch2 > ch1 && biblio > ch2 && index > biblio, ch1 + " " + ch2 + " " + biblio + " " + index);
      String body = flat(in.text(ch1));
      assertTrue(body.contains("has a norm, see Gilbert Strang [1] and [2, 1]") || body.contains("Strang [1] and [2, 1]"), body);
      assertTrue(body.contains("[?]"), body);

      String ix = flat(in.text(index));
      assertTrue(ix.contains("vector, " + labels.get(ch1) + ", " + labels.get(ch2)), ix);
      assertTrue(ix.contains("matrix inverse, " + labels.get(ch2)), ix);
      assertTrue(ix.contains("eigen, see eigenvalue"), ix);
      assertTrue(ix.indexOf("élan") < ix.indexOf("eigen") == false && ix.indexOf("eigen") < ix.indexOf("élan"),
          "eigen before élan, accents ignored: " + ix);
      final int ixPage = index;
      assertTrue(in.links().stream().filter(l -> l.page() == ixPage && l.internal()).count() >= 4, "page numbers are links");

      String gl = flat(in.text(ch2));
      assertTrue(gl.contains("Norm The length of a vector.") && gl.contains("Matrix A rectangular array of numbers."), gl);
      final int c1 = ch1, c2 = ch2;
      assertTrue(in.links().stream().anyMatch(l -> l.page() == c1 && l.internal() && l.target() == c2), "{term} links to the glossary");

      String bl = flat(in.text(biblio));
      assertTrue(bl.contains("[1] Gilbert Strang. Introduction to Linear Algebra. 5th edition. Wellesley-Cambridge Press. 2016."), bl);
      assertTrue(bl.contains("[2] Stephen Boyd and Lieven Vandenberghe. Convex Optimization. Cambridge University Press. 2004."), bl);
      assertFalse(bl.contains("Never Cited"), bl);
      final int bp = biblio;
      assertTrue(in.links().stream().anyMatch(l -> l.page() == c1 && l.internal() && l.target() == bp), "citations link to entries");
      assertTrue(in.links().stream().anyMatch(l -> l.page() == bp && "https://math.mit.edu/~gs/linearalgebra/".equals(l.uri())));
    }
  }

  @Test
  void authorYearStyle() throws Exception {
    var b = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("bibliography: [refs.bib]\ncitation-style: author-year", "ch.md"),
        "refs.bib", BIB, "ch.md", "# One\n\nAs {cite:t}`strang2016` shows {cite:p}`boyd2004`.\n\n```{bibliography}\n```\n"));
    try (PdfInspector in = PdfInspector.open(b.pdf())) {
      String all = "";
      for (int p = 0; p < in.pageCount(); p++) all += flat(in.text(p)) + " ";
      assertTrue(all.contains("As Strang (2016) shows (Boyd and Vandenberghe 2004)."), all);
      assertTrue(all.contains("Boyd, Stephen and Lieven Vandenberghe (2004). Convex Optimization."), all);
      assertTrue(all.indexOf("Boyd, Stephen") < all.indexOf("Strang, Gilbert (2016)"), "sorted by author: " + all);
      assertFalse(all.contains("Bibliography"), "listed where the directive stands, no extra chapter");
    }
  }

  @Test
  void badCitationStyleIsReported() throws Exception {
    var b = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("citation-style: harvard", "ch.md"), "ch.md", "# One\n\nText.\n"));
    assertEquals(1, b.rule("config-value").size());
    assertEquals(6, b.rule("config-value").get(0).pos().line());
    assertEquals("citation-style must be numeric or author-year; using numeric", b.rule("config-value").get(0).message());
  }

  private static int page(PdfInspector in, String a, String b) throws Exception {
    for (int p = 0; p < in.pageCount(); p++) {
      String t = in.text(p);
      if (t.contains(a) && t.contains(b)) return p;
    }
    return -1;
  }

  private static String flat(String s) {
    return s.replaceAll("\\s+", " ").replaceAll("(\\p{L})- (\\p{L})", "$1-$2");
  }
}
