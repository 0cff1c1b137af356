package org.bookbuild.parse.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words a reader sees, from a reference HTML rendering or from PDF text, reduced to ASCII letters and digits so
 * that spacing, hyphenation and punctuation differences between a screen and a page do not count. Math is left out
 * (the PDF draws it as formula glyphs, not text).
 */
final class VisibleText {
  private VisibleText() {}

  /** Words of at least one letter or digit in the visible text of an HTML fragment. */
  static List<String> htmlWords(String html) {
    String s = html.replaceAll("(?s)<!--.*?-->", " ");
    // a browser shows nothing of scripts and style sheets, closed or not
    s = s.replaceAll("(?is)<(script|style)\\b.*?(</\\1>|$)", " ");
    s = s.replaceAll("(?s)<(span|div)[^>]*class=\"[^\"]*math[^\"]*\"[^>]*>.*?</\\1>", " ");
    s = s.replaceAll("(?s)<(h[1-6]|span|p)[^>]*class=\"[^\"]*sr-only[^\"]*\"[^>]*>.*?</\\1>", " ");
    s = s.replaceAll("(?s)<\\?.*?\\?>", " ");
    s = s.replaceAll("(?s)<[A-Za-z/!](?:[^>\"']|\"[^\"]*\"|'[^']*')*>", " ");
    s = s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    s = s.replaceAll("&[A-Za-z0-9#]+;", " ");
    return words(s);
  }

  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) if (!w.isEmpty()) out.add(w);
    return out;
  }

  /** PDF text as one string of letters and digits: hyphenation at line ends undone, everything else dropped. */
  static String pdfLetters(String text) {
    return text.replaceAll("-\\r?\\n", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
  }

  /** The words of {@code html} missing from the PDF text, in order. */
  static List<String> missing(String html, String pdf) {
    String letters = pdfLetters(pdf);
    List<String> out = new ArrayList<>();
    int from = 0;
    for (String w : htmlWords(html)) {
      int at = letters.indexOf(w, from);
      if (at < 0) at = letters.indexOf(w);
      if (at < 0) out.add(w);
      else from = at + w.length();
    }
    return out;
  }
}
