package org.bookbuild.figure;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;

/**
 * Draws a stored plotly figure (a notebook's {@code application/vnd.plotly.v1+json} output) as a static vector
 * figure with this stage's own plotting engine: the figure's traces become the layers of one panel (or one 3-D panel),
 * its layout gives the title, axis titles, ranges and legend; colours come from the book's figure palette so that
 * plotly figures look like the book's other figures. Trace types without a printed form are named in a
 * {@code plotly-trace} warning and left out.
 */
public final class PlotlyFigure {
  private static final String VERSION = "bookbuild-plotly-1";

  private PlotlyFigure() {}

  /** Draws {@code fig} ({@code data} and {@code layout}) into the figure cache; never throws for bad input. */
  public static FigureEngine.Rendered render(World world, JsonNode fig, SourcePos pos, Diagnostics diags) {
    Theme theme = Theme.load();
    Model.Figure model;
    try {
      model = new PlotlyReader(theme, pos, diags).figure(fig);
    } catch (RuntimeException e) {
      // a figure JSON shaped unlike anything plotly writes: report it, never fail the build
      diags.error("figure-render", pos, "the plotly figure could not be read (" + e.getClass().getSimpleName() + ")");
      model = new Model.Figure(theme.width(), theme.height(), 1, List.of());
    }
    if (model.panels().isEmpty()) {
      byte[] ph = Placeholder.svg(model.width(), model.height(), "Figure not drawn:", "unreadable plotly figure", theme.fontFamily());
      Path out = world.outputPath(FigureEngine.CACHE_DIR + "plotly-problem-" + key(new String(ph, StandardCharsets.UTF_8)) + ".svg");
      try {
        world.writeAtomically(out, o -> o.write(ph));
      } catch (IOException e) {
        // the diagnostic above already tells the author
      }
      return new FigureEngine.Rendered(out, model.width(), model.height(), false, false);
    }
    String key = key(fig.toString() + "\n" + theme.fingerprint());
    String rel = FigureEngine.CACHE_DIR + "plotly-" + key + ".svg";
    Path out = world.outputPath(rel);
    if (world.exists(rel)) return new FigureEngine.Rendered(out, model.width(), model.height(), true, true);
    byte[] svg;
    synchronized (PlotlyFigure.class) {
      Fonts.ensureBuiltins();
      try {
        Labels labels = new Labels(theme.fontFamily());
        Canvas canvas = new Canvas(model.width(), model.height(), theme.fontFamily());
        Painter painter = new Painter(canvas, theme, labels);
        Model.Panel p = model.panels().get(0);
        Rectangle2D cell = new Rectangle2D.Double(0, 0, model.width(), model.height());
        if (p.threeD()) new Plot3D(painter).draw(p, cell);
        else new Plot2D(painter).draw(p, cell);
        svg = canvas.toBytes();
      } catch (RuntimeException e) {
        diags.error("figure-render", pos, "the plotly figure could not be drawn (" + e + ")");
        svg = Placeholder.svg(model.width(), model.height(), "Figure not drawn:", "plotly figure", theme.fontFamily());
      }
    }
    byte[] bytes = svg;
    try {
      world.writeAtomically(out, o -> o.write(bytes));
    } catch (IOException e) {
      diags.error("figure-render", pos, "cannot write " + out + ": " + e.getMessage());
    }
    return new FigureEngine.Rendered(out, model.width(), model.height(), true, false);
  }

