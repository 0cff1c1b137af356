package org.bookbuild.fo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.testing.ModelBooks;
import org.bookbuild.testing.PdfColours;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeListingTest {
  @TempDir Path dir;

  private static PdfColours.Run run(List<PdfColours.Run> runs, String text) {
    return runs.stream().filter(r -> r.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no run '" + text + "' in " + runs));
  }

  @Test
  void highlightedCodeReachesThePdfInColourAndWeight() throws Exception {
    String md = "# Code\n\nSome code:\n\n```python\ndef f(x):\n    # square\n    return x ** 2 + 15\n```\n\n"
        + "```r\nfit <- lm(y ~ x)  # model\n```\n\n```sql\nSELECT a FROM t WHERE b = 'c';\n```\n";
    var b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "code.md"), "code.md", md));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    List<PdfColours.Run> runs = PdfColours.runs(b.pdf());
    PdfColours.Run def = run(runs, "def");
    PdfColours.Run ident = run(runs, "f(x):");
    assertNotEquals(ident.colour(), def.colour(), "keyword coloured");
    assertTrue(def.font().contains("Bold"), "keyword bold for grayscale: " + def.font());
    PdfColours.Run comment = run(runs, "square");
    assertTrue(comment.font().toLowerCase().contains("italic"), "comment italic: " + comment.font());
    assertNotEquals(ident.colour(), run(runs, "15").colour(), "number coloured");
    assertEquals(def.colour(), run(runs, "SELECT").colour(), "SQL keyword in the keyword role");
    assertNotEquals(ident.colour(), run(runs, "lm").colour(), "R call coloured");
    assertNotEquals(ident.colour(), run(runs, "'c'").colour(), "SQL string coloured");
  }

  @Test
  void lineNumbersAndEmphasisedLinesFromTheBlockAttributes() throws Exception {
    SourcePos p = SourcePos.of("ch1.md", 3, 1);
    Attr a = Attr.EMPTY.with("linenos", "").with("emphasize-lines", "2,4-5,x").with("lineno-start", "9");
    List<Block> ch = List.of(new Block.Heading(p, Attr.EMPTY, 1, List.of(new Inline.Text(p, "Code"))),
        new Block.CodeBlock(p, a, "java", "int a;\nint b;\n\nint c;\nint d;"));
    var w = ModelBooks.write(dir, ModelBooks.project(List.of(), "numeric"), ch);
    String fo = w.fo();
    for (int n = 9; n <= 13; n++) assertTrue(fo.matches("(?s).*> *" + n + "</fo:inline>.*"), "line number " + n);
    String emph = w.ctx().style().role("code.emphasized").get("background-color");
    assertEquals(3, fo.split("background-color=\"" + emph + "\"", -1).length - 1, "lines 2, 4 and 5 emphasised");
    assertEquals(1, w.diags().byRule("code-option").size(), "the bad part 'x' is reported");
  }

  @Test
  void aLongHighlightedLineBreaksAtItsSpacesInsteadOfRunningPastTheMargin() throws Exception {
    // a real notebook line (every string its own fo:inline): FOP found no break before an inline and set it past the edge
    String md = "# Code\n\n```python\ncont = [\"school_mindset\", \"school_achievement\", \"school_ethnic_minority\", "
        + "\"school_poverty\", \"school_size\", \"school_urbanicity\"]\n```\n";
    var b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "code.md"), "code.md", md));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    assertEquals(List.of(), b.rule("layout-overflow"), "no line past the margin");
    String text;
    try (var pdf = org.bookbuild.check.PdfInspector.open(b.pdf())) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < pdf.pageCount(); i++) all.append(pdf.text(i));
      text = all.toString();
    }
    assertTrue(text.contains("\"school_size\""), "the whole line printed: " + text);
  }

  @Test
  void spacesMoveToTheFrontOfTheNextTokenSoEverySpaceIsABreak() {
    var t = List.of(new org.bookbuild.fo.highlight.Token(null, "  x = ["),
        new org.bookbuild.fo.highlight.Token("code.string", "\"a\""),
        new org.bookbuild.fo.highlight.Token(null, ", "),
        new org.bookbuild.fo.highlight.Token("code.string", "\"b\" "),
        new org.bookbuild.fo.highlight.Token(null, " "));
    assertEquals(List.of(new org.bookbuild.fo.highlight.Token(null, "  x = ["),
        new org.bookbuild.fo.highlight.Token("code.string", "\"a\""),
        new org.bookbuild.fo.highlight.Token(null, ","),
        new org.bookbuild.fo.highlight.Token("code.string", " \"b\""),
        new org.bookbuild.fo.highlight.Token(null, "  ")), CodeListing.breakable(t));
  }

  @Test
  void lineSets() {
    java.util.Set<Integer> s = new java.util.TreeSet<>();
    assertEquals("0,7-3", CodeListing.lineSet("1, 3-4,0,7-3", s));
    assertEquals(java.util.Set.of(1, 3, 4), s);
  }
}
