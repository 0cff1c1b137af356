package org.bookbuild.diff;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;

/**
 * A book cut into the pieces that can change: paragraphs, displays, code, figures, tables and list items (each a
 * {@link Unit}), and its sections (headings). Containers (exercises, admonitions, quotes) are looked into; a list item
 * is one piece with all its content. Text is taken as written: a reference counts by its label, not by the number it
 * prints, so renumbering elsewhere does not make a paragraph "changed".
 */
final class Units {
  /** One piece: the model node (a block or a list item), its kind, label, text and the section it sits in. */
  record Unit(Object node, String kind, String label, String text, Section section, int order) {}

  /** A heading: id, level, title text, chapter and the titles of the sections around it. */
  record Section(String id, int level, String number, String title, String chapter, List<String> parents) {}

  /** A numbered thing (exercise, figure, equation, table, theorem …): kind, printed number, label, text. */
  record Numbered(String kind, String number, String label, String text) {}

  final List<Unit> units = new ArrayList<>();
  final List<Section> sections = new ArrayList<>();
  final List<Numbered> numbered = new ArrayList<>();
  private final List<Section> open = new ArrayList<>();
  private String chapter = "";

  static Units of(Book book) {
    Units u = new Units();
    for (Chapter c : book.chapters()) {
      u.chapter = c.id();
      u.open.clear();
      u.blocks(c.blocks());
    }
    return u;
  }

  private Section current() {
    return open.isEmpty() ? null : open.get(open.size() - 1);
  }

  private void blocks(List<Block> bs) {
    for (Block b : bs) block(b);
  }

  private void block(Block b) {
    if (b instanceof Block.Heading h) {
      while (!open.isEmpty() && open.get(open.size() - 1).level() >= h.level()) open.remove(open.size() - 1);
      List<String> parents = open.stream().map(Section::title).toList();
      Section s = new Section(h.attr().id(), h.level(), h.attr().get("number", ""), norm(inlines(h.content())), chapter, parents);
      open.add(s);
      if (!h.attr().id().isEmpty()) sections.add(s);
    } else if (b instanceof Block.Div d) {
      String n = d.attr().get("number");
      if (n != null && !n.isEmpty()) numbered.add(new Numbered(d.kind(), n, d.attr().id(), norm(blockText(d.content()))));
      if (d.kind().equals(Compare.CHANGE) || d.kind().equals(Compare.DELETED)) return;
      blocks(d.content());
    } else if (b instanceof Block.Quote q) {
      blocks(q.content());
    } else if (b instanceof Block.BulletList l) {
      l.items().forEach(this::item);
    } else if (b instanceof Block.OrderedList l) {
      l.items().forEach(this::item);
    } else if (b instanceof Block.Figure f) {
      numberedLeaf("figure", f.attr().get("number"), f.attr().id(), b);
      add(b, "figure", f.attr().id());
    } else if (b instanceof Block.Table t) {
      numberedLeaf("table", t.attr().get("number"), t.attr().id(), b);
      add(b, "table", t.attr().id());
    } else if (b instanceof Block.MathBlock m) {
      numberedLeaf("equation", m.attr().get("number"), m.attr().id(), b);
      add(b, "math", m.attr().id());
    } else if (b instanceof Block.CodeBlock c) {
      add(b, "code", c.attr().id());
    } else if (!(b instanceof Block.Rule)) {
      add(b, "text", "");
    }
  }

  private void numberedLeaf(String kind, String number, String label, Block b) {
    if (number != null && !number.isEmpty()) numbered.add(new Numbered(kind, number, label, norm(text(b))));
  }

  private void item(Block.ListItem i) {
    units.add(new Unit(i, "text", "", norm(blockText(i.content())), current(), units.size()));
  }

  private void add(Block b, String kind, String label) {
    units.add(new Unit(b, kind, label, norm(text(b)), current(), units.size()));
  }

  static String norm(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  static String blockText(List<Block> bs) {
    StringBuilder sb = new StringBuilder();
    for (Block b : bs) sb.append(text(b)).append(' ');
    return sb.toString();
  }

  static String text(Block b) {
    if (b instanceof Block.Para p) return inlines(p.content());
    if (b instanceof Block.Plain p) return inlines(p.content());
    if (b instanceof Block.Heading h) return inlines(h.content());
    if (b instanceof Block.CodeBlock c) return c.text();
    if (b instanceof Block.MathBlock m) return m.tex();
    if (b instanceof Block.Quote q) return blockText(q.content());
    if (b instanceof Block.BulletList l) return String.join(" ", l.items().stream().map(i -> blockText(i.content())).toList());
    if (b instanceof Block.OrderedList l) return String.join(" ", l.items().stream().map(i -> blockText(i.content())).toList());
    if (b instanceof Block.DefList d) {
      return String.join(" ", d.items().stream()
          .map(i -> inlines(i.term()) + " " + String.join(" ", i.definitions().stream().map(Units::blockText).toList()))
          .toList());
    }
    if (b instanceof Block.Table t) {
      StringBuilder sb = new StringBuilder(inlines(t.caption()));
      for (List<Block.Row> rows : List.of(t.head(), t.body())) {
        for (Block.Row r : rows) for (Block.Cell c : r.cells()) sb.append(" | ").append(blockText(c.content()));
      }
      return sb.toString();
    }
    if (b instanceof Block.Figure f) return blockText(f.content()) + " " + inlines(f.caption());
    if (b instanceof Block.Div d) return inlines(d.title()) + " " + blockText(d.content());
    if (b instanceof Block.Problem p) return p.message() + " " + p.source();
    return "";
  }

  static String inlines(List<Inline> is) {
    StringBuilder sb = new StringBuilder();
    for (Inline i : is) inline(i, sb);
    return sb.toString();
  }

  private static void inline(Inline i, StringBuilder sb) {
    if (i instanceof Inline.Text t) {
      sb.append(t.text());
    } else if (i instanceof Inline.SoftBreak || i instanceof Inline.LineBreak) {
      sb.append(' ');
    } else if (i instanceof Inline.Styled s) {
      s.content().forEach(c -> inline(c, sb));
    } else if (i instanceof Inline.Code c) {
      sb.append(c.text());
    } else if (i instanceof Inline.Link l) {
      // a resolved cross-reference prints a number that may change elsewhere: it counts by its target
      if (l.target().startsWith("#")) sb.append("[ref ").append(l.target().substring(1)).append(']');
      else l.content().forEach(c -> inline(c, sb));
    } else if (i instanceof Inline.Image im) {
      sb.append("[image ").append(im.src()).append(']');
    } else if (i instanceof Inline.MathInline m) {
      sb.append('$').append(m.tex()).append('$');
    } else if (i instanceof Inline.Note n) {
      sb.append(" [note ").append(blockText(n.content())).append(']');
    } else if (i instanceof Inline.Ref r) {
      sb.append("[ref ").append(r.label()).append(']');
    } else if (i instanceof Inline.Span s) {
      s.content().forEach(c -> inline(c, sb));
    } else if (i instanceof Inline.Problem p) {
      sb.append(p.source());
    }
  }
}
