package org.bookbuild.parse;

import java.util.Arrays;
import org.bookbuild.diag.SourcePos;

/** Maps character offsets of a source text to 1-based line and column, for the positions model nodes carry. */
public final class LineIndex {
  private final String file;
  private final int[] starts;
  private final int lineOffset;
  /** For text cut out of another parsed text (a directive body): where each of its lines starts there. */
  private final LineIndex parent;
  private final int[] origins;
  private final int firstColumnShift;

  /** @param lineOffset lines before this text in its file (for text cut out of a larger file, such as a notebook cell) */
  public LineIndex(String file, CharSequence text, int lineOffset) {
    this.file = file;
    this.lineOffset = lineOffset;
    int[] s = new int[16];
    int n = 0;
    s[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == s.length) s = Arrays.copyOf(s, n * 2);
        s[n++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(s, n);
    this.parent = null;
    this.origins = null;
    this.firstColumnShift = 0;
  }

  private LineIndex(LineIndex parent, CharSequence text, int[] origins, int firstColumnShift) {
    LineIndex own = new LineIndex(parent.file, text, 0);
    this.file = parent.file;
    this.lineOffset = 0;
    this.starts = own.starts;
    this.parent = parent;
    this.origins = origins;
    this.firstColumnShift = firstColumnShift;
  }

  /**
   * Positions for a text assembled from lines of another text ({@code parent}): line i of {@code text} starts at
   * offset {@code origins[i]} of the parent's text. Nested directive bodies keep their true file:line:col this way.
   */
  public static LineIndex nested(LineIndex parent, CharSequence text, int[] origins) {
    return new LineIndex(parent, text, origins, 0);
  }

  /** Positions for a short text (an argument, a caption) that starts at {@code at} in the file. */
  public static LineIndex at(String file, CharSequence text, SourcePos at) {
    LineIndex base = new LineIndex(file, text, Math.max(0, at.line() - 1));
    return new LineIndex(base, text, base.starts.clone(), Math.max(0, at.col() - 1));
  }

  public LineIndex(String file, CharSequence text) {
    this(file, text, 0);
  }

  public SourcePos pos(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    int line = i >= 0 ? i : -i - 2;
    if (line < 0) line = 0;
    if (parent != null) {
      int col = offset - starts[line];
      if (line >= origins.length) return parent.pos(origins[origins.length - 1]);
      if (line == 0 && firstColumnShift > 0) {
        SourcePos p = parent.pos(origins[0] + col);
        return SourcePos.of(p.file(), p.line(), p.col() + firstColumnShift);
      }
      return parent.pos(origins[line] + col);
    }
    return SourcePos.of(file, line + 1 + lineOffset, offset - starts[line] + 1);
  }

  /** The start of every line of this text that the offsets [from, to) touch, as file positions (for accounting). */
  java.util.List<SourcePos> lineStarts(int from, int to) {
    java.util.List<SourcePos> out = new java.util.ArrayList<>();
    if (to <= from) to = from + 1;
    int i = Arrays.binarySearch(starts, from);
    int line = i >= 0 ? i : Math.max(0, -i - 2);
    for (; line < starts.length && starts[line] < to; line++) out.add(pos(starts[line]));
    return out;
  }

  /** Whether this text was cut out of another (a directive body, an argument) rather than being a whole file or cell. */
  public boolean nested() {
    return parent != null;
  }

  public int lineOffset() {
    return lineOffset;
  }

  public String file() {
    return file;
  }
}
