package org.bookbuild.figure;

import java.util.List;

/**
 * A figure spec after reading: sizes in points, formulas compiled, data loaded, every series' look decided. Drawing
 * works only from these records, so everything an author can get wrong is found before the first stroke.
 */
final class Model {
  private Model() {}

  /** The whole figure: its size and its panels laid out in {@code columns} columns. */
  record Figure(double width, double height, int columns, List<Panel> panels) {}

  /**
   * One set of axes. {@code axes} is {@code box} (frame at the lower left), {@code cross} (axes through the origin) or
   * {@code none}; {@code legend} is a corner name or {@code none}.
   */
  record Panel(
      String title,
      Axis x,
      Axis y,
      Axis z,
      boolean grid,
      String legend,
      boolean equal,
      String axes,
      boolean threeD,
      double azimuth,
      double elevation,
      List<Layer> layers) {}

  /** An axis: its label, its range (null: fitted to the data) and either a tick step or explicit tick values. */
  record Axis(String label, double[] range, double step, double[] ticks) {
    static final Axis AUTO = new Axis("", null, 0, null);
  }

  /** How a series looks: palette colour, dash pattern name, marker name and line thickness in points. */
  record Look(int color, String dash, String marker, double thickness) {}

  /** Something drawn in a panel. Points are {@code double[2]} or, in 3-D panels, {@code double[3]}. */
  sealed interface Layer permits Curve, Bars, Vector, Fill, Inequality, Field, Surface, Label {
    String label();

    Look look();
  }

  /** A polyline and/or markers: functions, parametric curves, data lines and scatters, fits, descent paths. NaN breaks the line. */
  record Curve(List<double[]> points, boolean joined, String label, Look look) implements Layer {}

  /**
   * Bars: over categories (a bar chart, {@code edges == null}) or over numeric bins given by their edges (a histogram).
   * {@code group}/{@code groups} place several bar series of one panel side by side.
   */
  record Bars(List<String> categories, double[] edges, double[] values, int group, int groups, String label, Look look)
      implements Layer {}

  /** An arrow from {@code from} by {@code delta}, labelled at its tip. */
  record Vector(double[] from, double[] delta, String label, Look look) implements Layer {}

  /** Shaded polygons (a region between curves, a polygon), with their outline when {@code outline}. */
  record Fill(List<List<double[]>> polygons, boolean outline, String label, Look look) implements Layer {}

  /** The set where all the conditions hold, shaded; boundaries dashed where strict. */
  record Inequality(List<Condition> conditions, int samples, String label, Look look) implements Layer {}

  /** One condition {@code lhs - rhs} compared with zero. */
  record Condition(Expr difference, boolean greater, boolean strict) {
    boolean holds(double v) {
      if (Double.isNaN(v)) return false;
      return greater ? (strict ? v > 0 : v >= 0) : (strict ? v < 0 : v <= 0);
    }
  }

  /** A scalar field f(x, y): contour lines ({@code filled == false}) or a filled heat map with {@code levels} bands. */
  record Field(Expr f, boolean filled, double[] levels, int levelCount, int samples, String label, Look look)
      implements Layer {}

  /** The graph of f(x, y) over the panel's x and y ranges, drawn as a shaded mesh. */
  record Surface(Expr f, int samples, String label, Look look) implements Layer {}

  /** Free text placed at a data point. */
  record Label(double[] at, String label, String anchor, Look look) implements Layer {}
}
