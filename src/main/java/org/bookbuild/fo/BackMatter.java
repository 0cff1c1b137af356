package org.bookbuild.fo;

import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * Renderers for the generated index (letter groups, entries and indented sub-entries, each entry's page numbers
 * inside a {@link PageListMark}) and for glossaries (each term
 * in bold with its id, the link target of {@code {term}} references, and its definition indented below).
 */
final class BackMatter {
  private BackMatter() {}

  static void register() {
    Renderers.div("index-list", (d, fo) -> {
      fo.block("index.list");
      fo.blocks(d.content());
      fo.xml().end();
    });
    Renderers.div("index-group", (d, fo) -> {
      fo.block("index.group");
      fo.inlines(d.title());
      fo.xml().end();
      fo.blocks(d.content());
    });
    Renderers.div("index-entry", (d, fo) -> {
      fo.block("2".equals(d.attr().get("level")) ? "index.subentry" : "index.entry");
      for (Block b : d.content()) {
        if (!(b instanceof Block.Plain p)) {
          fo.block(b);
          continue;
        }
        for (Inline i : p.content()) {
          if (i instanceof Inline.Span s && s.attr().hasClass(PageListMark.CLASS)) PageListMark.write(s, fo);
          else fo.inlines(java.util.List.of(i));
        }
      }
      fo.xml().end();
    });
    Renderers.div("glossary", (d, fo) -> {
      fo.block("glossary");
      fo.id(d.attr().id());
      fo.blocks(d.content());
      fo.xml().end();
    });
    Renderers.div("glossary-term", (d, fo) -> {
      fo.block("glossary.term");
      fo.id(d.attr().id());
      fo.inlines(d.title());
      fo.xml().end();
      fo.block("glossary.definition");
      fo.resetIndent();
      fo.blocks(d.content());
      fo.xml().end();
    });
  }
}
