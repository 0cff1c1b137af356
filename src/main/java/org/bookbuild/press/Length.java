package org.bookbuild.press;

/** Lengths as written in press.yml and style.yml ({@code 0.125in}, {@code 3mm}, {@code 9pt}) in points. */
public final class Length {
  private Length() {}

  public static double pt(String v) {
    String s = v.strip();
    double f;
    if (s.endsWith("in")) f = 72;
    else if (s.endsWith("mm")) f = 72 / 25.4;
    else if (s.endsWith("cm")) f = 72 / 2.54;
    else if (s.endsWith("pt")) f = 1;
    else if (s.endsWith("pc")) f = 12;
    else throw new IllegalArgumentException("not a length with a unit: '" + v + "'");
    return Double.parseDouble(s.substring(0, s.length() - 2).strip()) * f;
  }

  /** Points as inches written for FO, exact to a thousandth of a point. */
  public static String in(double pt) {
    return fmt(pt / 72) + "in";
  }

  static String fmt(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s + "0" : s;
  }
}
