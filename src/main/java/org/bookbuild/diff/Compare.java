package org.bookbuild.diff;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Part;
import org.bookbuild.style.Style;

/**
 * Stage "diff": what changed since the previous edition. Both editions arrive as transformed models (numbers and
 * references resolved); their pieces are matched ({@link Matching}) and this edition comes back annotated: every
 * added or changed paragraph, display, figure, table and list item is wrapped in a {@code change} div (the FO stage
 * draws a change bar beside it), with {@code review} the deleted pieces come back too in {@code change-deleted} divs
 * (struck through), and a generated "Changes in this edition" chapter joins the front matter ({@link ChangesSection}).
 */
public final class Compare {
  /** Div kind around added or changed content; its {@code change} attribute says which. */
  public static final String CHANGE = "change";
  /** Div kind around content the previous edition had and this one dropped (review printing only). */
  public static final String DELETED = "change-deleted";

  private Compare() {}

  /** What to compare: this edition's and the previous edition's version names, and whether to print deletions. */
  public record Options(String version, String previous, boolean review) {}

  public static Book apply(Book now, Book before, Style style, Options opts) {
    Units un = Units.of(now);
    Units ub = Units.of(before);
    Matching m = Matching.of(un, ub);
    Map<Object, List<Block>> deletedAfter = new IdentityHashMap<>();
    if (opts.review()) placeDeleted(un, ub, m, deletedAfter);
    Book annotated = now.mapChapters(c -> c.withBlocks(annotate(c.blocks(), m, deletedAfter)));
    return withFrontChapter(annotated, ChangesSection.chapter(un, ub, m, style, opts));
  }

  /** Each deleted piece goes after the piece of this edition that matches the old piece before it. */
  private static void placeDeleted(Units un, Units ub, Matching m, Map<Object, List<Block>> after) {
    Map<Units.Unit, Units.Unit> newOf = new IdentityHashMap<>();
    m.partner.forEach((n, o) -> newOf.put(o, n));
    for (Units.Unit d : m.deleted) {
      Object anchor = null;
      for (int i = d.order() - 1; i >= 0 && anchor == null; i--) {
        Units.Unit n = newOf.get(ub.units.get(i));
        if (n != null) anchor = n.node();
      }
      if (anchor == null && !un.units.isEmpty()) anchor = un.units.get(0).node();
      if (anchor == null) continue;
      List<Block> content = d.node() instanceof Block.ListItem li ? li.content() : List.of((Block) d.node());
      after.computeIfAbsent(anchor, k -> new ArrayList<>())
          .add(new Block.Div(content.isEmpty() ? org.bookbuild.diag.SourcePos.NONE : content.get(0).pos(),
              new Attr("", List.of(DELETED), Map.of()), List.of(), content));
    }
  }

  private static List<Block> annotate(List<Block> bs, Matching m, Map<Object, List<Block>> deletedAfter) {
    List<Block> out = new ArrayList<>();
    for (Block b : bs) {
      Block nb = b;
      if (b instanceof Block.Div d && !d.kind().equals(CHANGE) && !d.kind().equals(DELETED)) {
        nb = new Block.Div(d.pos(), d.attr(), d.title(), annotate(d.content(), m, deletedAfter));
      } else if (b instanceof Block.Quote q) {
        nb = new Block.Quote(q.pos(), annotate(q.content(), m, deletedAfter));
      } else if (b instanceof Block.BulletList l) {
        nb = new Block.BulletList(l.pos(), l.tight(), items(l.items(), m, deletedAfter));
      } else if (b instanceof Block.OrderedList l) {
        nb = new Block.OrderedList(l.pos(), l.start(), l.tight(), items(l.items(), m, deletedAfter), l.numbering());
      }
      Matching.Status s = m.status.get(b);
      out.add(s == Matching.Status.CHANGED || s == Matching.Status.ADDED ? wrap(nb, s) : nb);
      List<Block> del = deletedAfter.get(b);
      if (del != null) out.addAll(del);
    }
    return out;
  }

  private static List<Block.ListItem> items(List<Block.ListItem> items, Matching m, Map<Object, List<Block>> deletedAfter) {
    List<Block.ListItem> out = new ArrayList<>();
    for (Block.ListItem i : items) {
      List<Block> content = new ArrayList<>(i.content());
      Matching.Status s = m.status.get(i);
      if (s == Matching.Status.CHANGED || s == Matching.Status.ADDED) content = new ArrayList<>(List.of(wrapAll(content, s)));
      List<Block> del = deletedAfter.get(i);
      if (del != null) content.addAll(del);
      out.add(new Block.ListItem(i.pos(), i.checked(), content));
    }
    return out;
  }

  private static Block wrap(Block b, Matching.Status s) {
    return wrapAll(List.of(b), s);
  }

  private static Block wrapAll(List<Block> bs, Matching.Status s) {
    org.bookbuild.diag.SourcePos pos = bs.isEmpty() ? org.bookbuild.diag.SourcePos.NONE : bs.get(0).pos();
    return new Block.Div(pos, new Attr("", List.of(CHANGE), Map.of("change", s == Matching.Status.ADDED ? "added" : "changed")),
        List.of(), bs);
  }

  /** The changes chapter goes last in the front matter (first in the book when there is none). */
  private static Book withFrontChapter(Book book, Chapter changes) {
    List<Part> parts = new ArrayList<>(book.parts());
    int lastPart = -1;
    int lastIndex = -1;
    for (int p = 0; p < parts.size(); p++) {
      List<Chapter> cs = parts.get(p).chapters();
      for (int i = 0; i < cs.size(); i++) {
        if (cs.get(i).kind() == Chapter.Kind.FRONT) {
          lastPart = p;
          lastIndex = i;
        }
      }
    }
    if (lastPart < 0) {
      parts.add(0, new Part("", "", List.of(changes)));
    } else {
      List<Chapter> cs = new ArrayList<>(parts.get(lastPart).chapters());
      cs.add(lastIndex + 1, changes);
      parts.set(lastPart, parts.get(lastPart).withChapters(cs));
    }
    return new Book(book.meta(), parts);
  }
}
