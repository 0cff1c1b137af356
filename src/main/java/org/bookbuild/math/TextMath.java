package org.bookbuild.math;

/**
 * Math nested in text inside math ({@code \text{for all $x$}}): jlatexmath prints the dollars literally. The text
 * argument is cut at its dollar signs into text pieces and math pieces: {@code \text{for all }{x}}.
 */
final class TextMath {
  private static final String[] TEXT_COMMANDS = {"\\text", "\\textrm", "\\textit", "\\textbf", "\\textsf", "\\texttt", "\\mbox"};

  private TextMath() {}

  static String rewrite(String s) {
    if (s.indexOf('$') < 0) return s;
    for (String cmd : TEXT_COMMANDS) {
      int from = 0;
      int k;
      while ((k = s.indexOf(cmd, from)) >= 0) {
        int j = k + cmd.length();
        if (Tex.letterAt(s, j)) {
          from = j;
          continue;
        }
        Tex.Arg a = Tex.arg(s, j);
        if (a == null || !hasDollar(a.text())) {
          from = j;
          continue;
        }
        String rep = split(cmd, a.text());
        s = s.substring(0, k) + rep + s.substring(a.end());
        from = k + rep.length();
      }
    }
    return s;
  }

  private static boolean hasDollar(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == '\\') i++;
      else if (t.charAt(i) == '$') return true;
    }
    return false;
  }

  private static String split(String cmd, String text) {
    StringBuilder out = new StringBuilder("{");
    StringBuilder cur = new StringBuilder();
    boolean math = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        cur.append(c).append(text.charAt(++i));
        continue;
      }
      if (c == '$') {
        flush(out, cur, math, cmd);
        math = !math;
        continue;
      }
      cur.append(c);
    }
    flush(out, cur, math, cmd);
    return out.append('}').toString();
  }

  private static void flush(StringBuilder out, StringBuilder cur, boolean math, String cmd) {
    if (cur.length() == 0) return;
    if (math) out.append('{').append(cur).append('}');
    else out.append(cmd).append('{').append(cur).append('}');
    cur.setLength(0);
  }
}
