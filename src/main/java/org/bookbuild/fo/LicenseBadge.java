package org.bookbuild.fo;

import java.util.List;

/**
 * Draws a Creative Commons badge as inline SVG: the CC logo followed by one round icon per licence element
 * ({@code by}, {@code nc}, {@code nd}, {@code sa}, {@code zero}). Only filled and stroked shapes, no text and no
 * raster, so FOP turns it into PDF vector paths that print sharply at any size. The geometry below is the drawing
 * itself (one 100×100 cell per icon); its size on the page and its colours come from the style.
 */
public final class LicenseBadge {
  static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final int CELL = 100;
  private static final int GAP = 10;

  private LicenseBadge() {}

  /** Width of the drawing in user units for a badge with the given elements (the logo cell included). */
  public static int width(List<String> elements) {
    int n = elements.size() + 1;
    return n * CELL + (n - 1) * GAP;
  }

  /** Writes an {@code svg} element; {@code ink} and {@code paper} are SVG colours. */
  public static void write(Xml out, List<String> elements, String ink, String paper) {
    int w = width(elements);
    out.start("svg").attr("xmlns", SVG_NS).attr("version", "1.1")
        .attr("width", Integer.toString(w)).attr("height", Integer.toString(CELL))
        .attr("viewBox", "0 0 " + w + " " + CELL);
    icon(out, 0, "cc", ink, paper);
    for (int i = 0; i < elements.size(); i++) icon(out, (i + 1) * (CELL + GAP), elements.get(i), ink, paper);
    out.end();
  }

  private static void icon(Xml out, int x, String kind, String ink, String paper) {
    out.start("g").attr("transform", "translate(" + x + ",0)");
    // Paper disc first, the glyph on it, the ring last so that it tidies the ends of strokes that reach the edge.
    circle(out, 50, 50, 46, paper, null, 0);
    switch (kind) {
      case "cc" -> {
        arcC(out, 37, 50, 12.5, ink);
        arcC(out, 67, 50, 12.5, ink);
      }
      case "by" -> {
        circle(out, 50, 26, 8.5, ink, null, 0);
        path(out, "M36,42 Q36,37 41,37 H59 Q64,37 64,42 V61 H57.5 V78 H42.5 V61 H36 Z", ink, null, 0);
      }
      case "nc" -> {
        line(out, 50, 22, 50, 78, ink, 6);
        path(out, "M62,37 C58,30 39,30 39,40.5 C39,51 61,48 61,59.5 C61,70 41,71 37,63", null, ink, 7.5);
        line(out, 19.5, 19.5, 80.5, 80.5, paper, 12);
        line(out, 19.5, 19.5, 80.5, 80.5, ink, 6.5);
      }
      case "nd" -> {
        rect(out, 28, 35, 44, 10, ink);
        rect(out, 28, 55, 44, 10, ink);
      }
      case "sa" -> {
        // An open circle running clockwise from the upper left, ending in an arrowhead in the gap on the left.
        path(out, "M37,39.1 A17,17 0 1 1 36.1,59.75", null, ink, 8);
        path(out, "M29.2,49.9 L43.5,54.6 L28.7,64.9 Z", ink, null, 0);
      }
      case "zero" -> {
        out.start("ellipse").attr("cx", "50").attr("cy", "50").attr("rx", "14").attr("ry", "20")
            .attr("fill", "none").attr("stroke", ink).attr("stroke-width", "8").end();
        line(out, 61, 29, 39, 71, ink, 6);
      }
      default -> throw new IllegalArgumentException("no badge icon for '" + kind + "'");
    }
    circle(out, 50, 50, 46, "none", ink, 7);
    out.end();
  }

  /** A "c": a thick arc open to the right, as in the CC logo. */
  private static void arcC(Xml out, double cx, double cy, double r, String ink) {
    double d = r * Math.sqrt(0.5);
    path(out, "M" + num(cx + d) + "," + num(cy - d) + " A" + num(r) + "," + num(r) + " 0 1 0 " + num(cx + d) + ","
        + num(cy + d), null, ink, 8.5);
  }

  private static void circle(Xml out, double cx, double cy, double r, String fill, String stroke, double sw) {
    out.start("circle").attr("cx", num(cx)).attr("cy", num(cy)).attr("r", num(r)).attr("fill", fill);
    if (stroke != null) out.attr("stroke", stroke).attr("stroke-width", num(sw));
    out.end();
  }

  private static void path(Xml out, String d, String fill, String stroke, double sw) {
    out.start("path").attr("d", d).attr("fill", fill == null ? "none" : fill);
    if (stroke != null) out.attr("stroke", stroke).attr("stroke-width", num(sw));
    out.end();
  }

  private static void line(Xml out, double x1, double y1, double x2, double y2, String stroke, double sw) {
    out.start("line").attr("x1", num(x1)).attr("y1", num(y1)).attr("x2", num(x2)).attr("y2", num(y2))
        .attr("stroke", stroke).attr("stroke-width", num(sw)).end();
  }

  private static void rect(Xml out, double x, double y, double w, double h, String fill) {
    out.start("rect").attr("x", num(x)).attr("y", num(y)).attr("width", num(w)).attr("height", num(h))
        .attr("fill", fill).end();
  }

  /** Two decimals at most, without String.format (whose first use costs tens of milliseconds in a fresh JVM). */
  private static String num(double v) {
    long hundredths = Math.round(v * 100);
    return hundredths % 100 == 0 ? Long.toString(hundredths / 100) : Double.toString(hundredths / 100.0);
  }
}
