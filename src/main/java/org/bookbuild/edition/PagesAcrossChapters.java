package org.bookbuild.edition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;
import org.bookbuild.model.Walk;
import org.bookbuild.style.Style;

/**
 * For books cut into chapter files ({@code --split}): a reference from one chapter to something in another chapter
 * prints its page too ("Chapter 3, page 41", wording {@code ref.page-elsewhere}), because the target is not in the
 * reader's file. Only references written in chapters and appendices are touched.
 */
public final class PagesAcrossChapters {
  private PagesAcrossChapters() {}

  public static Book apply(Book book, Style style) {
    Map<String, String> chapterOf = new HashMap<>();
    for (Chapter c : book.chapters()) {
      Walk.blocks(c.blocks(), n -> {
        String id = id(n);
        if (id != null && !id.isEmpty()) chapterOf.putIfAbsent(id, c.id());
      });
    }
    String tpl = style.string("ref.page-elsewhere", "page", "\u0000");
    int at = tpl.indexOf('\u0000');
    return book.mapChapters(c -> {
      if (c.kind() != Chapter.Kind.BODY && c.kind() != Chapter.Kind.APPENDIX) return c;
      return c.withBlocks(new Rewriter() {
        @Override
        protected List<Inline> inline(Inline i) {
          if (!(i instanceof Inline.Link l) || !l.target().startsWith("#")) return List.of(i);
          String id = l.target().substring(1);
          String other = chapterOf.get(id);
          if (other == null || other.equals(c.id()) || at < 0) return List.of(i);
          List<Inline> out = new ArrayList<>(List.of(i));
          out.add(new Inline.Text(l.pos(), tpl.substring(0, at)));
          out.add(new Inline.PageRef(l.pos(), id));
          if (at + 1 < tpl.length()) out.add(new Inline.Text(l.pos(), tpl.substring(at + 1)));
          return out;
        }
      }.blocks(c.blocks()));
    });
  }

  private static String id(Object n) {
    if (n instanceof Block.Heading h) return h.attr().id();
    if (n instanceof Block.Div d) return d.attr().id();
    if (n instanceof Block.Figure f) return f.attr().id();
    if (n instanceof Block.Table t) return t.attr().id();
    if (n instanceof Block.MathBlock m) return m.attr().id();
    if (n instanceof Block.CodeBlock c) return c.attr().id();
    if (n instanceof Inline.Anchor a) return a.id();
    if (n instanceof Inline.Span s) return s.attr().id();
    return null;
  }
}
