package org.bookbuild.figure;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws a 3-D panel in a fixed orthographic view (azimuth and elevation in degrees, as in common plotting tools):
 * the box's far edges, surfaces as depth-sorted shaded quads, then curves, points and vectors, and ticks along the
 * near edges. With {@code axes: cross} it draws three arrows through the origin instead of the box.
 */
final class Plot3D {
  private final Painter pt;
  private final Theme theme;
  private double[][] r;
  private double ca, sa, ce, se, scale, ox, oy;

  Plot3D(Painter pt) {
    this.pt = pt;
    this.theme = pt.theme;
  }

  void draw(Model.Panel p, Rectangle2D cell) {
    double fs = theme.fontSize(), ls = theme.labelSize(), ts = theme.titleSize();
    r = new double[3][];
    r[0] = p.x().range() != null ? p.x().range() : Ranges.auto(p, 0, theme.defaultRange());
    r[1] = p.y().range() != null ? p.y().range() : Ranges.auto(p, 1, theme.defaultRange());
    List<double[][]> quads = new ArrayList<>();
    double zlo = Double.POSITIVE_INFINITY, zhi = Double.NEGATIVE_INFINITY;
    for (Model.Layer l : p.layers()) {
      if (l instanceof Model.Surface s) {
        int n = s.samples();
        double[][][] g = new double[n + 1][n + 1][];
        for (int i = 0; i <= n; i++) {
          for (int j = 0; j <= n; j++) {
            double x = r[0][0] + (r[0][1] - r[0][0]) * i / n, y = r[1][0] + (r[1][1] - r[1][0]) * j / n;
            g[i][j] = new double[] {x, y, s.f().at(x, y)};
            if (!Double.isNaN(g[i][j][2])) {
              zlo = Math.min(zlo, g[i][j][2]);
              zhi = Math.max(zhi, g[i][j][2]);
            }
          }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) quads.add(new double[][] {g[i][j], g[i + 1][j], g[i + 1][j + 1], g[i][j + 1]});
      }
    }
    double[] zAuto = Ranges.auto(p, 2, new double[] {zlo, zhi});
    if (zlo <= zhi) zAuto = new double[] {Math.min(zAuto[0], zlo), Math.max(zAuto[1], zhi)};
    if (!(zAuto[0] < zAuto[1])) zAuto = theme.defaultRange();
    r[2] = p.z().range() != null ? p.z().range() : zAuto;
    double az = Math.toRadians(p.azimuth()), el = Math.toRadians(p.elevation());
    ca = Math.cos(az);
    sa = Math.sin(az);
    ce = Math.cos(el);
    se = Math.sin(el);
    // fit the projected box into the cell, leaving room for tick and axis labels
    double top = cell.getY() + (p.title().isEmpty() ? fs : ts * 2), margin = fs * 3.2;
    Rectangle2D room = new Rectangle2D.Double(cell.getX() + margin, top + fs * 0.5, cell.getWidth() - 2 * margin, cell.getMaxY() - top - margin);
    scale = 1;
    ox = 0;
    oy = 0;
    double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
    for (double[] c : corners()) {
      Point2D q = project(c);
      minX = Math.min(minX, q.getX());
      maxX = Math.max(maxX, q.getX());
      minY = Math.min(minY, q.getY());
      maxY = Math.max(maxY, q.getY());
    }
    scale = Math.min(room.getWidth() / (maxX - minX), room.getHeight() / (maxY - minY));
    ox = room.getCenterX() - scale * (minX + maxX) / 2;
    oy = room.getCenterY() - scale * (minY + maxY) / 2;

    boolean cross = p.axes().equals("cross");
    if (!cross && !p.axes().equals("none")) backEdges();
    quads.sort(Comparator.comparingDouble(this::depthOf));
    for (double[][] q : quads) {
      double zm = 0;
      Path2D.Double path = new Path2D.Double();
      boolean ok = true;
      for (int k = 0; k < 4 && ok; k++) {
        zm += q[k][2] / 4;
        Point2D s = project(q[k]);
        if (s == null) {
          ok = false; // the surface is undefined at this corner: leave the cell out
          continue;
        }
        if (k == 0) path.moveTo(s.getX(), s.getY());
        else path.lineTo(s.getX(), s.getY());
      }
      if (!ok) continue;
      path.closePath();
      pt.c.g.setColor(theme.sequential(0.15 + 0.85 * (zm - r[2][0]) / (r[2][1] - r[2][0])));
      pt.c.g.fill(path);
      pt.c.stroke(0.3, null, theme.ink());
      pt.c.g.draw(path);
    }
    if (cross) crossAxes(p, ls);
    for (Model.Layer l : p.layers()) {
      if (l instanceof Model.Curve cv) {
        if (cv.joined()) pt.polyline(cv.points(), this::project, cv.look());
        if (!cv.joined() || cv.points().size() <= 200) pt.markers(cv.points(), this::project, cv.look());
        if (cv.points().size() == 1 && !cv.label().isEmpty()) {
          Point2D q = project(cv.points().get(0));
          pt.labelBeyond(cv.label(), q.getX(), q.getY(), 0.7, -0.7, fs, theme.ink());
        }
      } else if (l instanceof Model.Vector v) {
        double[] tip = {v.from()[0] + v.delta()[0], v.from()[1] + v.delta()[1], v.from()[2] + v.delta()[2]};
        Point2D a = project(v.from()), b = project(tip);
        double[] u = pt.arrow(a, b, v.look());
        if (!v.label().isEmpty()) pt.labelBeyond(v.label(), b.getX(), b.getY(), u[0], u[1], ls, theme.color(v.look().color()));
      } else if (l instanceof Model.Label t) {
        Point2D q = project(t.at());
        pt.label(t.label(), q.getX(), q.getY(), t.anchor(), fs, theme.color(t.look().color()));
      }
    }
    if (!cross && !p.axes().equals("none")) {
      Axes3D ax = new Axes3D(pt, this::project, this::depth, r);
      ax.draw(p);
    }
    Legend.draw(pt, p, room, this::project);
    if (!p.title().isEmpty()) {
      Labels.Extent e = pt.labels.measure(p.title(), ts);
      pt.labels.draw(pt.c.g, p.title(), ts, cell.getCenterX() - e.width() / 2, cell.getY() + ts * 1.1, theme.ink());
    }
  }

