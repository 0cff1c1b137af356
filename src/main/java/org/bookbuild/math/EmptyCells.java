package org.bookbuild.math;

import java.lang.reflect.Field;

/**
 * Keeps jlatexmath 1.0.7 from losing formulas to one another through an empty cell.
 *
 * <p>jlatexmath sets every empty cell of an array-like environment ({@code aligned}, {@code array}, the matrices,
 * {@code cases} …) with one shared static box ({@code MatrixAtom.nullBox}). A row with fewer cells than the widest row
 * is padded with empty cells, except when its first cell is empty: then the layout marks the row's last cell as
 * intertext by writing into that cell's box, and when that cell is empty too (an empty row, as {@code \\\\} writes
 * one) the box written into is the shared one. From then on, in every later formula of the run, an empty cell ends its
 * row: {@code \begin{aligned}a &= b\\ &= c\end{aligned}} printed only its first row, the room for all rows reserved.
 *
 * <p>{@link #fill} gives jlatexmath no empty cell: each is written {@code {}}, which TeX sets as nothing, exactly as an
 * empty cell. A row then never starts empty, is padded as TeX pads it, and the shared box is never written. An empty
 * last row (a {@code \\} before {@code \end}) stays empty, as jlatexmath drops it. {@link #repair} puts the shared
 * box's kind back should anything still change it. {@link Typesetter#layout} does both around every layout, so no path
 * to jlatexmath goes without them.
 */
final class EmptyCells {
  private EmptyCells() {}

  /** jlatexmath's shared empty-cell box and the kind it starts with; null when this jlatexmath has no such box. */
  private static final Object NULL_BOX;
  private static final Field TYPE;
  private static final int INITIAL;

  static {
    Object box = null;
    Field type = null;
    int initial = 0;
    try {
      Field f = Class.forName("org.scilab.forge.jlatexmath.MatrixAtom").getDeclaredField("nullBox");
      f.setAccessible(true);
      box = f.get(null);
      type = Class.forName("org.scilab.forge.jlatexmath.Box").getDeclaredField("type");
      type.setAccessible(true);
      initial = type.getInt(box);
    } catch (ReflectiveOperationException | RuntimeException e) {
      box = null;
      type = null;
    }
    NULL_BOX = box;
    TYPE = type;
    INITIAL = initial;
  }

  /** Puts the shared empty-cell box's kind back to what it was when jlatexmath was loaded. */
  static void repair() {
    if (NULL_BOX == null) return;
    try {
      if (TYPE.getInt(NULL_BOX) != INITIAL) TYPE.setInt(NULL_BOX, INITIAL);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the shared empty-cell box still has the kind it started with (for tests). */
  static boolean intact() {
    try {
      return NULL_BOX == null || TYPE.getInt(NULL_BOX) == INITIAL;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code tex} with every empty cell of every environment written {@code {}}. */
  static String fill(String tex) {
    if (tex.indexOf('&') < 0) return tex;
    if (!tex.contains("\\begin")) return tex;
    StringBuilder out = new StringBuilder(tex.length() + 16);
    int i = 0;
    while (i < tex.length()) {
      i = scan(tex, i, out, false);
      if (i < tex.length()) {
        // an \end with no \begin: copied as written (jlatexmath reports it)
        int e = Tex.commandEnd(tex, i);
        out.append(tex, i, e);
        i = e;
      }
    }
    return out.toString();
  }

  /**
   * Copies {@code s} from {@code i} into {@code out}. In an environment's body ({@code cells}), cells are separated by
   * {@code &} and rows by {@code \\} outside braces; an empty one gets {@code {}}. Returns the index of the {@code \end}
   * that closes the body (not copied), or the end of {@code s}.
   */
  private static int scan(String s, int i, StringBuilder out, boolean cells) {
    int depth = 0;
    boolean blank = true;
    boolean rowHasCells = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        if (word(s, i, "\\begin")) {
          i = environment(s, i, out);
          blank = false;
          continue;
        }
        if (word(s, i, "\\end")) {
          if (depth <= 0) {
            if (cells && blank && rowHasCells) out.append("{}");
            return i;
          }
        } else if (cells && depth == 0 && s.startsWith("\\\\", i)) {
          if (blank) out.append("{}");
          out.append("\\\\");
          i += 2;
          Tex.Arg gap = Tex.optArg(s, i);
          if (gap != null) {
            out.append(s, i, gap.end());
            i = gap.end();
          }
          blank = true;
          rowHasCells = false;
          continue;
        }
        int e = Tex.commandEnd(s, i);
        out.append(s, i, e);
        i = e;
        blank = false;
        continue;
      }
      if (cells && depth == 0 && c == '&') {
        if (blank) out.append("{}");
        out.append('&');
        i++;
        blank = true;
        rowHasCells = true;
        continue;
      }
      if (c == '{') depth++;
      else if (c == '}') depth--;
      if (!Character.isWhitespace(c)) blank = false;
      out.append(c);
      i++;
    }
    return i;
  }

  /** Copies the environment that opens at {@code i} (a {@code \begin}), its body filled; returns the index after it. */
  private static int environment(String s, int i, StringBuilder out) {
    int j = Tex.skipSpace(s, i + 6);
    int nameEnd = j < s.length() && s.charAt(j) == '{' ? Tex.groupEnd(s, j) : -1;
    if (nameEnd < 0) {
      out.append(s, i, i + 6);
      return i + 6;
    }
    out.append(s, i, nameEnd);
    i = nameEnd;
    // the position and column arguments: \begin{array}[t]{cc}, \begin{alignedat}{2}
    Tex.Arg pos = Tex.optArg(s, i);
    if (pos != null) {
      out.append(s, i, pos.end());
      i = pos.end();
    }
    String name = s.substring(j + 1, nameEnd - 1).strip();
    if (name.equals("array") || name.equals("subarray") || name.startsWith("alignat") || name.startsWith("alignedat")) {
      int k = Tex.skipSpace(s, i);
      if (k < s.length() && s.charAt(k) == '{') {
        int e = Tex.groupEnd(s, k);
        if (e > 0) {
          out.append(s, i, e);
          i = e;
        }
      }
    }
    i = scan(s, i, out, true);
    if (i < s.length()) {
      int k = Tex.skipSpace(s, i + 4);
      int e = k < s.length() && s.charAt(k) == '{' ? Tex.groupEnd(s, k) : -1;
      if (e < 0) e = i + 4;
      out.append(s, i, e);
      i = e;
    }
    return i;
  }

  private static boolean word(String s, int i, String name) {
    return s.startsWith(name, i) && !Tex.letterAt(s, i + name.length());
  }
}
