package org.bookbuild.figure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The framed box that stands in for a figure that could not be drawn: the figure's size, a frame, crossed diagonals
 * and the problem in words, so the page shows where something is missing and why.
 */
final class Placeholder {
  private Placeholder() {}

  static byte[] svg(double w, double h, String heading, String message, String family) {
    String W = Canvas.num(w), H = Canvas.num(h);
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("pt\" height=\"").append(H)
        .append("pt\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\">\n");
    s.append("<rect x=\"0.5\" y=\"0.5\" width=\"").append(Canvas.num(w - 1)).append("\" height=\"").append(Canvas.num(h - 1))
        .append("\" fill=\"#f4f4f4\" stroke=\"#b00000\" stroke-width=\"1\"/>\n");
    s.append("<path d=\"M0.5 0.5L").append(Canvas.num(w - 0.5)).append(' ').append(Canvas.num(h - 0.5)).append("M0.5 ")
        .append(Canvas.num(h - 0.5)).append('L').append(Canvas.num(w - 0.5)).append(" 0.5\" stroke=\"#e0c0c0\" stroke-width=\"0.5\"/>\n");
    List<String> lines = new ArrayList<>();
    lines.add(heading);
    lines.addAll(wrap(message, (int) Math.max(20, (w - 16) / 4.2)));
    double y = Math.max(14, h / 2 - lines.size() * 6);
    for (int i = 0; i < lines.size() && y < h - 4; i++, y += 12) {
      s.append("<text x=\"8\" y=\"").append(Canvas.num(y)).append("\" font-family=\"").append(escape(family))
          .append("\" font-size=\"9\" fill=\"#800000\">").append(escape(lines.get(i))).append("</text>\n");
    }
    s.append("</svg>\n");
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0) out.add(line.toString());
    return out;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
