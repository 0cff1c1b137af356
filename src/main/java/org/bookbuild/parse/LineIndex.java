package org.bookbuild.parse;

import java.util.Arrays;
import org.bookbuild.diag.SourcePos;

/** Maps character offsets of a source text to 1-based line and column, for the positions model nodes carry. */
public final class LineIndex {
  private final String file;
  private final int[] starts;
  private final int lineOffset;

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
  }

  public LineIndex(String file, CharSequence text) {
    this(file, text, 0);
  }

  public SourcePos pos(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    int line = i >= 0 ? i : -i - 2;
    if (line < 0) line = 0;
    return SourcePos.of(file, line + 1 + lineOffset, offset - starts[line] + 1);
  }

  public String file() {
    return file;
  }
}
