package org.bookbuild.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.data.statistics.Regression;

/**
 * Reads the entries of one panel's {@code plots} list into layers: evaluates formulas into points, loads data columns,
 * fits lines, bins histograms and gives each series its look (colour, dash and marker change together so that series
 * stay apart in grayscale).
 */
final class LayerReader {
  private final SpecReader spec;
  private final Theme theme;
  private final boolean threeD;
  private final Model.Axis xAxis;
  private final Model.Axis yAxis;
  private int series;
  private int fills;
  private int barGroup;

  LayerReader(SpecReader spec, boolean threeD, Model.Axis x, Model.Axis y) {
    this.spec = spec;
    this.theme = spec.theme();
    this.threeD = threeD;
    this.xAxis = x;
    this.yAxis = y;
  }

  Model.Layer layer(SpecNode n, String kind, int barSeries) {
    Map<String, SpecNode> e = n.entries();
    SpecNode v = e.get(kind);
    String label = e.containsKey("label") ? spec.label(e.get("label")) : "";
    int dims = threeD ? 3 : 2;
    return switch (kind) {
      case "function" -> function(e, v, label);
      case "parametric" -> parametric(e, v, label);
      case "scatter", "line" -> {
        List<double[]> pts = points(e, v, dims);
        boolean line = kind.equals("line");
        yield new Model.Curve(pts, line, label, look(e, true, !line));
      }
      case "fit" -> fit(e, v, label);
      case "bars" -> bars(e, v, label, barSeries);
      case "histogram" -> histogram(e, v, label);
      case "vector" -> {
        double[] d = v.numbers(dims);
        double[] from = e.containsKey("from") ? e.get("from").numbers(dims) : new double[dims];
        yield new Model.Vector(from, d, label, look(e, true, false));
      }
      case "segment" -> {
        List<SpecNode> ends = v.items();
        if (ends.size() != 2) throw v.error("a segment needs two points, [[x1, y1], [x2, y2]]");
        yield new Model.Curve(List.of(ends.get(0).numbers(dims), ends.get(1).numbers(dims)), true, label, look(e, false, false));
      }
      case "point" -> new Model.Curve(List.<double[]>of(v.numbers(dims)), false, label, look(e, false, true));
      case "polygon" -> {
        List<double[]> pts = new ArrayList<>();
        for (SpecNode p : v.items()) pts.add(p.numbers(2));
        if (pts.size() < 3) throw v.error("a polygon needs at least three points");
        yield new Model.Fill(List.of(pts), true, label, fillLook(e));
      }
      case "between" -> between(e, v, label);
      case "inequality" -> inequality(e, v, label);
      case "contour", "heatmap" -> field(e, v, label, kind.equals("heatmap"));
      case "descent" -> descent(e, v, label);
      case "surface" -> {
        if (!threeD) throw v.error("a surface needs a 3-D panel: give the panel a 'z' axis or a 'view'");
        yield new Model.Surface(Expr.compile(v, v.text()), samples(e, theme.surfaceSamples(), 4, 80), label, look(e, false, false));
      }
      case "text" -> {
        if (!e.containsKey("at")) throw n.error("a text entry needs 'at: [x, y]'");
        String anchor = e.containsKey("anchor") ? e.get("anchor").choice(List.of("center", "left", "right", "above", "below")) : "center";
        yield new Model.Label(e.get("at").numbers(dims), spec.label(v), anchor, look(e, false, false));
      }
      default -> throw v.error("unknown plot kind " + kind);
    };
  }

