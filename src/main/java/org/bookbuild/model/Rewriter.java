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
    List<Block> out = new ArrayList<>(bs.size());
    for (Block b : bs) out.addAll(block(children(b)));
    return siblings(out);
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
    List<Inline> out = new ArrayList<>(is.size());
    for (Inline i : is) out.addAll(inline(children(i)));
    return sequence(out);
  }

  private List<ListItem> items(List<ListItem> items) {
    return items.stream().map(it -> new ListItem(it.pos(), it.checked(), blocks(it.content()))).toList();
  }

  private List<Row> rows(List<Row> rows) {
    return rows.stream()
        .map(r -> new Row(r.cells().stream().map(c -> new Cell(c.pos(), c.colspan(), c.rowspan(), blocks(c.content()))).toList()))
        .toList();
  }

  private Block children(Block b) {
    if (b instanceof Para p) return p.with(inlines(p.content()));
    if (b instanceof Plain p) return new Plain(p.pos(), inlines(p.content()));
    if (b instanceof Heading h) return new Heading(h.pos(), h.attr(), h.level(), inlines(h.content()));
    if (b instanceof Quote q) return new Quote(q.pos(), blocks(q.content()));
    if (b instanceof BulletList l) return new BulletList(l.pos(), l.tight(), items(l.items()));
    if (b instanceof OrderedList l) return new OrderedList(l.pos(), l.start(), l.tight(), items(l.items()), l.numbering());
    if (b instanceof DefList d)
      return new DefList(
          d.pos(),
          d.items().stream()
              .map(it -> new DefItem(it.pos(), inlines(it.term()), it.definitions().stream().map(this::blocks).toList()))
              .toList());
    if (b instanceof Table t)
      return new Table(t.pos(), t.attr(), inlines(t.caption()), t.aligns(), t.widths(), rows(t.head()), rows(t.body()));
    if (b instanceof Div d) return new Div(d.pos(), d.attr(), inlines(d.title()), blocks(d.content()));
    if (b instanceof Figure f) return new Figure(f.pos(), f.attr(), blocks(f.content()), inlines(f.caption()));
    return b;
  }

  private Inline children(Inline i) {
    if (i instanceof Styled s) return new Styled(s.pos(), s.role(), inlines(s.content()));
    if (i instanceof Link l) return new Link(l.pos(), l.target(), inlines(l.content()));
    if (i instanceof Image im) return new Image(im.pos(), im.attr(), im.src(), inlines(im.alt()));
    if (i instanceof Note n) return new Note(n.pos(), blocks(n.content()));
    if (i instanceof Ref r) return new Ref(r.pos(), r.kind(), r.label(), inlines(r.text()));
    if (i instanceof Span s) return new Span(s.pos(), s.attr(), inlines(s.content()));
    return i;
  }
}
