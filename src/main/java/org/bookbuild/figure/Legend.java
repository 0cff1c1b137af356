package org.bookbuild.figure;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** The legend of a panel: one row per labelled series, in a framed box in the chosen corner of the plot area. */
final class Legend {
  private Legend() {}

  private static final List<String> CORNERS = List.of("top-right", "top-left", "bottom-right", "bottom-left");

  static void draw(Painter pt, Model.Panel p, Rectangle2D area, java.util.function.Function<double[], java.awt.geom.Point2D> map) {
    if (p.legend().equals("none")) return;
    List<Model.Layer> rows = new ArrayList<>();
    for (Model.Layer l : p.layers()) {
      if (l.label().isEmpty() || l instanceof Model.Vector || l instanceof Model.Label) continue;
      if (l instanceof Model.Curve c && c.points().size() == 1) continue;
      rows.add(l);
    }
    if (rows.isEmpty()) return;
    double fs = pt.theme.fontSize(), sample = 16, pad = 4;
    double w = 0, h = 0;
    List<Labels.Extent> ext = new ArrayList<>();
    for (Model.Layer l : rows) {
      Labels.Extent e = pt.labels.measure(l.label(), fs);
      ext.add(e);
      w = Math.max(w, e.width());
      h += Math.max(fs * 1.3, e.ascent() + e.descent() + 2);
    }
    double bw = pad * 2 + sample + 4 + w, bh = pad * 2 + h - 2;
    Rectangle2D box = null;
    int fewest = Integer.MAX_VALUE;
    for (String corner : p.legend().equals("best") ? CORNERS : List.of(p.legend())) {
      Rectangle2D b = place(corner, area, bw, bh);
      int n = covered(p, b, map);
      if (n < fewest) {
        fewest = n;
        box = b;
      }
    }
    double x = box.getX(), y = box.getY();
    pt.c.g.setColor(Color.WHITE);
    pt.c.g.fill(box);
    pt.c.frame(box, 0.4, pt.theme.grid().darker());
    double cy = y + pad;

    for (int i = 0; i < rows.size(); i++) {
      Labels.Extent e = ext.get(i);
      double rh = Math.max(fs * 1.3, e.ascent() + e.descent() + 2);
      double mid = cy + rh / 2 - 1;
      pt.legendSample(rows.get(i), x + pad, mid, sample);
      pt.labels.draw(pt.c.g, rows.get(i).label(), fs, x + pad + sample + 4, mid + (e.ascent() - e.descent()) / 2, pt.theme.ink());
      cy += rh;
    }
  }

  private static Rectangle2D place(String corner, Rectangle2D area, double bw, double bh) {
    // a legend wider than the plot starts at the plot's left edge rather than running off the figure's
    double x = corner.endsWith("left") ? area.getMinX() + 5 : Math.max(area.getMinX(), area.getMaxX() - 5 - bw);
    double y = corner.startsWith("top") ? area.getMinY() + 5 : area.getMaxY() - 5 - bh;
    return new Rectangle2D.Double(x, y, bw, bh);
  }

  /** How many drawn points (curve samples, markers, arrow ends, bar tops) a legend box in this place would hide. */
  private static int covered(Model.Panel p, Rectangle2D box, java.util.function.Function<double[], java.awt.geom.Point2D> map) {
    Rectangle2D grown = new Rectangle2D.Double(box.getX() - 3, box.getY() - 3, box.getWidth() + 6, box.getHeight() + 6);
    int n = 0;
    for (Model.Layer l : p.layers()) {
      List<double[]> pts = new ArrayList<>();
      if (l instanceof Model.Curve c) {
        pts.addAll(c.points());
        // a straight segment between two far points still crosses the box: test points along it
        for (int i = 1; i < c.points().size() && c.joined() && c.points().size() < 50; i++) {
          double[] a = c.points().get(i - 1), b = c.points().get(i);
          for (int k = 1; k < 20; k++) {
            double[] q = new double[a.length];
            for (int m = 0; m < a.length; m++) q[m] = a[m] + (b[m] - a[m]) * k / 20;
            pts.add(q);
          }
        }
      } else if (l instanceof Model.Vector v) {
        for (int k = 0; k <= 10; k++) {
          double[] q = v.from().clone();
          for (int m = 0; m < q.length; m++) q[m] += v.delta()[m] * k / 10;
          pts.add(q);
        }
      } else if (l instanceof Model.Bars b && b.edges() == null) {
        for (int i = 0; i < b.values().length; i++) {
          for (int k = 0; k <= 4; k++) pts.add(new double[] {i, b.values()[i] * k / 4});
        }
      } else if (l instanceof Model.Bars b) {
        for (int i = 0; i < b.values().length; i++) {
          for (int k = 0; k <= 4; k++) pts.add(new double[] {b.edges()[i] + (b.edges()[i + 1] - b.edges()[i]) * k / 4, b.values()[i]});
        }
      }
      for (double[] q : pts) {
        java.awt.geom.Point2D s = map.apply(q);
        if (s != null && grown.contains(s)) n++;
      }
    }
    return n;
  }
}
