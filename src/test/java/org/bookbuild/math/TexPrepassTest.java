package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rewrite of the pre-pass: the output parses in jlatexmath and has the intended shape. */
class TexPrepassTest {
  static TexPrepass.Result run(String tex, boolean display) throws Exception {
    return TexPrepass.run(tex, display, Macros.of(Map.of()));
  }

  /** Pre-passes and asserts that jlatexmath now typesets the formula (and could not before, where given). */
  static String ok(String tex, boolean display) throws Exception {
    String out = run(tex, display).tex();
    assertNull(Typesetter.check(out, display), () -> "after the pre-pass: " + out);
    return out;
  }

  static void failsRaw(String tex) {
    assertNotNull(Typesetter.check(tex, true), "jlatexmath already parses " + tex + ": the rewrite is not needed");
  }

  @Test
  void alignBecomesRowsWithNumbersLabelsAndNonumber() throws Exception {
    String tex = "\\begin{align} a &= b \\label{eq:one} \\\\ c &= d \\nonumber \\\\ e &= f \\tag{T} \\end{align}";
    TexPrepass.Result r = run(tex, true);
    assertEquals("align", r.env());
    assertEquals(3, r.rows().size());
    assertEquals(List.of("eq:one"), r.rows().get(0).labels());
    assertTrue(r.rows().get(0).numbered());
    assertFalse(r.rows().get(1).numbered());
    assertEquals("T", r.rows().get(2).tag());
    assertNull(Typesetter.check(r.tex(), true));
    assertFalse(r.tex().contains("\\label") || r.tex().contains("\\nonumber") || r.tex().contains("\\tag"));
  }

  @Test
  void alignStarIsUnnumbered() throws Exception {
    failsRaw("\\begin{align*} a &= b \\end{align*}");
    TexPrepass.Result r = run("\\begin{align*} a &= b \\\\ c &= d \\end{align*}", true);
    assertTrue(r.starred());
    assertTrue(r.rows().stream().noneMatch(TexPrepass.Row::numbered));
    assertTrue(r.tex().startsWith("\\begin{aligned}"));
    assertNull(Typesetter.check(r.tex(), true));
  }

  @Test
  void equationAndEquationStar() throws Exception {
    failsRaw("\\begin{equation} x \\end{equation}");
    TexPrepass.Result r = run("\\begin{equation} x = 1 \\label{e} \\end{equation}", true);
    assertTrue(r.autoNumber());
    assertEquals(List.of("e"), r.labels());
    assertEquals("x = 1", r.tex());
    assertFalse(run("\\begin{equation*} x \\end{equation*}", true).autoNumber());
  }

  @Test
  void gatherAndGatherStar() throws Exception {
    failsRaw("\\begin{gather*} a \\\\ b \\end{gather*}");
    assertTrue(ok("\\begin{gather*} a \\\\ b \\end{gather*}", true).startsWith("\\begin{gathered}"));
    TexPrepass.Result r = run("\\begin{gather} a \\\\ b \\end{gather}", true);
    assertEquals(2, r.rows().size());
    assertFalse(r.aligned());
  }

  @Test
  void multlineAndMultlineStar() throws Exception {
    failsRaw("\\begin{multline*} a + b \\\\ + c \\end{multline*}");
    ok("\\begin{multline*} a + b \\\\ + c \\\\ = d \\end{multline*}", true);
    assertTrue(run("\\begin{multline} a \\\\ b \\end{multline}", true).autoNumber());
  }

  @Test
  void splitInsideEquation() throws Exception {
    assertTrue(ok("\\begin{equation}\\begin{split} a &= b \\\\ &= c \\end{split}\\end{equation}", true).contains("aligned"));
  }

  @Test
  void tagAndTagStar() throws Exception {
    failsRaw("x \\tag{1}");
    TexPrepass.Result r = run("x = y \\tag{$\\ast$}", true);
    assertEquals("$\\ast$", r.tag());
    assertNull(Typesetter.check(r.tex(), true));
    assertTrue(run("x \\tag*{A}", true).tagStar());
  }

  @Test
  void labelIsTakenOut() throws Exception {
    failsRaw("x \\label{a}");
    TexPrepass.Result r = run("x \\label{sec:a}", true);
    assertEquals(List.of("sec:a"), r.labels());
    assertEquals("x", r.tex());
  }

  @Test
  void nonumberAndNotag() throws Exception {
    failsRaw("x \\nonumber");
    assertEquals("x", ok("x \\nonumber", true));
    assertEquals("x", ok("x \\notag", true));
  }

  @Test
  void colorColoursTheRestOfTheGroup() throws Exception {
    failsRaw("{\\color{red} x} y");
    assertEquals("{\\textcolor{red}{ x}} y", ok("{\\color{red} x} y", false));
    assertTrue(ok("a \\color{blue} b + c", false).contains("\\textcolor{blue}{ b + c}"));
    assertTrue(ok("\\textcolor{teal}{x}", false).contains("#008080"));
  }

