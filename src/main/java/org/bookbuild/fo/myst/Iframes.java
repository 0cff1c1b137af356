package org.bookbuild.fo.myst;

import org.bookbuild.fo.Fo;
import org.bookbuild.fo.Renderers;
import org.bookbuild.model.Block;

/**
 * An {@code iframe} on paper: a framed box with the caption, a note that the content is interactive online, the link
 * printed in full (breakable, so long URLs stay inside the column) and as a QR code drawn as SVG, so a reader with a
 * phone can open it.
 */
final class Iframes {
  private Iframes() {}

  static void register() {
    Renderers.div("iframe", Iframes::render);
  }

  static void render(Block.Div d, Fo fo) {
    String src = d.attr().get("src", "");
    fo.block("iframe");
    fo.id(d.attr().id());
    fo.xml().start("fo:table").attr("table-layout", "fixed").attr("width", "100%");
    fo.xml().start("fo:table-column").attr("column-width", fo.style().prop("iframe.qr", "width", "1in")).end();
    fo.xml().start("fo:table-column").attr("column-width", "proportional-column-width(1)").end();
    // cells measure from their own edges, not from the frame's padding the blocks would inherit
    fo.xml().start("fo:table-body").attr("start-indent", "0pt").attr("end-indent", "0pt").start("fo:table-row");
    fo.xml().start("fo:table-cell").attr("display-align", "center");
    fo.xml().start("fo:block").attr("line-height", "0");
    // a video's file (no scheme) is a name in the web build's folder: a QR code of it would open nothing
    boolean web = src.matches("(?i)[a-z][a-z0-9+.-]*:.*");
    String svg = web ? QrSvg.svg(src, fo.style().prop("iframe.qr", "width", "1.1in"),
        fo.style().prop("iframe.qr", "color", "#000000")) : null;
    if (svg != null) {
      fo.xml().start("fo:instream-foreign-object").attr("fox:alt-text", fo.style().string("iframe.qr-alt", "url", src));
      fo.xml().raw(svg);
      fo.xml().end();
    }
    fo.xml().end().end();
    fo.xml().start("fo:table-cell").attr("display-align", "center");
    fo.xml().start("fo:block-container").attr("margin-left", "10pt");
    String medium = d.attr().get("medium");
    fo.block("iframe.label").text(fo.style().string(medium == null ? "iframe.label"
        : "iframe.label." + medium + (web ? "" : "-file"))).end();
    if (!d.title().isEmpty()) {
      fo.block("iframe.title");
      fo.inlines(d.title());
      fo.xml().end();
    }
    fo.resetIndent();
    fo.blocks(d.content());
    fo.block("iframe.url");
    fo.xml().start("fo:basic-link").attr("external-destination", "url(" + src + ")").attr("fox:alt-text", src);
    fo.text(breakable(src), d.pos(), true);
    fo.xml().end().end();
    fo.xml().end();
    fo.xml().end();
    fo.xml().end().end().end();
    fo.xml().end();
    fo.resetIndent();
  }

  /** Lets a long URL break after slashes and punctuation (zero-width spaces), never inside a word. */
  static String breakable(String url) {
    return url.replaceAll("([/?&=#._-])", "$1\u200B");
  }
}
