package org.bookbuild.fo;

import java.util.Arrays;
import org.bookbuild.diag.SourcePos;

/**
 * Which source position each stretch of the written FO came from, so that FOP's events (which carry a line and column
 * in the FO) can be reported at the author's text. The FO writer notes the offset at which each block and text run
 * starts; a lookup takes the last note at or before the FO position. Two int arrays and a list: cheap enough to keep
 * for every build.
 */
public final class SourceMap {
  private int[] offsets = new int[256];
  private SourcePos[] positions = new SourcePos[256];
  private int n;
  private int[] lineStarts;

  /** Every call of {@link #note} while a tap is on, as (offset, position) pairs, for the chapter memo. */
  private java.util.List<Object[]> tapped;

  void tap() {
    tapped = new java.util.ArrayList<>();
  }

  java.util.List<Object[]> untap() {
    java.util.List<Object[]> t = tapped;
    tapped = null;
    return t == null ? java.util.List.of() : t;
  }

  /** Notes that FO written from {@code offset} on comes from {@code pos} (offsets must not decrease). */
  void note(int offset, SourcePos pos) {
    if (tapped != null) tapped.add(new Object[] {offset, pos});
    if (pos == null || !pos.isKnown()) return;
    if (n > 0 && positions[n - 1].equals(pos)) return;
    if (n == offsets.length) {
      offsets = Arrays.copyOf(offsets, n * 2);
      positions = Arrays.copyOf(positions, n * 2);
    }
    offsets[n] = offset;
    positions[n++] = pos;
  }

  /** Forgets notes at or after {@code offset} (the writer took that output back). */
  void truncate(int offset) {
    while (n > 0 && offsets[n - 1] >= offset) positions[--n] = null;
  }

  /** Indexes the lines of the finished FO text so that {@link #at(int, int)} can take line and column. */
  void finish(String fo) {
    int[] s = new int[64];
    int k = 0;
    s[k++] = 0;
    // indexOf, not charAt per character: on C1 the call per character of a 10 MB FO was 15 ms of every watch rebuild
    for (int i = fo.indexOf('\n'); i >= 0; i = fo.indexOf('\n', i + 1)) {
      if (k == s.length) s = Arrays.copyOf(s, k * 2);
      s[k++] = i + 1;
    }
    lineStarts = Arrays.copyOf(s, k);
  }

  /** The source position behind FO offset {@code offset}, or {@link SourcePos#NONE}. */
  public SourcePos atOffset(int offset) {
    int lo = 0;
    int hi = n - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (offsets[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? SourcePos.NONE : positions[found];
  }

  /** The source position behind FO line and column (1-based, as a SAX locator gives them). */
  public SourcePos at(int line, int col) {
    if (lineStarts == null || line < 1 || line > lineStarts.length) return SourcePos.NONE;
    return atOffset(lineStarts[line - 1] + Math.max(0, col - 1));
  }

  /** An empty map, for FO that was not written by the FO writer. */
  public static SourceMap empty() {
    SourceMap m = new SourceMap();
    m.finish("");
    return m;
  }
}
