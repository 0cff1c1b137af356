package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 15: bookmarks of headings with math say the formula in Unicode, as copying it from the page gives. */
class LinearMathTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      \\mathbb{R}^n                 | ℝⁿ
      \\alpha + \\beta              | α + β
      x_i                          | xᵢ
      n \\times d                   | n × d
      f(x) = x^2                   | f(x) = x²
      \\sum_{i=1}^n x_i             | ∑ᵢ₌₁ⁿ xᵢ
      x \\in \\mathbb{R}^{m\\times n} | x ∈ ℝ^(m×n)
      \\nabla f                     | ∇f
      a \\le b                      | a ≤ b
      \\mathcal{O}(n \\log n)        | 𝒪(n log n)
      \\frac{df}{dx}                | df/dx
      \\frac{df}{dx}=0              | df/dx = 0
      \\frac{1}{2} + \\frac{a+b}{c}  | 1/2 + (a+b)/c
      \\sqrt{x}                     | √x
      \\Vert x - y \\Vert             | ‖x - y‖
      \\Vert v \\Vert                | ‖v‖
      """)
  void formulasReadAsUnicode(String tex, String expected) {
    assertEquals(expected, LinearMath.text(tex.strip(), Macros.of(Map.of())));
  }

  @Test
  void bookMacrosAreExpanded() {
    assertEquals("ℝ²", LinearMath.text("\\R^2", Macros.of(Map.of("\\R", "\\mathbb{R}"))));
  }

  @Test
  void aFormulaJlatexmathCannotParseGivesNull() {
    assertNull(LinearMath.text("\\frac{", Macros.of(Map.of())));
  }
}
