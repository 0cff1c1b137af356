package org.bookbuild.parse.rst;

/**
 * One source line as the rST reader sees it: its text with the indentation of the containers around it removed, and
 * the offset of its first character in the text its {@code LineIndex} maps (so every node keeps its true
 * file:line:col however deep it sits). A tab counts as one column.
 */
public record Line(String text, int offset) {
  public Line {
    if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
  }

  boolean blank() {
    return text.isBlank();
  }

  int indent() {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    return i;
  }

  /** The line from column {@code col} on (blank lines shorter than that become empty). */
  Line from(int col) {
    int c = Math.min(col, text.length());
    return new Line(text.substring(c), offset + c);
  }

  /** The line without up to {@code n} columns of leading white space. */
  Line dedent(int n) {
    return from(Math.min(n, indent()));
  }

  /** The line without leading white space. */
  Line stripped() {
    Line l = from(indent());
    return new Line(l.text.stripTrailing(), l.offset);
  }

  /** Lines of a text starting at offset 0, split at line ends. */
  static java.util.List<Line> split(String text) {
    java.util.List<Line> out = new java.util.ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      out.add(new Line(text.substring(start, end), start));
      if (nl < 0) break;
      start = nl + 1;
    }
    return out;
  }
}
