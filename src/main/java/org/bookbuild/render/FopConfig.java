package org.bookbuild.render;

import java.util.List;
import org.bookbuild.fo.Xml;
import org.bookbuild.style.Style;

/**
 * Builds FOP's configuration from the style: every font registered explicitly (no scanning of system fonts, no font
 * cache in the home folder), embedded as subsets.
 */
final class FopConfig {
  private FopConfig() {}

  /** @param extraFonts further {@code <font>} elements (XML) from other stages, such as the math fonts */
  static String build(Style style, List<String> extraFonts) {
    return build(style, extraFonts, RenderSettings.SCREEN);
  }

  static String build(Style style, List<String> extraFonts, RenderSettings settings) {
    Xml x = new Xml();
    x.start("fop").attr("version", "1.0");
    x.element("use-cache", "false");
    x.start("renderers").start("renderer").attr("mime", "application/pdf");
    if (settings.pdfXMode() != null) {
      x.element("pdf-x-mode", settings.pdfXMode());
      x.element("output-profile", "classpath:" + settings.outputProfile());
    }
    x.start("fonts");
    for (Style.FontFace f : style.fonts()) {
      String src = f.source().startsWith("classpath:") ? f.source() : "classpath:" + f.source();
      x.start("font").attr("kerning", "yes").attr("embed-url", src).attr("embedding-mode", "subset");
      x.start("font-triplet").attr("name", f.family()).attr("style", f.style()).attr("weight", f.weight()).end();
      x.end();
    }
    for (String extra : extraFonts) x.raw(extra);
    x.end().end().end();
    x.end();
    return x.toString();
  }
}
