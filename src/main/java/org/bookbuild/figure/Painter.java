package org.bookbuild.figure;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Function;

/**
 * Drawing primitives shared by 2-D and 3-D panels, in page coordinates: styled polylines, markers, arrows, labels
 * with an anchor, and the sample shown in a legend row.
 */
final class Painter {
  final Canvas c;
  final Theme theme;
  final Labels labels;

  Painter(Canvas c, Theme theme, Labels labels) {
    this.c = c;
    this.theme = theme;
    this.labels = labels;
  }

  /** A polyline through mapped points; a null (unmappable) point breaks it. */
  void polyline(List<double[]> pts, Function<double[], Point2D> map, Model.Look look) {
    if (look.dash().equals("none")) return;
    Path2D.Double path = new Path2D.Double();
    boolean pen = false;
    for (double[] p : pts) {
      Point2D q = map.apply(p);
      if (q == null) {
        pen = false;
      } else if (!pen) {
        path.moveTo(q.getX(), q.getY());
        pen = true;
      } else {
        path.lineTo(q.getX(), q.getY());
      }
    }
    c.stroke(look.thickness(), theme.dash(look.dash()), theme.color(look.color()));
    c.g.draw(path);
  }

  void markers(List<double[]> pts, Function<double[], Point2D> map, Model.Look look) {
    if (look.marker().equals("none")) return;
    boolean filled = !look.marker().equals("cross") && !look.marker().equals("plus");
    if (filled && pts.size() > 50) {
      // many filled markers of one colour paint the same as one path holding them all, and a scatter of thousands
      // of points (stored plotly figures) then costs one SVG element instead of thousands
      Path2D.Double all = new Path2D.Double();
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (double[] p : pts) {
        Point2D q = map.apply(p);
        // markers closer than a quarter point print as one
        if (q == null || !seen.add(Math.round(q.getX() * 4) * 1_000_003L + Math.round(q.getY() * 4))) continue;
        all.append(markerShape(q.getX(), q.getY(), look), false);
      }
      c.g.setColor(theme.color(look.color()));
      c.g.fill(all);
      return;
    }
    for (double[] p : pts) {
      Point2D q = map.apply(p);
      if (q != null) marker(q.getX(), q.getY(), look);
    }
  }

  private java.awt.Shape markerShape(double x, double y, Model.Look look) {
    double r = theme.markerSize() / 2;
    return switch (look.marker()) {
      case "square" -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      case "triangle" -> poly(x, y - r * 1.15, x + r * 1.1, y + r * 0.75, x - r * 1.1, y + r * 0.75);
      case "diamond" -> poly(x, y - r * 1.25, x + r, y, x, y + r * 1.25, x - r, y);
      // a 12-gon: indistinguishable from a circle at marker size, and half the numbers of four Bezier arcs
      default -> {
        double[] xy = new double[24];
        for (int i = 0; i < 12; i++) {
          xy[2 * i] = x + r * Math.cos(i * Math.PI / 6);
          xy[2 * i + 1] = y + r * Math.sin(i * Math.PI / 6);
        }
        yield poly(xy);
      }
    };
  }

  /** One marker; filled shapes differ by outline, so series stay apart in grayscale. */
  void marker(double x, double y, Model.Look look) {
    double r = theme.markerSize() / 2;
    Color col = theme.color(look.color());
    java.awt.Shape s =
        switch (look.marker()) {
          case "square" -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
          case "triangle" -> poly(x, y - r * 1.15, x + r * 1.1, y + r * 0.75, x - r * 1.1, y + r * 0.75);
          case "diamond" -> poly(x, y - r * 1.25, x + r, y, x, y + r * 1.25, x - r, y);
          case "cross", "plus" -> null;
          default -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        };
    if (s != null) {
      c.g.setColor(col);
      c.g.fill(s);
      return;
    }
    c.stroke(Math.max(0.8, look.thickness() * 0.8), null, col);
    double k = look.marker().equals("cross") ? r * 0.85 : r * 1.1;
    if (look.marker().equals("cross")) {
      c.g.draw(new Line2D.Double(x - k, y - k, x + k, y + k));
      c.g.draw(new Line2D.Double(x - k, y + k, x + k, y - k));
    } else {
      c.g.draw(new Line2D.Double(x - k, y, x + k, y));
      c.g.draw(new Line2D.Double(x, y - k, x, y + k));
    }
  }

