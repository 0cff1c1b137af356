package org.bookbuild.press;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.bookbuild.style.Style;

/**
 * The interior's page geometry for a press, as style page settings the FO writer's page masters read: the binding
 * gutter from the press's table for the page count, outside margins raised to the press's minimum, bleed on the
 * outside edges of recto and verso pages (and room for marks), and, for {@code colour: grayscale}, every style
 * colour mapped to its gray.
 */
public final class PressLayout {
  private PressLayout() {}

  /** The style for laying out a book of about {@code pages} pages for {@code press}. */
  public static Style apply(Style style, Press press, double gutterPt, boolean grayscale) {
    Style s = grayscale ? style.mapColours(PressLayout::gray) : style;
    if (press.screen()) return s;
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("gutter", Length.in(gutterPt));
    for (String k : new String[] {"margin-outer", "margin-top", "margin-bottom"}) {
      if (Length.pt(style.page(k)) < press.outsideMin()) page.put(k, Length.in(press.outsideMin()));
    }
    Press.Bleed b = press.bleed();
    page.put("bleed-recto", box(b.top(), b.right(true), b.bottom(), b.left(true)));
    page.put("bleed-verso", box(b.top(), b.right(false), b.bottom(), b.left(false)));
    if (press.marks()) {
      page.put("crop-offset", Length.in(press.cropOffset() + Math.max(Math.max(b.top(), b.bottom()), Math.max(b.inside(), b.outside()))));
      page.put("crop-box", "media-box");
    }
    return s.withPage(page);
  }

  private static String box(double top, double right, double bottom, double left) {
    return Length.in(top) + " " + Length.in(right) + " " + Length.in(bottom) + " " + Length.in(left);
  }

  /** {@code #rrggbb} → the gray of the same lightness (Rec. 709 luma of the sRGB values), as {@code #vvvvvv}. */
  public static String gray(String hex) {
    String h = hex.substring(1);
    if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    int r = Integer.parseInt(h.substring(0, 2), 16), g = Integer.parseInt(h.substring(2, 4), 16), b = Integer.parseInt(h.substring(4, 6), 16);
    int v = (int) Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
    return String.format(Locale.ROOT, "#%02x%02x%02x", v, v, v);
  }
}