  private Model.Curve function(Map<String, SpecNode> e, SpecNode v, String label) {
    Expr f = Expr.compile(v, v.text());
    if (f.mentions("y") || f.mentions("t")) throw new SpecException("figure-expr", v.pos(), "a function of x may not use y or t: '" + f.source() + "'");
    double[] d = domain(e, "domain");
    int n = samples(e, theme.curveSamples(), 2, 20000);
    List<double[]> pts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double x = d[0] + (d[1] - d[0]) * i / (n - 1);
      pts.add(new double[] {x, f.at(x)});
    }
    return new Model.Curve(pts, true, label, look(e, true, false));
  }

  private Model.Curve parametric(Map<String, SpecNode> e, SpecNode v, String label) {
    List<SpecNode> parts = v.items();
    int dims = threeD ? 3 : 2;
    if (parts.size() != dims) throw v.error("a parametric curve here needs " + dims + " formulas in t, such as [cos(t), sin(t)]");
    List<Expr> fs = new ArrayList<>();
    for (SpecNode p : parts) fs.add(Expr.compile(p, p.text()));
    double[] t = e.containsKey("t") ? e.get("t").range() : new double[] {0, 2 * Math.PI};
    int n = samples(e, theme.curveSamples(), 2, 20000);
    List<double[]> pts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double tt = t[0] + (t[1] - t[0]) * i / (n - 1);
      double[] p = new double[dims];
      for (int k = 0; k < dims; k++) p[k] = fs.get(k).at(0, 0, tt);
      pts.add(p);
    }
    return new Model.Curve(pts, true, label, look(e, true, false));
  }

  /** Points from a CSV file (with column keys x, y and in 3-D z) or written inline as a list of [x, y] pairs. */
  private List<double[]> points(Map<String, SpecNode> e, SpecNode v, int dims) {
    List<double[]> pts = new ArrayList<>();
    if (v.isList()) {
      for (SpecNode p : v.items()) pts.add(p.numbers(dims));
      if (pts.isEmpty()) throw v.error("no points given");
      return pts;
    }
    DataTable t = spec.data(v);
    String[] keys = {"x", "y", "z"};
    double[][] cols = new double[dims][];
    for (int k = 0; k < dims; k++) {
      if (!e.containsKey(keys[k])) throw v.error("name the CSV column for " + keys[k] + " with '" + keys[k] + ": <column>'");
      SpecNode c = e.get(keys[k]);
      cols[k] = t.numbers(c.text(), c);
    }
    if (t.size() == 0) throw new SpecException("figure-data", v.pos(), t.path() + " has no data rows");
    for (int r = 0; r < t.size(); r++) {
      double[] p = new double[dims];
      for (int k = 0; k < dims; k++) p[k] = cols[k][r];
      pts.add(p);
    }
    return pts;
  }

  private Model.Curve fit(Map<String, SpecNode> e, SpecNode v, String label) {
    List<double[]> pts = points(e, v, 2);
    if (pts.size() < 2) throw new SpecException("figure-data", v.pos(), "a fitted line needs at least two points");
    double[][] data = pts.toArray(new double[0][]);
    double[] ab;
    try {
      ab = Regression.getOLSRegression(data);
    } catch (RuntimeException ex) {
      throw new SpecException("figure-data", v.pos(), "cannot fit a line: " + ex.getMessage());
    }
    if (!Double.isFinite(ab[0]) || !Double.isFinite(ab[1])) {
      throw new SpecException("figure-data", v.pos(), "cannot fit a line: all points have the same x");
    }
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double[] p : pts) {
      lo = Math.min(lo, p[0]);
      hi = Math.max(hi, p[0]);
    }
    double[] d = e.containsKey("domain") ? e.get("domain").range() : new double[] {lo, hi};
    String text = label.replace("{slope}", Ticks.format(ab[1], 3)).replace("{intercept}", Ticks.format(ab[0], 3));
    return new Model.Curve(List.of(new double[] {d[0], ab[0] + ab[1] * d[0]}, new double[] {d[1], ab[0] + ab[1] * d[1]}), true, text, look(e, true, false));
  }

  private Model.Bars bars(Map<String, SpecNode> e, SpecNode v, String label, int groups) {
    List<String> cats = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    if (v.isMap()) {
      for (Map.Entry<String, SpecNode> c : v.entries().entrySet()) {
        cats.add(c.getKey());
        vals.add(c.getValue().number());
      }
    } else {
      DataTable t = spec.data(v);
      if (!e.containsKey("x") || !e.containsKey("y")) throw v.error("name the category column with 'x:' and the value column with 'y:'");
      cats.addAll(t.texts(e.get("x").text(), e.get("x")));
      for (double d : t.numbers(e.get("y").text(), e.get("y"))) vals.add(d);
    }
    if (cats.isEmpty()) throw v.error("no bars given");
    double[] values = vals.stream().mapToDouble(Double::doubleValue).toArray();
    return new Model.Bars(cats, null, values, barGroup++, groups, label, look(e, true, false));
  }

  private Model.Bars histogram(Map<String, SpecNode> e, SpecNode v, String label) {
    double[] xs;
    if (v.isList()) {
      xs = v.numbers(0);
    } else {
      DataTable t = spec.data(v);
      if (!e.containsKey("column")) throw v.error("name the CSV column to count with 'column:'");
      xs = t.numbers(e.get("column").text(), e.get("column"));
    }
    if (xs.length == 0) throw new SpecException("figure-data", v.pos(), "no values to count");
    double[] edges;
    SpecNode b = e.get("bins");
    if (b != null && b.isList()) {
      edges = b.numbers(0);
      for (int i = 1; i < edges.length; i++) if (!(edges[i] > edges[i - 1])) throw b.error("bin edges must increase");
      if (edges.length < 2) throw b.error("give at least two bin edges");
    } else {
      int bins = b == null ? theme.histogramBins() : b.integer(1, 500);
      double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
      for (double x : xs) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      if (e.containsKey("range")) {
        double[] r = e.get("range").range();
        lo = r[0];
        hi = r[1];
      }
      if (hi == lo) hi = lo + 1;
      edges = new double[bins + 1];
      for (int i = 0; i <= bins; i++) edges[i] = lo + (hi - lo) * i / bins;
    }
    double[] counts = new double[edges.length - 1];
    for (double x : xs) {
      int k = java.util.Arrays.binarySearch(edges, x);
      int bin = k >= 0 ? Math.min(k, counts.length - 1) : -k - 2;
      if (bin >= 0 && bin < counts.length) counts[bin]++;
    }
    if (e.containsKey("density") && e.get("density").bool()) {
      for (int i = 0; i < counts.length; i++) counts[i] /= xs.length * (edges[i + 1] - edges[i]);
    }
    return new Model.Bars(List.of(), edges, counts, 0, 1, label, look(e, true, false));
  }

  private Model.Fill between(Map<String, SpecNode> e, SpecNode v, String label) {
    Expr upper, lower;
    if (v.isList()) {
      List<SpecNode> two = v.items();
      if (two.size() != 2) throw v.error("'between' takes one formula (area down to y = 0) or two, [f(x), g(x)]");
      upper = Expr.compile(two.get(0), two.get(0).text());
      lower = Expr.compile(two.get(1), two.get(1).text());
    } else {
      upper = Expr.compile(v, v.text());
      lower = Expr.compile(v, "0");
    }
    double[] d = domain(e, "domain");
    int n = samples(e, theme.curveSamples() / 2, 2, 20000);
    List<List<double[]>> polys = new ArrayList<>();
    List<double[]> top = new ArrayList<>(), bottom = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      double x = i == n ? Double.NaN : d[0] + (d[1] - d[0]) * i / (n - 1);
      double a = i == n ? Double.NaN : upper.at(x), b = i == n ? Double.NaN : lower.at(x);
      if (Double.isNaN(a) || Double.isNaN(b)) {
        if (top.size() > 1) {
          List<double[]> poly = new ArrayList<>(top);
          for (int k = bottom.size() - 1; k >= 0; k--) poly.add(bottom.get(k));
          polys.add(poly);
        }
        top.clear();
        bottom.clear();
      } else {
        top.add(new double[] {x, a});
        bottom.add(new double[] {x, b});
      }
    }
    if (polys.isEmpty()) throw new SpecException("figure-expr", v.pos(), "the region is empty: the formulas are undefined over the whole domain");
    return new Model.Fill(polys, false, label, fillLook(e));
  }

  private Model.Inequality inequality(Map<String, SpecNode> e, SpecNode v, String label) {
    List<SpecNode> parts = v.isList() ? v.items() : List.of(v);
    List<Model.Condition> conds = new ArrayList<>();
    for (SpecNode p : parts) {
      for (String c : p.text().split("(?i)\\s+and\\s+")) conds.add(condition(p, c));
    }
    return new Model.Inequality(conds, samples(e, theme.fieldSamples() * 2, 10, 1000), label, fillLook(e));
  }

  private static Model.Condition condition(SpecNode where, String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)(<=|>=|≤|≥|<|>)(.*)$").matcher(text);
    if (!m.matches() || m.group(3).matches(".*(<|>|≤|≥).*")) {
      throw new SpecException("figure-expr", where.pos(), "an inequality compares two sides with <, <=, > or >=, such as 'y <= 2*x + 1'; found '" + text.trim() + "'");
    }
    String op = m.group(2);
    Expr diff = Expr.compile(where, "(" + m.group(1) + ")-(" + m.group(3) + ")");
    boolean greater = op.startsWith(">") || op.equals("≥");
    boolean strict = op.equals("<") || op.equals(">");
    return new Model.Condition(diff, greater, strict);
  }

  private Model.Field field(Map<String, SpecNode> e, SpecNode v, String label, boolean filled) {
    Expr f = Expr.compile(v, v.text());
    if (f.mentions("t")) throw new SpecException("figure-expr", v.pos(), "a field is a formula in x and y, not t");
    double[] levels = null;
    int count = filled ? theme.heatLevels() : theme.contourLevels();
    SpecNode l = e.get("levels");
    if (l != null) {
      if (l.isList()) {
        levels = l.numbers(0);
        java.util.Arrays.sort(levels);
        if (levels.length == 0) throw l.error("give at least one level");
      } else {
        count = l.integer(2, 60);
      }
    }
    return new Model.Field(f, filled, levels, count, samples(e, theme.fieldSamples(), 8, 400), label, look(e, false, false));
  }

  /** Gradient descent on f(x, y) from a start point with a fixed step size; the gradient is taken numerically. */
  private Model.Curve descent(Map<String, SpecNode> e, SpecNode v, String label) {
    Expr f = Expr.compile(v, v.text());
    if (!e.containsKey("from")) throw v.error("gradient descent needs a start point, 'from: [x, y]'");
    double[] p = e.get("from").numbers(2);
    double rate = e.containsKey("rate") ? e.get("rate").number() : theme.descentRate();
    int steps = e.containsKey("steps") ? e.get("steps").integer(1, 10000) : theme.descentSteps();
    if (rate <= 0) throw e.get("rate").error("the rate must be above zero");
    List<double[]> pts = new ArrayList<>();
    pts.add(p.clone());
    for (int i = 0; i < steps; i++) {
      double h = 1e-6 * Math.max(1, Math.hypot(p[0], p[1]));
      double gx = (f.at(p[0] + h, p[1]) - f.at(p[0] - h, p[1])) / (2 * h);
      double gy = (f.at(p[0], p[1] + h) - f.at(p[0], p[1] - h)) / (2 * h);
      if (!Double.isFinite(gx) || !Double.isFinite(gy)) {
        throw new SpecException("figure-expr", v.pos(), "the gradient of '" + f.source() + "' is undefined at (" + Ticks.format(p[0], 4) + ", " + Ticks.format(p[1], 4) + ")");
      }
      p = new double[] {p[0] - rate * gx, p[1] - rate * gy};
      if (Math.abs(p[0]) > 1e12 || Math.abs(p[1]) > 1e12) throw new SpecException("figure-expr", v.pos(), "gradient descent diverges; lower the rate");
      pts.add(p.clone());
    }
    Model.Look base = look(e, true, false);
    String marker = e.containsKey("marker") ? base.marker() : "circle";
    return new Model.Curve(pts, true, label, new Model.Look(base.color(), base.dash(), marker, base.thickness()));
  }

  private double[] domain(Map<String, SpecNode> e, String key) {
    if (e.containsKey(key)) return e.get(key).range();
    if (xAxis.range() != null) return xAxis.range();
    return theme.defaultRange();
  }

  private static int samples(Map<String, SpecNode> e, int dflt, int min, int max) {
    return e.containsKey("samples") ? e.get("samples").integer(min, max) : dflt;
  }

  /** Shaded areas take palette colours in their own order, so a curve drawn over its area keeps the first line style. */
  private Model.Look fillLook(Map<String, SpecNode> e) {
    int saved = series;
    series = fills++;
    Model.Look l = look(e, true, false);
    series = saved;
    String dash = e.containsKey("dash") ? l.dash() : "solid";
    return new Model.Look(l.color(), dash, l.marker(), l.thickness());
  }

  /**
   * The look of a layer: a series (next palette entry, with its own dash and marker) or ink (black, solid), then the
   * author's overrides.
   */
  private Model.Look look(Map<String, SpecNode> e, boolean isSeries, boolean markers) {
    int s = isSeries ? series++ : -1;
    int color = s < 0 ? 0 : theme.seriesColor(s);
    String dash = s < 0 ? "solid" : theme.seriesDash(s);
    String marker = markers ? (s < 0 ? "circle" : theme.seriesMarker(s)) : "none";
    double thick = theme.lineWidth();
    if (e.containsKey("color")) color = theme.colorIndex(e.get("color"));
    if (e.containsKey("dash")) dash = e.get("dash").choice(Theme.DASHES);
    if (e.containsKey("marker")) marker = e.get("marker").choice(Theme.MARKERS);
    if (e.containsKey("thickness")) {
      thick = e.get("thickness").number();
      if (thick <= 0 || thick > 20) throw e.get("thickness").error("thickness is in points, above 0 and at most 20");
    }
    return new Model.Look(color, dash, marker, thick);
  }
}
