package org.bookbuild.fo.myst;

import org.bookbuild.fo.Fo;
import org.bookbuild.fo.Renderers;
import org.bookbuild.model.Block;

/**
 * The {@code toc} directive: a contents list of the chapter it stands in, its sections (and subsections down to
 * {@code depth}) with numbers, dotted leaders and page numbers, each line a link.
 */
final class Tocs {
  private Tocs() {}

  static void register() {
    Renderers.div("toc", Tocs::render);
  }

  static void render(Block.Div d, Fo fo) {
    int depth = Integer.parseInt(d.attr().get("depth", "2"));
    fo.block("toc.local");
    fo.id(d.attr().id());
    fo.block("toc.local.title");
    Boxes.title(fo, d.title(), "toc.local");
    fo.xml().end();
    if (fo.chapter() != null) {
      for (Block b : fo.chapter().blocks()) {
        if (!(b instanceof Block.Heading h) || h.level() < 2 || h.level() > depth + 1 || h.attr().id().isEmpty()) {
          continue;
        }
        fo.block(h.level() == 2 ? "toc.local.section" : "toc.local.subsection");
        fo.xml().start("fo:basic-link").attr("internal-destination", h.attr().id())
            .attr("fox:alt-text", fo.plainText(h.content()).strip());
        String number = h.attr().get("number");
        if (number != null) fo.inline("toc.number").text(number).end();
        fo.inlines(h.content());
        fo.xml().end();
        fo.xml().start("fo:leader").attrs(fo.role("toc.leader")).end();
        fo.xml().start("fo:page-number-citation").attr("ref-id", h.attr().id()).end();
        fo.xml().end();
      }
    }
    fo.xml().end();
    fo.resetIndent();
  }
}
