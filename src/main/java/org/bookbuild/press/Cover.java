package org.bookbuild.press;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bookbuild.fo.FoWriter;
import org.bookbuild.fo.LicenseBadge;
import org.bookbuild.fo.Xml;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.License;
import org.bookbuild.style.Style;

/**
 * The full-wrap cover as XSL-FO: one page of width 2 × trim + spine + 2 × bleed and height trim + 2 × bleed, laid out
 * as back panel, spine and front panel. The front carries title, subtitle, authors, edition and an optional image;
 * the spine title, authors and edition (only from the press's minimum page count); the back the description, the
 * licence badge and statement, and a clear area for the barcode at its bottom right. Colour bands run into the bleed;
 * text keeps to each panel's safety zone. Looks come from the style's {@code cover.*} roles, words from its strings.
 */
public final class Cover {
  private Cover() {}

  /** Barcode area: 2 × 1.2 in at the bottom right of the back panel, inside its safety zone. */
  public static final double BARCODE_W = 2 * 72, BARCODE_H = 1.2 * 72;

  /** A rectangle in points, from the top left of the cover's MediaBox (FO's coordinates). */
  public record Rect(double x, double y, double w, double h) {
    public Rect inset(double d) {
      return new Rect(x + d, y + d, w - 2 * d, h - 2 * d);
    }

    public double right() {
      return x + w;
    }

    public double bottom() {
      return y + h;
    }
  }

  /**
   * The cover's geometry in points: trim of one panel, spine width, bleed, the safety inset of text, and whether the
   * spine carries text.
   */
  public record Geometry(double trimW, double trimH, double spine, double bleed, double safety, double spineSafety,
      boolean spineText, int pages, String paper) {
    public double width() {
      return 2 * trimW + spine + 2 * bleed;
    }

    public double height() {
      return trimH + 2 * bleed;
    }

    public Rect back() {
      return new Rect(bleed, bleed, trimW, trimH);
    }

    public Rect spineRect() {
      return new Rect(bleed + trimW, bleed, spine, trimH);
    }

    public Rect front() {
      return new Rect(bleed + trimW + spine, bleed, trimW, trimH);
    }

    public Rect barcode() {
      Rect b = back().inset(safety);
      return new Rect(b.right() - BARCODE_W, b.bottom() - BARCODE_H, BARCODE_W, BARCODE_H);
    }
  }

  /** Geometry for a book of {@code pages} interior pages on {@code paper}; fails for a paper the press does not list. */
  public static Geometry geometry(Style style, Press press, int pages, String paper) {
    if (press.screen() || press.cover() == null) throw new Presses.PressException("press '" + press.name() + "' makes no cover");
    Double spine = press.cover().spine(pages, paper);
    if (spine == null) {
      throw new Presses.PressException("press '" + press.name() + "' has no paper '" + paper + "'; it knows "
          + String.join(", ", new java.util.TreeSet<>(press.cover().paper().keySet())));
    }
    double design = style.pageSettings().containsKey("cover-margin") ? Length.pt(style.page("cover-margin")) : 0;
    return new Geometry(Length.pt(style.page("width")), Length.pt(style.page("height")), spine, press.cover().bleed(),
        Math.max(press.cover().safety(), design), press.cover().spineSafety(), pages >= press.cover().spineTextFrom(),
        pages, paper);
  }

  /** The cover as FO; {@code image} a project path for the front image or null. */
  public static String fo(Geometry g, Metadata meta, Style style, String image) {
    Xml x = new Xml();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.start("fo:root").attr("xmlns:fo", FoWriter.FO_NS).attr("xmlns:fox", FoWriter.FOX_NS).attr("language", meta.language());
    x.start("fo:layout-master-set").start("fo:simple-page-master").attr("master-name", "cover")
        .attr("page-width", pt(g.width())).attr("page-height", pt(g.height())).attr("margin", "0pt");
    x.start("fo:region-body").attr("margin", "0pt").end();
    x.end().end();
    org.bookbuild.fo.Declarations.write(x, meta, style);
    x.start("fo:page-sequence").attr("master-reference", "cover").attrs(style.role("body")).attrs(style.role("cover.page"));
    x.start("fo:flow").attr("flow-name", "xsl-region-body");

    // Colour bands: across the top of the front and the back, through the bleed at the outside edges and the top.
    Map<String, String> band = style.role("cover.band");
    double bandH = g.bleed() + g.trimH() * fraction(band.get("height"), 0.42);
    box(x, new Rect(0, 0, g.width(), bandH), Map.of("background-color", band.getOrDefault("background-color", "#1f3f7a")));
    // the spine in the band colour from edge to edge, its text in the band's ink
    box(x, new Rect(g.spineRect().x(), 0, g.spine(), g.height()), Map.of("background-color", band.getOrDefault("background-color", "#1f3f7a")));
    Map<String, String> foot = style.role("cover.foot");
    if (foot.containsKey("background-color")) {
      double footH = g.bleed() + g.trimH() * fraction(foot.get("height"), 0.06);
      box(x, new Rect(0, g.height() - footH, g.width(), footH), Map.of("background-color", foot.get("background-color")));
    }

    double footTop = foot.containsKey("background-color") ? g.height() - g.bleed() - g.trimH() * fraction(foot.get("height"), 0.06) : g.height();
    front(x, g, meta, style, image, bandH, footTop);
    spine(x, g, meta, style);
    back(x, g, meta, style, bandH);

    x.start("fo:block").end();
    x.end().end().end();
    return x.toString();
  }

