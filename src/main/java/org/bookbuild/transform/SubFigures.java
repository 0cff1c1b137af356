package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;

/**
 * mystmd's subfigures: a figure holding several images, each one optionally labelled ({@code (fig-a)=} before it, or
 * an {@code {image}} with {@code :label:}). Each image becomes a {@code subfigure} div lettered a, b, c … with its alt
 * text as its caption, "(a) Left view", and the number "1.2a" that {@code {numref}} and mystmd's {@code [](#fig-a)}
 * print; its label is the div's, so references to it resolve to its number and caption. A figure inside a figure
 * (mystmd's nested {@code {figure}} with its own {@code :label:}) is a subfigure the same way, its caption the
 * subfigure's. Runs before numbering (so a nested figure takes no figure number of its own); {@link Numbers}, after
 * numbering, gives each subfigure its figure's number and letter.
 */
public final class SubFigures implements ChapterWise.Alone {
  public static final String KIND = "subfigure";

  @Override
  public org.bookbuild.model.Chapter rewrite(org.bookbuild.model.Chapter ch, Context ctx) {
    Rewriter r = new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Figure f && (images(f.content()) >= 2 || f.content().stream().anyMatch(c -> c instanceof Block.Figure))) {
          return List.of(new Block.Figure(f.pos(), f.attr(), split(f.content(), org.bookbuild.model.Walk.text(f.caption()).strip()),
              f.caption()));
        }
        return List.of(b);
      }
    };
    return ch.withBlocks(r.blocks(ch.blocks()));
  }

  private static int images(List<Block> content) {
    int n = 0;
    for (Block b : content) for (Inline i : inlines(b)) if (i instanceof Inline.Image) n++;
    return n;
  }

  private static List<Inline> inlines(Block b) {
    if (b instanceof Block.Para p) return p.content();
    if (b instanceof Block.Plain p) return p.content();
    return List.of();
  }

  /** @param caption the figure's caption as text: an image's alt text equal to it was filled in, no caption of its own */
  private static List<Block> split(List<Block> content, String caption) {
    List<Block> out = new ArrayList<>();
    int k = 0;
    for (Block b : content) {
      if (b instanceof Block.Figure inner) {
        Attr a = new Attr(inner.attr().id(), List.of(KIND), java.util.Map.of()).with("letter", letter(k++));
        out.add(new Block.Div(inner.pos(), a, inner.caption(), inner.content()));
        continue;
      }
      if (!(b instanceof Block.Para) && !(b instanceof Block.Plain)) {
        out.add(b);
        continue;
      }
      List<Inline> rest = new ArrayList<>();
      List<Inline.Anchor> anchors = new ArrayList<>();
      for (Inline i : inlines(b)) {
        if (i instanceof Inline.Anchor a) {
          anchors.add(a);
        } else if (i instanceof Inline.Image im) {
          flush(rest, b, out);
          String letter = letter(k++);
          String id = anchors.isEmpty() ? "" : anchors.get(0).id();
          List<Inline> body = new ArrayList<>(anchors.size() > 1 ? anchors.subList(1, anchors.size()) : List.of());
          body.add(im);
          Attr a = new Attr(id, List.of(KIND), java.util.Map.of()).with("letter", letter);
          List<Inline> title = org.bookbuild.model.Walk.text(im.alt()).strip().equals(caption) ? List.of() : im.alt();
          out.add(new Block.Div(im.pos(), a, title, List.of(new Block.Plain(im.pos(), body))));
          anchors.clear();
        } else if (!(i instanceof Inline.SoftBreak || i instanceof Inline.LineBreak
            || i instanceof Inline.Text t && t.text().isBlank())) {
          rest.addAll(anchors);
          anchors.clear();
          rest.add(i);
        }
      }
      rest.addAll(anchors);
      flush(rest, b, out);
    }
    return out;
  }

  private static void flush(List<Inline> rest, Block b, List<Block> out) {
    if (rest.isEmpty()) return;
    out.add(b instanceof Block.Para p ? new Block.Para(p.pos(), new ArrayList<>(rest)) : new Block.Plain(b.pos(), new ArrayList<>(rest)));
    rest.clear();
  }

  private static String letter(int k) {
    return k < 26 ? String.valueOf((char) ('a' + k)) : String.valueOf(k + 1);
  }

  /** After numbering: each subfigure's number is its figure's and its letter ("1.2a"). */
  public static final class Numbers implements ChapterWise.Alone {
    @Override
    public org.bookbuild.model.Chapter rewrite(org.bookbuild.model.Chapter ch, Context ctx) {
      Rewriter r = new Rewriter() {
        @Override
        protected List<Block> block(Block b) {
          if (!(b instanceof Block.Figure f) || f.attr().get("number", "").isEmpty()) return List.of(b);
          String n = f.attr().get("number", "");
          List<Block> content = new ArrayList<>();
          boolean any = false;
          for (Block c : f.content()) {
            if (c instanceof Block.Div d && d.kind().equals(KIND)) {
              content.add(new Block.Div(d.pos(), d.attr().with("number", n + d.attr().get("letter", "")), d.title(), d.content()));
              any = true;
            } else {
              content.add(c);
            }
          }
          return any ? List.of(new Block.Figure(f.pos(), f.attr(), content, f.caption())) : List.of(b);
        }
      };
      return ch.withBlocks(r.blocks(ch.blocks()));
    }
  }
}
