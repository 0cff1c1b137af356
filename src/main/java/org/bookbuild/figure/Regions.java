package org.bookbuild.figure;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Shades the set where a system of inequalities holds. The plot is cut into thin vertical strips; in each strip the
 * intervals where all conditions hold are found by sampling and bisection, and neighbouring strips are joined by
 * trapezoids, so straight and curved boundaries come out smooth. Boundaries are drawn solid, or dashed where strict.
 */
final class Regions {
  private Regions() {}

  static void draw(Painter pt, Model.Inequality q, double[] xr, double[] yr, AffineTransform toPage) {
    int n = q.samples();
    double dx = (xr[1] - xr[0]) / n;
    List<List<double[]>> cols = new ArrayList<>();
    for (int i = 0; i <= n; i++) cols.add(intervals(q, xr[0] + dx * i, yr, n));
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < n; i++) {
      double x0 = xr[0] + dx * i, x1 = x0 + dx;
      List<double[]> a = cols.get(i), b = cols.get(i + 1);
      if (a.size() == b.size()) {
        for (int k = 0; k < a.size(); k++) {
          path.moveTo(x0, a.get(k)[0]);
          path.lineTo(x1, b.get(k)[0]);
          path.lineTo(x1, b.get(k)[1]);
          path.lineTo(x0, a.get(k)[1]);
          path.closePath();
        }
      } else {
        for (double[] iv : a) path.append(new java.awt.geom.Rectangle2D.Double(x0, iv[0], dx / 2, iv[1] - iv[0]), false);
        for (double[] iv : b) path.append(new java.awt.geom.Rectangle2D.Double(x0 + dx / 2, iv[0], dx / 2, iv[1] - iv[0]), false);
      }
    }
    pt.c.g.setColor(pt.theme.wash(q.look().color()));
    pt.c.g.fill(toPage.createTransformedShape(path));
    for (Model.Condition c : q.conditions()) {
      Contours grid = new Contours(c.difference(), xr, yr, Math.min(n, 120));
      pt.c.stroke(q.look().thickness(), pt.theme.dash(c.strict() ? "dashed" : "solid"), pt.theme.color(q.look().color()));
      // only the part of the boundary that borders the shaded set: the other conditions must hold next to it
      pt.c.g.draw(toPage.createTransformedShape(grid.line(0, (x, y) -> holdsExcept(q, c, x, y))));
    }
  }

  private static boolean holdsExcept(Model.Inequality q, Model.Condition skip, double x, double y) {
    for (Model.Condition c : q.conditions()) {
      if (c == skip) continue;
      double v = c.difference().at(x, y);
      // a little slack, so that a corner where two boundaries meet keeps both ends
      if (!c.holds(v) && Math.abs(v) > 1e-6 * (1 + Math.abs(x) + Math.abs(y))) return false;
    }
    return true;
  }

  private static boolean holds(Model.Inequality q, double x, double y) {
    for (Model.Condition c : q.conditions()) if (!c.holds(c.difference().at(x, y))) return false;
    return true;
  }

  /** The y-intervals of one vertical line where every condition holds. */
  private static List<double[]> intervals(Model.Inequality q, double x, double[] yr, int m) {
    List<double[]> out = new ArrayList<>();
    double dy = (yr[1] - yr[0]) / m;
    boolean prev = holds(q, x, yr[0]);
    double start = prev ? yr[0] : Double.NaN;
    for (int j = 1; j <= m; j++) {
      double y = yr[0] + dy * j;
      boolean now = holds(q, x, y);
      if (now != prev) {
        double lo = y - dy, hi = y;
        for (int k = 0; k < 30; k++) {
          double mid = (lo + hi) / 2;
          if (holds(q, x, mid) == prev) lo = mid;
          else hi = mid;
        }
        double edge = (lo + hi) / 2;
        if (now) start = edge;
        else out.add(new double[] {start, edge});
        prev = now;
      }
    }
    if (prev) out.add(new double[] {start, yr[1]});
    return out;
  }
}