  private static void front(Xml x, Geometry g, Metadata meta, Style style, String image, double bandH, double footTop) {
    Rect f0 = g.front().inset(g.safety());
    Rect f = new Rect(f0.x(), f0.y(), f0.w(), Math.min(f0.bottom(), footTop - 12) - f0.y());
    double titleTop = f.y();
    double titleH = bandH - titleTop - 6;
    container(x, new Rect(f.x(), titleTop, f.w(), titleH), "after");
    block(x, style, "cover.title", meta.title());
    block(x, style, "cover.subtitle", meta.subtitle());
    x.end();
    double below = bandH + 18;
    double rest = f.bottom() - below;
    if (image != null && !image.isBlank()) {
      container(x, new Rect(f.x(), below, f.w(), rest * 0.55), "center");
      x.start("fo:block").attr("text-align", "center").attr("line-height", "0");
      x.start("fo:external-graphic").attr("src", "url(project:" + java.net.URLEncoder.encode(image, java.nio.charset.StandardCharsets.UTF_8).replace("%2F", "/") + ")").attr("content-width", "scale-down-to-fit")
          .attr("content-height", "scale-down-to-fit").attr("width", pt(f.w())).attr("height", pt(rest * 0.55 - 4))
          .attr("scaling", "uniform").end();
      x.end();
      x.end();
    }
    container(x, new Rect(f.x(), f.bottom() - rest * 0.4, f.w(), rest * 0.4), "after");
    if (!meta.authors().isEmpty()) block(x, style, "cover.authors", meta.authorNames());
    block(x, style, "cover.edition", meta.edition());
    x.end();
  }

  private static void spine(Xml x, Geometry g, Metadata meta, Style style) {
    if (!g.spineText()) return;
    Rect s = g.spineRect();
    double across = g.spine() - 2 * g.spineSafety();
    Map<String, String> role = style.role("cover.spine");
    double size = Math.min(fontSize(role.get("font-size"), 11), across * 0.62);
    // Read top to bottom (the North American and British convention): the reference area turned a quarter clockwise.
    // FOP takes width as the turned container's inline dimension (along the spine) and height across it.
    x.start("fo:block-container").attr("absolute-position", "absolute").attr("left", pt(s.x() + g.spineSafety()))
        .attr("top", pt(s.y() + g.safety())).attr("width", pt(s.h() - 2 * g.safety())).attr("height", pt(across))
        .attr("reference-orientation", "-90").attr("display-align", "center");
    x.start("fo:block").attrs(role).attr("font-size", pt(size)).attr("line-height", pt(size * 1.15))
        .attr("text-align-last", "justify").attr("wrap-option", "no-wrap");
    x.start("fo:inline").attrs(style.role("cover.spine.title")).text(meta.title()).end();
    x.start("fo:leader").attr("leader-pattern", "space").end();
    x.text(meta.authors().isEmpty() ? "" : meta.authors().get(0).name() + (meta.authors().size() > 1 ? " et al." : ""));
    if (meta.edition() != null && !meta.edition().isBlank()) {
      x.start("fo:leader").attr("leader-pattern", "space").attr("leader-length.minimum", "1em").attr("leader-length.optimum", "2em")
          .attr("leader-length.maximum", "3em").end();
      x.text(meta.edition());
    }
    x.end();
    x.end();
  }

  private static void back(Xml x, Geometry g, Metadata meta, Style style, double bandH) {
    Rect b = g.back().inset(g.safety());
    container(x, new Rect(b.x(), bandH + 18, b.w(), g.barcode().y() - bandH - 36), "before");
    if (meta.description() != null && !meta.description().isBlank()) block(x, style, "cover.description", meta.description());
    License lic = License.lookup(style, meta.license());
    if (lic != null) {
      Map<String, String> colours = style.role("copyright.badge-colours");
      x.start("fo:block").attrs(style.role("cover.badge-block"));
      x.start("fo:instream-foreign-object").attr("fox:alt-text", style.string("copyright.badge-alt", "short", lic.shortName()))
          .attrs(style.role("cover.badge"));
      LicenseBadge.write(x, lic.badge(), colours.getOrDefault("ink", "black"), colours.getOrDefault("paper", "white"));
      x.end();
      x.end();
      x.start("fo:block").attrs(style.role("cover.licence"));
      x.text(style.string(lic.dedication() ? "copyright.statement.dedication" : "copyright.statement.license",
          "name", lic.name(), "short", lic.shortName()));
      x.text(" ").text(style.string(lic.dedication() ? "copyright.visit.dedication" : "copyright.visit.license").replace("{url}", lic.url()));
      x.end();
    }
    x.end();
    // the barcode area stays clear: paper white, nothing printed in it
    box(x, g.barcode(), Map.of("background-color", "#ffffff"));
  }

  private static void container(Xml x, Rect r, String align) {
    x.start("fo:block-container").attr("absolute-position", "absolute").attr("left", pt(r.x())).attr("top", pt(r.y()))
        .attr("width", pt(r.w())).attr("height", pt(Math.max(r.h(), 1))).attr("display-align", align).attr("overflow", "hidden");
  }

  private static void box(Xml x, Rect r, Map<String, String> props) {
    container(x, r, "before");
    x.attrs(new java.util.TreeMap<>(props));
    x.start("fo:block").end();
    x.end();
  }

  private static void block(Xml x, Style style, String role, String text) {
    if (text == null || text.isBlank()) return;
    x.start("fo:block").attrs(style.role(role)).text(text.strip()).end();
  }

  private static double fraction(String v, double dflt) {
    if (v == null) return dflt;
    String s = v.strip();
    return s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
  }

  private static double fontSize(String v, double dflt) {
    return v == null ? dflt : Length.pt(v);
  }

  static String pt(double v) {
    return String.format(Locale.ROOT, "%.3fpt", v);
  }
}
