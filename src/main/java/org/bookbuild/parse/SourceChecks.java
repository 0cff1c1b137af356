package org.bookbuild.parse;

import org.bookbuild.diag.Diagnostics;

/**
 * Checks on raw Markdown text before flexmark sees it: characters XML cannot carry are reported (the FO writer drops
 * them), and lines that open more than {@link FlexmarkConverter#MAX_BLOCK_DEPTH} lists or block quotes at once
 * ({@code > > > …}, {@code - - - …}) are cut down to that depth. flexmark's time grows with the square of such
 * nesting, and everything past the cap would be flattened by the converter anyway.
 */
final class SourceChecks {
  /** At most this many {@code char-invalid} warnings per text; the rest are counted in the last one. */
  static final int MAX_CHAR_REPORTS = 10;

  private SourceChecks() {}

  /** Returns the text to parse (the same string when nothing needed cutting). */
  static String prepare(LineIndex lines, String text, Diagnostics diags) {
    invalidChars(lines, text, diags);
    return unclosedBrackets(limitNesting(lines, quotedDisplays(text), diags));
  }

  /** A {@code $$} display opened in a block quote with nothing after it on its line: the quote's marker and the rest. */
  private static final java.util.regex.Pattern QUOTED_OPEN = java.util.regex.Pattern.compile("( {0,3}>[ >]*)\\$\\$(.*)");

  /** How far down a quoted display's closing {@code $$} is looked for. */
  private static final int QUOTED_DISPLAY_LINES = 40;