  private static String key(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((VERSION + "\n" + text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Trace types this reader draws, for messages. */
  static final Set<String> SUPPORTED = new LinkedHashSet<>(List.of(
      "scatter", "scattergl", "bar", "histogram", "heatmap", "contour", "scatter3d", "surface"));

  /** Plotly's figure JSON read into the figure model. */
  private static final class PlotlyReader {
    private final Theme theme;
    private final SourcePos pos;
    private final Diagnostics diags;
    private int series;
    private int barGroup;

    PlotlyReader(Theme theme, SourcePos pos, Diagnostics diags) {
      this.theme = theme;
      this.pos = pos;
      this.diags = diags;
    }

    Model.Figure figure(JsonNode fig) {
      JsonNode layout = fig.path("layout");
      List<Model.Layer> layers = new ArrayList<>();
      boolean threeD = false;
      int bars = 0, named = 0;
      for (JsonNode t : fig.path("data")) {
        String type = t.path("type").asText("scatter");
        if (type.equals("bar")) bars++;
        if (type.equals("scatter3d") || type.equals("surface")) threeD = true;
        if (!t.path("name").asText("").isEmpty()) named++;
      }
      double[][] dataRange = {null, null};
      for (JsonNode t : fig.path("data")) {
        String type = t.path("type").asText("scatter");
        String label = t.path("showlegend").asBoolean(true) ? plain(t.path("name").asText("")) : "";
        switch (type) {
          case "scatter", "scattergl", "scatter3d" -> layers.add(scatter(t, label, type.equals("scatter3d")));
          case "bar" -> layers.add(bar(t, label, bars));
          case "histogram" -> layers.add(histogram(t, label));
          case "heatmap", "contour" -> {
            if (threeD) unsupported(type + " in a 3-D figure");
            else layers.add(grid(t, false, dataRange));
          }
          case "surface" -> layers.add(grid(t, true, dataRange));
          default -> unsupported(type);
        }
      }
      boolean legend = layout.has("showlegend") ? layout.path("showlegend").asBoolean() : named > 1;
      JsonNode axes = threeD ? layout.path("scene") : layout;
      Model.Axis x = axis(axes.path("xaxis"), dataRange[0]);
      Model.Axis y = axis(axes.path("yaxis"), dataRange[1]);
      Model.Axis z = axis(axes.path("zaxis"), null);
      double w = theme.width(), h = theme.height();
      double lw = layout.path("width").asDouble(0), lh = layout.path("height").asDouble(0);
      if (lw > 0 && lh > 0) h = Math.max(w * 0.4, Math.min(w * 1.2, w * lh / lw));
      Model.Panel panel = new Model.Panel(title(layout.path("title")), x, y, z, !threeD, legend ? "top-right" : "none",
          false, "box", threeD, theme.azimuth(), theme.elevation(), layers);
      return new Model.Figure(w, h, 1, List.of(panel));
    }

    private void unsupported(String type) {
      diags.warn("plotly-trace", pos, "plotly trace type '" + type + "' is not drawn in print (drawn: "
          + String.join(", ", SUPPORTED) + ")");
    }

    private Model.Axis axis(JsonNode a, double[] fitted) {
      double[] range = null;
      JsonNode r = a.path("range");
      if (r.isArray() && r.size() == 2 && r.get(0).isNumber() && r.get(1).isNumber() && r.get(0).asDouble() < r.get(1).asDouble()) {
        range = new double[] {r.get(0).asDouble(), r.get(1).asDouble()};
      }
      if (range == null) range = fitted;
      return new Model.Axis(title(a.path("title")), range, 0, null);
    }

    private Model.Curve scatter(JsonNode t, String label, boolean threeD) {
      double[] ys = PlotlyArrays.numbers(t.path("y"));
      double[] xs = numericOrIndex(t.path("x"), ys.length, "x");
      double[] zs = threeD ? PlotlyArrays.numbers(t.path("z")) : null;
      int n = Math.min(xs.length, ys.length);
      if (threeD) n = Math.min(n, zs.length);
      List<double[]> pts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) pts.add(threeD ? new double[] {xs[i], ys[i], zs[i]} : new double[] {xs[i], ys[i]});
      String mode = t.path("mode").asText(n < 20 ? "lines+markers" : "lines");
      boolean lines = mode.contains("lines"), markers = mode.contains("markers");
      int s = series++;
      String dash = dash(t.path("line").path("dash").asText(""), s);
      String marker = markers ? marker(t.path("marker").path("symbol").asText(""), s) : "none";
      double thick = t.path("line").path("width").isNumber() ? Math.max(0.3, Math.min(4, t.path("line").path("width").asDouble() * 0.5)) : theme.lineWidth();
      if (!lines) dash = "none";
      return new Model.Curve(pts, lines, label, new Model.Look(theme.seriesColor(s), dash, marker, thick));
    }

    private Model.Bars bar(JsonNode t, String label, int groups) {
      boolean horizontal = t.path("orientation").asText("v").equals("h");
      if (horizontal) diags.warn("plotly-trace", pos, "horizontal bars are drawn vertically in print");
      JsonNode catNode = t.path(horizontal ? "y" : "x"), valNode = t.path(horizontal ? "x" : "y");
      double[] values = PlotlyArrays.numbers(valNode);
      List<String> cats = PlotlyArrays.strings(catNode);
      if (cats.isEmpty()) for (int i = 0; i < values.length; i++) cats.add(String.valueOf(i));
      int n = Math.min(cats.size(), values.length);
      int s = series++;
      return new Model.Bars(new ArrayList<>(cats.subList(0, n)), null, java.util.Arrays.copyOf(values, n), barGroup++,
          groups, label, new Model.Look(theme.seriesColor(s), "solid", "none", theme.lineWidth()));
    }

    private Model.Bars histogram(JsonNode t, String label) {
      double[] xs = PlotlyArrays.numbers(t.path("x"));
      double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
      for (double v : xs) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      if (!(lo < hi)) { lo = Double.isFinite(lo) ? lo - 0.5 : 0; hi = lo + 1; }
      int bins = Math.min(500, t.path("nbinsx").asInt(0));
      if (bins <= 0) bins = (int) Math.max(5, Math.min(50, Math.ceil(Math.sqrt(xs.length))));
      double step = Ticks.step(lo, hi, bins);
      double start = Math.floor(lo / step) * step;
      int k = (int) Math.max(1, Math.ceil((hi - start) / step + 1e-9));
      if (start + k * step <= hi) k++;
      double[] edges = new double[k + 1];
      for (int i = 0; i <= k; i++) edges[i] = start + i * step;
      double[] counts = new double[k];
      for (double v : xs) if (Double.isFinite(v)) counts[(int) Math.min(k - 1, Math.max(0, Math.floor((v - start) / step)))]++;
      int s = series++;
      return new Model.Bars(List.of(), edges, counts, 0, 1, label, new Model.Look(theme.seriesColor(s), "solid", "none", theme.lineWidth()));
    }

    /** A heat map, contour plot or surface from its z grid (rows follow y, columns x), sampled nearest-cell or bilinearly. */
    private Model.Layer grid(JsonNode t, boolean surface, double[][] range) {
      double[][] z = PlotlyArrays.grid(t.path("z"));
      int rows = z.length, cols = rows == 0 ? 0 : z[0].length;
      if (rows == 0 || cols == 0) {
        diags.warn("plotly-trace", pos, "plotly " + t.path("type").asText() + " trace without z values is not drawn");
        return new Model.Curve(List.of(), false, "", new Model.Look(0, "none", "none", 1));
      }
      double[] xs = coords(t, "x", cols), ys = coords(t, "y", rows);
      boolean cellCentred = !surface;
      double[] xr = span(xs, cellCentred), yr = span(ys, cellCentred);
      range[0] = xr;
      range[1] = yr;
      Expr f = Expr.of("plotly " + t.path("type").asText(), (x, y) -> {
        double fi = frac(xs, x), fj = frac(ys, y);
        if (cellCentred) {
          int i = (int) Math.round(fi), j = (int) Math.round(fj);
          return z[Math.max(0, Math.min(rows - 1, j))][Math.max(0, Math.min(cols - 1, i))];
        }
        int i0 = (int) Math.max(0, Math.min(cols - 2, Math.floor(fi))), j0 = (int) Math.max(0, Math.min(rows - 2, Math.floor(fj)));
        int i1 = Math.min(cols - 1, i0 + 1), j1 = Math.min(rows - 1, j0 + 1);
        double a = Math.max(0, Math.min(1, fi - i0)), b = Math.max(0, Math.min(1, fj - j0));
        return (1 - a) * (1 - b) * z[j0][i0] + a * (1 - b) * z[j0][i1] + (1 - a) * b * z[j1][i0] + a * b * z[j1][i1];
      });
      Model.Look look = new Model.Look(0, "solid", "none", theme.lineWidth());
      if (surface) return new Model.Surface(f, Math.max(4, Math.min(40, Math.max(rows, cols) - 1)), "", look);
      int samples = Math.max(8, Math.min(300, 2 * Math.max(rows, cols)));
      return new Model.Field(f, true, null, theme.heatLevels(), samples, "", look);
    }

    private double[] coords(JsonNode t, String key, int n) {
      double[] v = PlotlyArrays.numbers(t.path(key));
      if (v.length >= n) {
        boolean ok = true;
        for (int i = 0; i < n; i++) ok &= Double.isFinite(v[i]);
        if (ok) return java.util.Arrays.copyOf(v, n);
      }
      double[] idx = new double[n];
      for (int i = 0; i < n; i++) idx[i] = i;
      return idx;
    }

    /** Fractional index of {@code v} in the increasing coordinates {@code c}. */
    private static double frac(double[] c, double v) {
      if (c.length == 1) return 0;
      int i = 0;
      while (i < c.length - 2 && v > c[i + 1]) i++;
      double d = c[i + 1] - c[i];
      return d == 0 ? i : i + (v - c[i]) / d;
    }

    private static double[] span(double[] c, boolean cells) {
      double lo = c[0], hi = c[c.length - 1];
      if (lo > hi) { double s = lo; lo = hi; hi = s; }
      if (cells) {
        double half = c.length > 1 ? Math.abs(c[1] - c[0]) / 2 : 0.5;
        return new double[] {lo - half, hi + half};
      }
      return lo < hi ? new double[] {lo, hi} : new double[] {lo - 1, hi + 1};
    }

    private double[] numericOrIndex(JsonNode x, int n, String axis) {
      if (x.isMissingNode() || x.isNull()) {
        double[] idx = new double[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
      }
      double[] v = PlotlyArrays.numbers(x);
      boolean text = false;
      for (int i = 0; i < v.length; i++) text |= Double.isNaN(v[i]) && x.isArray() && x.get(i).isTextual();
      if (text) {
        diags.warn("plotly-axis", pos, "non-numeric " + axis + " values (such as dates) are plotted by their position");
        for (int i = 0; i < v.length; i++) v[i] = i;
      }
      return v;
    }

    private String dash(String plotly, int s) {
      return switch (plotly) {
        case "solid" -> "solid";
        case "dash" -> "dashed";
        case "dot" -> "dotted";
        case "dashdot" -> "dashdot";
        case "longdash", "longdashdot" -> "longdash";
        default -> theme.seriesDash(s);
      };
    }

    private String marker(String symbol, int s) {
      String base = symbol.replaceAll("-open.*|-dot$", "");
      return switch (base) {
        case "circle" -> "circle";
        case "square" -> "square";
        case "diamond" -> "diamond";
        case "cross" -> "plus";
        case "x" -> "cross";
        default -> base.startsWith("triangle") ? "triangle" : theme.seriesMarker(s);
      };
    }

    /** A plotly title: a string or {@code {text: …}}, with its HTML markup removed. */
    private static String title(JsonNode t) {
      String s = t.isTextual() ? t.asText() : t.path("text").asText("");
      return plain(s);
    }

    private static String plain(String s) {
      return s.replaceAll("(?i)<br\\s*/?>", " ").replaceAll("<[^>]*>", "").replace("&amp;", "&").replace("&lt;", "<")
          .replace("&gt;", ">").trim();
    }
  }
}
