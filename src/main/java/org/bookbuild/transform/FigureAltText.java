package org.bookbuild.transform;

import java.util.List;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;

/**
 * Every picture says what it shows to a reader who cannot see it: an image without alternative text ({@code :alt:} or
 * Markdown's {@code ![alt](…)}) inside a figure takes the figure's caption. The FO writer puts the text on the graphic
 * ({@code fox:alt-text}), and the tagged PDF carries it as the Figure element's {@code /Alt}.
 */
public final class FigureAltText implements ChapterWise.Alone {
  @Override
  public org.bookbuild.model.Chapter rewrite(org.bookbuild.model.Chapter c, Context ctx) {
    return c.withBlocks(new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Figure f && !f.caption().isEmpty()) {
          List<Block> content = new Rewriter() {
            @Override
            protected List<Inline> inline(Inline i) {
              if (i instanceof Inline.Image im && org.bookbuild.model.Walk.text(im.alt()).isBlank()) {
                return List.of(new Inline.Image(im.pos(), im.attr(), im.src(), f.caption()));
              }
              return List.of(i);
            }
          }.blocks(f.content());
          return List.of(new Block.Figure(f.pos(), f.attr(), content, f.caption()));
        }
        return List.of(b);
      }
    }.blocks(c.blocks()));
  }
}
