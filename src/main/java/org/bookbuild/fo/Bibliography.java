package org.bookbuild.fo;

import org.bookbuild.model.Block;

/**
 * Renders the bibliography list made by the citations transform: numeric styles as a list with "[3]" labels in the
 * margin of the entry text, author–year styles as entries with a hanging indent. Each entry carries its id, the
 * target of its citations.
 */
final class Bibliography {
  private Bibliography() {}

  static void register() {
    Renderers.div("bibliography", Bibliography::list);
    Renderers.div("bib-entry", (d, fo) -> entry(d, fo));
  }

  private static void list(Block.Div d, Fo fo) {
    boolean numeric = "numeric".equals(d.attr().get("style"));
    fo.block("bib.list");
    if (numeric) {
      fo.xml().start("fo:list-block").attrs(fo.role("bib.numeric"));
      for (Block b : d.content()) {
        if (!(b instanceof Block.Div e)) continue;
        fo.xml().start("fo:list-item").attrs(fo.role("bib.item"));
        fo.id(e.attr().id());
        fo.xml().start("fo:list-item-label").attr("end-indent", "label-end()");
        fo.block("bib.label").text(e.attr().get("label", "")).end();
        fo.xml().end();
        fo.xml().start("fo:list-item-body").attr("start-indent", "body-start()");
        fo.block("bib.text");
        for (Block c : e.content()) inlinesOf(c, fo);
        fo.xml().end().end().end();
      }
      fo.xml().end();
    } else {
      fo.blocks(d.content());
    }
    fo.xml().end();
  }

  private static void entry(Block.Div e, Fo fo) {
    fo.block("bib.entry");
    fo.id(e.attr().id());
    for (Block c : e.content()) inlinesOf(c, fo);
    fo.xml().end();
  }

  private static void inlinesOf(Block b, Fo fo) {
    if (b instanceof Block.Plain p) fo.inlines(p.content());
    else if (b instanceof Block.Para p) fo.inlines(p.content());
    else fo.block(b);
  }
}
