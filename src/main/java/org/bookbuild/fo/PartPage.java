package org.bookbuild.fo;

import org.bookbuild.model.Part;

/** A part's title page ("Part II" and its title), on a right-hand page with a blank verso. */
final class PartPage {
  private PartPage() {}

  static void write(Fo fo, Part p, int number) {
    fo.block("part.block");
    fo.xml().attr("role", "H" + fo.headingTag(1)); // tagged PDF: a part title is a heading like a chapter's
    fo.id(p.id());
    fo.block("part.label");
    fo.xml().attr("role", "Span").text(fo.style().string("part", "number", roman(number))).end();
    fo.block("part.title");
    fo.xml().attr("role", "Span").text(p.title()).end();
    fo.xml().end();
  }

  static String roman(int n) {
    String[] r = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) while (n >= v[i]) { sb.append(r[i]); n -= v[i]; }
    return sb.toString();
  }
}
