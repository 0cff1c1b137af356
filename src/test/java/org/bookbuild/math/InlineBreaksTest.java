package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: inline formulas break after top-level relations and binary operators, where TeX would. */
class InlineBreaksTest {
  private static List<String> sources(String tex) {
    return InlineBreaks.split(tex).stream().map(InlineBreaks.Piece::source).toList();
  }

  @Test
  void cutsAfterTopLevelRelationsAndOperators() {
    assertEquals(List.of("a =", "b +", "c"), sources("a = b + c"));
    assertEquals(List.of("E[W]=", "\\int_0^\\infty x\\lambda e^{-\\lambda x}\\,dx =", "\\frac{1}{\\lambda}"),
        sources("E[W]=\\int_0^\\infty x\\lambda e^{-\\lambda x}\\,dx = \\frac{1}{\\lambda}"));
    assertEquals(List.of("x \\le", "y \\times", "z"), sources("x \\le y \\times z"));
    // a run of relations is one operator
    assertEquals(List.of("x :=", "y"), sources("x := y"));
    assertEquals(List.of("a \\not=", "b"), sources("a \\not= b"));
  }

  @Test
  void neverInsideGroupsOrBeforeAnOperand() {
    assertEquals(List.of("\\frac{a+b}{c=d}"), sources("\\frac{a+b}{c=d}"));
    assertEquals(List.of("\\left(a+b\\right)^2"), sources("\\left(a+b\\right)^2"));
    assertEquals(List.of("\\begin{aligned}a&=b+c\\end{aligned}"), sources("\\begin{aligned}a&=b+c\\end{aligned}"));
    assertEquals(List.of("\\sqrt[n+1]{x}"), sources("\\sqrt[n+1]{x}"));
    // signs: at the start, after a relation, after an opening, in a script
    assertEquals(List.of("-x"), sources("-x"));
    assertEquals(List.of("a =", "-b"), sources("a = -b"));
    assertEquals(List.of("(-1)^n"), sources("(-1)^n"));
    assertEquals(List.of("x^+ y_-"), sources("x^+ y_-"));
    assertEquals(List.of("x \\stackrel{?}{=} y"), sources("x \\stackrel{?}{=} y"));
    assertEquals(List.of("x =^{\\text{def}} y"), sources("x =^{\\text{def}} y"));
    // a formula that ends in an operator, or whose meaning spans it (\over, style switches, rows)
    assertEquals(List.of("a+"), sources("a+"));
    assertEquals(List.of("a+b \\over c"), sources("a+b \\over c"));
    assertEquals(List.of("\\displaystyle a = b"), sources("\\displaystyle a = b"));
    assertEquals(List.of("a &= b"), sources("a &= b"));
  }

  @Test
  void piecesTogetherAreAsWideAsTheWhole() throws Exception {
    for (String tex : List.of("a = b + c", "x \\le y \\times z", "f(x) = x^2 - 2x + 1", "\\alpha \\in A \\cup B",
        "E[W]=\\int_0^\\infty x e^{-x}\\,dx = 1", "p \\to q", "u \\cdot v = \\sum_i u_i v_i")) {
      float whole = Typesetter.layout(tex, false, 10f).width();
      float sum = 0;
      for (InlineBreaks.Piece p : InlineBreaks.split(tex)) {
        sum += Typesetter.layout(p.tex(), false, 10f).width();
        if (p.after() == InlineBreaks.After.REL) sum += 10f * 5 / 18;
        if (p.after() == InlineBreaks.After.BIN) sum += 10f * 4 / 18;
      }
      assertTrue(InlineBreaks.split(tex).size() > 1, tex);
      // within 0.6pt at 10pt: jlatexmath leaves out the italic correction of a formula that is one letter (B, z)
      assertEquals(whole, sum, 0.6, tex);
    }
  }
}
