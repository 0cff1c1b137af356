package org.bookbuild.finish;

import java.util.HashMap;
import java.util.Map;

/** Reads a classic cross-reference table ({@code xref}, subsections of 20-byte entries) into object offsets. */
final class XrefTable {
  private XrefTable() {}

  /**
   * Offsets of the in-use objects, by object number; null when the text is not a well-formed table. Read token by
   * token by hand: a 300-page book's table has some 30,000 entries, and splitting each line with a regular expression
   * was a third of the finishing stage on the C1 compiler (JFR of {@code book watch}).
   */
  static Map<Integer, Long> parse(String table) {
    Tokens t = new Tokens(table);
    if (!"xref".equals(t.next())) return null;
    Map<Integer, Long> out = new HashMap<>();
    try {
      for (String head = t.next(); head != null; head = t.next()) {
        int first = Integer.parseInt(head);
        int count = Integer.parseInt(t.need());
        for (int k = 0; k < count; k++) {
          long offset = Long.parseLong(t.need());
          Integer.parseInt(t.need()); // generation
          String kind = t.need();
          if (kind.equals("n")) {
            out.put(first + k, offset);
          } else if (!kind.equals("f")) {
            return null;
          }
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return out;
  }

  /** Whitespace-separated tokens of a string. */
  private static final class Tokens {
    private final String s;
    private int at;

    Tokens(String s) {
      this.s = s;
    }

    /** The next token, or null at the end. */
    String next() {
      int n = s.length();
      while (at < n && isSpace(s.charAt(at))) at++;
      if (at >= n) return null;
      int start = at;
      while (at < n && !isSpace(s.charAt(at))) at++;
      return s.substring(start, at);
    }

    /** The next token, which must be there. */
    String need() {
      String x = next();
      if (x == null) throw new IllegalArgumentException("cross-reference table ends inside a subsection");
      return x;
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }
  }
}
