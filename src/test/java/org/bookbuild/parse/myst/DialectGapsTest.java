package org.bookbuild.parse.myst;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MyST, Sphinx and Jupyter Book constructs that unseen course books use and that printed as an unknown box, lost
 * text or went unresolved: each test builds a small book and reads the PDF.
 */
class DialectGapsTest {
  @TempDir Path dir;

  /** A small drawing for tests that need an image file. */
  static final String SMALL_SVG =
      "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='40' height='20'/></svg>";

  /** A version-4 notebook with these cells (JSON objects, comma-separated as in the file). */
  static String notebook(String cells) {
    return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [\n" + cells + "\n]}";
  }

  /** The built PDF has a link annotation to {@code uri}. */
  static void assertLinksTo(PipelineBooks.Built built, String uri, String what) throws Exception {
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      assertTrue(pdf.links().stream().anyMatch(l -> uri.equals(l.uri())), what);
    }
  }

  /** The build reported none of these rules; a failure lists every diagnostic the build gave. */
  static void assertNone(PipelineBooks.Built built, String... rules) {
    for (String rule : rules) assertEquals(List.of(), built.rule(rule), () -> rule + ": " + built.diags().all());
  }

  static String text(PipelineBooks.Built built) throws Exception {
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    StringBuilder text = new StringBuilder();
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) text.append(pdf.text(p)).append('\n');
    }
    return text.toString().replaceAll("\\s+", " ");
  }

  static int count(String all, String w) {
    int n = 0;
    for (int i = all.indexOf(w); i >= 0; i = all.indexOf(w, i + 1)) n++;
    return n;
  }

  /** mystmd's {embed} prints the labelled block again, from another page; an unknown label is reported. */
  @Test
  void embedPrintsTheLabelledBlockAgain() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "one.md", "two.md"),
        "one.md", """
            # One

            (para-x)=
            Embeddedparagraph words here.

            ```{figure} pic.svg
            :label: fig-x
            Captionwords of the figure.
            ```

            ```{note}
            :label: note-x
            Notebodyword inside.
            ```
            """,
        "pic.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='40' height='20'/></svg>",
        "two.md", """
            # Two

            ```{embed} #para-x
            ```

            ```{embed} #fig-x
            ```

            ```{embed} note-x
            ```

            ```{embed} #nowhere
            ```

            See {numref}`fig-x`.
            """));
    String all = text(built);
    assertEquals(2, count(all, "Embeddedparagraph words here."), all);
    assertEquals(2, count(all, "Captionwords of the figure."), all);
    assertEquals(2, count(all, "Notebodyword inside."), all);
    assertEquals(2, count(all, "Figure 1.1. Captionwords"), "the copy keeps its number: " + all);
    assertTrue(all.contains("See Figure 1.1."), "no second figure is counted, references go to the first: " + all);
    assertEquals(List.of(), built.rule("label-duplicate"), "the copy is no second target");
    assertNone(built, "directive-unknown");
    List<Diagnostic> missing = built.rule("embed-unresolved");
    assertEquals(1, missing.size(), () -> built.diags().all().toString());
    assertEquals(12, missing.get(0).pos().line(), "at the directive");
    assertTrue(all.contains("nowhere"), "a placeholder names the label: " + all);
  }

  /** Jupyter Book reads a notebook as one page: a footnote may be defined in another Markdown cell than its reference. */
  @Test
  void footnotesResolveAcrossNotebookCells() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["# Notes page\\n", "\\n", "Forwardref sentence.[^1]\\n"]},
          {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [], "source": ["x = 1"]},
          {"cell_type": "markdown", "metadata": {}, "source": ["Middle text.[^gone]\\n", "\\n", "[^1]: Definitionbody in a later cell.\\n", "[^b]: Backwardbody defined early.\\n"]},
          {"cell_type": "markdown", "metadata": {}, "source": ["Backref sentence.[^b]\\n"]}
        """);
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "nb.ipynb"), "nb.ipynb", nb));
    String all = text(built);
    assertTrue(all.contains("Definitionbody in a later cell."), all);
    assertTrue(all.contains("Backwardbody defined early."), all);
    List<Diagnostic> undefined = built.rule("footnote-undefined");
    assertEquals(1, undefined.size(), () -> undefined.toString());
    assertTrue(undefined.get(0).message().contains("gone"), undefined.toString());
    assertEquals(List.of(), built.rule("content-dropped"), "the definitions are used, not dropped");
  }

  /** Jupyter Book makes HTML headings in Markdown and notebook cells headings: in the outline, not bold paragraphs. */
  @Test
  void htmlHeadingsAreHeadings() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["<h1>Htmlchapter Title</h1>\\n", "\\n", "Intro text.\\n"]},
          {"cell_type": "markdown", "metadata": {}, "source": ["<h2 id=\\"part-b\\">Htmlsection Two</h2>\\n", "\\n", "Body text, see [back](#part-b).\\n"]}
        """);
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "nb.ipynb"), "nb.ipynb", nb));
    String all = text(built);
    assertTrue(all.contains("Htmlsection Two"), all);
    assertNone(built, "html-unsupported");
    assertEquals(List.of(), built.rule("ref-unresolved"), "the heading's id is an anchor of its page");
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      List<String> titles = pdf.outlineFlat().stream().map(PdfInspector.OutlineEntry::title).toList();
      assertTrue(titles.stream().anyMatch(t -> t.contains("Htmlchapter Title")), titles.toString());
      assertTrue(titles.stream().anyMatch(t -> t.contains("Htmlsection Two")), titles.toString());
    }
  }

  /** sphinx-design's article-info, docutils' centered, line-block and parsed-literal print as Sphinx's LaTeX does. */
  @Test
  void sphinxTextBlocksPrint() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "page.md", "rst.rst"),
        "page.md", """
            # Page

            ```{article-info}
            :avatar: img/me.png
            :author: Ada Writer
            :date: Jul 24, 2021
            :read-time: 5 min read
            ```

            ```{centered} Centredline **words**
            ```

            ```{line-block}
            Roses are red,
                Violets are *blue*.
            ```

            ```{parsed-literal}
            pip install **bookpkg**
              --upgrade
            ```
            """,
        "rst.rst", """
            Rst page
            ========

            .. centered:: Rstcentred text

            .. parsed-literal::

               rstliteral *emph* here

            | Lineone of the block
            |    Linetwo indented
            """));
    String all = text(built);
    assertNone(built, "directive-unknown", "rst-directive-unknown");
    for (String w : List.of("Ada Writer \u00b7 Jul 24, 2021 \u00b7 5 min read", "Centredline words", "Roses are red,",
        "Violets are blue.", "pip install bookpkg", "--upgrade", "Rstcentred text", "rstliteral emph here",
        "Lineone of the block", "Linetwo indented")) {
      assertTrue(all.contains(w), "'" + w + "' is printed: " + all);
    }
    assertFalse(all.contains("{article-info}") || all.contains("parsed-literal"), all);
    assertTrue(built.fo().contains("Roses are red,"), "the line block keeps its lines");
  }

  /**
   * \\eqref and \\ref inside a formula print the label's number (they failed with math-parse); mystmd subfigures (a
   * figure of several labelled images, or of nested figures) are lettered, captioned and referred to as 1.1a.
   */
  @Test
  void mathRefsAndSubfiguresResolve() throws Exception {
    String svg = SMALL_SVG;
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "page.md"),
        "a.svg", svg, "b.svg", svg,
        "page.md", """
            # Page

            ```{math}
            :label: eq-one
            x = y
            ```

            ```{math}
            a = b \\quad \\text{by } \\eqref{eq-one}
            ```

            Inline $z = \\ref{eq-one}$ and $w = \\eqref{nolabel}$.

            :::{figure}
            :label: fig-group
            (fig-a)=
            ![Leftsub caption](a.svg)
            (fig-b)=
            ![Rightsub caption](b.svg)

            Two images in one figure.
            :::

            ::::{figure}
            :label: fig-nest
            ```{figure} a.svg
            :label: fig-n1
            Nestedone caption
            ```
            ```{figure} b.svg
            :label: fig-n2
            Nestedtwo caption
            ```
            Outer caption.
            ::::

            See {numref}`fig-a`, {numref}`fig-b`, {numref}`fig-n2` and {numref}`fig-nest`.
            """));
    String all = text(built);
    assertNone(built, "math-parse");
    List<Diagnostic> unresolved = built.rule("ref-unresolved");
    assertEquals(1, unresolved.size(), () -> unresolved.toString());
    assertTrue(unresolved.get(0).message().contains("nolabel"));
    for (String w : List.of("by (1.1)", "z = 1.1", "w = (??)", "(a) Leftsub caption", "(b) Rightsub caption",
        "Figure 1.1. Two images", "(a) Nestedone caption", "(b) Nestedtwo caption", "Figure 1.2. Outer caption.",
        "See Figure 1.1a, Figure 1.1b, Figure 1.2b and Figure 1.2.")) {
      assertTrue(all.contains(w), "'" + w + "' is printed: " + all);
    }
  }

  /** sphinx-design stacks a card: top image and header above the title, body, footer, bottom image. */
  @Test
  void cardImagesStandAboveTheTitleAndBelowTheBody() throws Exception {
    String svg = SMALL_SVG;
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "page.md"),
        "topimg.svg", svg, "bottomimg.svg", svg,
        "page.md", """
            # Page

            :::{card} Cardtitle
            :img-top: topimg.svg
            :img-bottom: bottomimg.svg
            Cardheader
            ^^^
            Cardbody.
            +++
            Cardfooter
            :::
            """));
    String fo = built.fo();
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    int top = fo.indexOf("topimg.svg");
    int header = fo.indexOf("Cardheader");
    int title = fo.indexOf("Cardtitle");
    int body = fo.indexOf("Cardbody.");
    int footer = fo.indexOf("Cardfooter");
    int bottom = fo.indexOf("bottomimg.svg");
    assertTrue(top >= 0 && bottom >= 0, "both images are written");
    assertTrue(top < header && header < title && title < body && body < footer && footer < bottom,
        List.of(top, header, title, body, footer, bottom).toString());
  }

  /**
   * Found by probe books: mystmd's {chem} and {span} roles, its {figure} #label (a figure showing a notebook cell's
   * output) and MyST's HTML admonitions printed as written, as a missing image, or without their box.
   */
  @Test
  void probeFindsPrint() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["# Cells\\n"]},
          {"cell_type": "code", "metadata": {"label": "cell-plot"}, "execution_count": 1, "source": ["print('x')"],
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["Celloutputline\\n"]}]}
        """);
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "page.md", "nb.ipynb"),
        "nb.ipynb", nb,
        "page.md", """
            # Page

            Water is {chem}`H2O` and {span}`Spannedword here`.

            ```{figure} #cell-plot
            :label: fig-cell
            Cellfigure caption.
            ```

            <div class="admonition warning" name="html-admonition">
            <p class="title">Htmltitle words</p>
            Htmlbody words.
            </div>

            See {numref}`fig-cell`.
            """));
    String all = text(built);
    assertNone(built, "role-unknown", "image-missing");
    for (String w : List.of("Water is H2O and Spannedword here.", "Celloutputline", "Figure 1.1. Cellfigure caption.",
        "Htmltitle words", "Htmlbody words.", "See Figure 1.1.")) {
      assertTrue(all.contains(w), "'" + w + "' is printed: " + all);
    }
    assertEquals(2, count(all, "Celloutputline"), "the cell prints in its notebook and in the figure: " + all);
    String fo = built.fo();
    int title = fo.indexOf("Htmltitle words");
    assertTrue(fo.lastIndexOf("#fdf5e6", title) > fo.lastIndexOf("Cellfigure caption", title),
        "the HTML admonition is a warning box with its title");
  }

  /**
   * Sphinx books in reStructuredText: an epigraph's text (it was taken for an argument and lost without a word),
   * hand-written API descriptions, doctest blocks, compound and productionlist print; autodoc is reported with a
   * placeholder; what only steers the web or LaTeX build is left out with a note.
   */
  @Test
  void sphinxDocumentationDirectivesPrint() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "page.rst"),
        "page.rst", """
            Rst Page
            ========

            .. meta::
               :description: Metadescription

            .. sectnum::

            .. epigraph::

               Rstepigraph body.

               -- Rst Author

            .. py:function:: spin(speed, direction=1)

               Spinsbody of the function.

            .. doctest::

               >>> 1 + 1
               2

            .. compound::

               Compoundpara one.

            .. productionlist::
               expr: term ("+" term)*

            .. tabularcolumns:: |l|r|

            .. todo::

               Todobody text.

            .. autofunction:: numpy.sum

            .. role:: red

            .. role:: pycode(code)

            Styled :red:`Redwords here` and :pycode:`x = 1`.
            """));
    String all = text(built);
    assertNone(built, "directive-unknown", "content-dropped");
    assertEquals(List.of(), built.rule("role-unknown"), "roles the page defines print their text");
    for (String w : List.of("Rstepigraph body.", "Rst Author", "spin(speed, direction=1)", "Spinsbody of the function.",
        ">>> 1 + 1", "Compoundpara one.", "expr: term (\"+\" term)*", "numpy.sum", "Styled Redwords here and x = 1.")) {
      assertTrue(all.contains(w), "'" + w + "' is printed: " + all);
    }
    assertFalse(all.contains("Metadescription") || all.contains("Todobody") || all.contains("|l|r|"), all);
    List<Diagnostic> autodoc = built.rule("autodoc-not-run");
    assertEquals(1, autodoc.size(), () -> built.diags().all().toString());
    assertEquals(37, autodoc.get(0).pos().line());
    assertTrue(built.rule("print-omitted").size() >= 4, () -> built.rule("print-omitted").toString());
  }

  /** mystmd's code :filename: heads its listing; a button written "text <url>" prints its text as the link. */
  @Test
  void codeFilenameAndButtonText() throws Exception {
    var built = page("""
            # Page

            ```{code} python
            :filename: Scriptname.py
            print("x")
            ```

            ```{button} Buttonwords here <https://example.org/b>
            ```
            """);
    String all = text(built);
    assertTrue(all.contains("Scriptname.py"), all);
    assertTrue(all.contains("Buttonwords here") && !all.contains("<https"), all);
    assertNone(built, "link-broken");
    assertLinksTo(built, "https://example.org/b", "the button's link");
  }

  /**
   * Notebook HTML as people write it: a centred <h1> is the page's title (the chapter was named after the file), and
   * <font>, <small>, <mark>, <q>, <abbr> print their text without a warning each (abbr with its title, q in quotes).
   */
  @Test
  void notebookHtmlCentredTitleAndInlineElements() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["<center><h1>Centred Title</h1></center>\\n", "\\n", "Intro para.\\n"]},
          {"cell_type": "markdown", "metadata": {}, "source": ["Text <font color='red'>redfont</font>, <small>smallish</small>, <mark>marked</mark>, <q>quoted</q>, <abbr title='Hyper Text'>HT</abbr>.\\n"]}
        """);
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "nb.ipynb"), "nb.ipynb", nb));
    String all = text(built);
    assertNone(built, "html-unsupported");
    assertTrue(all.contains("Text redfont, smallish, marked, \u201cquoted\u201d, HT (Hyper Text)."), all);
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      List<String> titles = pdf.outlineFlat().stream().map(PdfInspector.OutlineEntry::title).toList();
      assertTrue(titles.stream().anyMatch(t -> t.contains("Centred Title")), titles.toString());
      assertFalse(titles.stream().anyMatch(t -> t.endsWith("nb")), "the chapter is not named after its file: " + titles);
    }
  }

  /**
   * {doc} finds a page whose title carries its own label (it was ref-unresolved); intersphinx's explicit roles
   * ({external+python:ref}) print their text (they were role-unknown and printed as written).
   */
  @Test
  void docRoleAndIntersphinxRoles() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "index.md", "other.md"),
        "index.md", """
            # Start

            Go to {doc}`other`, {doc}`that page <other>`, {external+python:ref}`the tutorial <tutorial-index>` and
            {external:py:func}`~os.path.join`.
            """,
        "other.md", "(other-label)=\n# Otherpage Title\n\nText.\n"));
    String all = text(built);
    assertNone(built, "ref-unresolved", "role-unknown");
    assertTrue(all.contains("Go to Otherpage Title, that page, the tutorial and join()."), all);
  }

  /**
   * MyST attributes (attrs_inline, attrs_block; mystmd reads them natively) size images and label spans and
   * paragraphs; they printed as written ("{w=40px}") with the image at full width. linkify's www. addresses are web
   * links, not broken file links.
   */
  @Test
  void mystAttributesApply() throws Exception {
    String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='200'><rect width='400' height='200'/></svg>";
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "page.md"),
        "a.svg", svg,
        "page.md", """
            # Page

            [Spanned words]{#span-x .highlight} and *emphasised*{#emph-x} and ![pic](a.svg){w=40px align=center}.

            {#para-x .special}
            Labelled paragraph text.

            See [the span](#span-x), [the word](#emph-x), [the paragraph](#para-x) and www.example.com.
            """));
    String all = text(built);
    assertNone(built, "ref-unresolved", "link-broken");
    assertTrue(all.contains("Spanned words and emphasised and"), all);
    assertTrue(all.contains("Labelled paragraph text."), all);
    assertFalse(all.contains("{") || all.contains("}"), all);
    assertTrue(built.fo().contains("width=\"30.0pt\""), "the image takes its width (40px)");
    assertLinksTo(built, "https://www.example.com", "linkify's address");
  }

  /** MyST-NB's remove-stderr and remove-stdout tags leave that stream of the cell out (it printed anyway). */
  @Test
  void removeStderrTagLeavesTheStreamOut() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["# Streams\\n"]},
          {"cell_type": "code", "metadata": {"tags": ["remove-stderr"]}, "execution_count": 1, "source": ["run()"],
           "outputs": [{"output_type": "stream", "name": "stderr", "text": ["Warningstream line\\n"]},
                       {"output_type": "stream", "name": "stdout", "text": ["Keptstream line\\n"]}]}
        """);
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "nb.ipynb"), "nb.ipynb", nb));
    String all = text(built);
    assertTrue(all.contains("Keptstream line"), all);
    assertFalse(all.contains("Warningstream"), all);
  }

  /** Words on the fence line of a tab-set or grid-item (which take none) are reported; they vanished without a word. */
  @Test
  void fenceWordsOfArgumentlessLayoutsAreReported() throws Exception {
    var built = page("""
            # Page

            ::::{tab-set} Tabsetfence
            :::{tab-item} Tabone
            Tabbody.
            :::
            ::::
            """);
    String all = text(built);
    assertTrue(all.contains("Tabbody."), all);
    List<Diagnostic> arg = built.rule("directive-argument");
    assertEquals(1, arg.size(), () -> built.diags().all().toString());
    assertEquals(3, arg.get(0).pos().line());
  }

  /** myst-parser's {sub-ref} prints the book's date and the page's word count and reading time (role-unknown). */
  @Test
  void subRefPrintsDateAndWordCount() throws Exception {
    var built = page("""
            # Page

            Printed {sub-ref}`today`, {sub-ref}`wordcount-words` words, {sub-ref}`wordcount-minutes` minutes.
            """);
    String all = text(built);
    assertNone(built, "role-unknown");
    assertTrue(all.contains("Printed 2026-01-15, 4 words, 0 minutes."), all);
  }

  /** The glyph run that starts a word on some page, or null. */
  static PdfInspector.GlyphRun run(PipelineBooks.Built built, String word) throws Exception {
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) {
        for (PdfInspector.GlyphRun r : pdf.runs(p)) if (r.text().contains(word)) return r;
      }
    }
    return null;
  }

  /** Two words printed on one line, the first to the left of the second. */
  static void assertSideBySide(PipelineBooks.Built built, String left, String right) throws Exception {
    PdfInspector.GlyphRun a = run(built, left);
    PdfInspector.GlyphRun b = run(built, right);
    assertNotNull(a, left);
    assertNotNull(b, right);
    assertEquals(a.page(), b.page(), left + " and " + right + " on one page");
    assertEquals(a.y(), b.y(), 1.0, left + " and " + right + " on one line: " + a + " " + b);
    assertTrue(a.x() + 20 < b.x(), left + " left of " + right + ": " + a + " " + b);
  }

  /**
   * Subfigures sit side by side in rows, each with its letter caption, as LaTeX's subcaption sets them (they printed
   * stacked): a mystmd figure of two images, sphinx-subfigure's {subfigure} AB|CD grid (and its :layout-sm:), and
   * nested {subfigure}s in a figure.
   */
  @Test
  void subfiguresSitSideBySide() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "page.md"),
        "a.svg", SMALL_SVG, "b.svg", SMALL_SVG,
        "page.md", """
            # Page

            :::{figure}
            :label: fig-pair
            (fig-left)=
            ![Leftpic](a.svg)
            (fig-right)=
            ![Rightpic](b.svg)

            Pair caption.
            :::

            ::::{subfigure} AB|CD
            :layout-sm: A|B|C|D
            :gap: 8px
            :name: fig-grid

            ```{image} a.svg
            :alt: Gridone
            ```

            ```{image} b.svg
            :alt: Gridtwo
            ```

            ```{image} a.svg
            :alt: Gridthree
            ```

            ```{image} b.svg
            :alt: Gridfour
            ```

            Grid caption.
            ::::

            :::::{figure}
            :label: fig-nested
            ::::{subfigure} a.svg
            :label: fig-n1
            Nestone caption
            ::::
            ::::{subfigure} b.svg
            :label: fig-n2
            Nesttwo caption
            ::::
            Nested caption.
            :::::

            See {numref}`fig-right`, {numref}`fig-grid` and {numref}`fig-n2`.
            """));
    String all = text(built);
    assertNone(built, "directive-unknown", "ref-unresolved", "content-dropped");
    assertSideBySide(built, "Leftpic", "Rightpic");
    assertSideBySide(built, "Gridone", "Gridtwo");
    assertSideBySide(built, "Gridthree", "Gridfour");
    assertTrue(run(built, "Gridone").y() != run(built, "Gridthree").y(), "AB|CD is two rows of two");
    assertSideBySide(built, "Nestone", "Nesttwo");
    for (String w : List.of("Figure 1.1. Pair caption.", "Figure 1.2. Grid caption.", "Figure 1.3. Nested caption.",
        "See Figure 1.1b, Figure 1.2 and Figure 1.3b.")) {
      assertTrue(all.contains(w), "'" + w + "' is printed: " + all);
    }
  }

  /** mystmd's {myst} prints its source and what it makes; {output} prints as an output (both were unknown boxes). */
  @Test
  void mystDemoAndOutputPrint() throws Exception {
    var built = page("""
            # Page

            ```{myst}
            Some **Demoword** text.
            ```

            ```{output}
            Outputline 42
            ```
            """);
    String all = text(built);
    assertNone(built, "directive-unknown", "content-dropped");
    assertTrue(all.contains("Some **Demoword** text."), "the source as written: " + all);
    assertTrue(all.contains("Some Demoword text."), "and rendered: " + all);
    assertTrue(all.contains("Outputline 42"), all);
    assertTrue(built.fo().contains("font-weight=\"bold\">Demoword"), "the rendering sets the bold word bold");
  }

  /**
   * The argument of {div} and {container} is class names (docutils, myst-parser): the words went nowhere without a
   * word; now they are the block's classes and a note says so at the argument.
   */
  @Test
  void divAndContainerArgumentsAreNoted() throws Exception {
    var built = page("""
            # Page

            ```{div} some words
            Divbody text.
            ```

            :::{container} fancy-box
            Containerbody text.
            :::
            """);
    String all = text(built);
    assertTrue(all.contains("Divbody text.") && all.contains("Containerbody text."), all);
    List<Diagnostic> notes = built.rule("directive-argument-classes");
    assertEquals(2, notes.size(), () -> built.diags().all().toString());
    assertEquals(3, notes.get(0).pos().line());
    assertEquals(10, notes.get(0).pos().col(), "at the argument");
    assertTrue(notes.get(0).message().contains("some, words"), notes.get(0).message());
    assertEquals(7, notes.get(1).pos().line());
    assertNone(built, "content-dropped", "directive-unknown");
  }

  /**
   * [](#label) prints a figure's caption and an equation's number (as before) and, for a labelled paragraph or an
   * untitled box, its words or kind (it printed nothing); a target with nothing to say prints its label with
   * ref-no-text.
   */
  @Test
  void emptyLinkTextSaysSomething() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "page.md"),
        "a.svg", SMALL_SVG,
        "page.md", """
            # Page

            (para-short)=
            Shortpara words.

            (para-long)=
            One two three four five six seven eight nine ten.

            ```{figure} a.svg
            :label: fig-one
            Figcaption.
            ```

            ```{note}
            :label: note-x
            Notebody.
            ```

            ```{math}
            :label: eq-x
            x = 1
            ```

            Links: [](#para-short); [](#para-long); [](#fig-one); [](#note-x); [](#eq-x); [](#empty-end); [](#nowhere).

            (empty-end)=
            """));
    String all = text(built);
    assertTrue(all.contains("Links: Shortpara words; One two three four five six seven eight\u2026; Figcaption.; Note;"
        + " (1.1); empty-end; ??."), all);
    List<Diagnostic> none = built.rule("ref-no-text");
    assertEquals(1, none.size(), () -> built.diags().all().toString());
    assertTrue(none.get(0).message().contains("empty-end"));
    List<Diagnostic> missing = built.rule("ref-unresolved");
    assertEquals(1, missing.size(), () -> built.diags().all().toString());
    assertTrue(missing.get(0).message().contains("nowhere"));
  }

  /**
   * A toc entry with url: (a web link) is listed in the contents with its address and linked, at its place and level
   * (it was left out with only a note no build printed); the pages around it print.
   */
  @Test
  void tocUrlEntriesAreListedInTheContents() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "_config.yml", "title: Toc Book\nauthor: Ada Author\n",
        "_toc.yml", """
            format: jb-book
            root: intro
            parts:
              - caption: Main
                chapters:
                  - file: one
                  - url: https://example.org/course
                    title: Course website
                  - file: two
                    sections:
                      - url: https://example.org/extra
                        title: Extra reading
              - caption: Contribute
                chapters:
                  - url: https://example.org/give
                    title: Donate
            """,
        "intro.md", "# Intro\n\nIntro text.\n",
        "one.md", "# One\n\nOne text.\n",
        "two.md", "# Two\n\nTwo text.\n"));
    String all = text(built);
    assertTrue(all.contains("One text.") && all.contains("Two text."), all);
    assertTrue(all.matches(".*1 One[ .]+\\d+ Course website https://example\\.org/course 2 Two[ .]+\\d+ Extra reading"
        + " https://example\\.org/extra .*"), "in the contents, in toc order: " + all);
    assertEquals(1, count(all, "Course website"), "on no page but the contents");
    assertTrue(all.contains("Contribute: Donate https://example.org/give"), "a group of links only: " + all);
    assertEquals(1, count(all, "Contribute"), "under its caption in the contents, no empty part page: " + all);
    assertLinksTo(built, "https://example.org/course", "the entry links to its address");
    assertLinksTo(built, "https://example.org/extra", "a section-level link too");
    assertNone(built, "config-toc", "config-unknown-key");
  }

  /** Sphinx prints "()" after a function or method named by an API role (add_function_parentheses), intersphinx's too. */
  @Test
  void functionRolesGetParentheses() throws Exception {
    var built = page("""
            # Page

            Call {external:py:func}`numpy.sum`, {external+numpy:py:func}`~numpy.mean`, {py:func}`len`, {func}`max`,
            {meth}`~list.append`, {external:py:class}`numpy.ndarray` and {external:py:func}`the total <numpy.sum>`.
            """);
    String all = text(built);
    assertNone(built, "role-unknown");
    assertTrue(all.contains("Call numpy.sum(), mean(), len(), max(), append(), numpy.ndarray and the total."), all);
    assertTrue(built.fo().contains(">numpy.sum()<"), "in code type as Sphinx sets it");
  }

  /**
   * Sphinx's add_function_parentheses: False in _config.yml's sphinx: config: prints function roles without "()" (the
   * setting was noted as ignored and every function printed "()"); book.yml's function-parentheses says the same.
   */
  @Test
  void addFunctionParenthesesFalseIsHonoured() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "_config.yml", "title: Parens\nauthor: Ada Author\nsphinx:\n  config:\n    add_function_parentheses: false\n",
        "_toc.yml", "format: jb-book\nroot: page\n",
        "page.md", """
            # Page

            Call {external:py:func}`numpy.sum`, {py:func}`len`, {meth}`~list.append` and {py:func}`print(x)`.
            """));
    String all = text(built);
    assertTrue(all.contains("Call numpy.sum, len, append and print(x)."), all);
    assertTrue(built.diags().all().stream().noneMatch(d -> d.message().contains("add_function_parentheses")),
        () -> built.diags().all().toString());
    var book = PipelineBooks.build(dir.resolve("b"), Map.of(
        "book.yml", PipelineBooks.bookYml("function-parentheses: false", "page.md"),
        "page.md", "# Page\n\nCall {func}`max`.\n"));
    assertTrue(text(book).contains("Call max."), text(book));
    assertNone(book, "config-unknown-key");
  }

  /**
   * hide-input / hide-output / hide-cell are collapsed toggles on the web. Print leaves them out as mystmd's PDF export
   * does (Jupyter Book's LaTeX printed them, which its authors reported as a bug), and says so in a cell-hidden note
   * at the cell; hidden-cells: print prints them. remove-* tags are removed either way, without a note.
   */
  @Test
  void hiddenCellsAreLeftOutWithANoteOrPrintedOnRequest() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["# Hidden\\n"]},
          {"cell_type": "code", "metadata": {"tags": ["hide-input"]}, "execution_count": 1,
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["Shownoutput one\\n"]}], "source": ["hiddencode_one = 1"]},
          {"cell_type": "code", "metadata": {"tags": ["hide-output"]}, "execution_count": 2,
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["Hiddenoutput two\\n"]}], "source": ["showncode_two = 2"]},
          {"cell_type": "code", "metadata": {"tags": ["hide-cell"]}, "execution_count": 3,
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["Hiddenoutput three\\n"]}], "source": ["hiddencode_three = 3"]},
          {"cell_type": "code", "metadata": {"tags": ["remove-input"]}, "execution_count": 4,
           "outputs": [], "source": ["removedcode_four = 4"]}
        """);
    String md = """
        # Text notebook

        ```{code-cell} python
        :tags: [hide-input]
        hiddencode_five = 5
        ```
        """;
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "nb.ipynb", "text.md"),
        "nb.ipynb", nb, "text.md", md));
    String all = text(built);
    assertTrue(all.contains("Shownoutput one") && all.contains("showncode_two = 2"), all);
    for (String gone : List.of("hiddencode_one", "Hiddenoutput two", "hiddencode_three", "Hiddenoutput three",
        "removedcode_four", "hiddencode_five")) {
      assertFalse(all.contains(gone), gone + ": " + all);
    }
    List<Diagnostic> notes = built.rule("cell-hidden");
    assertEquals(4, notes.size(), () -> built.diags().all().toString());
    assertTrue(notes.stream().allMatch(d -> d.severity() == org.bookbuild.diag.Severity.INFO
        && d.hint().contains("hidden-cells: print")), notes::toString);
    assertTrue(notes.get(0).message().contains("hide-input") && notes.get(0).pos().file().equals("nb.ipynb"), notes::toString);
    assertTrue(notes.stream().anyMatch(d -> d.pos().file().equals("text.md") && d.pos().line() == 3), notes::toString);
    assertNone(built, "content-dropped");

    var printed = PipelineBooks.build(dir.resolve("p"), Map.of("book.yml",
        PipelineBooks.bookYml("hidden-cells: print", "nb.ipynb", "text.md"), "nb.ipynb", nb, "text.md", md));
    String shown = text(printed);
    for (String now : List.of("hiddencode_one", "Hiddenoutput two", "hiddencode_three", "Hiddenoutput three",
        "hiddencode_five")) {
      assertTrue(shown.contains(now), now + ": " + shown);
    }
    assertFalse(shown.contains("removedcode_four"), "remove-input still removes");
    assertNone(printed, "cell-hidden", "config-unknown-key");
  }

  /**
   * sphinx-subfigure's :subcaptions: above sets each "(a) caption" over its picture (it was printed under it, the
   * option ignored): the caption sits a picture's height nearer the paragraph before the figure than without it.
   */
  @Test
  void subcaptionsAboveGoOverThePictures() throws Exception {
    String tall = "<svg xmlns='http://www.w3.org/2000/svg' width='80' height='160'><rect width='80' height='160'/></svg>";
    String page = """
        # Page

        Beforepara words.

        ::::{subfigure} AB
        %s
        ```{image} a.svg
        :alt: Leftcap
        ```

        ```{image} b.svg
        :alt: Rightcap
        ```

        Pair caption.
        ::::
        """;
    var above = PipelineBooks.build(dir.resolve("above"), Map.of("book.yml", PipelineBooks.bookYml("", "page.md"),
        "a.svg", tall, "b.svg", tall, "page.md", page.formatted(":subcaptions: above")));
    var below = PipelineBooks.build(dir.resolve("below"), Map.of("book.yml", PipelineBooks.bookYml("", "page.md"),
        "a.svg", tall, "b.svg", tall, "page.md", page.formatted(":subcaptions: below")));
    assertNone(above, "directive-option", "content-dropped");
    assertSideBySide(above, "Leftcap", "Rightcap");
    double over = Math.abs(run(above, "Leftcap").y() - run(above, "Beforepara").y());
    double under = Math.abs(run(below, "Leftcap").y() - run(below, "Beforepara").y());
    assertTrue(under - over > 100, "the caption is over the 160-point picture: " + over + " against " + under);
    assertTrue(text(above).contains("Figure 1.1. Pair caption."), text(above));
  }

  /**
   * A directive left open in a notebook's Markdown cell ends with the cell, not the file (each cell is read on its own,
   * as MyST-NB reads it): directive-unclosed says so and how to mend it (it said "end of the file").
   */
  @Test
  void unclosedDirectiveInACellSaysTheCell() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["# Cells\\n", "\\n", ":::{note}\\n", "Notebody opened here.\\n"]},
          {"cell_type": "markdown", "metadata": {}, "source": ["Nextcell words.\\n"]}
        """);
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "nb.ipynb"), "nb.ipynb", nb));
    String all = text(built);
    assertTrue(all.contains("Notebody opened here.") && all.contains("Nextcell words."), all);
    List<Diagnostic> open = built.rule("directive-unclosed");
    assertEquals(1, open.size(), () -> built.diags().all().toString());
    assertTrue(open.get(0).message().contains("end of its notebook cell"), open::toString);
    assertFalse(open.get(0).message().contains("end of the file"), open::toString);
    assertTrue(open.get(0).hint().contains("close the directive in the cell it opens in"), open::toString);
    assertEquals("nb.ipynb", open.get(0).pos().file());
  }

  /**
   * mystmd's {tooltip} (role-unknown, printed as written): paper has no hover, so the tip is a footnote on the words;
   * words that merely end in a bracket, f(x), are no tip, and no tip leaves the words alone.
   */
  @Test
  void tooltipPrintsItsTipAsAFootnote() throws Exception {
    var built = page("""
        # Page

        The {tooltip}`*gradient* <Vector of partial derivatives.>` points uphill, {tooltip}`step size (learning rate)`
        sets the pace, {tooltip}`f(x)` stays and {tooltip}`plain words` too.
        """);
    String all = text(built);
    assertNone(built, "role-unknown", "content-dropped");
    assertTrue(all.contains("The gradient1 points uphill, step size2 sets the pace, f(x) stays and plain words too."), all);
    assertTrue(all.contains("1 Vector of partial derivatives.") && all.contains("2 learning rate"), all);
    assertTrue(built.fo().contains("fo:footnote"), "the tips are footnotes");
  }

  /**
   * A page pastes what another notebook of the book glued: {glue}`nb.ipynb::name` (Jupyter Book 1) and a bare name
   * glued elsewhere in the book (Jupyter Book 0.x looked names up book-wide); both were glue-missing placeholders. A
   * name no notebook glued still is.
   */
  @Test
  void gluePastesFromOtherNotebooks() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["# Compute\\n"]},
          {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": ["glue('gval', 3.14159)"],
           "outputs": [{"output_type": "display_data", "metadata": {"scrapbook": {"name": "gval", "mime_prefix": ""}},
                        "data": {"text/plain": "3.14159"}}]},
          {"cell_type": "code", "metadata": {}, "execution_count": 2, "source": ["glue('gsum', 'Gluedsum words')"],
           "outputs": [{"output_type": "display_data", "metadata": {"scrapbook": {"name": "gsum", "mime_prefix": ""}},
                        "data": {"text/plain": "'Gluedsum words'"}}]}
        """);
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "summary.md", "lab/nb.ipynb"),
        "lab/nb.ipynb", nb,
        "summary.md", """
            # Summary

            Pi is {glue:text}`lab/nb.ipynb::gval:.2f`, bare {glue:text}`gval:.3f`, text {glue:text}`gsum` and {glue}`gone`.
            """));
    String all = text(built);
    assertTrue(all.contains("Pi is 3.14, bare 3.142, text Gluedsum words and"), all);
    List<Diagnostic> missing = built.rule("glue-missing");
    assertEquals(1, missing.size(), () -> built.diags().all().toString());
    assertTrue(missing.get(0).message().contains("gone"), missing::toString);
  }

  /**
   * Code a Sphinx extension runs while the web build is made prints as code with an execute-not-run warning (nothing
   * can run it for print): jupyter-sphinx's {jupyter-execute} (an unknown box with the code's quotes made curly) and
   * matplotlib's {plot} with Python in it (read as a figure spec: a figure-spec error); thebe's {thebe-button} is a
   * web button, left out with a note (it was an unknown box).
   */
  @Test
  void codeThatSphinxRunsPrintsAsCode() throws Exception {
    var built = page("""
        # Page

        ```{jupyter-execute}
        print("Jupexec output")
        ```

        ```{plot}
        import matplotlib.pyplot as plt
        plt.plot([1, 2], label="Plotline")
        ```

        ```{jupyter-execute}
        :hide-code:
        hidden_code = 1
        ```

        ```{thebe-button}
        ```

        After words.
        """);
    String all = text(built);
    assertNone(built, "directive-unknown", "figure-spec", "content-dropped");
    assertTrue(all.contains("print(\"Jupexec output\")"), "straight quotes, as code: " + all);
    assertTrue(all.contains("plt.plot([1, 2], label=\"Plotline\")"), all);
    assertFalse(all.contains("hidden_code"), ":hide-code: shows no code: " + all);
    assertTrue(built.fo().contains(">print<") || built.fo().contains("print("), "a code listing");
    List<Diagnostic> notRun = built.rule("execute-not-run");
    assertEquals(3, notRun.size(), () -> built.diags().all().toString());
    assertEquals(List.of(3, 7, 12), notRun.stream().map(d -> d.pos().line()).toList());
    assertTrue(built.rule("print-omitted").stream().anyMatch(d -> d.message().contains("thebe-button")),
        () -> built.diags().all().toString());
  }

  /**
   * IPython's IFrame / YouTubeVideo / Audio displays: HTML with a frame or player and no text printed nothing, without
   * a word; a web address now prints as the iframe box, sound held in the notebook gets a print-omitted note, and an
   * empty image/jpeg (a thumbnail never fetched) no longer reaches FOP as a broken picture.
   */
  @Test
  void framesAndPlayersInOutputsAreShownOrNoted() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "metadata": {}, "source": ["# Media\\n"]},
          {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": ["IFrame('https://example.org/app', 400, 300)"],
           "outputs": [{"output_type": "display_data", "metadata": {}, "data": {
             "text/html": "<iframe width=\\"400\\" height=\\"300\\" src=\\"https://example.org/app\\"></iframe>",
             "text/plain": "<IPython.lib.display.IFrame at 0x1>"}}]},
          {"cell_type": "code", "metadata": {}, "execution_count": 2, "source": ["YouTubeVideo('abc')"],
           "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/jpeg": "",
             "text/html": "<iframe src=\\"https://www.youtube.com/embed/abc\\"></iframe>",
             "text/plain": "<IPython.lib.display.YouTubeVideo at 0x2>"}}]},
          {"cell_type": "code", "metadata": {}, "execution_count": 3, "source": ["Audio(data)"],
           "outputs": [{"output_type": "display_data", "metadata": {}, "data": {
             "text/html": "<audio controls><source src=\\"data:audio/wav;base64,AAAA\\" type=\\"audio/wav\\"></audio>",
             "text/plain": "<IPython.lib.display.Audio object>"}}]},
          {"cell_type": "code", "metadata": {}, "execution_count": 4, "source": ["HTML(anim.to_html5_video())"],
           "outputs": [{"output_type": "execute_result", "execution_count": 4, "metadata": {}, "data": {
             "text/html": "<video width=\\"576\\" controls autoplay loop>\\n  <source type=\\"video/mp4\\" src=\\"data:video/mp4;base64,AAAA\\">\\n  Your browser does not support the video tag.\\n</video>",
             "text/plain": "<IPython.core.display.HTML object>"}}]}
        """);
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "nb.ipynb"), "nb.ipynb", nb));
    String all = text(built);
    assertTrue(all.contains("https://example.org/app"), all);
    assertTrue(all.contains("https://www.youtube.com/embed/abc"), all);
    assertTrue(built.diags().all().stream().noneMatch(d -> d.ruleId().startsWith("fop-")), () -> built.diags().all().toString());
    assertTrue(built.rule("print-omitted").stream().anyMatch(d -> d.message().contains("plays in the notebook only")
        && d.pos().file().equals("nb.ipynb")), () -> built.diags().all().toString());
    assertEquals(2, built.rule("print-omitted").size(), "the sound and the animation: " + built.diags().all());
    assertFalse(all.contains("IPython.core.display.HTML object") || all.contains("does not support the video"),
        "an animation's fallback text and repr are no output: " + all);
  }

  /**
   * mystmd's abbreviations: (myst.yml) give each use a hover title on the web, which paper cannot show; they were
   * noted as not expanded. Print expands the first use in each chapter's running text, not in headings, code or an
   * already expanded use, and not a word that merely contains the abbreviation.
   */
  @Test
  void abbreviationsAreExpandedAtFirstUse() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "myst.yml", """
            version: 1
            project:
              title: Abbr
              abbreviations:
                MyST: Markedly Structured Text
                PDE: partial differential equation
              toc:
                - file: one.md
                - file: two.md
            """,
        "one.md", """
            # About MyST

            We write MyST here, MySTery aside. Then MyST again and `MyST` in code.

            - A PDE (partial differential equation) in a list.
            """,
        "two.md", "# Two\n\nMyST once more.\n"));
    String all = text(built);
    assertNone(built, "config-ignored", "config-value");
    assertTrue(all.contains("We write MyST (Markedly Structured Text) here, MySTery aside. Then MyST again and MyST in code."), all);
    assertEquals(1, count(all, "PDE (partial differential equation)"), "the author's own expansion is not doubled: " + all);
    assertTrue(all.contains("MyST (Markedly Structured Text) once more."), "again in the next chapter: " + all);
    assertTrue(all.contains("About MyST 1") || all.contains("About MyST"), all);
    assertFalse(all.contains("About MyST (Markedly"), "headings stay as written: " + all);
  }

  /**
   * A Jupyter Book jb-article is one chapter, the root page with its sections (docs/projects.md); when a section had
   * sections of its own, the root opened a part ("Part I", the article's title) and its sections became chapters.
   */
  @Test
  void jbArticleWithNestedSectionsIsOneChapter() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "_config.yml", "title: Article\nauthor: Ada Author\n",
        "_toc.yml", "format: jb-article\nroot: main\nsections:\n  - file: s1\n    sections:\n      - file: s1a\n  - file: s2\n",
        "main.md", "# Main Article\n\nMain words.\n",
        "s1.md", "# Sec One\n\nSone words.\n",
        "s1a.md", "# Sec One A\n\nSonea words.\n",
        "s2.md", "# Sec Two\n\nStwo words.\n"));
    String all = text(built);
    assertFalse(all.contains("Part I"), "no part page: " + all);
    assertTrue(all.contains("1.1 Sec One") && all.contains("1.1.1 Sec One A") && all.contains("1.2 Sec Two"), all);
    assertFalse(all.contains("Chapter 2"), "one chapter: " + all);
  }

  /**
   * A block attribute line {#id} labels the block after it inside boxes, list items, tab items, cards and quotes, not
   * only at page level (it printed as text and the label did not resolve), as (label)= does.
   */
  @Test
  void blockAttributeLinesWorkInsideContainers() throws Exception {
    var built = page("""
            # Page

            :::{note}
            {#in-note}
            Notepara words.
            :::

            - {#in-item}
              Itempara words.

            ::::{tab-set}
            :::{tab-item} First
            {#in-tab}
            Tabpara words.
            :::
            ::::

            :::{card} Title
            {#in-card}
            Cardpara words.
            :::

            > {#in-quote}
            > Quotepara words.

            :::{tip}
            (in-tip)=
            Tippara words.
            :::

            See [](#in-note), [](#in-item), [](#in-tab), [](#in-card), [](#in-quote), [](#in-tip).
            """);
    String all = text(built);
    assertNone(built, "ref-unresolved", "ref-no-text", "content-dropped");
    assertFalse(all.contains("{#"), all);
    assertTrue(all.contains("See Notepara words, Itempara words, Tabpara words, Cardpara words, Quotepara words,"
        + " Tippara words."), all);
    for (String id : List.of("in-note", "in-item", "in-tab", "in-card", "in-quote")) {
      assertTrue(built.fo().contains("id=\"" + id + "\""), id + " is an anchor in the FO");
    }
  }

  /** An HTML definition list (<dl>, <dt>, <dd>, end tags left out too) prints as a Markdown one did (html-unsupported). */
  @Test
  void htmlDefinitionListIsADefinitionList() throws Exception {
    var built = page("""
            # Page

            <dl>
            <dt>Htmlterm</dt><dd>Htmldef words.</dd>
            <dt>Openterm<dd>Opendef one.<dd>Opendef two.
            </dl>
            """);
    String all = text(built);
    assertNone(built, "html-unsupported", "content-dropped");
    assertTrue(all.contains("Htmlterm Htmldef words. Openterm Opendef one. Opendef two."), all);
    assertEquals(2, count(built.fo(), ">Htmlterm<") + count(built.fo(), ">Openterm<"), "each term in a block of its own");
  }

  /**
   * mystmd's link schemes print as mystmd shows them and link to the address they stand for; [](wiki:…),
   * [](github:…), [](doi:…), [](rrid:…) and [](https://…) printed nothing, <wiki:…> its raw target. An xref: into
   * another project prints its text, noted under ref-external.
   */
  @Test
  void mystLinkSchemesAndBareLinksSaySomething() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "myst.yml", "version: 1\nproject:\n  title: Links\n  toc:\n    - file: page.md\n",
        "page.md", """
            # Page

            Wiki <wiki:Gravity>, [](wiki:Banana_split) and [the fruit](wiki:Apple); doi [](doi:10.1000/abc);
            code [](github:owner/repo); rrid [](rrid:SCR_0001); xref [](xref:spec#node); web [](https://example.org/x).
            """));
    String all = text(built);
    assertTrue(all.contains("Wiki Gravity, Banana split and the fruit; doi doi:10.1000/abc; code owner/repo; rrid"
        + " RRID:SCR_0001; xref spec#node; web https://example.org/x."), all);
    assertLinksTo(built, "https://en.wikipedia.org/wiki/Gravity", "the autolink");
    assertLinksTo(built, "https://en.wikipedia.org/wiki/Apple", "a link with its own text");
    assertLinksTo(built, "https://doi.org/10.1000/abc", "the DOI");
    assertLinksTo(built, "https://github.com/owner/repo", "the repository");
    assertTrue(built.rule("ref-external").stream().anyMatch(d -> d.message().contains("xref:spec#node")),
        () -> built.diags().all().toString());
    assertNone(built, "link-invalid", "link-broken");
  }

  /**
   * mystmd's {eval} inline expressions print the result the last run stored in the cell's user_expressions (they were
   * role-unknown, printed as written); without a stored result the expression stands in a placeholder with
   * eval-not-run.
   */
  @Test
  void evalPrintsStoredResults() throws Exception {
    String nb = notebook("""
          {"cell_type": "markdown", "source": ["# Evals\\n"], "metadata": {}},
          {"cell_type": "markdown", "source": ["Total {eval}`n * 2` and mean {eval}`m` and name {eval}`s` and {eval}`gone`.\\n"],
           "metadata": {"user_expressions": [
             {"expression": "n * 2", "result": {"status": "ok", "data": {"text/plain": "84"}, "metadata": {}}},
             {"expression": "m", "result": {"status": "ok", "data": {"text/plain": "0.5", "text/latex": "$\\\\frac{1}{2}$"}, "metadata": {}}},
             {"expression": "s", "result": {"status": "ok", "data": {"text/plain": "'Ada'"}, "metadata": {}}}]}}
        """);
    var built = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "nb.ipynb"), "nb.ipynb", nb));
    String all = text(built);
    assertNone(built, "role-unknown", "math-parse");
    assertTrue(all.contains("Total 84 and mean"), all);
    assertTrue(all.contains("and name Ada and gone."), all);
    assertTrue(built.fo().contains("\\frac{1}{2}"), "the LaTeX result is a formula");
    List<Diagnostic> notRun = built.rule("eval-not-run");
    assertEquals(1, notRun.size(), () -> built.diags().all().toString());
    assertTrue(notRun.get(0).message().contains("gone"));
  }

  /** A page's front-matter subtitle prints under its title, once, and is no longer noted as unused. */
  @Test
  void frontMatterSubtitlePrintsUnderTheTitle() throws Exception {
    var built = page("---\nsubtitle: Overture, a first look at least squares\nkernelspec:\n  name: python3\n---\n"
        + "# Fitting lines\n\nBodywork of the page begins here.\n");
    String all = text(built);
    assertEquals(1, count(all, "Overture, a first look at least squares"), all);
    assertTrue(all.indexOf("Fitting lines") < all.indexOf("Overture") && all.indexOf("Overture") < all.indexOf("Bodywork"), all);
    PdfInspector.GlyphRun title = run(built, "Fitting"), sub = run(built, "squares"), body = run(built, "begins");
    assertTrue(title.y() < sub.y() && sub.y() < body.y(), "under the title, over the text (y grows down the page)");
    assertEquals(run(built, "Overture").x(), run(built, "Bodywork").x(), 0.5f, "the text under it starts unindented, as under a heading");
    assertTrue(built.rule("front-matter").stream().noneMatch(d -> d.message().contains("'subtitle'")),
        () -> built.rule("front-matter").toString());
    assertTrue(built.rule("front-matter").stream().anyMatch(d -> d.message().contains("'kernelspec'")));
  }

  /** A book of one page, {@code page.md}, built through the whole pipeline. */
  private PipelineBooks.Built page(String markdown) throws Exception {
    return PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "page.md"), "page.md", markdown));
  }
}
