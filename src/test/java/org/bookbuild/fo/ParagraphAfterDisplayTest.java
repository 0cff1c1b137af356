package org.bookbuild.fo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.parse.notebook.Nb;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a paragraph after a display goes on with the display's sentence — no first-line indent — when it opens in
 * lower case or with punctuation, or when the author wrote no blank line; otherwise it is a new paragraph, indented as
 * after a paragraph. Each case is one paragraph whose first word is a marker; the FO and the built PDF are read.
 */
class ParagraphAfterDisplayTest {
  /** Source before the marked paragraph, the marked paragraph's first words, and whether it is indented. */
  record Case(String name, String before, String para, boolean indented) {}

  static final List<Case> CASES = List.of(
      new Case("lower case after a blank line", "$$\nx^2 + y^2 = 1\n$$\n\n", "where Kilo is a circle.", false),
      new Case("punctuation after a blank line", "$$\nx^2 + y^2 = 1\n$$\n\n", ", Lima being its radius.", false),
      new Case("capital with no blank line", "$$\nx^2 + y^2 = 1\n$$\n", "Mike is the set on the line.", false),
      new Case("capital after a blank line", "$$\nx^2 + y^2 = 1\n$$\n\n", "November starts a new thought.", true),
      new Case("display inside a sentence", "The sum $$\\sum_i x_i$$\n", "Oscar goes on with it.", false),
      new Case("emphasis opening in lower case", "$$\na = b\n$$\n\n", "*then* Papa follows from it.", false),
      new Case("math directive, no blank line", "```{math}\na = b\n```\n", "Quebec is then immediate.", false),
      new Case("after a list, new paragraph", "- one item\n- two items\n\n", "Romeo opens a paragraph.", true),
      new Case("after code, lower case", "```python\nx = 1\n```\n\n", "so Sierra is one.", false),
      new Case("after a heading", "## A section\n\n", "Tango opens the section.", false),
      new Case("after a paragraph, lower case", "A paragraph of text.\n\n", "and Uniform starts lower case.", true),
      new Case("a proof's last paragraph (holding the end mark)", ":::{prf:proof}\nDifferentiate:\n\n$$\na = b\n$$\n\n",
          "Xray ends the proof.\n:::", true),
      new Case("a proof's last paragraph going on", ":::{prf:proof}\nDifferentiate:\n\n$$\na = b\n$$\n",
          "Yankee ends the proof.\n:::", false));

  /** Long enough for two lines: its second line starts at the text's left margin. */
  static final String OPENING = "An opening paragraph of the case, long enough to fill more than one line of the text"
      + " block, so that its second line starts at the left margin of the text.\n\n";

  static final String NB_PARA = "Victor follows the display directly.";

  private static PipelineBooks.Built built;

  @BeforeAll
  static void build(@TempDir Path dir) throws Exception {
    StringBuilder md = new StringBuilder("# Displays\n\n");
    for (Case c : CASES) md.append(OPENING).append(c.before()).append(c.para()).append("\n\n");
    String nb = new Nb().markdown("# Notebook\n\n" + OPENING + "$$\na = b\n$$\n" + NB_PARA + "\n\n"
        + "$$\nc = d\n$$\n\nWhiskey is new.\n").json();
    Map<String, String> files = new HashMap<>(Map.of("book.yml", PipelineBooks.bookYml("", "ch.md", "nb.ipynb"),
        "ch.md", md.toString(), "nb.ipynb", nb));
    built = PipelineBooks.build(dir, files);
    assertEquals(0, built.result().status(), built.diags().all().toString());
  }

  /** The text-indent of the FO block that holds {@code words}, through the style's role attributes. */
  private static String indentInFo(String words) {
    String fo = built.fo();
    int at = fo.indexOf(words);
    assertTrue(at > 0, "not in the FO: " + words);
    int open = fo.lastIndexOf("<fo:block ", at);
    String tag = fo.substring(open, fo.indexOf('>', open));
    Matcher m = Pattern.compile("text-indent=\"([^\"]*)\"").matcher(tag);
    return m.find() ? m.group(1) : "";
  }

  private static boolean indented(String indent) {
    return !indent.isEmpty() && !indent.matches("0(pt|em|mm)?");
  }

  @Test
  void theFoIndentsOnlyNewParagraphs() {
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      String marker = c.para().replaceAll("^[^A-Z]*", "").split(" ")[0];
      String indent = indentInFo(marker);
      if (indented(indent) != c.indented()) wrong.add(c.name() + ": text-indent=\"" + indent + "\"");
    }
    if (indented(indentInFo("Victor"))) wrong.add("notebook cell, no blank line: indented");
    if (!indented(indentInFo("Whiskey"))) wrong.add("notebook cell, capital after a blank line: not indented");
    assertEquals(List.of(), wrong);
  }

  /**
   * In the PDF the first glyph of each marked paragraph's first line starts at the text's left margin (unindented) or
   * one indent (1.5em = 15pt) in from it.
   */
  @Test
  void thePdfStartsContinuingLinesAtTheMargin() throws Exception {
    List<String> wrong = new ArrayList<>();
    try (PdfInspector in = PdfInspector.open(built.pdf())) {
      for (Case c : CASES) {
        String marker = c.para().replaceAll("^[^A-Z]*", "").split(" ")[0];
        float offset = lineStartFromMargin(in, marker);
        if (c.indented() ? Math.abs(offset - 15) > 1 : Math.abs(offset) > 0.5)
          wrong.add(c.name() + ": first glyph " + offset + "pt from the margin");
      }
      float nb = lineStartFromMargin(in, "Victor");
      if (Math.abs(nb) > 0.5) wrong.add("notebook: " + nb);
    }
    assertEquals(List.of(), wrong);
  }

  /**
   * How far the line holding {@code word} starts right of the page's text margin (the leftmost glyph of the page:
   * every page holds a second line of an opening paragraph).
   */
  private static float lineStartFromMargin(PdfInspector in, String word) throws Exception {
    for (int p = 0; p < in.pageCount(); p++) {
      List<PdfInspector.GlyphRun> runs = in.runs(p);
      for (PdfInspector.GlyphRun r : runs) {
        if (!r.text().contains(word)) continue;
        float lineStart = (float) runs.stream().filter(o -> Math.abs(o.y() - r.y()) < 1).mapToDouble(o -> o.x()).min()
            .orElseThrow();
        float margin = (float) runs.stream().mapToDouble(o -> o.x()).min().orElseThrow();
        return lineStart - margin;
      }
    }
    throw new AssertionError("not in the PDF: " + word);
  }
}
