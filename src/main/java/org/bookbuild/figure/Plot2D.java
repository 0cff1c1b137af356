package org.bookbuild.figure;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one 2-D panel: fits ranges to the data, lays out ticks and labels around the plot area, paints the layers in
 * the author's order (clipped to the plot area), then the axes, legend and title.
 */
final class Plot2D {
  private static final double TICK = 3;
  private final Painter pt;
  private final Theme theme;
  private final Labels labels;

  Plot2D(Painter pt) {
    this.pt = pt;
    this.theme = pt.theme;
    this.labels = pt.labels;
  }

  void draw(Model.Panel p, Rectangle2D cell) {
    double fs = theme.fontSize(), ls = theme.labelSize(), ts = theme.titleSize();
    List<String> cats = categories(p);
    double[] xr = cats.isEmpty() ? p.x().range() : new double[] {-0.6, cats.size() - 0.4};
    double[] yr = p.y().range();
    if (xr == null) xr = Ranges.auto(p, 0, theme.defaultRange());
    if (yr == null) yr = Ranges.auto(p, 1, theme.defaultRange());
    boolean cross = p.axes().equals("cross"), noAxes = p.axes().equals("none");
    Model.Field heat = p.layers().stream().filter(l -> l instanceof Model.Field f && f.filled()).map(l -> (Model.Field) l).findFirst().orElse(null);
    Contours heatGrid = heat == null ? null : new Contours(heat.f(), xr, yr, heat.samples());
    double[] heatLevels = heat == null ? null : heat.levels() != null ? heat.levels() : heatGrid.autoLevels(heat.levelCount());

    double top = cell.getY() + (p.title().isEmpty() ? fs * 0.7 : ts * 1.9);
    double left = cell.getX() + fs * 0.5, right = cell.getMaxX() - fs * 1.2, bottom = cell.getMaxY() - fs * 0.4;
    if (heat != null) right -= 14 + widest(heatLevels, Ticks.decimals(heatLevels.length > 1 ? heatLevels[1] - heatLevels[0] : 1), fs);
    double[] yt = ticks(p.y(), yr, (bottom - top) / 38);
    int yd = decimals(p.y(), yt);
    if (!cross && !noAxes) {
      left += (cats.isEmpty() && yt.length == 0 ? 0 : widest(yt, yd, fs)) + TICK + 3;
      if (!p.y().label().isEmpty()) left += ls * 1.6;
      bottom -= fs + TICK + 3;
      if (!p.x().label().isEmpty()) bottom -= ls * 1.6;
    }
    // equal aspect: widen whichever fitted range has room, else shrink the plot area
    if (p.equal()) {
      double sx = (right - left) / (xr[1] - xr[0]), sy = (bottom - top) / (yr[1] - yr[0]);
      if (sx > sy) {
        double want = (right - left) / sy, mid = (xr[0] + xr[1]) / 2;
        if (p.x().range() == null && cats.isEmpty()) xr = new double[] {mid - want / 2, mid + want / 2};
        else {
          double w = (xr[1] - xr[0]) * sy, c = (left + right) / 2;
          left = c - w / 2;
          right = c + w / 2;
        }
      } else if (sy > sx) {
        double want = (bottom - top) / sx, mid = (yr[0] + yr[1]) / 2;
        if (p.y().range() == null) yr = new double[] {mid - want / 2, mid + want / 2};
        else {
          double h = (yr[1] - yr[0]) * sx, c = (top + bottom) / 2;
          top = c - h / 2;
          bottom = c + h / 2;
        }
      }
      yt = ticks(p.y(), yr, (bottom - top) / 38);
      yd = decimals(p.y(), yt);
    }
    double[] xt = ticks(p.x(), xr, (right - left) / 55);
    int xd = decimals(p.x(), xt);
    Rectangle2D area = new Rectangle2D.Double(left, top, right - left, bottom - top);
    double sx = area.getWidth() / (xr[1] - xr[0]), sy = area.getHeight() / (yr[1] - yr[0]);
    AffineTransform toPage = new AffineTransform(sx, 0, 0, -sy, left - xr[0] * sx, bottom + yr[0] * sy);
    final double[] fx = xr, fy = yr;
    java.util.function.Function<double[], Point2D> map =
        d -> Double.isNaN(d[0]) || Double.isNaN(d[1]) ? null : toPage.transform(new Point2D.Double(d[0], d[1]), null);

    if (p.grid()) {
      pt.c.stroke(0.4, null, theme.grid());
      for (double x : cats.isEmpty() ? xt : new double[0]) pt.c.g.draw(new Line2D.Double(map.apply(new double[] {x, fy[0]}), map.apply(new double[] {x, fy[1]})));
      for (double y : yt) pt.c.g.draw(new Line2D.Double(map.apply(new double[] {fx[0], y}), map.apply(new double[] {fx[1], y})));
    }

    pt.c.g.setClip(area);
    List<Runnable> afterClip = new ArrayList<>();
    for (Model.Layer l : p.layers()) {
      if (l instanceof Model.Curve cv) {
        if (cv.joined()) pt.polyline(breakPoles(cv.points(), yr), map, cv.look());
        if (!cv.joined() || cv.points().size() <= 200) pt.markers(cv.points(), map, cv.look());
        if (cv.points().size() == 1 && !cv.label().isEmpty()) {
          Point2D q = map.apply(cv.points().get(0));
          if (q != null) afterClip.add(() -> pt.labelBeyond(cv.label(), q.getX(), q.getY(), 0.7, -0.7, fs, theme.ink()));
        }
      } else if (l instanceof Model.Bars b) {
        bars(b, cats, toPage);
      } else if (l instanceof Model.Vector v) {
        Point2D a = map.apply(v.from()), z = map.apply(new double[] {v.from()[0] + v.delta()[0], v.from()[1] + v.delta()[1]});
        double[] u = pt.arrow(a, z, v.look());
        if (!v.label().isEmpty()) afterClip.add(() -> pt.labelBeyond(v.label(), z.getX(), z.getY(), u[0], u[1], ls, theme.color(v.look().color())));
      } else if (l instanceof Model.Fill f) {
        Path2D.Double path = new Path2D.Double();
        for (List<double[]> poly : f.polygons()) {
          for (int i = 0; i < poly.size(); i++) {
            if (i == 0) path.moveTo(poly.get(i)[0], poly.get(i)[1]);
            else path.lineTo(poly.get(i)[0], poly.get(i)[1]);
          }
          path.closePath();
        }
        Shape s = toPage.createTransformedShape(path);
        pt.c.g.setColor(theme.wash(f.look().color()));
        pt.c.g.fill(s);
        if (f.outline()) {
          pt.c.stroke(f.look().thickness() * 0.8, theme.dash(f.look().dash()), theme.color(f.look().color()));
          pt.c.g.draw(s);
        }
      } else if (l instanceof Model.Inequality q) {
        Regions.draw(pt, q, xr, yr, toPage);
      } else if (l instanceof Model.Field f) {
        if (f == heat) heatmap(heatGrid, heatLevels, toPage);
        else contours(f, xr, yr, toPage);
      } else if (l instanceof Model.Label t) {
        Point2D q = map.apply(t.at());
        afterClip.add(() -> pt.label(t.label(), q.getX(), q.getY(), t.anchor(), fs, theme.color(t.look().color())));
      }
    }
    pt.c.g.setClip(null);
    afterClip.forEach(Runnable::run);

    if (!noAxes) {
      Axes2D axes = new Axes2D(pt, area, toPage, xr, yr);
      if (cross) axes.cross(p, xt, xd, yt, yd);
      else axes.box(p, cats, xt, xd, yt, yd);
    }
    if (heat != null) colorbar(area, heatLevels, heatGrid);
    Legend.draw(pt, p, area, map);
    if (!p.title().isEmpty()) {
      Labels.Extent e = labels.measure(p.title(), ts);
      labels.draw(pt.c.g, p.title(), ts, area.getCenterX() - e.width() / 2, cell.getY() + ts * 1.1, theme.ink());
    }
  }

