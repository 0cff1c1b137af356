package org.bookbuild.model;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.model.Block.*;
import org.bookbuild.model.Inline.*;

/**
 * Rebuilds a tree bottom-up. Subclasses override {@link #block} or {@link #inline} to replace nodes (returning a list
 * allows removing a node or putting several in its place); children are rewritten first. The base class returns every
 * node unchanged.
 */
public class Rewriter {

  /** Replaces one block whose children are already rewritten. */
  protected List<Block> block(Block b) {
    return List.of(b);
  }

  /** Replaces one inline whose children are already rewritten. */
  protected List<Inline> inline(Inline i) {
    return List.of(i);
  }

  public final List<Block> blocks(List<Block> bs) {
    List<Block> out = null;
    for (int k = 0; k < bs.size(); k++) {
      Block b = bs.get(k);
      List<Block> r = block(children(b));
      if (out == null) {
        if (r.size() == 1 && r.get(0) == b) continue; // unchanged so far: the list as it is
        out = new ArrayList<>(bs.size());
        out.addAll(bs.subList(0, k));
      }
      out.addAll(r);
    }
    return siblings(out == null ? bs : out);
  }

  /**
   * Replaces a whole list of sibling blocks (a page's, a box's, a list item's …), after each was rewritten: for syntax
   * that spans blocks (an attribute line {@code {#id}} that labels the block after it). The base class returns the
   * list unchanged.
   */
  protected List<Block> siblings(List<Block> bs) {
    return bs;
  }

  /**
   * Replaces a whole list of sibling inlines, after each was rewritten: for syntax that spans several text nodes
   * (a citation such as {@code [see @key, p. 3]}). The base class returns the list unchanged.
   */
  protected List<Inline> sequence(List<Inline> is) {
    return is;
  }

  public final List<Inline> inlines(List<Inline> is) {
    List<Inline> out = null;
    for (int k = 0; k < is.size(); k++) {
      Inline i = is.get(k);
      List<Inline> r = inline(children(i));
      if (out == null) {
        if (r.size() == 1 && r.get(0) == i) continue;
        out = new ArrayList<>(is.size());
        out.addAll(is.subList(0, k));
      }
      out.addAll(r);
    }
    return sequence(out == null ? is : out);
  }

  private List<ListItem> items(List<ListItem> items) {
    List<ListItem> out = new ArrayList<>(items.size());
    boolean same = true;
    for (ListItem it : items) {
      List<Block> c = blocks(it.content());
      same &= c == it.content();
      out.add(c == it.content() ? it : new ListItem(it.pos(), it.checked(), c));
    }
    return same ? items : List.copyOf(out);
  }

  private List<Row> rows(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    boolean same = true;
    for (Row r : rows) {
      List<Cell> cells = new ArrayList<>(r.cells().size());
      boolean sameRow = true;
      for (Cell c : r.cells()) {
        List<Block> content = blocks(c.content());
        sameRow &= content == c.content();
        cells.add(content == c.content() ? c : new Cell(c.pos(), c.colspan(), c.rowspan(), content));
      }
      same &= sameRow;
      out.add(sameRow ? r : new Row(List.copyOf(cells)));
    }
    return same ? rows : List.copyOf(out);
  }

  // Each node comes back as it is when none of its children changed: most transforms touch a few nodes of a book, and
  // rebuilding every container on the way was most of what they allocated.
  private Block children(Block b) {
    if (b instanceof Para p) return keep(p, p.content(), inlines(p.content()), Para::with);
    if (b instanceof Plain p) return keep(p, p.content(), inlines(p.content()), (x, c) -> new Plain(x.pos(), c));
    if (b instanceof Heading h) {
      return keep(h, h.content(), inlines(h.content()), (x, c) -> new Heading(x.pos(), x.attr(), x.level(), c));
    }
    if (b instanceof Quote q) return keep(q, q.content(), blocks(q.content()), (x, c) -> new Quote(x.pos(), c));
    if (b instanceof BulletList l) {
      return keep(l, l.items(), items(l.items()), (x, c) -> new BulletList(x.pos(), x.tight(), c));
    }
    if (b instanceof OrderedList l) {
      return keep(l, l.items(), items(l.items()),
          (x, c) -> new OrderedList(x.pos(), x.start(), x.tight(), c, x.numbering()));
    }
    if (b instanceof DefList d) {
      List<DefItem> out = new ArrayList<>(d.items().size());
      boolean same = true;
      for (DefItem it : d.items()) {
        List<Inline> term = inlines(it.term());
        List<List<Block>> defs = new ArrayList<>(it.definitions().size());
        boolean sameItem = term == it.term();
        for (List<Block> def : it.definitions()) {
          List<Block> c = blocks(def);
          sameItem &= c == def;
          defs.add(c);
        }
        same &= sameItem;
        out.add(sameItem ? it : new DefItem(it.pos(), term, List.copyOf(defs)));
      }
      return same ? d : new DefList(d.pos(), List.copyOf(out));
    }
    if (b instanceof Table t) {
      List<Inline> caption = inlines(t.caption());
      List<Row> head = rows(t.head());
      List<Row> body = rows(t.body());
      return caption == t.caption() && head == t.head() && body == t.body() ? t
          : new Table(t.pos(), t.attr(), caption, t.aligns(), t.widths(), head, body);
    }
    if (b instanceof Div d) {
      List<Inline> title = inlines(d.title());
      List<Block> c = blocks(d.content());
      return title == d.title() && c == d.content() ? d : new Div(d.pos(), d.attr(), title, c);
    }
    if (b instanceof Figure f) {
      List<Block> c = blocks(f.content());
      List<Inline> caption = inlines(f.caption());
      return c == f.content() && caption == f.caption() ? f : new Figure(f.pos(), f.attr(), c, caption);
    }
    return b;
  }

  private Inline children(Inline i) {
    if (i instanceof Styled s) {
      return keep(s, s.content(), inlines(s.content()), (x, c) -> new Styled(x.pos(), x.role(), c));
    }
    if (i instanceof Link l) {
      return keep(l, l.content(), inlines(l.content()), (x, c) -> new Link(x.pos(), x.target(), c));
    }
    if (i instanceof Image m) {
      return keep(m, m.alt(), inlines(m.alt()), (x, c) -> new Image(x.pos(), x.attr(), x.src(), c));
    }
    if (i instanceof Note n) return keep(n, n.content(), blocks(n.content()), (x, c) -> new Note(x.pos(), c));
    if (i instanceof Ref r) {
      return keep(r, r.text(), inlines(r.text()), (x, c) -> new Ref(x.pos(), x.kind(), x.label(), c));
    }
    if (i instanceof Span s) {
      return keep(s, s.content(), inlines(s.content()), (x, c) -> new Span(x.pos(), x.attr(), c));
    }
    return i;
  }

  /**
   * {@code node} itself when its one list of children came back the same, else {@code rebuild} of it with the new
   * list. The rebuilders use only their arguments, so each is one object for the whole run, not one per node.
   */
  private static <N, C> N keep(N node, List<C> before, List<C> after,
      java.util.function.BiFunction<N, List<C>, N> rebuild) {
    return after == before ? node : rebuild.apply(node, after);
  }
}
