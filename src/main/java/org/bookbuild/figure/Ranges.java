package org.bookbuild.figure;

import java.util.List;

/** Fits an axis range to what a panel draws when the author gave none: the data's extent with a small margin. */
final class Ranges {
  private Ranges() {}

  /** Range of coordinate {@code k} (0 = x, 1 = y, 2 = z) over the panel's layers, or {@code dflt} when nothing fixes it. */
  static double[] auto(Model.Panel p, int k, double[] dflt) {
    double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    boolean bars = false;
    for (Model.Layer l : p.layers()) {
      if (l instanceof Model.Curve c) c.points().forEach(pt -> add(b, pt, k));
      else if (l instanceof Model.Vector v) {
        add(b, v.from(), k);
        double[] tip = v.from().clone();
        for (int i = 0; i < tip.length; i++) tip[i] += v.delta()[i];
        add(b, tip, k);
      } else if (l instanceof Model.Fill f) {
        for (List<double[]> poly : f.polygons()) poly.forEach(pt -> add(b, pt, k));
      } else if (l instanceof Model.Label t) {
        add(b, t.at(), k);
      } else if (l instanceof Model.Bars bs) {
        if (k == 0 && bs.edges() != null) {
          put(b, bs.edges()[0]);
          put(b, bs.edges()[bs.edges().length - 1]);
        } else if (k == 1) {
          bars = true;
          put(b, 0);
          for (double v : bs.values()) put(b, v);
        }
      }
    }
    if (!(b[0] <= b[1])) return dflt.clone();
    if (b[0] == b[1]) return new double[] {b[0] - 1, b[1] + 1};
    double pad = (b[1] - b[0]) * 0.05;
    double lo = bars && b[0] == 0 ? 0 : b[0] - pad;
    double hi = bars && b[1] == 0 ? 0 : b[1] + pad;
    return new double[] {lo, hi};
  }

  private static void add(double[] b, double[] pt, int k) {
    if (k < pt.length) put(b, pt[k]);
  }

  private static void put(double[] b, double v) {
    if (Double.isFinite(v)) {
      b[0] = Math.min(b[0], v);
      b[1] = Math.max(b[1], v);
    }
  }
}
