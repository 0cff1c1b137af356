package org.bookbuild.parse;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** flexmark AST nodes for math, produced by {@link MathExtension}; converted to the model by {@link FlexmarkConverter}. */
final class MathNodes {
  private MathNodes() {}

  /** {@code $…$} inside a paragraph; {@code display} for {@code $$…$$} written inside a paragraph. */
  static final class InlineMath extends Node {
    final String tex;
    final boolean display;

    InlineMath(BasedSequence chars, String tex, boolean display) {
      super(chars);
      this.tex = tex;
      this.display = display;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** Whether a paragraph has a display ({@code $$…$$}, {@code \[…\]}) among its own children, inside a sentence. */
  static boolean holdsDisplay(Node paragraph) {
    for (Node c = paragraph.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof InlineMath m && m.display) return true;
    }
    return false;
  }

  /** A {@code $$ … $$} block, with the label written after the closing {@code $$ (label)}. */
  static final class DisplayMath extends Block {
    String tex = "";
    String label = "";
    /** End of the last source line the block took (its node's own chars cover only the first line). */
    int endOffset = -1;

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }
}
