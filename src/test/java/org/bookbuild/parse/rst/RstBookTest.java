package org.bookbuild.parse.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Severity;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jupyter Book whose {@code _toc.yml} names an {@code .rst} page (without its extension, as Jupyter Book writes it)
 * and whose Markdown root holds an {@code {eval-rst}} block, built to PDF: every construct's text is on the page,
 * references between the two formats resolve, and the build gives no warning.
 */
class RstBookTest {
  @TempDir Path dir;

  static final String RST = """
      .. _linear:

      Linear Algebra
      ==============

      This chapter introduces *vectors* and **matrices**; see the `NumPy docs <https://numpy.org/doc/>`_
      and |np|_. The norm [#f1]_ is :math:`\\|v\\|`.

      .. |np| replace:: NumPy
      .. _np: https://numpy.org

      Vectors
      -------

      .. math::
         :label: eq-norm

         \\|v\\| = \\sqrt{\\sum_i v_i^2}

      Equation :eq:`eq-norm` defines the norm. Literal::

          v = [1, 2, 3]

      .. code-block:: python
         :caption: Norm of a vector

         np.linalg.norm(v)

      .. note:: Norms are never negative.

      - first bullet
      - second bullet

      #. first step
      #. second step

      term
         Definition text.

      =========  =========
      Operation  Spelling
      =========  =========
      product    matmul
      =========  =========

      +----------+-----------+
      | Property | Meaning   |
      +==========+===========+
      | rank     | dimension |
      +----------+-----------+

      .. toctree::
         :hidden:

         other

      .. [#f1] The Euclidean norm.
      """;

  static final String INTRO = """
      # Introduction

      Markdown text before.

      ```{eval-rst}
      An *rST* block in Markdown pointing to :ref:`linear` and :eq:`eq-norm`.

      .. warning:: Read with care.
      ```
      """;

  @Test
  void rstPageAndEvalRstPrint() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "_config.yml", "title: Rst Book\nauthor: Ada Author\n",
        "_toc.yml", "format: jb-book\nroot: intro\nchapters:\n- file: linear\n",
        "intro.md", INTRO,
        "linear.rst", RST));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    assertEquals(0, built.diags().count(Severity.WARNING) + built.diags().count(Severity.ERROR),
        () -> built.diags().all().toString());
    StringBuilder text = new StringBuilder();
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) text.append(pdf.text(p)).append('\n');
    }
    String all = text.toString().replaceAll("\\s+", " ");
    for (String s : new String[] {"Linear Algebra", "This chapter introduces vectors and matrices; see the NumPy docs and",
        "NumPy.", "Equation (1.1) defines the norm. Literal:", "v = [1, 2, 3]", "Norm of a vector", "np.linalg.norm(v)",
        "Norms are never negative.", "first bullet", "second step", "Definition text.", "Operation", "matmul",
        "dimension", "The Euclidean norm.", "Markdown text before.", "An rST block in Markdown pointing to",
        "Read with care."}) {
      assertTrue(all.contains(s), () -> "'" + s + "' is on the page:\n" + all);
    }
    assertTrue(all.contains("pointing to Linear Algebra and (1.1)."),
        () -> ":ref: and :eq: from the Markdown page into the rST page resolve:\n" + all);
    assertTrue(!all.contains(".. ") && !all.contains("::") && !all.contains("eval-rst"), () -> "no rST source printed:\n" + all);
  }
}
