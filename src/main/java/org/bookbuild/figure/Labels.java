package org.bookbuild.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Sets figure labels: plain runs as text in the book's font, {@code $…$} runs with jlatexmath, both drawn into the
 * same Graphics2D so that the SVG holds only real text (the book's face and jlatexmath's {@code jlm_*} faces). A
 * dollar sign meant literally is written {@code \$}.
 */
final class Labels {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private final String family;
  private boolean checking = true;

  Labels(String family) {
    this.family = family;
  }

  /** Width, height above the baseline and depth below it, in points. */
  record Extent(double width, double ascent, double descent) {}

  private record Run(String text, boolean math) {}

  /**
   * Turns TeX checking off for a quick first read: a figure found in the cache was checked when it was drawn, and
   * jlatexmath's first formula in a JVM costs about 0.4 s.
   */
  void setChecking(boolean on) {
    checking = on;
  }

  /** Null when every math run parses (or checking is off), else jlatexmath's complaint. */
  String check(String label) {
    if (!checking) return null;
    List<Run> runs;
    try {
      runs = split(label);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    for (Run r : runs) {
      if (!r.math) continue;
      try {
        new TeXFormula(r.text).createTeXIcon(TeXConstants.STYLE_TEXT, 10, true);
      } catch (RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
      }
    }
    return null;
  }

  Extent measure(String label, double size) {
    double w = 0, a = 0, d = 0;
    Font f = Fonts.font(family, size);
    LineMetrics lm = f.getLineMetrics("Xg", FRC);
    for (Run r : split(label)) {
      if (r.math) {
        TeXIcon icon = icon(r.text, size);
        w += icon.getTrueIconWidth();
        a = Math.max(a, icon.getTrueIconHeight() - icon.getTrueIconDepth());
        d = Math.max(d, icon.getTrueIconDepth());
      } else {
        w += f.getStringBounds(r.text, FRC).getWidth();
        a = Math.max(a, lm.getAscent() * 0.72);
        d = Math.max(d, lm.getDescent() * 0.8);
      }
    }
    return new Extent(w, a, d);
  }

  /** Draws with the left end of the baseline at (x, y). */
  void draw(Graphics2D g, String label, double size, double x, double y, Color color) {
    Font f = Fonts.font(family, size);
    double pen = x;
    for (Run r : split(label)) {
      if (r.math) {
        TeXIcon icon = icon(r.text, size);
        icon.setForeground(color);
        AffineTransform saved = g.getTransform();
        g.translate(pen, y - (icon.getTrueIconHeight() - icon.getTrueIconDepth()));
        icon.paintIcon(null, g, 0, 0);
        g.setTransform(saved);
        pen += icon.getTrueIconWidth();
      } else {
        g.setFont(f);
        g.setColor(color);
        g.drawString(r.text, (float) pen, (float) y);
        pen += f.getStringBounds(r.text, FRC).getWidth();
      }
    }
  }

  private static TeXIcon icon(String tex, double size) {
    return new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_TEXT, (float) size, true);
  }

  private static List<Run> split(String s) {
    List<Run> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean math = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
        cur.append(math ? "\\$" : "$");
        i++;
      } else if (c == '$') {
        if (cur.length() > 0) out.add(new Run(cur.toString(), math));
        cur.setLength(0);
        math = !math;
      } else {
        cur.append(c);
      }
    }
    if (math) throw new IllegalArgumentException("a '$' opens math that is never closed");
    if (cur.length() > 0) out.add(new Run(cur.toString(), false));
    return out;
  }
}
