package org.bookbuild.finish;

import java.nio.charset.StandardCharsets;

/**
 * FOP stamps {@code xmp:MetadataDate} in the XMP packet with the wall-clock time of the run, whatever creation date
 * it was given, so two builds of the same book differ there. This sets it to the packet's {@code xmp:CreateDate} (the
 * book's date), in place: FOP writes the metadata stream uncompressed and both dates in the same ISO form, so the
 * value keeps its length and no offset moves.
 */
final class MetadataDate {
  private static final String TAG = "xmp:MetadataDate", SOURCE = "xmp:CreateDate";

  private MetadataDate() {}

  /** What a packet holds: the value spans of both dates, or null when a date is missing. */
  record Spans(int start, int end, int sourceStart, int sourceEnd) {
    boolean sameLength() {
      return end - start == sourceEnd - sourceStart;
    }
  }

  static Spans find(byte[] pdf) {
    int[] m = value(pdf, TAG), c = value(pdf, SOURCE);
    return m == null || c == null ? null : new Spans(m[0], m[1], c[0], c[1]);
  }

  /**
   * Pins the date in place. Returns false only when it cannot: a metadata date exists but no creation date of the
   * same length does (the caller then rewrites the packet).
   */
  static boolean pin(byte[] pdf) {
    int[] m = value(pdf, TAG);
    if (m == null) return true;
    Spans s = find(pdf);
    if (s == null || !s.sameLength()) return false;
    System.arraycopy(pdf, s.sourceStart(), pdf, s.start(), s.end() - s.start());
    return true;
  }

  /** The same pinning on a packet as text, for the rewrite path where lengths may change. */
  static String pin(String xmp) {
    int ms = xmp.indexOf("<" + TAG + ">"), me = xmp.indexOf("</" + TAG + ">");
    int cs = xmp.indexOf("<" + SOURCE + ">"), ce = xmp.indexOf("</" + SOURCE + ">");
    if (ms < 0 || me < ms || cs < 0 || ce < cs) return xmp;
    String created = xmp.substring(cs + SOURCE.length() + 2, ce);
    return xmp.substring(0, ms + TAG.length() + 2) + created + xmp.substring(me);
  }

  private static int[] value(byte[] pdf, String tag) {
    byte[] open = ("<" + tag + ">").getBytes(StandardCharsets.US_ASCII);
    byte[] close = ("</" + tag + ">").getBytes(StandardCharsets.US_ASCII);
    int s = DocumentId.indexOf(pdf, open, 0);
    if (s < 0) return null;
    int e = DocumentId.indexOf(pdf, close, s + open.length);
    return e < 0 ? null : new int[] {s + open.length, e};
  }
}
