package org.bookbuild.project;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.parse.notebook.Nb;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 1 of issue 6: the three project formats, nested tocs, checked in the PDF. */
class ProjectFormatsTest {
  @TempDir Path dir;

  static String page(String title, String body) {
    return "# " + title + "\n\n" + body + "\n";
  }

  static String notebook(String title) throws Exception {
    Nb nb = new Nb();
    nb.markdown("# " + title + "\n\nA notebook page.\n\n## Worked example\n");
    Nb.stream(nb.code("print(2 + 2)"), "stdout", "4\n");
    return nb.json();
  }

  @Test
  void mystProjectWithPartsChaptersAndSections() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("myst.yml", """
        version: 1
        project:
          title: Myst Course
          subtitle: Lecture notes
          authors:
            - name: {given: Grace, family: Hopper}
              affiliations: [Navy]
          license: CC-BY-4.0
          date: 2026-01-15
          github: https://github.com/example/course
          frobnicate: 3
          math:
            '\\RR': '\\mathbb{R}'
          toc:
            - file: index.md
            - title: Foundations
              children:
                - file: basics.md
                - file: vectors.md
                  children:
                    - file: vectors/dot.md
            - file: calculus.md
              children:
                - file: calculus/limits.ipynb
          exports:
            - format: pdf
              output: exports/course.pdf
              template: lapreprint
        site:
          template: book-theme
        """);
    files.put("index.md", page("Welcome", "Vectors live in $\\RR^n$."));
    files.put("basics.md", "---\ntitle: Basics\nnumbering:\n  heading_2: true\n---\n\nSome basics.\n\n## Sets\n\nText.\n");
    files.put("vectors.md", page("Vectors", "## Length\n\nText."));
    files.put("vectors/dot.md", page("Dot products", "The dot product. ![pic](pic.svg)"));
    files.put("vectors/pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40pt\" height=\"20pt\"><rect width=\"40\" height=\"20\" fill=\"#888\"/></svg>");
    files.put("calculus.md", page("Calculus", "Limits next."));
    files.put("calculus/limits.ipynb", notebook("Limits"));
    var built = PipelineBooks.build(dir, files);
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    List<Diagnostic> warnings = built.diags().all().stream().filter(d -> d.severity() != Severity.INFO).toList();
    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals("config-unknown-key", warnings.get(0).ruleId());
    assertEquals(11, warnings.get(0).pos().line(), "the unknown key is reported at its line");
    assertTrue(built.diags().all().stream().anyMatch(d -> d.severity() == Severity.INFO && d.message().contains("site")));

    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      List<String> outline = titles(pdf.outline(), "");
      assertEquals(List.of("Contents", "1 Welcome", "Foundations", "  2 Basics", "    2.1 Sets", "  3 Vectors",
          "    3.1 Length", "    3.2 Dot products", "4 Calculus", "  4.1 Limits", "    4.1.1 Worked example"),
          outline.stream().filter(s -> !s.contains("Copyright")).toList(), outline.toString());
      String all = text(pdf);
      assertTrue(all.contains("Myst Course") && all.contains("Lecture notes") && all.contains("Grace Hopper"));
      assertTrue(all.contains("Part I") && all.contains("Foundations"));
      assertTrue(all.contains("Chapter 3") && all.contains("3.2 Dot products"), all);
      assertFalse(all.contains("\\RR"), "the myst.yml math macro expanded");
      assertEquals(1, pdf.pageCount() > 0 ? 1 : 0);
    }
    Project p = ProjectLoader.load(org.bookbuild.io.DiskWorld.of(dir), new org.bookbuild.diag.Diagnostics());
    assertEquals("course", p.output(), "a pdf export's output names the PDF");
    assertEquals("Navy", p.meta().authors().get(0).affiliation());
    assertEquals("https://github.com/example/course", p.options().repository(), "github: names the project's repository");
  }

  @Test
  void jupyterBookProjectWithRootPartsAndSections() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("_toc.yml", """
        format: jb-book
        root: intro
        parts:
          - caption: Linear algebra
            numbered: true
            chapters:
              - file: la/vectors
                sections:
                  - file: la/norms
              - file: la/matrices
          - caption: Probability
            chapters:
              - file: prob/events
        """);
    files.put("_config.yml", """
        title: Jupyter Course
        author: Ada Lovelace and Charles Babbage
        copyright: "2026"
        logo: logo.png
        execute:
          execute_notebooks: off
        parse:
          myst_enable_extensions: [dollarmath, colon_fence, frobnicate_ext]
        sphinx:
          config:
            mathjax3_config:
              tex:
                macros:
                  "vv": ["\\\\mathbf{#1}", 1]
                  "EE": "\\\\mathbb{E}"
        bibtex_bibfiles: [refs.bib]
        """);
    files.put("intro.md", page("About this book", "Read me first."));
    files.put("la/vectors.md", page("Vectors", "A vector $\\vv{x}$."));
    files.put("la/norms.ipynb", notebook("Norms"));
    files.put("la/matrices.md", page("Matrices", "Text."));
    files.put("prob/events.md", page("Events", "Expectation $\\EE[X]$."));
    var built = PipelineBooks.build(dir, files);
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    List<Diagnostic> warnings = built.diags().all().stream().filter(d -> d.severity() != Severity.INFO).toList();
    assertTrue(warnings.stream().noneMatch(d -> d.ruleId().startsWith("math") || d.ruleId().startsWith("config")), warnings.toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      List<String> outline = titles(pdf.outline(), "");
      assertEquals(List.of("Contents", "About this book", "Linear algebra", "  1 Vectors", "    1.1 Norms",
          "      1.1.1 Worked example", "  2 Matrices", "Probability", "  3 Events"),
          outline.stream().filter(s -> !s.contains("Copyright")).toList(), outline.toString());
      String all = text(pdf);
      assertTrue(all.contains("Jupyter Course") && all.contains("Ada Lovelace") && all.contains("Charles Babbage"));
      assertFalse(all.contains("\\vv") || all.contains("\\EE"), "MathJax macros from _config.yml expanded");
      List<String> labels = pdf.pageLabels();
      int introPage = page(pdf, "Read me first.");
      assertTrue(labels.get(introPage).matches("[ivx]+"), "the root page is front matter: " + labels.get(introPage));
    }
    Project p = ProjectLoader.load(org.bookbuild.io.DiskWorld.of(dir), new org.bookbuild.diag.Diagnostics());
    assertEquals(List.of("refs.bib"), p.options().bibliography());
    assertEquals(2, p.meta().authors().size());
  }

  @Test
  void bookYmlChapterWithSectionsAndPart() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", """
            title: Own Format
            authors: [Ada]
            license: CC-BY-4.0
            toc:
              - file: one.md
                children:
                  - file: sub/two.md
              - title: Second part
                children:
                  - file: three.md
            """,
        "one.md", page("One", "First."),
        "sub/two.md", page("Two", "Second.\n\n## Deeper\n\nText."),
        "three.md", page("Three", "Third.")));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      assertEquals(List.of("Contents", "1 One", "  1.1 Two", "    1.1.1 Deeper", "Second part", "  2 Three"),
          titles(pdf.outline(), "").stream().filter(s -> !s.contains("Copyright")).toList());
    }
  }

  static int page(PdfInspector pdf, String needle) throws Exception {
    for (int i = 0; i < pdf.pageCount(); i++) if (pdf.text(i).contains(needle)) return i;
    return -1;
  }

  static String text(PdfInspector pdf) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pdf.pageCount(); i++) sb.append(pdf.text(i)).append('\n');
    return sb.toString();
  }

  static List<String> titles(List<PdfInspector.OutlineEntry> entries, String indent) {
    List<String> out = new ArrayList<>();
    for (PdfInspector.OutlineEntry e : entries) {
      out.add(indent + e.title());
      out.addAll(titles(e.children(), indent + "  "));
    }
    return out;
  }
}
