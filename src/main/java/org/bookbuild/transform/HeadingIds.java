package org.bookbuild.transform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Rewriter;
import org.bookbuild.model.Walk;
import org.bookbuild.project.ProjectLoader;

/**
 * Gives every heading an id unique in the book: the author's label if there is one, else the chapter id for a chapter
 * title and {@code <chapter>-<slug of title>} for sections. Ids are what the TOC, bookmarks and links point at.
 */
public final class HeadingIds implements Transform {
  @Override
  public Book apply(Book book, Context ctx) {
    Set<String> used = new HashSet<>();
    java.util.Map<String, org.bookbuild.diag.SourcePos> labelled = new java.util.HashMap<>();
    return book.mapChapters(ch -> ch.withBlocks(new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Heading h) {
          String id = h.attr().id();
          if (id.isEmpty()) {
            id = h.level() == 1 ? ch.id() : ch.id() + "-" + ProjectLoader.slug(Walk.text(h.content()));
          } else {
            id = Labels.normalise(id);
            // the author's label must stay unique in the FO, but a repeat is the author's mistake: say so
            org.bookbuild.diag.SourcePos first = labelled.putIfAbsent(id, h.pos());
            if (first != null) {
              ctx.diags().warn("label-duplicate", h.pos(), "label '" + id + "' is already used at " + first
                  + "; references go to the first");
            }
          }
          String unique = id;
          for (int i = 2; !used.add(unique); i++) unique = id + "-" + i;
          return List.of(new Block.Heading(h.pos(), h.attr().withId(unique), h.level(), h.content()));
        }
        return List.of(b);
      }
    }.blocks(ch.blocks())));
  }

}
