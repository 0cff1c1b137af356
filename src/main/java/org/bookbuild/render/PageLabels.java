package org.bookbuild.render;

/**
 * A page number written as FOP writes it for a page-sequence's {@code format}: {@code 1} (and zero-padded {@code 01}
 * …), {@code i}/{@code I} (roman), {@code a}/{@code A} (letters). Used to predict the labels of pages of chapters not
 * laid out with their final numbers yet; once a chapter is laid out with its final first page, FOP's own labels are
 * used, so a format written here differently costs a pass, not a wrong number.
 */
final class PageLabels {
  private PageLabels() {}

  static String format(String format, int n) {
    String f = format == null ? "1" : format.strip();
    if (f.matches("0*1")) {
      String d = Integer.toString(n);
      return d.length() >= f.length() ? d : "0".repeat(f.length() - d.length()) + d;
    }
    if (n > 0 && n < 4000 && (f.equals("i") || f.equals("I"))) {
      String r = roman(n);
      return f.equals("i") ? r.toLowerCase(java.util.Locale.ROOT) : r;
    }
    if (n > 0 && (f.equals("a") || f.equals("A"))) {
      StringBuilder b = new StringBuilder();
      int k = n;
      while (k > 0) {
        k--;
        b.insert(0, (char) ((f.equals("a") ? 'a' : 'A') + k % 26));
        k /= 26;
      }
      return b.toString();
    }
    return Integer.toString(n);
  }

  private static String roman(int n) {
    int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      while (n >= v[i]) {
        b.append(s[i]);
        n -= v[i];
      }
    }
    return b.toString();
  }
}
