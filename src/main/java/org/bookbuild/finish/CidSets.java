package org.bookbuild.finish;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FOP writes a {@code /CIDSet} into each subset font's descriptor that does not list every glyph of the subset, which
 * PDF/UA-1 (7.21.4.2) and PDF/A-2 (6.2.11.4.2) reject; the entry is optional from PDF 1.7 on. The reference is blanked
 * in place (same length, spaces are whitespace in a dictionary), so nothing moves and the in-place steps of
 * {@link Finisher} still apply; the orphaned stream is never read.
 */
final class CidSets {
  private static final Pattern REF = Pattern.compile("/CIDSet\\s+\\d+\\s+\\d+\\s+R");

  private CidSets() {}

  /** Blanks every {@code /CIDSet n g R} in {@code pdf}; returns how many. */
  static int blank(byte[] pdf) {
    String s = PdfText.latin1(pdf, 0, pdf.length);
    int n = 0;
    for (Matcher m = REF.matcher(s); m.find(); n++) {
      for (int i = m.start(); i < m.end(); i++) pdf[i] = ' ';
    }
    return n;
  }
}
