package org.bookbuild.figure;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.RecordingWorld;
import org.bookbuild.io.World;

/**
 * The figure stage's entry point: turns a figure spec (a file under {@code figures/} or the body of a {@code plot}
 * directive) into an SVG file under {@code out/.cache/figures/}, named by a hash of everything that affects the
 * drawing, so an unchanged figure is reused rather than redrawn. Problems become diagnostics ({@code figure-spec},
 * {@code figure-expr}, {@code figure-data}, {@code figure-label}) and a framed placeholder of the figure's size;
 * this class never throws for bad input.
 */
public final class FigureEngine {
  /** Bump when drawing changes, so old cached figures are not reused. */
  private static final String VERSION = "bookbuild-figure-1";
  static final String CACHE_DIR = "out/.cache/figures/";
  private static final Object LOCK = new Object();

  private final World world;
  private final Theme theme;

  /**
   * A drawn figure: the SVG file, its size in points, whether it is the real figure ({@code ok}) or a placeholder,
   * and whether it came from the cache.
   */
  public record Rendered(Path svg, double widthPt, double heightPt, boolean ok, boolean fromCache) {}

  public FigureEngine(World world) {
    this(world, null, 0);
  }

  /**
   * An engine whose figure text uses the book's font family and size ({@code null}/0 keep the defaults). A family
   * Java2D does not know (register its faces first with {@link #registerFace}) falls back to the default, because
   * Batik would otherwise name a substitute face in the SVG.
   */
  public FigureEngine(World world, String fontFamily, double fontSizePt) {
    this.world = world;
    Theme base = Theme.load();
    boolean usable = fontFamily != null && !fontFamily.isBlank()
        && (fontFamily.equals(base.fontFamily()) || Fonts.known(fontFamily));
    this.theme = base.withFont(usable ? fontFamily : null, fontSizePt);
  }

  /** Makes a TrueType/OpenType face of the book usable for figure text; returns its family name or null. */
  public static String registerFace(byte[] fontFile) {
    return Fonts.register(fontFile);
  }

  /**
   * Makes one of the tool's own font files ({@code World.builtin}) usable for figure text, once per process: the tool's
   * files do not change while it runs, and reading and registering a face again (Java2D copies it to a temporary file)
   * cost every {@code book watch} rebuild tens of milliseconds before its preview.
   */
  public static void registerBuiltinFace(World world, String resource) {
    Fonts.registerBuiltin(resource, () -> world.builtin(resource));
  }

  /** Whether a path names a figure spec rather than an image. */
  public static boolean isSpec(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.endsWith(".yml") || p.endsWith(".yaml") || p.endsWith(".json");
  }

  /** Renders the spec file at project-relative {@code specPath}; {@code ref} is where the book asks for it. */
  public Rendered renderFile(String specPath, SourcePos ref, Diagnostics diags) {
    String text;
    try {
      text = new String(world.read(specPath), StandardCharsets.UTF_8);
    } catch (IOException e) {
      diags.error("figure-spec", ref, "figure spec '" + specPath + "' cannot be read: " + e.getMessage());
      return placeholder(theme.width(), theme.height(), "figure spec not found: " + specPath, specPath);
    }
    return render(text, SourcePos.of(specPath, 1, 1), false, specPath, diags);
  }

  /** Renders a spec written inline (a {@code plot} directive's body starting at {@code bodyPos}). */
  public Rendered renderInline(String text, SourcePos bodyPos, Diagnostics diags) {
    return render(text, bodyPos, true, bodyPos.isKnown() ? bodyPos.file() : "figures/inline.yml", diags);
  }

  /** Static form for callers that need no engine instance. */
  public static Rendered render(World world, String specPath, SourcePos ref, Diagnostics diags) {
    return new FigureEngine(world).renderFile(specPath, ref, diags);
  }

  /** A figure found drawn in the cache: what reading its spec asked the world (data files), its file and size. */
  private record Drawn(List<RecordingWorld.Fact> asked, String rel, double widthPt, double heightPt) {}