  @Test
  void verticalBars() throws Exception {
    failsRaw("\\lvert x \\rvert");
    ok("\\lvert x \\rvert + \\lVert y \\rVert + \\left\\lvert z \\right\\rvert", false);
  }

  @Test
  void boldMath() throws Exception {
    failsRaw("\\bm{x}");
    assertEquals("\\boldsymbol{x}", ok("\\bm{x}", false));
  }

  @Test
  void coloneqq() throws Exception {
    failsRaw("a \\coloneqq b");
    ok("a \\coloneqq b \\eqqcolon c", false);
  }

  @Test
  void cancel() throws Exception {
    failsRaw("\\cancel{x}");
    assertTrue(ok("\\frac{\\cancel{2} x}{\\cancel{2}} + \\cancelto{0}{y}", false).contains("\\st{2}"));
  }

  @Test
  void textWithNestedMath() throws Exception {
    String out = ok("\\text{for all $x \\in A$ we have}", false);
    assertEquals("{\\text{for all }{x \\in A}\\text{ we have}}", out);
  }

  @Test
  void operatornameStar() throws Exception {
    assertEquals("\\mathop{\\mathrm{arg\\,max}}_x f", ok("\\operatorname*{arg\\,max}_x f", true));
    Typesetter.Laid display = Typesetter.layout(ok("\\operatorname*{arg\\,max}_x", true), true, 10);
    Typesetter.Laid text = Typesetter.layout(ok("\\operatorname*{arg\\,max}_x", false), false, 10);
    assertTrue(display.depth() > text.depth() + 1, "limits below in display style only");
  }

  @Test
  void declareMathOperatorAndNewcommandInsideFormulas() throws Exception {
    Macros m = Macros.of(Map.of());
    TexPrepass.Result r = TexPrepass.run("\\DeclareMathOperator{\\Span}{span} \\newcommand{\\pair}[2]{(#1, #2)} \\Span \\pair{a}{b}", true, m);
    assertEquals("\\operatorname{span} (a, b)", r.tex());
    // definitions stay for later formulas of the same build
    assertEquals("\\operatorname{span} x", TexPrepass.run("\\Span x", false, m).tex());
    TexPrepass.run("\\renewcommand{\\pair}[2]{\\langle #1, #2\\rangle}", false, m);
    assertEquals("\\langle 1, 2\\rangle", TexPrepass.run("\\pair12", false, m).tex());
    assertEquals("(x)", TexPrepass.run("\\def\\p#1{(#1)}\\p{x}", false, m).tex());
  }

  @Test
  void mathbbOne() throws Exception {
    assertEquals("{\\mathrm{1}\\hspace{-0.28em}\\mathrm{1}}_A", ok("\\mathbb{1}_A", false));
  }

  @Test
  void casesGetAQuadBetweenValueAndCondition() throws Exception {
    String out = ok("f(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}", true);
    assertTrue(out.contains("1 &\\quad  x > 0"), out);
  }

  @Test
  void displaystyleAndLimitsInInlineMathAreHonouredAndStrayLimitsDropped() throws Exception {
    assertEquals("\\displaystyle\\mathop{{\\sum}}\\limits _{i=1}^n x_i", ok("\\displaystyle\\sum\\limits_{i=1}^n x_i", false));
    failsRaw("\\nolimits_a x");
    assertEquals("_a x", ok("\\nolimits_a x", false));
    assertTrue(Typesetter.layout("\\displaystyle\\sum_{i=1}^n", false, 10).height()
        > Typesetter.layout("\\sum_{i=1}^n", false, 10).height(), "display style is taller in inline math too");
  }

  @Test
  void commentsAreRemoved() throws Exception {
    assertEquals("a + b", ok("a % note\n+ b", false).replace("\n", " ").replaceAll("\\s+", " "));
    assertEquals("50\\%", ok("50\\%", false));
  }

  @Test
  void runawayMacroIsAnErrorNotAHang() {
    Macros m = Macros.of(Map.of("\\loop", "\\loop x"));
    assertThrows(Typesetter.MathException.class, () -> TexPrepass.run("\\loop", false, m));
  }

  @Test
  void rowSpacingAfterLineBreakIsDropped() throws Exception {
    String out = ok("\\begin{array}{c} a \\\\[1ex] b \\\\ [2pt] c \\end{array}", true);
    assertFalse(out.contains("1ex") || out.contains("2pt"), out);
  }

  @Test
  void limitsOnASymbolDoNotChangeThatSymbolEverywhereElse() throws Exception {
    float before = Typesetter.layout("\\sum_{i=1}^n x", true, 10).depth();
    ok("\\sum\\nolimits_{i=1}^n x + \\int\\limits_0^1 y", true);
    assertEquals(before, Typesetter.layout("\\sum_{i=1}^n x", true, 10).depth(), 0.01, "later sums keep their limits");
    assertTrue(ok("\\sum\\nolimits_i x", true).contains("\\mathop{{\\sum}}\\nolimits"));
  }
}
