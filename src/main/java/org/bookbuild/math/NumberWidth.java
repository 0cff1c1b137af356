package org.bookbuild.math;

/**
 * The width of an equation number in ems, measured with jlatexmath's Computer Modern roman (the same design and
 * metrics as the CMU text face), so the blank that balances the number on the left matches it closely.
 */
final class NumberWidth {
  private NumberWidth() {}

  static double em(String printed) {
    try {
      String esc = printed.replaceAll("([#$%&_{}])", "\\\\$1");
      return Typesetter.layout("\\mathrm{" + esc + "}", false, 1f).width();
    } catch (Typesetter.MathException e) {
      return 0.5 * printed.length();
    }
  }

  /** The width in ems of a number that is itself a formula (a {@code \tag} with math). */
  static double formulaEm(String tex) {
    try {
      return Typesetter.layout(tex, false, 1f).width();
    } catch (Typesetter.MathException e) {
      return 0.5 * tex.length();
    }
  }
}
