package org.bookbuild.finish;

import java.nio.charset.StandardCharsets;

/**
 * Replaces the document /ID in every trailer (or cross-reference stream dictionary) with one derived from the
 * file's content, by overwriting the hex digits in place. The file keeps its length, so every byte offset in the
 * cross-reference table stays valid and no PDF library has to parse or rewrite anything.
 *
 * <p>The id is the 128-bit {@link org.bookbuild.io.Fingerprint} of the whole file with all id digits set to {@code 0}
 * (FOP writes 16-byte ids; a longer one repeats it); both entries of every array get the same value, as for a newly
 * created document. It was SHA-256: the id needs no more than to change with the content, and SHA-256 on the C1
 * compiler a build runs with took 7% of a watch rebuild after the preview on a 300-page book (JFR).
 */
final class DocumentId {
  private static final byte[] KEY = "/ID".getBytes(StandardCharsets.US_ASCII);

  private DocumentId() {}

  /** Where the two hex strings of an /ID array lie: start and end (exclusive) of each one's digits. */
  record Span(int start1, int end1, int start2, int end2) {}

  /**
   * Every {@code /ID [<hex> <hex>]} in the file, in file order: one per trailer (an incrementally updated file has
   * several, and all of them must be derived from the content for the bytes to be reproducible).
   */
  static java.util.List<Span> find(byte[] pdf) {
    java.util.List<int[]> sections = sections(pdf);
    if (sections == null) return find(pdf, 0, pdf.length);
    java.util.List<Span> out = new java.util.ArrayList<>();
    for (int[] r : sections) out.addAll(find(pdf, r[0], r[1]));
    out.sort(java.util.Comparator.comparingInt(Span::start1));
    return out;
  }

  private static final byte[] STARTXREF = "startxref".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREV = "/Prev".getBytes(StandardCharsets.US_ASCII);

  /**
   * Where the file's trailers can be: from each cross-reference section (the last {@code startxref}, then each
   * {@code /Prev}) to the {@code %%EOF} after it. Searching only there, not the whole file, saves reading a 300-page
   * book's 6 MB byte by byte on every build (a third of the finishing stage on the C1 compiler, JFR). Null when the
   * chain cannot be followed: then the whole file is searched, as before.
   */
  private static java.util.List<int[]> sections(byte[] pdf) {
    int sx = -1;
    for (int at = indexOf(pdf, STARTXREF, Math.max(0, pdf.length - 2048)); at >= 0;
        at = indexOf(pdf, STARTXREF, at + 1)) {
      sx = at;
    }
    if (sx < 0) return null;
    long x = number(pdf, skipSpace(pdf, sx + STARTXREF.length));
    java.util.List<int[]> out = new java.util.ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    while (x >= 0) {
      if (x >= pdf.length || !seen.add(x) || out.size() > 64) return null;
      int start = (int) x;
      int eof = indexOf(pdf, EOF, start);
      int end = eof < 0 ? pdf.length : eof;
      out.add(new int[] {start, end});
      int prev = indexOf(pdf, PREV, start);
      x = prev < 0 || prev >= end ? -1 : number(pdf, skipSpace(pdf, prev + PREV.length));
      if (prev >= 0 && prev < end && x < 0) return null;
    }
    return out;
  }

  /** The non-negative decimal number at {@code i}, or -1. */
  private static long number(byte[] pdf, int i) {
    long v = 0;
    int j = i;
    while (j < pdf.length && pdf[j] >= '0' && pdf[j] <= '9' && j - i < 12) v = v * 10 + (pdf[j++] - '0');
    return j == i ? -1 : v;
  }

  private static java.util.List<Span> find(byte[] pdf, int from, int to) {
    java.util.List<Span> out = new java.util.ArrayList<>();
    for (int at = indexOf(pdf, KEY, from); at >= 0 && at < to; at = indexOf(pdf, KEY, at + KEY.length)) {
      int i = skipSpace(pdf, at + KEY.length);
      if (i >= pdf.length || pdf[i] != '[') continue;
      int[] a = hex(pdf, skipSpace(pdf, i + 1));
      if (a == null) continue;
      int[] b = hex(pdf, skipSpace(pdf, a[1] + 1));
      if (b == null) continue;
      int end = skipSpace(pdf, b[1] + 1);
      if (end < pdf.length && pdf[end] == ']') out.add(new Span(a[0], a[1], b[0], b[1]));
    }
    return out;
  }

  /** Overwrites every id in place; returns false when the file has no hex /ID to overwrite. */
  static boolean replace(byte[] pdf) {
    java.util.List<Span> spans = find(pdf);
    if (spans.isEmpty()) return false;
    for (Span s : spans) {
      fill(pdf, s.start1(), s.end1(), null);
      fill(pdf, s.start2(), s.end2(), null);
    }
    byte[] digest = org.bookbuild.io.Fingerprint.of(pdf);
    for (Span s : spans) {
      fill(pdf, s.start1(), s.end1(), digest);
      fill(pdf, s.start2(), s.end2(), digest);
    }
    return true;
  }

  private static void fill(byte[] pdf, int from, int to, byte[] digest) {
    final char[] hexDigits = "0123456789ABCDEF".toCharArray();
    for (int i = from, k = 0; i < to; i++, k++) {
      int nibble = digest == null ? 0 : (digest[(k / 2) % digest.length] >> (k % 2 == 0 ? 4 : 0)) & 0xF;
      pdf[i] = (byte) hexDigits[nibble];
    }
  }

  private static int[] hex(byte[] pdf, int i) {
    if (i >= pdf.length || pdf[i] != '<') return null;
    int start = i + 1, j = start;
    while (j < pdf.length && isHex(pdf[j])) j++;
    if (j >= pdf.length || pdf[j] != '>' || j == start) return null;
    return new int[] {start, j};
  }

  private static boolean isHex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int skipSpace(byte[] pdf, int i) {
    while (i < pdf.length && (pdf[i] == ' ' || pdf[i] == '\n' || pdf[i] == '\r' || pdf[i] == '\t')) i++;
    return i;
  }

  static int indexOf(byte[] hay, byte[] needle) {
    return indexOf(hay, needle, 0);
  }

  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i + needle.length <= hay.length; i++) {
      for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
      return i;
    }
    return -1;
  }
}