  /** Box coordinates: each axis mapped to [-1, 1], the vertical one squashed a little like most 3-D plots. */
  private double[] unit(double[] d) {
    double[] u = new double[3];
    for (int k = 0; k < 3; k++) u[k] = (d[k] - (r[k][0] + r[k][1]) / 2) / (r[k][1] - r[k][0]) * 2;
    u[2] *= 0.8;
    return u;
  }

  Point2D project(double[] d) {
    if (d.length < 3 || Double.isNaN(d[0]) || Double.isNaN(d[1]) || Double.isNaN(d[2])) return null;
    double[] u = unit(d);
    double sx = -sa * u[0] + ca * u[1];
    double sy = ce * u[2] - se * (ca * u[0] + sa * u[1]);
    return new Point2D.Double(ox + scale * sx, oy - scale * sy);
  }

  /** Distance towards the viewer; larger is nearer. */
  double depth(double[] d) {
    double[] u = unit(d);
    return ce * (ca * u[0] + sa * u[1]) + se * u[2];
  }

  private double depthOf(double[][] quad) {
    double s = 0;
    for (double[] c : quad) s += depth(new double[] {c[0], c[1], Double.isNaN(c[2]) ? r[2][0] : c[2]});
    return s / 4;
  }

  private List<double[]> corners() {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) out.add(new double[] {r[0][i & 1], r[1][(i >> 1) & 1], r[2][(i >> 2) & 1]});
    return out;
  }

  /** The nine box edges that do not touch the corner nearest the viewer. */
  private void backEdges() {
    List<double[]> cs = corners();
    int near = 0;
    for (int i = 1; i < 8; i++) if (depth(cs.get(i)) > depth(cs.get(near))) near = i;
    pt.c.stroke(0.5, null, theme.grid().darker());
    for (int i = 0; i < 8; i++) {
      for (int bit = 0; bit < 3; bit++) {
        int j = i | (1 << bit);
        if (j == i || i == near || j == near) continue;
        pt.c.g.draw(new Line2D.Double(project(cs.get(i)), project(cs.get(j))));
      }
    }
  }

  private void crossAxes(Model.Panel p, double ls) {
    Model.Look ink = new Model.Look(0, "solid", "none", theme.axisWidth());
    Model.Axis[] axes = {p.x(), p.y(), p.z()};
    String[] names = {"x", "y", "z"};
    for (int k = 0; k < 3; k++) {
      double[] a = new double[3], b = new double[3];
      for (int m = 0; m < 3; m++) a[m] = b[m] = Math.max(r[m][0], Math.min(r[m][1], 0));
      a[k] = r[k][0];
      b[k] = r[k][1];
      Point2D pa = project(a), pb = project(b);
      double[] u = pt.arrow(pa, pb, ink);
      String label = axes[k].label().isEmpty() ? "$" + names[k] + "$" : axes[k].label();
      pt.labelBeyond(label, pb.getX(), pb.getY(), u[0], u[1], ls, theme.ink());
    }
  }
}
