package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A formula is typeset once per size; asking whether it parses after any layout costs no jlatexmath run. */
class LayoutMemoTest {
  @Test
  void aLayoutIsMadeOncePerSizeAndAnswersWhetherTheFormulaParses() throws Exception {
    String tex = "\\int_0^1 x^{2} \\, dx = \\frac{1}{3} + \\memoTest";
    String ok = tex.replace(" + \\memoTest", "");
    long before = Typesetter.MEMO.runs();
    Typesetter.Laid a = Typesetter.layout(ok, false, 10.5f);
    assertEquals(before + 1, Typesetter.MEMO.runs());
    assertSame(a, Typesetter.layout(ok, false, 10.5f), "the same layout again, no new run");
    assertNull(Typesetter.check(ok, false));
    assertEquals(before + 1, Typesetter.MEMO.runs(), "whether it parses is known from the layout");
    Typesetter.Laid big = Typesetter.layout(ok, false, 21f);
    assertNotSame(a, big);
    assertEquals(2 * a.width(), big.width(), 2, "a layout of its own at another size");
    assertEquals(before + 2, Typesetter.MEMO.runs());

    String why = Typesetter.check(tex, true);
    assertNotNull(why, "an unknown command does not parse");
    long afterFailure = Typesetter.MEMO.runs();
    assertEquals(why, Typesetter.check(tex, true), "the same reason, remembered");
    Typesetter.MathException e = assertThrows(Typesetter.MathException.class, () -> Typesetter.layout(tex, true, 10f));
    assertEquals(why, e.getMessage());
    assertEquals(afterFailure, Typesetter.MEMO.runs());
  }

  @Test
  void formulasThatDefineMacrosAreTypesetEveryTime() throws Exception {
    String def = "\\newcommand{\\memoTwice}{2x} \\memoTwice";
    long before = Typesetter.MEMO.runs();
    Typesetter.Laid a = Typesetter.layout(def, false, 10f);
    Typesetter.Laid b = Typesetter.layout(def, false, 10f);
    assertNotSame(a, b);
    assertEquals(before, Typesetter.MEMO.runs(), "not through the memo");
  }
}
