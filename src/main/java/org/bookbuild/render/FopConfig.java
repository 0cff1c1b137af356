package org.bookbuild.render;

import java.util.List;
import org.bookbuild.fo.Xml;
import org.bookbuild.style.Style;

/**
 * Builds FOP's configuration from the style: every font registered explicitly (no scanning of system fonts, no font
 * cache in the home folder), embedded as subsets; the PDF modes of {@link RenderSettings}.
 */
final class FopConfig {
  private FopConfig() {}

  /** @param extraFonts further {@code <font>} elements (XML) from other stages, such as the math fonts */
  static String build(Style style, List<String> extraFonts, RenderSettings settings) {
    Xml x = new Xml();
    x.start("fop").attr("version", "1.0");
    x.element("use-cache", "false");
    if (settings.tagged()) x.element("accessibility", "true");
    x.start("renderers").start("renderer").attr("mime", "application/pdf");
    if (settings.pdfAMode() != null) x.element("pdf-a-mode", settings.pdfAMode());
    if (settings.pdfUaMode() != null) x.element("pdf-ua-mode", settings.pdfUaMode());
    if (settings.pdfXMode() != null) x.element("pdf-x-mode", settings.pdfXMode());
    if (settings.outputProfile() != null) x.element("output-profile", profileUri(settings.outputProfile()));
    x.start("fonts");
    for (Style.FontFace f : style.fonts()) {
      String src = f.source().startsWith("classpath:") ? f.source() : "classpath:" + f.source();
      x.start("font").attr("kerning", "yes").attr("embed-url", src).attr("embedding-mode", "subset");
      x.start("font-triplet").attr("name", f.family()).attr("style", f.style()).attr("weight", f.weight()).end();
      // further names (sans-serif, Helvetica, any …): configured fonts are registered after FOP's base-14 set and take
      // its names over, so an SVG's "Arial, Helvetica" or an unknown family (FOP's fallback "any") is set in an
      // embedded face instead of a base-14 stand-in that PDF/UA and PDF/A forbid
      for (String name : f.also()) {
        x.start("font-triplet").attr("name", name).attr("style", f.style()).attr("weight", f.weight()).end();
      }
      x.end();
    }
    for (String extra : extraFonts) x.raw(extra);
    x.end().end().end();
    x.end();
    return x.toString();
  }

  /** A profile named by a path without a scheme is one of the tool's own ({@code styles/icc/...}). */
  static String profileUri(String profile) {
    return profile.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? profile : "classpath:" + profile;
  }
}
