package org.bookbuild.project;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.testing.PipelineBooks;
import org.bookbuild.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 4: every toc format is read into the same description. The same small book written as book.yml,
 * myst.yml, jb-book _toc.yml and the Jupyter Book 0.7-0.10 list gives the same toc; the list format's own keys
 * (part, chapter, header, sections, numbered, url, title) are read as 'jupyter-book toc migrate' reads them.
 */
class TocFormatsTest {
  @TempDir Path dir;

  private static final Map<String, String> PAGES = Map.of(
      "home.md", "# Home\n\nWelcome.\n",
      "a.md", "# A\n\nText a.\n",
      "b.ipynb", "{\"cells\":[{\"cell_type\":\"markdown\",\"metadata\":{},\"source\":[\"# B\\n\",\"Text b.\"]}],"
          + "\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}",
      "c.myst.md", "# C\n\nText c.\n",
      "d.md", "# D\n\nText d.\n");

  private Project load(String config, String text, Diagnostics d) throws Exception {
    Map<String, String> files = new java.util.HashMap<>(PAGES);
    files.put(config, text);
    TestBooks.write(dir, files);
    return ProjectLoader.load(DiskWorld.of(dir), d);
  }

  /** The toc as indented lines: "file" or "[title]" for a group, children indented, numbered when said. */
  static List<String> shape(Project p) {
    List<String> out = new ArrayList<>();
    p.frontmatter().forEach(e -> out.add("front " + e.file()));
    shape(p.toc(), "", out);
    return out;
  }

  private static void shape(List<TocEntry> entries, String indent, List<String> out) {
    for (TocEntry e : entries) {
      String n = e.numbered() == TocEntry.NUMBERED_UNSET ? "" : " numbered=" + (e.numbered() == Integer.MAX_VALUE ? "true" : e.numbered());
      out.add(indent + (e.isFile() ? e.file() : e.isLink() ? "<" + e.url() + "> " + e.title() : "[" + e.title() + "]") + n);
      shape(e.children(), indent + "  ", out);
    }
  }

  private static final List<String> EXPECTED = List.of(
      "front home.md", "[Part one]", "  a.md", "    b.ipynb", "  c.myst.md", "[Part two]", "  d.md");

  @Test
  void allFourFormatsGiveTheSameToc() throws Exception {
    String[][] formats = {
        {"book.yml", "title: T\nfrontmatter: [home.md]\ntoc:\n  - title: Part one\n    children:\n      - file: a.md\n"
            + "        children: [b.ipynb]\n      - file: c.myst.md\n  - title: Part two\n    children: [d.md]\n"},
        {"myst.yml", "version: 1\nproject:\n  title: T\n  toc:\n    - title: Part one\n      children:\n        - file: a.md\n"
            + "          children:\n            - file: b.ipynb\n        - file: c.myst.md\n    - title: Part two\n"
            + "      children:\n        - file: d.md\n"},
        {"_toc.yml", "format: jb-book\nroot: home\nparts:\n  - caption: Part one\n    chapters:\n      - file: a\n"
            + "        sections:\n          - file: b\n      - file: c\n  - caption: Part two\n    chapters:\n      - file: d\n"},
        {"_toc.yml", "- file: home\n- part: Part one\n  chapters:\n  - file: a\n    sections:\n    - file: b\n  - file: c\n"
            + "- part: Part two\n  chapters:\n  - file: d\n"},
    };
    for (String[] f : formats) {
      java.nio.file.Files.deleteIfExists(dir.resolve("book.yml"));
      java.nio.file.Files.deleteIfExists(dir.resolve("myst.yml"));
      java.nio.file.Files.deleteIfExists(dir.resolve("_toc.yml"));
      Diagnostics d = new Diagnostics();
      Project p = load(f[0], f[1], d);
      List<String> s = shape(p);
      if (f[0].equals("myst.yml")) s.add(0, "front home.md"); // mystmd has no front matter: compare the rest
      assertEquals(EXPECTED, s, f[1]);
      assertTrue(d.all().stream().noneMatch(x -> x.severity() != Severity.INFO), f[1] + d.all());
    }
  }

  @Test
  void legacyListWithNumberedUrlTitleHeaderAndMissingPage() throws Exception {
    Diagnostics d = new Diagnostics();
    Project p = load("_toc.yml", """
        - file: home
          numbered: true
        - part: Basics
          chapters:
          - file: a
            title: Alpha
            expand_sections: true
            sections:
            - file: b
            - url: https://example.org/more
              title: More
        - part: Lectures
          numbered: 2
          chapters:
          - file: c
          - file: gone
        - chapter: Extras
          chapters:
          - file: d
        """, d);
    assertEquals(List.of("front home.md", "[Basics] numbered=true", "  a.md", "    b.ipynb",
        "    <https://example.org/more> More", "[Lectures] numbered=2",
        "  c.myst.md", "  gone", "[Extras] numbered=true", "  d.md"), shape(p));
    assertEquals("Alpha", p.toc().get(0).children().get(0).title(), "title: overrides the page's title");
    List<Diagnostic> problems = d.all().stream().filter(x -> x.severity() != Severity.INFO).toList();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("chapter-missing", problems.get(0).ruleId());
    assertEquals(16, problems.get(0).pos().line(), "reported at the toc line");
    assertTrue(problems.get(0).message().contains("gone.ipynb") && problems.get(0).message().contains("gone.myst.md"), problems.get(0).message());
    assertFalse(p.toc().get(1).children().get(1).found());
    List<String> notes = d.all().stream().filter(x -> x.severity() == Severity.INFO).map(Diagnostic::message).toList();
    assertEquals(1, notes.stream().filter(m -> m.contains("expand_sections")).count(), notes.toString());
  }

  @Test
  void legacyHeadersSplitLooseChaptersIntoParts() throws Exception {
    Diagnostics d = new Diagnostics();
    Project p = load("_toc.yml", """
        - file: home
          sections:
          - file: a
        - header: Later
        - file: c
        - divider: true
        - file: d
        """, d);
    assertEquals(List.of("front home.md", "a.md", "[Later]", "  c.myst.md", "  d.md"), shape(p));
    assertTrue(d.all().stream().noneMatch(x -> x.severity() != Severity.INFO), d.all().toString());
  }

  @Test
  void legacyBookPrintsPartsChaptersAndSections() throws Exception {
    Map<String, String> files = new java.util.HashMap<>(PAGES);
    files.put("_toc.yml", "- file: home\n- part: Part one\n  chapters:\n  - file: a\n    sections:\n    - file: b\n"
        + "  - file: c\n- part: Part two\n  chapters:\n  - file: d\n");
    files.put("_config.yml", "title: Legacy Book\nauthor: Ann Author\nexecute:\n  execute_notebooks: off\n");
    var built = PipelineBooks.build(dir, files);
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      List<String> outline = ProjectFormatsTest.titles(pdf.outline(), "").stream().filter(s -> !s.contains("Copyright")).toList();
      assertEquals(List.of("Contents", "Home", "Part one", "  1 A", "    1.1 B", "  2 C", "Part two", "  3 D"), outline);
      String all = ProjectFormatsTest.text(pdf);
      assertTrue(all.contains("Legacy Book") && all.contains("Ann Author"));
    }
  }
}
