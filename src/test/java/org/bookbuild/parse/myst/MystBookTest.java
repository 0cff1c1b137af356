package org.bookbuild.parse.myst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test book {@code books/myst-all} uses every directive and role this parser handles: it builds with no warning,
 * its text reaches the PDF, its comments do not, and each {@code solutions:} option puts the solutions where it says.
 */
class MystBookTest {
  static final Path BOOK = Path.of("src/test/resources/books/myst-all");

  @TempDir Path tmp;

  record Built(List<Diagnostic> diags, String text, List<String> pages, PdfInspector pdf) {}

  Built build(String solutions, boolean oneChapter) throws Exception {
    Path dir = tmp.resolve(solutions + oneChapter);
    copy(BOOK, dir);
    String yml = Files.readString(dir.resolve("book.yml")).replace("solutions: end-of-chapter", "solutions: "
        + solutions);
    if (oneChapter) yml = yml.replace("  - file: chapters/02-more.md\n", "");
    Files.writeString(dir.resolve("book.yml"), yml);
    Diagnostics diags = new Diagnostics();
    Pipeline.Result r = Pipeline.build(new DiskWorld(dir, Map.of("SOURCE_DATE_EPOCH", "1767225600")),
        new Pipeline.Request(dir.resolve("out/book.pdf"), false), diags);
    PdfInspector in = PdfInspector.open(r.pdf());
    List<String> pages = new ArrayList<>();
    for (int p = 0; p < in.pageCount(); p++) pages.add(in.text(p));
    return new Built(diags.all(), String.join("\n", pages), pages, in);
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path rel = from.relativize(p);
        if (rel.startsWith("out")) continue;
        Path t = to.resolve(rel.toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }

  static String flat(String s) {
    return s.replaceAll("-\\n", "").replaceAll("\\s+", " ");
  }

  @Test
  void everyConstructPrintsWithoutWarning() throws Exception {
    Built b = build("end-of-chapter", false);
    assertEquals(List.of(), b.diags().stream().map(Diagnostic::format).toList(), "diagnostics");
    String text = flat(b.text());
    for (String s : List.of("A plain note with bold text.", "Tips are green.", "A tip with a custom title", "Hint",
        "Important text.", "Attention text.", "Caution text.", "Warning text.", "Danger text.", "Error text.",
        "See also", "See-also text.", "Generic title", "Dropdown title", "Dropdown body shown expanded.",
        "Dropdown-class body.", "Figure 1.1.", "The gradient caption.", "The legend explains the shading.",
        "See Figure 1.1 and Picture 1.1.", "Table 1.1.", "Markdown table caption", "Cell two", "CSV from body",
        "pears", "Bob, Jr.", "Tables Table 1.1 and List table caption.", "(1.1)", "Listing 1.1.",
        "A captioned listing", "hello from a cell", "return math.pi", "Included paragraph with emphasis",
        "Exercise 1.1 (Sum of squares).", "Exercise 1.2.", "A gated exercise with a code cell:",
        "Solution to Exercise 1.1.", "The sum is 14.", "Gated solution text.", "Definition 2.1 (Vector space).",
        "Theorem 2.1 (Pythagoras).", "Proof.", "∎", "Lemma 2.2.", "Corollary 2.3.", "Proposition 2.4.",
        "Example 2.1.", "Remark 2.1.", "Algorithm 2.1 (Gradient descent).", "Axiom 2.5.", "Conjecture 2.6.",
        "Criterion 2.7.", "Observation 2.8.", "Property 2.9.", "Assumption 2.10.", "Notation 2.2.",
        "By Theorem 2.1 and Definition 2.1", "Python tab text.", "R tab text.", "Card title", "Card footer",
        "Grid card two", "Sidebar text.", "Margin title", "Epigraph quotation text.", "Pull quote text.",
        "Highlights text.", "The lecture video caption.", "https://www.youtube.com/embed/ZK3O402wf1c",
        "CSS (Cascading Style Sheets)", "Ctrl+C", "underlined", "indexed word", "Directives on paper",
        "In this chapter", "1.1 Admonitions", "The vector of partial derivatives of a function.",
        "Introduction to Linear Algebra", "Convex Optimization", "direction of steepest ascent")) {
      assertTrue(text.contains(s), "PDF text has '" + s + "'");
    }
    assertFalse(text.contains("SECRETCOMMENT"), "comments never print");
    assertFalse(text.contains("+++"), "block breaks never print");
    assertFalse(text.contains("??"), "every reference resolved");
  }

  @Test
  void solutionsGoWhereTheOptionSays() throws Exception {
    Built inline = build("inline", true);
    String t = flat(inline.text());
    assertTrue(t.indexOf("The sum is 14.") < t.indexOf("A gated exercise"), "inline: right after its exercise");
    assertFalse(t.contains("Solution on page"), "inline: no forward link needed");

    Built chapter = build("end-of-chapter", true);
    t = flat(chapter.text());
    int heading = t.indexOf("Solutions Solution to Exercise 1.1.");
    assertTrue(heading > t.indexOf("See Sum of squares."), "end-of-chapter: after the chapter's text: " + t);
    assertTrue(t.contains("Solution on page"), "the exercise points to its solution");

    Built book = build("end-of-book", true);
    t = flat(book.text());
    assertTrue(t.lastIndexOf("Solutions to the Exercises") > t.indexOf("See Sum of squares."), "end-of-book");
    assertTrue(t.indexOf("Gated solution text.") > t.lastIndexOf("Solutions to the Exercises"), "end-of-book");
    int last = book.pages().size() - 1;
    while (book.pages().get(last).isBlank()) last--;
    assertTrue(book.pages().get(last).contains("Gated solution text."), "solutions on the last page");
    long links = book.pdf().links().stream().filter(PdfInspector.Link::internal).count();
    assertTrue(links >= 4, "exercise and solution link both ways: " + links);

    Built omit = build("omit", true);
    t = flat(omit.text());
    assertFalse(t.contains("The sum is 14."), "omit: a student edition has no solutions");
    assertFalse(t.contains("Solution"), "omit: nor links to them");
    assertTrue(t.contains("Exercise 1.1 (Sum of squares)."), "omit: the exercises stay");
  }
}