  /**
   * Figures recently found drawn, by everything that went into reading their spec: {@code book watch} builds the book
   * again for every edit, and reading each spec (sampling its functions, reading its data) again only to find its SVG
   * in the cache was a fifth of the transform stage. One is taken from here while every answer the world gave its
   * reading (data files found and read) stands and its SVG is still in the cache.
   */
  private static final Map<String, Drawn> DRAWN = new java.util.LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Drawn> eldest) {
      return size() > 512;
    }
  };

  private Rendered render(String text, SourcePos base, boolean inline, String specFile, Diagnostics diags) {
    synchronized (LOCK) {
      String seen = theme.fingerprint() + "\0" + base + "\0" + inline + "\0" + specFile + "\0"
          + world.outputPath(CACHE_DIR) + "\0" + text;
      Drawn drawn = DRAWN.get(seen);
      if (drawn != null && stillDrawn(drawn)) {
        return new Rendered(world.outputPath(drawn.rel()), drawn.widthPt(), drawn.heightPt(), true, true);
      }
      double[] size = {theme.width(), theme.height()};
      Labels labels = new Labels(theme.fontFamily());
      labels.setChecking(false);
      RecordingWorld asked = new RecordingWorld(world);
      SpecReader reader = new SpecReader(asked, specFile, theme, labels);
      SpecNode root;
      Model.Figure fig;
      try {
        root = SpecReader.parseYaml(text, base, inline);
        size = reader.size(root);
        fig = reader.read(root);
      } catch (SpecException e) {
        diags.error(e.ruleId(), e.pos(), e.getMessage());
        return placeholder(size[0], size[1], e.getMessage(), text);
      } catch (RuntimeException e) {
        // a bug of ours, not the author's: still a diagnostic and a placeholder, never a stack trace
        diags.error("figure-render", base, "the figure spec could not be read (" + e + ")");
        return placeholder(size[0], size[1], "the figure spec could not be read", text);
      }
      String key = key(text, reader.dataFiles);
      String rel = CACHE_DIR + key + ".svg";
      Path out = world.outputPath(rel);
      if (world.exists(rel)) {
        if (!asked.unknown()) DRAWN.put(seen, new Drawn(asked.facts(), rel, fig.width(), fig.height()));
        return new Rendered(out, fig.width(), fig.height(), true, true);
      }
      // not drawn before: read again with the labels' TeX checked, then draw
      labels.setChecking(true);
      try {
        fig = new SpecReader(world, specFile, theme, labels).read(root);
      } catch (SpecException e) {
        diags.error(e.ruleId(), e.pos(), e.getMessage());
        return placeholder(size[0], size[1], e.getMessage(), text);
      }
      Fonts.ensureBuiltins();
      byte[] svg;
      try {
        svg = draw(fig, labels);
      } catch (SpecException e) {
        diags.error(e.ruleId(), e.pos(), e.getMessage());
        return placeholder(fig.width(), fig.height(), e.getMessage(), text);
      } catch (RuntimeException e) {
        diags.error("figure-render", base, "the figure could not be drawn (" + e + ")");
        return placeholder(fig.width(), fig.height(), "the figure could not be drawn", text);
      }
      try {
        world.writeAtomically(out, o -> o.write(svg));
      } catch (IOException e) {
        diags.error("figure-render", base, "cannot write " + out + ": " + e.getMessage());
      }
      return new Rendered(out, fig.width(), fig.height(), true, false);
    }
  }

  /** Minimum resolution for print; below it a raster image looks soft. */
  public static final double PRINT_DPI = 300;

  /**
   * Measures a static image (project-relative path) from its header. Returns null, with an {@code image-unreadable}
   * warning, when the file cannot be read or is not a PNG, JPEG or SVG file.
   */
  public static ImageInfo measureImage(World world, String path, SourcePos pos, Diagnostics diags) {
    ImageInfo info;
    try {
      info = ImageInfo.probe(world.read(path));
    } catch (IOException e) {
      info = null;
    }
    if (info == null) diags.warn("image-unreadable", pos, "cannot read the size of " + path + " (not a PNG, JPEG or SVG file)");
    return info;
  }

  /** Warns ({@code image-resolution}, naming the file) when a raster image placed this wide prints below {@link #PRINT_DPI}. */
  public static void checkResolution(String path, ImageInfo info, double placedWidthPt, SourcePos pos, Diagnostics diags) {
    if (info.isRaster() && placedWidthPt > 0) {
      double dpi = info.pixelWidth() / (placedWidthPt / 72);
      if (dpi < PRINT_DPI - 0.5) {
        diags.report(org.bookbuild.diag.Diagnostic.warning("image-resolution", pos,
            String.format(java.util.Locale.ROOT, "%s is %d pixels wide and prints %.0fpt wide, only %.0f dpi (print needs %.0f)",
                path, info.pixelWidth(), placedWidthPt, dpi, PRINT_DPI))
            .withHint(String.format(java.util.Locale.ROOT, "use a file at least %d pixels wide, an SVG, or a smaller width",
                (int) Math.ceil(placedWidthPt / 72 * PRINT_DPI))));
      }
    }
  }

  private byte[] draw(Model.Figure fig, Labels labels) {
    Canvas canvas = new Canvas(fig.width(), fig.height(), theme.fontFamily());
    Painter painter = new Painter(canvas, theme, labels);
    int cols = fig.columns(), rows = (fig.panels().size() + cols - 1) / cols;
    double cw = fig.width() / cols, ch = fig.height() / rows;
    for (int i = 0; i < fig.panels().size(); i++) {
      Rectangle2D cell = new Rectangle2D.Double((i % cols) * cw, (i / cols) * ch, cw, ch);
      Model.Panel p = fig.panels().get(i);
      if (p.threeD()) new Plot3D(painter).draw(p, cell);
      else new Plot2D(painter).draw(p, cell);
    }
    return canvas.toBytes();
  }

  /** Whether every answer the world gave a drawn figure's reading stands and its SVG is still in the cache. */
  private boolean stillDrawn(Drawn d) {
    return RecordingWorld.holds(d.asked(), world) && world.exists(d.rel());
  }

  private Rendered placeholder(double w, double h, String message, String text) {
    byte[] svg = Placeholder.svg(w, h, theme.placeholderHeading(), message, theme.fontFamily());
    Path out = world.outputPath(CACHE_DIR + "problem-" + hash(svg).substring(0, 24) + ".svg");
    try {
      world.writeAtomically(out, o -> o.write(svg));
    } catch (IOException e) {
      // the diagnostic already tells the author; the FO writer's own missing-file check covers the rest
    }
    return new Rendered(out, w, h, false, false);
  }

  private String key(String text, Map<String, byte[]> data) {
    StringBuilder sb = new StringBuilder(VERSION).append('\n').append(theme.fingerprint()).append('\n').append(text);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> e : data.entrySet()) {
        md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        md.update(e.getValue());
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
