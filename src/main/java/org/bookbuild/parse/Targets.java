package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * Puts the label of an explicit target {@code (label)=} on the block that follows it: as the id of blocks that carry
 * attributes (headings, figures, tables, code, math, directives), as an anchor at the start of a paragraph, or as an
 * anchor block just before anything else.
 */
public final class Targets {
  private Targets() {}

  public static Block anchorBlock(SourcePos pos, String label) {
    return new Block.Plain(pos, List.of(new Inline.Anchor(pos, label)));
  }

  public static void label(List<Block> out, int index, String label, SourcePos pos) {
    Block b = out.get(index);
    Block labelled = null;
    if (b instanceof Block.Heading h) {
      labelled = new Block.Heading(h.pos(), h.attr().withId(label), h.level(), h.content());
    } else if (b instanceof Block.CodeBlock c) {
      labelled = new Block.CodeBlock(c.pos(), c.attr().withId(label), c.language(), c.text());
    } else if (b instanceof Block.MathBlock m) {
      labelled = new Block.MathBlock(m.pos(), m.attr().withId(label), m.tex());
    } else if (b instanceof Block.Table t) {
      labelled = new Block.Table(t.pos(), t.attr().withId(label), t.caption(), t.aligns(), t.widths(), t.head(),
          t.body());
    } else if (b instanceof Block.Div d) {
      labelled = new Block.Div(d.pos(), d.attr().withId(label), d.title(), d.content());
    } else if (b instanceof Block.Figure f) {
      labelled = new Block.Figure(f.pos(), f.attr().withId(label), f.content(), f.caption());
    } else if (b instanceof Block.Para p) {
      labelled = p.with(prepend(pos, label, p.content()));
    } else if (b instanceof Block.Plain p) {
      labelled = new Block.Plain(p.pos(), prepend(pos, label, p.content()));
    }
    if (labelled != null) out.set(index, labelled);
    else out.add(index, anchorBlock(pos, label));
  }

  private static List<Inline> prepend(SourcePos pos, String label, List<Inline> content) {
    List<Inline> c = new ArrayList<>();
    c.add(new Inline.Anchor(pos, label));
    c.addAll(content);
    return c;
  }
}