  private static Path2D poly(double... xy) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
    p.closePath();
    return p;
  }

  /** An arrow from a to b with a filled head; returns the unit direction (for placing the label). */
  double[] arrow(Point2D a, Point2D b, Model.Look look) {
    double dx = b.getX() - a.getX(), dy = b.getY() - a.getY();
    double len = Math.hypot(dx, dy);
    if (len < 1e-6) return new double[] {1, 0};
    double ux = dx / len, uy = dy / len;
    double h = Math.min(theme.arrowSize() * Math.max(1, look.thickness() / 1.1), len * 0.6);
    double w = h * 0.38;
    Color col = theme.color(look.color());
    c.stroke(look.thickness(), theme.dash(look.dash()), col);
    c.g.draw(new Line2D.Double(a.getX(), a.getY(), b.getX() - ux * h * 0.8, b.getY() - uy * h * 0.8));
    c.g.setColor(col);
    c.g.fill(poly(b.getX(), b.getY(), b.getX() - ux * h - uy * w, b.getY() - uy * h + ux * w, b.getX() - ux * h + uy * w, b.getY() - uy * h - ux * w));
    return new double[] {ux, uy};
  }

  /** Places a label so that its box sits beyond point (x, y) in direction (ux, uy). */
  void labelBeyond(String text, double x, double y, double ux, double uy, double size, Color color) {
    Labels.Extent e = labels.measure(text, size);
    double gap = size * 0.35;
    double cx = x + ux * (gap + e.width() / 2), cy = y + uy * (gap + (e.ascent() + e.descent()) / 2);
    labels.draw(c.g, text, size, cx - e.width() / 2, cy + (e.ascent() - e.descent()) / 2, color);
  }

  /** Draws a label with its box placed by anchor: center, left/right of the point, above or below it. */
  void label(String text, double x, double y, String anchor, double size, Color color) {
    switch (anchor) {
      case "left" -> labelBeyond(text, x, y, -1, 0, size, color);
      case "right" -> labelBeyond(text, x, y, 1, 0, size, color);
      case "above" -> labelBeyond(text, x, y, 0, -1, size, color);
      case "below" -> labelBeyond(text, x, y, 0, 1, size, color);
      default -> {
        Labels.Extent e = labels.measure(text, size);
        labels.draw(c.g, text, size, x - e.width() / 2, y + (e.ascent() - e.descent()) / 2, color);
      }
    }
  }

  /** The little picture in front of a legend entry. */
  void legendSample(Model.Layer l, double x, double y, double w) {
    Model.Look look = l.look();
    if (l instanceof Model.Fill || l instanceof Model.Bars || l instanceof Model.Inequality || l instanceof Model.Surface) {
      Rectangle2D r = new Rectangle2D.Double(x, y - 3.5, w, 7);
      c.g.setColor(l instanceof Model.Surface ? theme.sequential(0.6) : l instanceof Model.Bars ? theme.tint(look.color()) : theme.wash(look.color()));
      c.g.fill(r);
      c.frame(r, 0.5, theme.color(look.color()));
      return;
    }
    if (l instanceof Model.Curve cv && !cv.joined()) {
      marker(x + w / 2, y, look);
      return;
    }
    polyline(List.of(new double[] {x, y}, new double[] {x + w, y}), p -> new Point2D.Double(p[0], p[1]), look);
    if (!look.marker().equals("none")) marker(x + w / 2, y, look);
  }
}
