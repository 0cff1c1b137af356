package org.bookbuild.press;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The print filter on the interior's FO: a printed page has no live links (and PDF/X forbids annotations), so every
 * {@code fo:basic-link} becomes an {@code fo:inline} that keeps its text and look, and its destination goes. The
 * rewrite keeps every character offset (names and attributes are blanked to the same length), so the FO writer's
 * source map still points FOP's events at the author's text.
 */
public final class PrintFo {
  private PrintFo() {}

  private static final Pattern LINK_START = Pattern.compile("<fo:basic-link\\b[^>]*>");
  private static final Pattern DEST = Pattern.compile("\\s(?:internal|external)-destination=\"[^\"]*\"|\\sshow-destination=\"[^\"]*\"");

  public static String unlink(String fo) {
    StringBuilder sb = new StringBuilder(fo.length());
    Matcher m = LINK_START.matcher(fo);
    int last = 0;
    while (m.find()) {
      sb.append(fo, last, m.start());
      String tag = m.group();
      Matcher d = DEST.matcher(tag);
      StringBuilder t = new StringBuilder();
      int l = 0;
      while (d.find()) {
        t.append(tag, l, d.start()).append(" ".repeat(d.end() - d.start()));
        l = d.end();
      }
      t.append(tag.substring(l));
      // "<fo:basic-link" (14) → "<fo:inline    " (14)
      sb.append("<fo:inline    ").append(t, "<fo:basic-link".length(), t.length());
      last = m.end();
    }
    sb.append(fo, last, fo.length());
    return sb.toString().replace("</fo:basic-link>", "</fo:inline    >");
  }
}
