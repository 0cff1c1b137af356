package org.bookbuild.fo;

import java.util.Locale;
import org.bookbuild.io.SandboxException;
import org.bookbuild.model.Inline;

/**
 * Images as {@code fo:external-graphic}. Sources are project files read through the build's {@code World}
 * ({@code project:} URIs, resolved by the render stage), or files the figure stage generated (attribute {@code asset}).
 * Remote URLs are never fetched: a placeholder and a warning instead. Images are scaled down to the column, never up.
 */
final class Images {
  /** URI scheme under which FOP reads project files through the World. */
  static final String PROJECT_SCHEME = "project:";

  private Images() {}

  static void inline(Inline.Image im, Fo fo) {
    String src = im.attr().get("asset");
    if (src != null && !assetAllowed(im, src, fo)) return;
    if (src == null) src = projectUri(im, fo);
    if (src == null) return;
    fo.xml().start("fo:external-graphic").attr("src", "url(" + src + ")");
    String width = im.attr().get("width");
    if (width == null) width = tallWidth(im, fo);
    if (width != null) {
      fo.xml().attr("width", length(width)).attr("content-width", "scale-to-fit").attr("content-height", "scale-to-fit")
          .attr("scaling", "uniform");
    } else {
      fo.xml().attr("width", "100%").attr("content-width", "scale-down-to-fit").attr("content-height", "scale-down-to-fit")
          .attr("scaling", "uniform");
    }
    fo.xml().attr("text-align", im.attr().get("align", "center"));
    // PDF/UA: every Figure has alternative text. Figures got their caption (transform.FigureAltText); a bare image
    // without either is named by its file.
    String alt = fo.plainText(im.alt()).strip();
    if (alt.isEmpty()) {
      String name = im.src().substring(im.src().lastIndexOf('/') + 1);
      alt = fo.style().string("image.alt-fallback", "file", name.isEmpty() ? im.src() : name);
    }
    fo.xml().attr("fox:alt-text", alt);
    fo.xml().end();
  }

  /**
   * The width that keeps a picture with no width of its own within the style's {@code image-max-height} (a fraction of
   * the text block's height, page setting; LaTeX authors write {@code height=0.7\textheight,keepaspectratio}): a tall
   * plot at full column width would fill a page and tear its heading, or a chapter's title, from the text before it.
   * Null when the picture is short enough or its size is not known.
   */
  static String tallWidth(Inline.Image im, Fo fo) {
    double w = number(im.attr().get("width-pt"));
    double h = number(im.attr().get("height-pt"));
    double col = org.bookbuild.math.Lengths.measure(fo.style());
    double body = org.bookbuild.math.Lengths.bodyHeight(fo.style());
    double frac = number(String.valueOf(fo.style().pageSettings().getOrDefault("image-max-height", "0.7")));
    if (!(w > 0 && h > 0 && col > 0 && body > 0 && frac > 0)) return null;
    double shown = Math.min(w, col) * h / w;
    if (shown <= body * frac) return null;
    return String.format(Locale.ROOT, "%.1fpt", body * frac * w / h);
  }

  private static double number(String s) {
    if (s == null) return Double.NaN;
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Resolves a project image; reports and renders a placeholder when it is missing, remote or outside. */
  private static String projectUri(Inline.Image im, Fo fo) {
    String src = im.src();
    // relative to the file that names the image: a section page or an included file may sit in another folder
    String file = im.pos().isKnown() ? im.pos().file() : fo.chapter() == null ? "" : fo.chapter().file();
    if (src.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
      fo.ctx().diags().warn("image-remote", im.pos(), "remote image is not fetched: " + src);
      placeholder(im, fo, "remote image not fetched: " + src);
      return null;
    }
    try {
      String rel = fo.ctx().world().resolve(file, src);
      if (!fo.ctx().world().exists(rel)) {
        fo.ctx().diags().error("image-missing", im.pos(), "image not found: " + src);
        placeholder(im, fo, "missing image: " + src);
        return null;
      }
      ImageGate.Refusal no = ImageGate.check(fo.ctx().world().read(rel), src, fo.ctx().world(), rel, im.pos(), fo.ctx().diags());
      if (no != null) {
        fo.ctx().diags().error(no.ruleId(), im.pos(), no.message());
        placeholder(im, fo, "image left out: " + src);
        return null;
      }
      return PROJECT_SCHEME + rel;
    } catch (SandboxException e) {
      fo.ctx().diags().error("path-outside-project", im.pos(), "image outside the project folder: " + src);
      placeholder(im, fo, "image outside the project: " + src);
      return null;
    } catch (java.io.IOException e) {
      fo.ctx().diags().error("image-unreadable", im.pos(), "cannot read image " + src + ": " + e.getMessage());
      placeholder(im, fo, "unreadable image: " + src);
      return null;
    }
  }

  /**
   * Generated assets (figures, notebook outputs) are files under the build's output folder; a notebook can carry any
   * picture, so they pass the same gate as project images.
   */
  private static boolean assetAllowed(Inline.Image im, String src, Fo fo) {
    byte[] b;
    try {
      java.nio.file.Path p = java.nio.file.Path.of(java.net.URI.create(src));
      java.nio.file.Path abs = p.toAbsolutePath().normalize();
      if (!abs.startsWith(fo.ctx().world().outputPath("").toAbsolutePath().normalize())
          && !abs.startsWith(fo.ctx().world().outputPath("out").toAbsolutePath().normalize())) {
        fo.ctx().diags().error("path-outside-project", im.pos(), "generated image outside the project folder: " + src);
        placeholder(im, fo, "image outside the project");
        return false;
      }
      b = fo.generatedFile(p);
      if (b == null) return true; // its producer reported why it is missing
    } catch (RuntimeException | java.io.IOException e) {
      return true; // not a local file URI: the render stage refuses what it must
    }
    ImageGate.Refusal no = ImageGate.check(b, im.src(), fo.ctx().world(), null, im.pos(), fo.ctx().diags());
    if (no == null) return true;
    fo.ctx().diags().error(no.ruleId(), im.pos(), no.message());
    placeholder(im, fo, "image left out: " + im.src());
    return false;
  }

  private static void placeholder(Inline.Image im, Fo fo, String message) {
    fo.inline("inline.problem");
    fo.xml().text("[" + message + "]");
    fo.xml().end();
  }

  /** MyST widths: percentages of the column, pixels at 96 per inch, or FO lengths. */
  static String length(String w) {
    String s = w.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("px")) {
      try {
        return String.format(Locale.ROOT, "%.1fpt", Double.parseDouble(s.substring(0, s.length() - 2)) * 0.75);
      } catch (NumberFormatException e) {
        return "100%";
      }
    }
    if (s.matches("[0-9.]+")) return String.format(Locale.ROOT, "%.1fpt", Double.parseDouble(s) * 0.75);
    return s;
  }
}