  /** The categories of the panel's bar charts, in order of first appearance. */
  private static List<String> categories(Model.Panel p) {
    List<String> out = new ArrayList<>();
    for (Model.Layer l : p.layers()) {
      if (l instanceof Model.Bars b && b.edges() == null) {
        for (String c : b.categories()) if (!out.contains(c)) out.add(c);
      }
    }
    return out;
  }

  private void bars(Model.Bars b, List<String> cats, AffineTransform toPage) {
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < b.values().length; i++) {
      double x0, x1;
      if (b.edges() == null) {
        double slot = 0.8 / b.groups();
        x0 = cats.indexOf(b.categories().get(i)) - 0.4 + slot * b.group();
        x1 = x0 + slot;
      } else {
        x0 = b.edges()[i];
        x1 = b.edges()[i + 1];
      }
      double y0 = Math.min(0, b.values()[i]), y1 = Math.max(0, b.values()[i]);
      path.append(new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0), false);
    }
    Shape s = toPage.createTransformedShape(path);
    pt.c.g.setColor(theme.tint(b.look().color()));
    pt.c.g.fill(s);
    pt.c.stroke(0.6, null, theme.color(b.look().color()));
    pt.c.g.draw(s);
  }

  private void contours(Model.Field f, double[] xr, double[] yr, AffineTransform toPage) {
    Contours grid = new Contours(f.f(), xr, yr, f.samples());
    double[] levels = f.levels() != null ? f.levels() : grid.autoLevels(f.levelCount());
    for (int k = 0; k < levels.length; k++) {
      double u = levels.length == 1 ? 0.3 : 0.75 * k / (levels.length - 1);
      pt.c.stroke(0.7, null, f.look().color() != 0 ? theme.color(f.look().color()) : theme.sequential(u));
      pt.c.g.draw(toPage.createTransformedShape(grid.line(levels[k])));
    }
  }

  private void heatmap(Contours grid, double[] levels, AffineTransform toPage) {
    pt.c.g.setColor(theme.sequential(0));
    pt.c.g.fill(toPage.createTransformedShape(grid.atLeast(Double.NEGATIVE_INFINITY)));
    for (int k = 0; k < levels.length; k++) {
      pt.c.g.setColor(theme.sequential((k + 1.0) / levels.length));
      pt.c.g.fill(toPage.createTransformedShape(grid.atLeast(levels[k])));
    }
  }

  /** A key for the heat map's bands beside the plot area. */
  private void colorbar(Rectangle2D area, double[] levels, Contours grid) {
    double x = area.getMaxX() + 8, w = 7, h = area.getHeight(), y0 = area.getMaxY();
    int bands = levels.length + 1;
    for (int k = 0; k < bands; k++) {
      pt.c.g.setColor(theme.sequential((double) k / levels.length));
      pt.c.g.fill(new Rectangle2D.Double(x, y0 - h * (k + 1) / bands, w, h / bands));
    }
    pt.c.frame(new Rectangle2D.Double(x, area.getY(), w, h), 0.5, theme.ink());
    int d = Ticks.decimals(levels.length > 1 ? levels[1] - levels[0] : 1);
    double fs = theme.fontSize();
    for (int k = 0; k < levels.length; k++) {
      double y = y0 - h * (k + 1) / bands;
      pt.label(Ticks.format(levels[k], d), x + w, y, "right", fs * 0.9, theme.ink());
    }
  }

  /** Breaks a curve where it jumps from far above the view to far below (a pole), so no false vertical line appears. */
  private static List<double[]> breakPoles(List<double[]> pts, double[] yr) {
    double span = yr[1] - yr[0];
    List<double[]> out = new ArrayList<>(pts.size());
    for (int i = 0; i < pts.size(); i++) {
      double[] q = pts.get(i);
      if (i > 0) {
        double a = pts.get(i - 1)[1], b = q[1];
        if ((a > yr[1] + span && b < yr[0] - span) || (b > yr[1] + span && a < yr[0] - span)) out.add(new double[] {Double.NaN, Double.NaN});
      }
      out.add(q);
    }
    return out;
  }

  private static double[] ticks(Model.Axis a, double[] r, double target) {
    if (a.ticks() != null) return java.util.Arrays.stream(a.ticks()).filter(t -> t >= r[0] && t <= r[1]).toArray();
    double step = a.step() > 0 ? a.step() : Ticks.step(r[0], r[1], Math.max(3, target));
    return Ticks.values(r[0], r[1], step);
  }

  private static int decimals(Model.Axis a, double[] t) {
    if (a.ticks() != null) {
      int d = 0;
      for (double v : t) d = Math.max(d, Ticks.decimals(v));
      return d;
    }
    return t.length > 1 ? Ticks.decimals(Math.abs(t[1] - t[0])) : 2;
  }

  private double widest(double[] values, int d, double size) {
    double w = 0;
    for (double v : values) w = Math.max(w, labels.measure(Ticks.format(v, d), size).width());
    return w;
  }

  static Color ink(Theme t) {
    return t.ink();
  }
}
