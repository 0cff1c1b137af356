package org.bookbuild.finish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Replaces the document /ID in every trailer (or cross-reference stream dictionary) with one derived from the
 * file's content, by overwriting the hex digits in place. The file keeps its length, so every byte offset in the
 * cross-reference table stays valid and no PDF library has to parse or rewrite anything.
 *
 * <p>The id is the SHA-256 of the whole file with all id digits set to {@code 0}, cut to each id's length; both
 * entries of every array get the same value, as for a newly created document.
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
    java.util.List<Span> out = new java.util.ArrayList<>();
    for (int at = indexOf(pdf, KEY, 0); at >= 0; at = indexOf(pdf, KEY, at + KEY.length)) {
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
    byte[] digest = sha256(pdf);
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

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
