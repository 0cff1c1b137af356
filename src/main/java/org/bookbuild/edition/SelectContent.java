package org.bookbuild.edition;

import java.util.List;
import java.util.Set;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Rewriter;

/**
 * Keeps or drops content meant for some editions only, before anything is numbered: an {@code {only} EXPR} div keeps
 * its body when the expression holds for the build's tags (else it is dropped), and any block carrying an edition's
 * tag as a class ({@code :class: instructor}) is dropped unless that tag is active. A malformed expression is an
 * {@code only-expression} warning and its content is kept, so nothing is lost silently.
 */
final class SelectContent {
  private SelectContent() {}

  static Book apply(Book book, Set<String> tags, Set<String> editionTags, org.bookbuild.diag.Diagnostics diags) {
    return book.mapChapters(c -> c.withBlocks(new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Div d && d.kind().equals("only")) {
          String expr = d.attr().get("expr", "");
          boolean keep;
          try {
            keep = TagExpr.eval(expr, tags);
          } catch (IllegalArgumentException e) {
            diags.warn("only-expression", d.pos(), "{only} " + expr + ": " + e.getMessage() + "; the content is printed");
            keep = true;
          }
          return keep ? d.content() : List.of();
        }
        Attr a = Block.attrOf(b);
        if (a != null) {
          for (String cls : a.classes()) {
            if (editionTags.contains(cls) && !tags.contains(cls)) return List.of();
          }
        }
        return List.of(b);
      }
    }.blocks(c.blocks())));
  }

}
