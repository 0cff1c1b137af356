package org.bookbuild.figure;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a figure spec (YAML; JSON is a subset) into a {@link Model.Figure}. The top level either holds one panel's
 * keys directly or a {@code panels} list; every panel has a {@code plots} list of layers, each named by its kind key
 * ({@code function: sin(x)}, {@code scatter: data/points.csv} …). See docs/figures.md for the format.
 */
final class SpecReader {
  static final List<String> PANEL_KEYS =
      List.of("title", "x", "y", "z", "grid", "legend", "aspect", "axes", "view", "plots");
  static final List<String> KINDS =
      List.of(
          "function", "parametric", "scatter", "line", "fit", "bars", "histogram", "vector", "segment", "point",
          "polygon", "between", "inequality", "contour", "heatmap", "descent", "surface", "text");
  private static final List<String> COMMON = List.of("label", "color", "dash", "marker", "thickness");
  private static final Map<String, List<String>> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("function", List.of("domain", "samples"));
    OPTIONS.put("parametric", List.of("t", "samples"));
    OPTIONS.put("scatter", List.of("x", "y", "z"));
    OPTIONS.put("line", List.of("x", "y", "z"));
    OPTIONS.put("fit", List.of("x", "y", "domain"));
    OPTIONS.put("bars", List.of("x", "y"));
    OPTIONS.put("histogram", List.of("column", "bins", "range", "density"));
    OPTIONS.put("vector", List.of("from"));
    OPTIONS.put("segment", List.of());
    OPTIONS.put("point", List.of());
    OPTIONS.put("polygon", List.of());
    OPTIONS.put("between", List.of("domain", "samples"));
    OPTIONS.put("inequality", List.of("samples"));
    OPTIONS.put("contour", List.of("levels", "samples"));
    OPTIONS.put("heatmap", List.of("levels", "samples"));
    OPTIONS.put("descent", List.of("from", "rate", "steps"));
    OPTIONS.put("surface", List.of("samples"));
    OPTIONS.put("text", List.of("at", "anchor"));
  }

  private final World world;
  private final String specFile;
  private final Theme theme;
  private final Labels labels;
  /** Data files read, in order, for the cache key. */
  final Map<String, byte[]> dataFiles = new LinkedHashMap<>();

  SpecReader(World world, String specFile, Theme theme, Labels labels) {
    this.world = world;
    this.specFile = specFile;
    this.theme = theme;
    this.labels = labels;
  }

  /** Parses YAML text; syntax errors become {@code figure-spec} with the line the parser stopped at. */
  static SpecNode parseYaml(String text, SourcePos base, boolean inline) {
    try {
      LoaderOptions opts = new LoaderOptions();
      opts.setAllowDuplicateKeys(true);
      Node n = new Yaml(opts).compose(new StringReader(text));
      if (n == null) throw new SpecException("figure-spec", base, "the figure spec is empty");
      return new SpecNode(n, base, inline);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
      int col = e.getProblemMark() == null ? 0 : e.getProblemMark().getColumn();
      SourcePos p = inline ? new SourcePos(base.file(), base.line() + line, col + 1) : SourcePos.of(base.file(), line + 1, col + 1);
      throw new SpecException("figure-spec", p, "not valid YAML: " + e.getProblem());
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new SpecException("figure-spec", base, "not valid YAML: " + e.getMessage());
    }
  }

  /** The figure's size alone, so a placeholder can take its place even when the rest is wrong. */
  double[] size(SpecNode root) {
    double w = theme.width(), h = theme.height();
    if (root.isMap()) {
      Map<String, SpecNode> e = root.entries();
      try {
        if (e.containsKey("width")) w = length(e.get("width"));
        if (e.containsKey("height")) h = length(e.get("height"));
        else if (e.containsKey("width")) h = w * theme.height() / theme.width();
      } catch (SpecException ignored) {
        // the full read reports it
      }
    }
    return new double[] {w, h};
  }

  Model.Figure read(SpecNode root) {
    Map<String, SpecNode> e = root.entries();
    List<String> allowed = new ArrayList<>(List.of("width", "height", "panels", "columns"));
    allowed.addAll(PANEL_KEYS);
    root.checkKeys(allowed, "a figure");
    double[] wh = size(root);
    if (e.containsKey("width")) length(e.get("width"));
    if (e.containsKey("height")) length(e.get("height"));
    List<Model.Panel> panels = new ArrayList<>();
    if (e.containsKey("panels")) {
      for (String k : PANEL_KEYS) {
        if (e.containsKey(k)) throw new SpecException("figure-spec", root.keyPos(k), "'" + k + "' belongs inside a panel when the figure has 'panels'");
      }
      for (SpecNode p : e.get("panels").items()) {
        p.checkKeys(PANEL_KEYS, "a panel");
        panels.add(panel(p.entries(), p));
      }
      if (panels.isEmpty()) throw e.get("panels").error("'panels' is empty");
    } else {
      panels.add(panel(e, root));
    }
    int columns = e.containsKey("columns") ? e.get("columns").integer(1, 12) : panels.size();
    return new Model.Figure(wh[0], wh[1], Math.min(columns, panels.size()), panels);
  }

  /** A length in points: a number, or a number with unit pt, mm, cm or in. */
  static double length(SpecNode n) {
    Matcher m = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(pt|mm|cm|in)?\\s*").matcher(n.text());
    if (!m.matches()) throw n.error("expected a length such as 300, 300pt, 10cm or 4in, found '" + n.text() + "'");
    double v = Double.parseDouble(m.group(1));
    String u = m.group(2) == null ? "pt" : m.group(2);
    double pt = switch (u) {
      case "mm" -> v * 72 / 25.4;
      case "cm" -> v * 72 / 2.54;
      case "in" -> v * 72;
      default -> v;
    };
    if (pt < 20 || pt > 2000) throw n.error("a figure side must be between 20pt and 2000pt, found " + n.text());
    return pt;
  }

  private Model.Panel panel(Map<String, SpecNode> e, SpecNode where) {
    boolean threeD = e.containsKey("z") || e.containsKey("view");
    String title = e.containsKey("title") ? label(e.get("title")) : "";
    Model.Axis x = e.containsKey("x") ? axis(e.get("x")) : Model.Axis.AUTO;
    Model.Axis y = e.containsKey("y") ? axis(e.get("y")) : Model.Axis.AUTO;
    Model.Axis z = e.containsKey("z") ? axis(e.get("z")) : Model.Axis.AUTO;
    boolean grid = e.containsKey("grid") && e.get("grid").bool();
    String legend =
        e.containsKey("legend")
            ? e.get("legend").choice(List.of("best", "top-right", "top-left", "bottom-right", "bottom-left", "none"))
            : "best";
    boolean equal = e.containsKey("aspect") && e.get("aspect").choice(List.of("equal", "auto")).equals("equal");
    String axes = e.containsKey("axes") ? e.get("axes").choice(List.of("box", "cross", "none")) : "box";
    double az = theme.azimuth(), el = theme.elevation();
    if (e.containsKey("view")) {
      SpecNode v = e.get("view");
      v.checkKeys(List.of("azimuth", "elevation"), "'view'");
      Map<String, SpecNode> ve = v.entries();
      if (ve.containsKey("azimuth")) az = ve.get("azimuth").number();
      if (ve.containsKey("elevation")) el = ve.get("elevation").number();
      if (el < -90 || el > 90) throw ve.get("elevation").error("elevation must be between -90 and 90 degrees");
    }
    if (!e.containsKey("plots")) throw where.error("a panel needs a 'plots' list of things to draw");
    LayerReader lr = new LayerReader(this, threeD, x, y);
    List<Model.Layer> layers = new ArrayList<>();
    int barSeries = 0;
    for (SpecNode l : e.get("plots").items()) {
      if (kindOf(l).equals("bars")) barSeries++;
    }
    for (SpecNode l : e.get("plots").items()) layers.add(lr.layer(l, kindOf(l), barSeries));
    return new Model.Panel(title, x, y, z, grid, legend, equal, axes, threeD, az, el, layers);
  }

  /** The kind key of a layer: exactly one of {@link #KINDS}. */
  static String kindOf(SpecNode l) {
    String kind = null;
    for (String k : l.entries().keySet()) {
      if (KINDS.contains(k)) {
        if (kind != null) throw new SpecException("figure-spec", l.keyPos(k), "one plot entry names two kinds, '" + kind + "' and '" + k + "'; make two entries");
        kind = k;
      }
    }
    if (kind == null) throw l.error("a plot entry needs one of: " + String.join(", ", KINDS));
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.add(kind);
    allowed.addAll(OPTIONS.get(kind));
    l.checkKeys(allowed, "a '" + kind + "' entry");
    return kind;
  }

  private Model.Axis axis(SpecNode n) {
    if (n.isScalar()) return new Model.Axis(label(n), null, 0, null);
    n.checkKeys(List.of("label", "range", "ticks"), "an axis");
    Map<String, SpecNode> e = n.entries();
    String label = e.containsKey("label") ? label(e.get("label")) : "";
    double[] range = e.containsKey("range") ? e.get("range").range() : null;
    double step = 0;
    double[] ticks = null;
    if (e.containsKey("ticks")) {
      SpecNode t = e.get("ticks");
      if (t.isList()) {
        ticks = t.numbers(0);
      } else {
        step = t.number();
        if (step <= 0) throw t.error("a tick step must be above zero");
        if (range != null && (range[1] - range[0]) / step > 200) throw t.error("this tick step gives more than 200 ticks");
      }
    }
    return new Model.Axis(label, range, step, ticks);
  }

  /** A label, checked now: its {@code $…$} parts must be valid TeX. */
  String label(SpecNode n) {
    String s = n.text();
    String problem = labels.check(s);
    if (problem != null) throw new SpecException("figure-label", n.pos(), "cannot typeset label '" + s + "': " + problem);
    return s;
  }

  /** Reads a data file named in the spec, relative to the spec's folder, else to {@code figures/}. */
  DataTable data(SpecNode n) {
    String name = n.text().trim();
    String path;
    try {
      path = world.resolve(specFile, name);
      if (!world.exists(path) && world.exists(world.resolve("figures/x", name))) path = world.resolve("figures/x", name);
    } catch (IOException e) {
      throw new SpecException("figure-data", n.pos(), "data file '" + name + "' lies outside the project");
    }
    if (!world.exists(path)) throw new SpecException("figure-data", n.pos(), "data file '" + name + "' not found (looked for " + path + ")");
    try {
      byte[] bytes = world.read(path);
      dataFiles.put(path, bytes);
      return DataTable.parse(path, bytes);
    } catch (IOException e) {
      throw new SpecException("figure-data", n.pos(), "cannot read data file " + path + ": " + e.getMessage());
    }
  }

  Theme theme() {
    return theme;
  }
}
