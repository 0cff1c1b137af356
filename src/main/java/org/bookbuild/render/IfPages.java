package org.bookbuild.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages of one chapter's Intermediate Format, as text: which of them differ between two layouts of the chapter,
 * and the chapter's IF with only some of its pages kept. {@code book watch}'s preview uses it to paint only the pages
 * an edit changed: a word added to a paragraph usually changes the page it is on, and the rest of the chapter comes
 * out of FOP the same, byte for byte (FOP is deterministic, and the page elements carry nothing that depends on the
 * run). Painting a page is most of a preview (its IF parsed again, its formulas and pictures drawn, its fonts subset).
 */
final class IfPages {
  private IfPages() {}

  private static final String OPEN = "<page ";
  private static final String CLOSE = "</page>";

  /** Where each page element of an IF text starts and ends (end excluded), in order; null when they do not pair up. */
  static int[][] spans(String ifText) {
    List<int[]> out = new ArrayList<>();
    int at = 0;
    while (true) {
      int open = ifText.indexOf(OPEN, at);
      if (open < 0) break;
      int close = ifText.indexOf(CLOSE, open);
      if (close < 0) return null;
      int next = ifText.indexOf(OPEN, open + OPEN.length());
      if (next >= 0 && next < close) return null;
      out.add(new int[] {open, close + CLOSE.length()});
      at = close + CLOSE.length();
    }
    return out.toArray(new int[0][]);
  }

  /**
   * The pages (0-based) of {@code now} that are not the same text in {@code before}; every page when {@code before}
   * is null or the two do not have the same number of pages; null when the pages of {@code now} cannot be told apart.
   */
  static int[] changed(String now, String before) {
    int[][] a = spans(now);
    if (a == null) return null;
    int count = a.length;
    int[][] b = before == null ? null : spans(before);
    List<Integer> changed = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int len = a[k][1] - a[k][0];
      boolean same = b != null && b.length == count && b[k][1] - b[k][0] == len
          && now.regionMatches(a[k][0], before, b[k][0], len);
      if (!same) changed.add(k);
    }
    return changed.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The IF text with only the pages {@code keep} (0-based, ascending) of its page elements left in. */
  static String keep(String ifText, int[] keep) {
    int[][] spans = spans(ifText);
    if (spans == null) return ifText;
    StringBuilder out = new StringBuilder(ifText.length());
    int from = 0, k = 0;
    for (int p = 0; p < spans.length; p++) {
      if (k < keep.length && keep[k] == p) {
        k++;
        continue;
      }
      out.append(ifText, from, spans[p][0]);
      from = spans[p][1];
    }
    return out.append(ifText, from, ifText.length()).toString();
  }
}
