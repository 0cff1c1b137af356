package org.bookbuild.parse;

import static org.junit.jupiter.api.Assertions.*;

import org.bookbuild.diag.Diagnostics;
import org.bookbuild.model.Dump;
import org.junit.jupiter.api.Test;

/** Every math delimiter of issue 4, and the rule that keeps prices out of math. */
class MathDelimitersTest {
  private final MarkdownParser parser = new MarkdownParser();

  private String dump(String md) {
    return Dump.blocks(parser.parse("t.md", md, new Diagnostics()));
  }

  @Test
  void parenthesisDelimitersAreInlineMath() {
    String d = dump("Let \\(x^2 + y\\) be given.\n");
    assertTrue(d.contains("MathInline \"x^2 + y\""), d);
    assertFalse(d.contains("\\("), d);
  }

  @Test
  void bracketDelimitersOnTheirOwnLinesAreADisplayBlock() {
    String d = dump("Text.\n\n\\[\na + b\n= c\n\\]\n\nMore.\n");
    assertTrue(d.contains("MathBlock \"a + b\\n= c\""), d);
    String one = dump("\\[ E = mc^2 \\] (eq-e)\n");
    assertTrue(one.contains("MathBlock {#eq-e} \"E = mc^2\""), one);
  }

  @Test
  void bareAlignBlockIsDisplayMathWithItsEnvironment() {
    String d = dump("Before.\n\n\\begin{align}\na &= b \\label{x} \\\\\nc &= d\n\\end{align}\n\nAfter.\n");
    assertTrue(d.contains("MathBlock \"\\\\begin{align}\\na &= b \\\\label{x} \\\\\\\\\\nc &= d\\n\\\\end{align}\""), d);
    assertTrue(dump("\\begin{equation*}\nx\n\\end{equation*}\n").contains("MathBlock"));
    assertTrue(dump("\\begin{gather}\nx \\\\ y\n\\end{gather}\n").contains("MathBlock"));
  }

  @Test
  void labelledDollarBlock() {
    assertTrue(dump("$$\nx = 1\n$$ (my-label)\n").contains("MathBlock {#my-label} \"x = 1\""));
  }

  @Test
  void escapedDollarIsADollar() {
    String d = dump("It costs \\$5 and \\$x\\$ is not math.\n");
    assertFalse(d.contains("MathInline"), d);
    assertTrue(d.contains("$5"), d);
  }

  @Test
  void pricesAreNotMath() {
    for (String s : new String[] {"costs $5 and $10 today", "from $5–$10 a month", "between $3.50 and $4.00", "pay $5, or $6."}) {
      assertFalse(dump(s + "\n").contains("MathInline"), s + " -> " + dump(s + "\n"));
    }
  }

  @Test
  void priceThenMathOnOneLine() {
    String d = dump("It costs $5 and $x$ is the unknown.\n");
    assertTrue(d.contains("MathInline \"x\""), d);
    assertEquals(1, d.split("MathInline", -1).length - 1, d);
  }

  @Test
  void spacedDollarsAreMathAsInJupyterAndMyst() {
    String d = dump("Let $ x = 1 $ and $ \\alpha $ be given.\n");
    assertTrue(d.contains("MathInline \"x = 1\""), d);
    assertTrue(d.contains("MathInline \"\\\\alpha\""), d);
    assertTrue(dump("So $ x $, then.\n").contains("MathInline \"x\""));
  }

  @Test
  void spacedDollarsAroundPricesStayText() {
    for (String s : new String[] {"costs $ 5 and $ 10 today", "from $ 5 to $ 7.50", "US $ 100 million and $ signs",
        "half $x $ alone", "other $ y$ alone"}) {
      assertFalse(dump(s + "\n").contains("MathInline"), s + " -> " + dump(s + "\n"));
    }
  }

  @Test
  void displayInsideASentenceIsADisplayBetweenTwoParagraphs() {
    String d = dump("So the criterion $$ \\frac{a}{b} \\le 1 $$ holds for all $n$.\n");
    int para1 = d.indexOf("Text \"So the criterion\""), math = d.indexOf("MathBlock \"\\\\frac{a}{b} \\\\le 1\""),
        para2 = d.indexOf("Text \"holds for all \"");
    assertTrue(para1 >= 0 && math > para1 && para2 > math, d);
    assertEquals(2, d.split("Para", -1).length - 1, d);
    assertFalse(d.contains("displaystyle"), d);
    String list = dump("- first item with $$x^2$$ inside\n- second\n");
    assertTrue(list.contains("MathBlock \"x^2\""), list);
    assertTrue(list.contains("Text \"first item with\"") && list.contains("Text \"inside\""), list);
    // at the very start or end of the paragraph nothing empty is left over
    String edge = dump("$$a$$ and text\n\ntext and \\[b\\]\n");
    assertFalse(edge.contains("Para []"), edge);
    assertEquals(2, edge.split("MathBlock", -1).length - 1, edge);
  }
}
