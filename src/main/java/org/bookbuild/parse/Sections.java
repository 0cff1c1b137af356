package org.bookbuild.parse;

import java.util.List;
import org.bookbuild.model.Block;
import org.bookbuild.model.Rewriter;

/**
 * A page read as a section of another page's chapter: every heading moves down by the page's depth, so the page's
 * title becomes a section heading and its sections sub-sections. Positions stay those of the page's own file.
 */
final class Sections {
  private Sections() {}

  static List<Block> shift(List<Block> blocks, int depth) {
    if (depth <= 0) return blocks;
    return new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Heading h) {
          return List.of(new Block.Heading(h.pos(), h.attr(), h.level() + depth, h.content()));
        }
        return super.block(b);
      }
    }.blocks(blocks);
  }
}
