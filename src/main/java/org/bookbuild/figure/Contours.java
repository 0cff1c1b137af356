package org.bookbuild.figure;

import java.awt.geom.Path2D;

/**
 * A sampled scalar field on a regular grid, with marching squares for contour lines and for the regions where the
 * field is at least a level (filled heat maps are these regions painted from the lowest level up). Coordinates stay in
 * data units; the caller maps them to the page.
 */
final class Contours {
  final double[] xs;
  final double[] ys;
  /** v[i][j] is the value at (xs[i], ys[j]); NaN where undefined. */
  final double[][] v;

  Contours(Expr f, double[] xr, double[] yr, int n) {
    xs = new double[n + 1];
    ys = new double[n + 1];
    v = new double[n + 1][n + 1];
    for (int i = 0; i <= n; i++) {
      xs[i] = xr[0] + (xr[1] - xr[0]) * i / n;
      ys[i] = yr[0] + (yr[1] - yr[0]) * i / n;
    }
    for (int i = 0; i <= n; i++) for (int j = 0; j <= n; j++) v[i][j] = f.at(xs[i], ys[j]);
  }

  double min() {
    double m = Double.POSITIVE_INFINITY;
    for (double[] r : v) for (double d : r) if (!Double.isNaN(d)) m = Math.min(m, d);
    return m;
  }

  double max() {
    double m = Double.NEGATIVE_INFINITY;
    for (double[] r : v) for (double d : r) if (!Double.isNaN(d)) m = Math.max(m, d);
    return m;
  }

  /** Levels at nice values spread over the field's range, about {@code count} of them, strictly inside it. */
  double[] autoLevels(int count) {
    double lo = min(), hi = max();
    if (!(hi > lo)) return new double[] {lo};
    double step = Ticks.step(lo, hi, count + 1);
    double[] all = Ticks.values(lo, hi, step);
    return java.util.Arrays.stream(all).filter(l -> l > lo && l < hi).toArray();
  }

  /** The contour line(s) at a level as one path of segments. */
  Path2D.Double line(double level) {
    return line(level, (x, y) -> true);
  }

  /** The contour segments at a level whose midpoints pass {@code keep}. */
  Path2D.Double line(double level, java.util.function.BiPredicate<Double, Double> keep) {
    Path2D.Double p = new Path2D.Double();
    int n = xs.length - 1;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double a = v[i][j], b = v[i + 1][j], c = v[i + 1][j + 1], d = v[i][j + 1];
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) continue;
        // corners in order around the cell: (i,j) (i+1,j) (i+1,j+1) (i,j+1)
        double[][] corner = {{xs[i], ys[j], a}, {xs[i + 1], ys[j], b}, {xs[i + 1], ys[j + 1], c}, {xs[i], ys[j + 1], d}};
        double[][] hits = new double[4][];
        int count = 0;
        for (int k = 0; k < 4; k++) {
          double[] p0 = corner[k], p1 = corner[(k + 1) % 4];
          if ((p0[2] >= level) != (p1[2] >= level)) {
            double t = (level - p0[2]) / (p1[2] - p0[2]);
            hits[k] = new double[] {p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1])};
            count++;
          }
        }
        if (count == 2) {
          double[] first = null;
          for (double[] h : hits) {
            if (h == null) continue;
            if (first == null) first = h;
            else if (keep.test((first[0] + h[0]) / 2, (first[1] + h[1]) / 2)) segment(p, first, h);
          }
        } else if (count == 4) {
          // a saddle: the centre value decides which corners connect
          boolean centreIn = (a + b + c + d) / 4 >= level;
          boolean aIn = a >= level;
          if (centreIn == aIn) {
            segment(p, hits[0], hits[1]);
            segment(p, hits[2], hits[3]);
          } else {
            segment(p, hits[3], hits[0]);
            segment(p, hits[1], hits[2]);
          }
        }
      }
    }
    return p;
  }

  private static void segment(Path2D p, double[] a, double[] b) {
    p.moveTo(a[0], a[1]);
    p.lineTo(b[0], b[1]);
  }

  /**
   * The region where the field is at least {@code level}, as one path: whole cells merged into row runs, cut cells
   * clipped along the interpolated boundary. All pieces wind the same way, so one fill paints their union seamlessly.
   */
  Path2D.Double atLeast(double level) {
    Path2D.Double p = new Path2D.Double();
    int n = xs.length - 1;
    for (int j = 0; j < n; j++) {
      int runStart = -1;
      for (int i = 0; i <= n; i++) {
        boolean full = i < n && inside(v[i][j], level) && inside(v[i + 1][j], level) && inside(v[i + 1][j + 1], level) && inside(v[i][j + 1], level);
        if (full) {
          if (runStart < 0) runStart = i;
          continue;
        }
        if (runStart >= 0) {
          rect(p, xs[runStart], ys[j], xs[i], ys[j + 1]);
          runStart = -1;
        }
        if (i < n) clipped(p, i, j, level);
      }
    }
    return p;
  }

  private static boolean inside(double val, double level) {
    return !Double.isNaN(val) && val >= level;
  }

  private static void rect(Path2D p, double x0, double y0, double x1, double y1) {
    p.moveTo(x0, y0);
    p.lineTo(x1, y0);
    p.lineTo(x1, y1);
    p.lineTo(x0, y1);
    p.closePath();
  }

  private void clipped(Path2D p, int i, int j, double level) {
    double[][] corner = {{xs[i], ys[j], v[i][j]}, {xs[i + 1], ys[j], v[i + 1][j]}, {xs[i + 1], ys[j + 1], v[i + 1][j + 1]}, {xs[i], ys[j + 1], v[i][j + 1]}};
    for (double[] c : corner) if (Double.isNaN(c[2])) return;
    boolean started = false;
    for (int k = 0; k < 4; k++) {
      double[] p0 = corner[k], p1 = corner[(k + 1) % 4];
      boolean in0 = p0[2] >= level, in1 = p1[2] >= level;
      if (in0) {
        started = to(p, started, p0[0], p0[1]);
      }
      if (in0 != in1) {
        double t = (level - p0[2]) / (p1[2] - p0[2]);
        started = to(p, started, p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1]));
      }
    }
    if (started) p.closePath();
  }

  private static boolean to(Path2D p, boolean started, double x, double y) {
    if (started) p.lineTo(x, y);
    else p.moveTo(x, y);
    return true;
  }
}
