package org.bookbuild.figure;

import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Ticks, tick labels and axis labels of a 3-D box: x and y along the bottom edges nearer the viewer, z along the
 * vertical edge furthest left on the page. Labels are pushed outwards from the box's centre so they never sit on it.
 */
final class Axes3D {
  private final Painter pt;
  private final Function<double[], Point2D> project;
  private final ToDoubleFunction<double[]> depth;
  private final double[][] r;

  Axes3D(Painter pt, Function<double[], Point2D> project, ToDoubleFunction<double[]> depth, double[][] r) {
    this.pt = pt;
    this.project = project;
    this.depth = depth;
    this.r = r;
  }

  void draw(Model.Panel p) {
    double[] centre = {mid(0), mid(1), mid(2)};
    Point2D c = project.apply(centre);
    // x: bottom edge at y = ymin or ymax, whichever is nearer
    double yEdge = nearer(new double[] {mid(0), r[1][0], r[2][0]}, new double[] {mid(0), r[1][1], r[2][0]}) ? r[1][0] : r[1][1];
    double xEdge = nearer(new double[] {r[0][0], mid(1), r[2][0]}, new double[] {r[0][1], mid(1), r[2][0]}) ? r[0][0] : r[0][1];
    axis(p.x(), 0, new double[] {Double.NaN, yEdge, r[2][0]}, c);
    axis(p.y(), 1, new double[] {xEdge, Double.NaN, r[2][0]}, c);
    // z: the vertical edge furthest left on the page
    double[] best = null;
    for (int i = 0; i < 4; i++) {
      double[] e = {r[0][i & 1], r[1][(i >> 1) & 1], Double.NaN};
      if (best == null || project.apply(new double[] {e[0], e[1], r[2][0]}).getX() < project.apply(new double[] {best[0], best[1], r[2][0]}).getX()) best = e;
    }
    axis(p.z(), 2, best, c);
  }

  private boolean nearer(double[] a, double[] b) {
    return depth.applyAsDouble(a) >= depth.applyAsDouble(b);
  }

  private double mid(int k) {
    return (r[k][0] + r[k][1]) / 2;
  }

  /** One axis along an edge; {@code edge} gives the fixed coordinates and NaN for the one that runs. */
  private void axis(Model.Axis a, int k, double[] edge, Point2D centre) {
    double fs = pt.theme.fontSize(), ls = pt.theme.labelSize();
    double[] lo = edge.clone(), hi = edge.clone();
    lo[k] = r[k][0];
    hi[k] = r[k][1];
    Point2D pl = project.apply(lo), ph = project.apply(hi);
    pt.c.stroke(pt.theme.axisWidth(), null, pt.theme.ink());
    pt.c.g.draw(new Line2D.Double(pl, ph));
    // outward direction: from the box centre towards the edge's middle, on the page
    double mx = (pl.getX() + ph.getX()) / 2, my = (pl.getY() + ph.getY()) / 2;
    double ox = mx - centre.getX(), oy = my - centre.getY(), on = Math.hypot(ox, oy);
    if (on < 1e-6) {
      ox = 0;
      oy = 1;
    } else {
      ox /= on;
      oy /= on;
    }
    double[] ticks;
    if (a.ticks() != null) ticks = java.util.Arrays.stream(a.ticks()).filter(t -> t >= r[k][0] && t <= r[k][1]).toArray();
    else ticks = Ticks.values(r[k][0], r[k][1], a.step() > 0 ? a.step() : Ticks.step(r[k][0], r[k][1], Math.max(3, pl.distance(ph) / 40)));
    int d = ticks.length > 1 ? Ticks.decimals(ticks[1] - ticks[0]) : 2;
    for (double t : ticks) {
      double[] at = edge.clone();
      at[k] = t;
      Point2D q = project.apply(at);
      pt.c.stroke(pt.theme.axisWidth(), null, pt.theme.ink());
      pt.c.g.draw(new Line2D.Double(q.getX(), q.getY(), q.getX() + ox * 3, q.getY() + oy * 3));
      pt.labelBeyond(Ticks.format(t, d), q.getX() + ox * 3, q.getY() + oy * 3, ox, oy, fs, pt.theme.ink());
    }
    if (!a.label().isEmpty()) pt.labelBeyond(a.label(), mx + ox * fs * 2.2, my + oy * fs * 2.2, ox, oy, ls, pt.theme.ink());
  }
}
