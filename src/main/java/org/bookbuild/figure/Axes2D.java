package org.bookbuild.figure;

import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The axes of a 2-D panel in two styles: {@code box} (lines along the lower and left edges of the plot area, labels
 * outside) and {@code cross} (axes through the origin with arrowheads, as in a mathematics text).
 */
final class Axes2D {
  private static final double TICK = 3;
  private final Painter pt;
  private final Rectangle2D area;
  private final AffineTransform toPage;
  private final double[] xr;
  private final double[] yr;
  private final double fs;
  private final double ls;

  Axes2D(Painter pt, Rectangle2D area, AffineTransform toPage, double[] xr, double[] yr) {
    this.pt = pt;
    this.area = area;
    this.toPage = toPage;
    this.xr = xr;
    this.yr = yr;
    this.fs = pt.theme.fontSize();
    this.ls = pt.theme.labelSize();
  }

  private double px(double x) {
    return toPage.transform(new Point2D.Double(x, 0), null).getX();
  }

  private double py(double y) {
    return toPage.transform(new Point2D.Double(0, y), null).getY();
  }

  void box(Model.Panel p, List<String> cats, double[] xt, int xd, double[] yt, int yd) {
    double l = area.getMinX(), b = area.getMaxY();
    pt.c.stroke(pt.theme.axisWidth(), null, pt.theme.ink());
    pt.c.g.draw(new Line2D.Double(l, b, area.getMaxX(), b));
    pt.c.g.draw(new Line2D.Double(l, area.getMinY(), l, b));
    double base = b + TICK + 2 + fs * 0.75;
    if (cats.isEmpty()) {
      for (double x : xt) {
        double X = px(x);
        pt.c.g.draw(new Line2D.Double(X, b, X, b + TICK));
        centred(Ticks.format(x, xd), X, base, fs);
      }
    } else {
      for (int i = 0; i < cats.size(); i++) centred(cats.get(i), px(i), base, fs);
    }
    double widest = 0;
    pt.c.stroke(pt.theme.axisWidth(), null, pt.theme.ink());
    for (double y : yt) {
      double Y = py(y);
      pt.c.g.draw(new Line2D.Double(l - TICK, Y, l, Y));
      String s = Ticks.format(y, yd);
      Labels.Extent e = pt.labels.measure(s, fs);
      widest = Math.max(widest, e.width());
      pt.labels.draw(pt.c.g, s, fs, l - TICK - 2 - e.width(), Y + fs * 0.3, pt.theme.ink());
    }
    if (!p.x().label().isEmpty()) centred(p.x().label(), area.getCenterX(), base + fs * 0.3 + ls * 1.25, ls);
    if (!p.y().label().isEmpty()) {
      Labels.Extent e = pt.labels.measure(p.y().label(), ls);
      AffineTransform saved = pt.c.g.getTransform();
      pt.c.g.translate(l - TICK - 4 - widest - e.descent() - ls * 0.2, area.getCenterY());
      pt.c.g.rotate(-Math.PI / 2);
      pt.labels.draw(pt.c.g, p.y().label(), ls, -e.width() / 2, 0, pt.theme.ink());
      pt.c.g.setTransform(saved);
    }
  }

  void cross(Model.Panel p, double[] xt, int xd, double[] yt, int yd) {
    double x0 = clamp(0, xr), y0 = clamp(0, yr);
    double X0 = px(x0), Y0 = py(y0);
    pt.c.stroke(pt.theme.axisWidth(), null, pt.theme.ink());
    Model.Look ink = new Model.Look(0, "solid", "none", pt.theme.axisWidth());
    pt.arrow(new Point2D.Double(area.getMinX(), Y0), new Point2D.Double(area.getMaxX() + 6, Y0), ink);
    pt.arrow(new Point2D.Double(X0, area.getMaxY()), new Point2D.Double(X0, area.getMinY() - 6), ink);
    pt.c.stroke(pt.theme.axisWidth(), null, pt.theme.ink());
    for (double x : xt) {
      if (x == x0 && x0 == 0 && y0 == 0) continue;
      double X = px(x);
      pt.c.g.draw(new Line2D.Double(X, Y0 - TICK / 2, X, Y0 + TICK / 2));
      centred(Ticks.format(x, xd), X, Y0 + TICK + fs * 0.8, fs);
    }
    for (double y : yt) {
      if (y == y0 && x0 == 0 && y0 == 0) continue;
      double Y = py(y);
      pt.c.g.draw(new Line2D.Double(X0 - TICK / 2, Y, X0 + TICK / 2, Y));
      String s = Ticks.format(y, yd);
      Labels.Extent e = pt.labels.measure(s, fs);
      pt.labels.draw(pt.c.g, s, fs, X0 - TICK - 1.5 - e.width(), Y + fs * 0.3, pt.theme.ink());
    }
    if (!p.x().label().isEmpty()) {
      Labels.Extent e = pt.labels.measure(p.x().label(), ls);
      pt.labels.draw(pt.c.g, p.x().label(), ls, area.getMaxX() + 6 - e.width(), Y0 - ls * 0.55, pt.theme.ink());
    }
    if (!p.y().label().isEmpty()) {
      pt.labels.draw(pt.c.g, p.y().label(), ls, X0 + ls * 0.5, area.getMinY() + ls * 0.35, pt.theme.ink());
    }
  }

  private void centred(String s, double x, double baseline, double size) {
    Labels.Extent e = pt.labels.measure(s, size);
    pt.labels.draw(pt.c.g, s, size, x - e.width() / 2, baseline, pt.theme.ink());
  }

  private static double clamp(double v, double[] r) {
    return Math.max(r[0], Math.min(r[1], v));
  }
}
