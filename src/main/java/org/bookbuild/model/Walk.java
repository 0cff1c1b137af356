package org.bookbuild.model;

import java.util.List;
import java.util.function.Consumer;
import org.bookbuild.model.Block.*;
import org.bookbuild.model.Inline.*;

/** Visits every node of a tree in document order (pre-order), for transforms that only collect. */
public final class Walk {
  private Walk() {}

  public static void blocks(List<Block> bs, Consumer<Node> visit) {
    for (Block b : bs) block(b, visit);
  }

  public static void inlines(List<Inline> is, Consumer<Node> visit) {
    for (Inline i : is) inline(i, visit);
  }

  public static void block(Block b, Consumer<Node> visit) {
    visit.accept(b);
    if (b instanceof Para p) inlines(p.content(), visit);
    else if (b instanceof Plain p) inlines(p.content(), visit);
    else if (b instanceof Heading h) inlines(h.content(), visit);
    else if (b instanceof Quote q) blocks(q.content(), visit);
    else if (b instanceof BulletList l) l.items().forEach(it -> blocks(it.content(), visit));
    else if (b instanceof OrderedList l) l.items().forEach(it -> blocks(it.content(), visit));
    else if (b instanceof DefList d)
      d.items().forEach(it -> {
        inlines(it.term(), visit);
        it.definitions().forEach(def -> blocks(def, visit));
      });
    else if (b instanceof Table t) {
      inlines(t.caption(), visit);
      for (Row r : t.head()) r.cells().forEach(c -> blocks(c.content(), visit));
      for (Row r : t.body()) r.cells().forEach(c -> blocks(c.content(), visit));
    } else if (b instanceof Div d) {
      inlines(d.title(), visit);
      blocks(d.content(), visit);
    } else if (b instanceof Figure f) {
      blocks(f.content(), visit);
      inlines(f.caption(), visit);
    }
  }

  public static void inline(Inline i, Consumer<Node> visit) {
    visit.accept(i);
    if (i instanceof Styled s) inlines(s.content(), visit);
    else if (i instanceof Link l) inlines(l.content(), visit);
    else if (i instanceof Image im) inlines(im.alt(), visit);
    else if (i instanceof Note n) blocks(n.content(), visit);
    else if (i instanceof Ref r) inlines(r.text(), visit);
    else if (i instanceof Span s) inlines(s.content(), visit);
  }

  /** The plain text of inlines (math as its TeX), for ids, sorting and matching. */
  public static String text(List<Inline> is) {
    return text(is, tex -> tex);
  }

  /**
   * The plain text of inlines with each formula's TeX turned into text by {@code math} (the FO writer gives Unicode for
   * bookmarks, running heads and alternative text).
   */
  public static String text(List<Inline> is, java.util.function.UnaryOperator<String> math) {
    StringBuilder sb = new StringBuilder();
    inlines(is, n -> {
      if (n instanceof Text t) sb.append(t.text());
      else if (n instanceof Code c) sb.append(c.text());
      else if (n instanceof SoftBreak || n instanceof LineBreak) sb.append(' ');
      else if (n instanceof MathInline m) sb.append(math.apply(m.tex()));
    });
    return sb.toString();
  }
}
