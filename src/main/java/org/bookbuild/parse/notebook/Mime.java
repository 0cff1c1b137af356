package org.bookbuild.parse.notebook;

import java.util.List;

/**
 * Which stored representation of an output to print. Jupyter stores one output in several MIME types; print wants the
 * richest static one: vector before raster, a real table before its text, anything before the plain-text repr.
 */
final class Mime {
  static final String PLOTLY = "application/vnd.plotly.v1+json";
  static final String SVG = "image/svg+xml";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String LATEX = "text/latex";
  static final String HTML = "text/html";
  static final String MARKDOWN = "text/markdown";

  /** Printable types, best first. */
  private static final List<String> ORDER = List.of(PLOTLY, SVG, PNG, JPEG, LATEX, HTML, MARKDOWN);

  private Mime() {}

  /** Lower is better; types we cannot print rank last. */
  static int rank(String mime) {
    if (mime == null) return Integer.MAX_VALUE;
    int i = ORDER.indexOf(mime);
    return i < 0 ? Integer.MAX_VALUE - 1 : i;
  }

  static boolean printable(String mime) {
    return ORDER.contains(mime);
  }

  /** Types that only work in a live browser page: widgets, scripts, other JavaScript-driven viewers. */
  static boolean isInteractive(String mime) {
    return mime.equals("application/vnd.jupyter.widget-view+json") || mime.equals("application/javascript")
        || mime.startsWith("application/vnd.bokehjs") || mime.startsWith("application/vnd.holoviews")
        || mime.startsWith("application/vnd.vega") || mime.startsWith("application/vnd.vegalite");
  }
}
