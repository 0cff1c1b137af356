package org.bookbuild.parse;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.model.Block;
import org.bookbuild.model.Dump;
import org.junit.jupiter.api.Test;

/** CommonMark + GFM + math into the model, checked through the model dump. */
class MarkdownParserTest {
  private final MarkdownParser parser = new MarkdownParser();

  private String dump(String md) {
    return Dump.blocks(parser.parse("t.md", md, new Diagnostics()));
  }

  @Test
  void emphasisAndMathDoNotInterfere() {
    assertEquals("""
        Para
          MathInline "a*b"
          Text " and "
          MathInline "c*d"
        """, dump("$a*b$ and $c*d$\n"));
  }

  @Test
  void currencyIsNotMath() {
    assertEquals("""
        Para
          Text "costs $5 and $10 today"
        """, dump("costs $5 and $10 today\n"));
  }

  @Test
  void displayMathBlockKeepsLinesAndLabel() {
    assertEquals("""
        MathBlock {#eq-sum} "x\\n+ y"
        """, dump("$$\nx\n+ y\n$$ (eq-sum)\n"));
  }

  @Test
  void tableWithAlignment() {
    String d = dump("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
    assertTrue(d.startsWith("Table"), d);
    assertTrue(d.contains("aligns=[LEFT, RIGHT]"), d);
  }

  @Test
  void footnoteBecomesNoteAtItsReference() {
    String d = dump("Text.[^1]\n\n[^1]: The note.\n");
    assertEquals("""
        Para
          Text "Text."
          Note
            Para
              Text "The note."
        """, d);
  }

  @Test
  void taskListAndStrikethrough() {
    String d = dump("- [x] done\n- [ ] ~~open~~\n");
    assertTrue(d.contains("ListItem checked=true"), d);
    assertTrue(d.contains("Styled \"strike\""), d);
  }

  @Test
  void positionsPointAtTheSource() {
    List<Block> bs = parser.parse("ch.md", "# T\n\nSome *text* here\n", new Diagnostics());
    assertEquals("ch.md:3:1", bs.get(1).pos().toString());
  }

  @Test
  void htmlCommentsNeverPrint() {
    assertEquals("", dump("<!-- TODO embed a visualization -->\n"));
  }
}
