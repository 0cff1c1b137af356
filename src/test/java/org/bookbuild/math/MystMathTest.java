package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 5 in the math stage: displays as mystmd users write them (rows with {@code &} and {@code \\} and no
 * environment), and the targeted hints for common slips.
 */
class MystMathTest {
  static String pre(String tex) throws Exception {
    return TexPrepass.run(tex, true, Macros.of(Map.of())).tex();
  }

  @Test
  void topLevelAmpersandsAndRowsAreAlignedRows() throws Exception {
    String src = "f_i(x^\\star) \\leq 0, &\\quad i=1, \\ldots, m \\\\\nh_i(x^\\star) = 0, &\\quad i=1, \\ldots, p";
    assertNotNull(Typesetter.check("\\begin{gathered}" + src + "\\end{gathered}", true), "gathered refuses &");
    String out = pre(src);
    assertTrue(out.startsWith("\\begin{aligned}") && out.endsWith("\\end{aligned}"), out);
    assertNull(Typesetter.check(out, true), out);
    // one row with an ampersand (a relation set off to the right) is aligned too
    assertNull(Typesetter.check(pre("x^\\top Q x &\\geq \\lambda_1 \\Vert x \\Vert^2"), true));
  }

  @Test
  void rowsWithoutAmpersandsStayCentredAndANestedArrayIsLeftAlone() throws Exception {
    assertTrue(pre("a = b \\\\ c = d").startsWith("\\begin{gathered}"));
    String arr = "\\begin{array}{ll} \\min & f(x) \\\\ \\text{s.t.} & g(x) \\le 0 \\end{array}";
    assertEquals(arr, pre(arr));
    assertEquals("x = 1", pre("x = 1"));
  }

  @Test
  void aBackslashBackslashEndingTheDisplayStartsNoEmptyRow() throws Exception {
    assertEquals("\\begin{aligned}a &= b \\\\ c &= d\\end{aligned}", pre("a &= b \\\\ c &= d \\\\").replaceAll("\\s+", " "));
    assertEquals("x = 1", pre("x = 1 \\\\"));
    assertEquals("x = 1", pre("x = 1 \\\\ \n"));
  }

  @Test
  void equationEnvironmentWithAmpersandsIsAlignedToo() throws Exception {
    TexPrepass.Result r = TexPrepass.run("\\begin{equation} a &= b \\\\ &= c \\end{equation}", true, Macros.of(Map.of()));
    assertNull(Typesetter.check(r.tex(), true), r.tex());
  }

  @Test
  void hintForAnUnknownCommandNamesTheClosestKnownOne() {
    String why = Typesetter.check("\\alpah + 1", true);
    assertEquals("`\\alpah` is not a known command; closest: `\\alpha`", MathHints.hint("\\alpah + 1", why, Macros.of(Map.of())));
    String book = MathHints.hint("\\nrom{x}", Typesetter.check("\\nrom{x}", true), Macros.of(Map.of("\\norm", "\\|#1\\|")));
    assertTrue(book.contains("closest: `\\norm`"), book);
    String none = MathHints.hint("\\qqqqzz", Typesetter.check("\\qqqqzz", true), Macros.of(Map.of()));
    assertTrue(none.contains("define it under `math:`"), none);
  }

  @Test
  void hintForAnUnclosedLeftOrALoneRight() {
    String open = "\\left( \\frac{a}{b}";
    String h = MathHints.hint(open, Typesetter.check(open, true), Macros.of(Map.of()));
    assertTrue(h.startsWith("a `\\left` has no `\\right`"), h);
    String close = "\\frac{a}{b} \\right)";
    h = MathHints.hint(close, Typesetter.check(close, true), Macros.of(Map.of()));
    assertTrue(h.startsWith("a `\\right` has no `\\left`"), h);
  }

  @Test
  void hintForMismatchedEnvironmentsAndATrailingRowBreak() {
    String env = "\\begin{pmatrix} a \\end{bmatrix}";
    String h = MathHints.hint(env, Typesetter.check(env, true), Macros.of(Map.of()));
    assertEquals("`\\begin{pmatrix}` is closed by `\\end{bmatrix}`", h);
    assertEquals("the formula ends with `\\\\`, which starts an empty line: remove it",
        MathHints.hint("\\frac{1}{0} \\\\", "some failure", Macros.of(Map.of())));
  }

  @Test
  void rowsInsideASubscriptAreStacked() throws Exception {
    // causal-inference-brave-and-true, chapter 14: MathJax stacks these; jlatexmath needs \substack
    String src = "\\underbrace{Y_0(0)|D=1}_{\\substack{\\text{POA outcome}} \\\\ \\substack{\\text{before}}} + x";
    assertNotNull(Typesetter.check(src, true));
    String out = pre(src);
    assertTrue(out.contains("_{\\substack{\\substack{"), out);
    assertNull(Typesetter.check(out, true), out);
    assertEquals("a_{i} + b^{2}", pre("a_{i} + b^{2}"));
  }
}
