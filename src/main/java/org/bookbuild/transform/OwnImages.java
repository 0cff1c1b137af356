package org.bookbuild.transform;

import java.util.List;
import org.bookbuild.model.Book;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;
import org.bookbuild.project.RepositoryLinks;

/**
 * An image linked by a web address into the project's own repository (see {@link RepositoryLinks}) is the project's
 * own file: when that file is in the project it is placed from there, as if the author had written its path. Other
 * web addresses, and addresses whose file is not in the project, stay as they are (the FO writer shows a placeholder
 * and gives {@code image-remote}). Runs before {@link ResolveFigures} so that the file is measured like any other.
 */
public final class OwnImages implements Transform {
  @Override
  public Book apply(Book book, Context ctx) {
    RepositoryLinks links = RepositoryLinks.of(ctx.project().options().repository());
    if (links == null) return book;
    return book.mapChapters(ch -> ch.withBlocks(new Rewriter() {
      @Override
      protected List<Inline> inline(Inline i) {
        if (i instanceof Inline.Image im && im.src().matches("(?i)^https?://.*")) {
          for (String path : links.candidates(im.src())) {
            if (ctx.world().exists(path)) {
              return List.of(new Inline.Image(im.pos(), im.attr().with("remote", im.src()), "/" + path, im.alt()));
            }
          }
        }
        return List.of(i);
      }
    }.blocks(ch.blocks())));
  }
}
