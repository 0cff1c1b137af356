package org.bookbuild.figure;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The look of generated figures as data: fonts, sizes, palettes, dash patterns, sampling defaults. Loaded from
 * {@code theme.yml} beside this class; the book's font family and size can replace the defaults.
 */
final class Theme {
  static final List<String> DASHES = List.of("solid", "dashed", "dotted", "dashdot", "longdash", "none");
  static final List<String> MARKERS = List.of("circle", "square", "triangle", "diamond", "cross", "plus", "none");

  private final Map<String, Object> m;
  private final Map<String, Color> palette = new LinkedHashMap<>();
  private final List<String> names = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private Theme(Map<String, Object> m) {
    this.m = m;
    for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("palette")).entrySet()) {
      palette.put(e.getKey(), Color.decode(String.valueOf(e.getValue())));
      names.add(e.getKey());
    }
  }

  /** {@code theme.yml}, read once per process: a class-path file, and no theme changes what it holds. */
  private static Theme base;

  static synchronized Theme load() {
    if (base != null) return base;
    try (InputStream in = Theme.class.getResourceAsStream("theme.yml")) {
      Map<String, Object> m = new Yaml(new LoaderOptions()).load(in);
      base = new Theme(m);
      return base;
    } catch (IOException e) {
      throw new IllegalStateException("figure theme missing from the build", e);
    }
  }

  /** A copy with the book's text font; {@code size <= 0} keeps the default size. */
  Theme withFont(String family, double size) {
    Map<String, Object> c = new LinkedHashMap<>(m);
    if (family != null && !family.isBlank()) c.put("font-family", family);
    if (size > 0) c.put("font-size", size);
    return new Theme(c);
  }

  /** Everything that changes the drawing, for the cache key. */
  String fingerprint() {
    String f = fingerprint;
    if (f == null) fingerprint = f = new java.util.TreeMap<>(m).toString();
    return f;
  }

  private volatile String fingerprint;

  String fontFamily() {
    return String.valueOf(m.get("font-family"));
  }

  double fontSize() {
    return num("font-size");
  }

  double labelSize() {
    return fontSize() * num("label-scale");
  }

  double titleSize() {
    return fontSize() * num("title-scale");
  }

  double width() {
    return num("width");
  }

  double height() {
    return num("height");
  }

  double lineWidth() {
    return num("line-width");
  }

  double axisWidth() {
    return num("axis-width");
  }

  Color grid() {
    float g = (float) num("grid-gray");
    return new Color(g, g, g);
  }

  Color ink() {
    return Color.BLACK;
  }

  Color color(int index) {
    return palette.get(names.get(Math.floorMod(index, names.size())));
  }

  /** A colour mixed with white, for shaded areas and bars. */
  Color tint(int index) {
    Color c = color(index);
    double a = num("fill-tint");
    return new Color(mix(c.getRed(), a), mix(c.getGreen(), a), mix(c.getBlue(), a));
  }

  /** A colour made translucent, for shaded regions that may overlap each other. */
  Color wash(int index) {
    Color c = color(index);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * num("fill-alpha")));
  }

  private static int mix(int v, double a) {
    return (int) Math.round(255 - (255 - v) * a);
  }

  /** A palette entry named by the author: a colour name or a 1-based series number. */
  int colorIndex(SpecNode n) {
    String t = n.text().trim();
    if (t.matches("[0-9]+")) return seriesColor(n.integer(1, 99) - 1);
    int k = names.indexOf(t);
    if (k < 0) throw n.error("unknown colour '" + t + "'; use a series number or one of " + String.join(", ", names));
    return k;
  }

  int seriesColor(int s) {
    return names.indexOf(pick("series-colors", s));
  }

  String seriesDash(int s) {
    return pick("series-dashes", s);
  }

  String seriesMarker(int s) {
    return pick("series-markers", s);
  }

  @SuppressWarnings("unchecked")
  float[] dash(String name) {
    List<Object> d = (List<Object>) ((Map<String, Object>) m.get("dashes")).get(name);
    if (d == null || d.isEmpty()) return null;
    float[] out = new float[d.size()];
    for (int i = 0; i < out.length; i++) out[i] = ((Number) d.get(i)).floatValue();
    return out;
  }

  /** The sequential scale at {@code u} in [0, 1]. */
  @SuppressWarnings("unchecked")
  Color sequential(double u) {
    List<Object> stops = (List<Object>) m.get("sequential");
    double p = Math.max(0, Math.min(1, u)) * (stops.size() - 1);
    int i = Math.min((int) Math.floor(p), stops.size() - 2);
    double f = p - i;
    Color a = Color.decode(String.valueOf(stops.get(i))), b = Color.decode(String.valueOf(stops.get(i + 1)));
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
  }

  int curveSamples() {
    return (int) num("curve-samples");
  }

  int fieldSamples() {
    return (int) num("field-samples");
  }

  int surfaceSamples() {
    return (int) num("surface-samples");
  }

  int contourLevels() {
    return (int) num("contour-levels");
  }

  int heatLevels() {
    return (int) num("heat-levels");
  }

  int histogramBins() {
    return (int) num("histogram-bins");
  }

  @SuppressWarnings("unchecked")
  double[] defaultRange() {
    List<Object> r = (List<Object>) m.get("default-range");
    return new double[] {((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue()};
  }

  double azimuth() {
    return num("azimuth");
  }

  double elevation() {
    return num("elevation");
  }

  double descentRate() {
    return num("descent-rate");
  }

  int descentSteps() {
    return (int) num("descent-steps");
  }

  double markerSize() {
    return num("marker-size");
  }

  double arrowSize() {
    return num("arrow-size");
  }

  String placeholderHeading() {
    return String.valueOf(m.get("placeholder-heading"));
  }

  @SuppressWarnings("unchecked")
  private String pick(String key, int s) {
    List<Object> l = (List<Object>) m.get(key);
    return String.valueOf(l.get(Math.floorMod(s, l.size())));
  }

  private double num(String key) {
    return ((Number) m.get(key)).doubleValue();
  }
}