  /**
   * A display opened inside a block quote whose lines go on without the quote's marker ({@code > $$}, then the formula
   * and the closing {@code $$} unmarked), as notes written for Jupyter have it: markdown-it takes such lines into the
   * quote, flexmark ends the quote at the first unmarked line, so the formula came out empty (FOP: no alternative text
   * for it), its TeX was printed as text and its closing {@code $$} opened a display that ran on through the text
   * after it. The unmarked lines up to the closing {@code $$} get the opening line's marker, in place of as many
   * leading spaces where a line has them (its columns stay). Lines in code fences are left alone.
   */
  static String quotedDisplays(String text) {
    if (!text.contains("$$")) return text;
    String[] lines = text.split("\n", -1);
    boolean changed = false;
    boolean fence = false;
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].stripLeading();
      if (t.startsWith("```") || t.startsWith("~~~")) fence = !fence;
      java.util.regex.Matcher m = QUOTED_OPEN.matcher(lines[i]);
      if (fence || !m.matches() || m.group(2).contains("$$")) continue;
      int close = -1;
      for (int j = i + 1; j < lines.length && j <= i + QUOTED_DISPLAY_LINES; j++) {
        if (lines[j].stripLeading().startsWith(">")) break; // marked lines: the quote goes on as written
        if (lines[j].contains("$$")) {
          close = j;
          break;
        }
      }
      if (close < 0) continue;
      String marker = m.group(1);
      for (int j = i + 1; j <= close; j++) {
        String l = lines[j];
        int lead = 0;
        while (lead < l.length() && l.charAt(lead) == ' ') lead++;
        if (l.isBlank()) lines[j] = marker.stripTrailing();
        else if (lead >= marker.length()) lines[j] = marker + l.substring(marker.length());
        else lines[j] = marker + l.substring(lead);
      }
      changed = true;
      i = close;
    }
    return changed ? String.join("\n", lines) : text;
  }

  /** Backslash escapes after an unclosed {@code [} from which flexmark's link-label pattern backtracks exponentially. */
  static final int MAX_ESCAPES_IN_OPEN_LABEL = 8;

  /**
   * flexmark matches link labels with a regular expression in which a backslash escape can be read two ways, so a
   * {@code [} followed by many escapes ({@code [\$\$\$…}) and no {@code ]} takes time exponential in their number
   * (fuzzing found a 92-byte input that ran for minutes). A {@code [} with no {@code ]} within the 999 characters a
   * label may span can never open a link, so escaping it changes nothing on the page and removes the backtracking.
   */
  static String unclosedBrackets(String text) {
    StringBuilder out = null;
    int copied = 0;
    int lineStart = 0;
    int ticks = 0;
    int dollars = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lineStart = i + 1;
        ticks = 0;
        dollars = 0;
        continue;
      }
      if (c == '`') ticks++;
      if (c == '$' && !escaped(text, i, lineStart)) dollars++;
      // inside code or (probably) math the bracket is not Markdown: leave it exactly as written
      if (c != '[' || (ticks & 1) == 1 || (dollars & 1) == 1 || escaped(text, i, lineStart)) continue;
      int escapes = 0;
      boolean closed = false;
      int end = Math.min(text.length(), i + 1000);
      for (int j = i + 1; j < end; j++) {
        char d = text.charAt(j);
        if (d == '\\' && j + 1 < end) {
          char e = text.charAt(j + 1);
          if (e < 128 && !Character.isLetterOrDigit(e) && e > ' ') escapes++;
          j++;
        } else if (d == ']') {
          closed = true;
          break;
        } else if (d == '[') {
          break; // the label pattern cannot cross an unescaped [: it fails here, after backtracking over the escapes
        }
      }
      if (closed || escapes < MAX_ESCAPES_IN_OPEN_LABEL) continue;
      if (out == null) out = new StringBuilder(text.length() + 16);
      out.append(text, copied, i).append('\\');
      copied = i;
    }
    if (out == null) return text;
    return out.append(text, copied, text.length()).toString();
  }

  private static boolean escaped(String s, int i, int lineStart) {
    int n = 0;
    for (int k = i - 1; k >= lineStart && s.charAt(k) == '\\'; k--) n++;
    return (n & 1) == 1;
  }

  private static void invalidChars(LineIndex lines, String text, Diagnostics diags) {
    int reported = 0;
    int total = 0;
    int firstUnreported = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (ok) continue;
      total++;
      if (reported < MAX_CHAR_REPORTS) {
        reported++;
        diags.warn("char-invalid", lines.pos(i), String.format("character U+%04X cannot be printed (XML cannot carry it) and is left out", (int) c));
      } else if (firstUnreported < 0) {
        firstUnreported = i;
      }
    }
    if (total > reported) {
      diags.warn("char-invalid", lines.pos(firstUnreported), (total - reported) + " more characters that cannot be printed are left out");
    }
  }

  private static String limitNesting(LineIndex lines, String text, Diagnostics diags) {
    int max = FlexmarkConverter.MAX_BLOCK_DEPTH;
    StringBuilder out = null;
    int lineStart = 0;
    boolean reported = false;
    while (lineStart <= text.length()) {
      int end = text.indexOf('\n', lineStart);
      if (end < 0) end = text.length();
      int depth = 0;
      int i = lineStart;
      int cut = -1;
      int contentAt = -1;
      while (i < end) {
        int spaces = 0;
        while (i < end && text.charAt(i) == ' ' && spaces < 4) {
          i++;
          spaces++;
        }
        int m = marker(text, i, end);
        if (m < 0) break;
        depth++;
        if (depth == max) cut = m;
        i = m;
        contentAt = m;
      }
      if (depth > max) {
        if (out == null) out = new StringBuilder(text.length()).append(text, 0, lineStart);
        out.append(text, lineStart, cut).append(text, contentAt, end);
        if (!reported) {
          reported = true;
          diags.warn("nesting-too-deep", lines.pos(cut), depth + " lists or block quotes opened on one line; only " + max
              + " levels are kept, the rest is flattened into the last one");
        }
      } else if (out != null) {
        out.append(text, lineStart, end);
      }
      if (end < text.length() && out != null) out.append('\n');
      lineStart = end + 1;
    }
    return out == null ? text : out.toString();
  }

  /** If a block-quote or list marker starts at {@code i}, the index after it and its following space; else -1. */
  private static int marker(String s, int i, int end) {
    if (i >= end) return -1;
    char c = s.charAt(i);
    int after;
    if (c == '>') {
      after = i + 1;
      if (after < end && (s.charAt(after) == ' ' || s.charAt(after) == '\t')) after++;
      return after;
    }
    if (c == '-' || c == '*' || c == '+') {
      after = i + 1;
    } else {
      int j = i;
      while (j < end && j - i < 9 && Character.isDigit(s.charAt(j))) j++;
      if (j == i || j >= end || (s.charAt(j) != '.' && s.charAt(j) != ')')) return -1;
      after = j + 1;
    }
    if (after >= end || (s.charAt(after) != ' ' && s.charAt(after) != '\t')) return -1;
    return after + 1;
  }
}
