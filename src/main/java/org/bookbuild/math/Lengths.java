package org.bookbuild.math;

import org.bookbuild.style.Style;

/**
 * Reads the text-column width, body height and body size from a style, for deciding when display math must shrink
 * and how tall a picture may be.
 */
public final class Lengths {
  private Lengths() {}

  /** Points in a length such as {@code 0.75in}, {@code 12pt}, {@code 20mm}; NaN when it cannot be read. */
  public static double pt(String v) {
    if (v == null) return Double.NaN;
    var m = java.util.regex.Pattern.compile("\\s*(-?[0-9.]+)\\s*(pt|in|mm|cm|pc|px)?\\s*").matcher(v);
    if (!m.matches()) return Double.NaN;
    double n = Double.parseDouble(m.group(1));
    String u = m.group(2) == null ? "pt" : m.group(2);
    return switch (u) {
      case "in" -> n * 72;
      case "mm" -> n * 72 / 25.4;
      case "cm" -> n * 72 / 2.54;
      case "pc" -> n * 12;
      case "px" -> n * 0.75;
      default -> n;
    };
  }

  /** Page width less inner margin, gutter and outer margin; 0 when the style does not say. */
  public static double measure(Style style) {
    try {
      double w = pt(style.page("width")) - pt(style.page("margin-inner")) - pt(style.page("margin-outer"));
      double g = style.pageSettings().containsKey("gutter") ? pt(style.page("gutter")) : 0;
      double r = w - g;
      return Double.isNaN(r) || r <= 0 ? 0 : r;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * Height of the text block: page height less the top and bottom margins and the running head's and foot's room
   * ({@code body-top}, {@code body-bottom}); 0 when the style does not say.
   */
  public static double bodyHeight(Style style) {
    try {
      double h = pt(style.page("height")) - pt(style.page("margin-top")) - pt(style.page("margin-bottom"));
      for (String k : new String[] {"body-top", "body-bottom"}) {
        if (style.pageSettings().containsKey(k)) h -= pt(style.page(k));
      }
      return Double.isNaN(h) || h <= 0 ? 0 : h;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  static double bodySize(Style style) {
    double s = pt(style.prop("body", "font-size", "10pt"));
    return Double.isNaN(s) ? 10 : s;
  }
}
