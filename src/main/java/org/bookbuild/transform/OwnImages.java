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
 *
 * <p>A local path written percent-encoded ({@code my%20plot.png}, as Markdown editors and Jupyter write a name with
 * spaces) names the decoded file when only that one exists, as a browser reading the page would find it. A picture
 * inside its address ({@code data:image/png;base64,…}) is written to the cache and placed from there.
 */
public final class OwnImages implements ChapterWise<RepositoryLinks, Void> {
  @Override
  public RepositoryLinks begin(Book book, Context ctx) {
    return RepositoryLinks.of(ctx.project().options().repository());
  }

  @Override
  public Done chapter(RepositoryLinks links, Void facts, org.bookbuild.model.Chapter ch, Context ctx) {
    return new Done(ch.withBlocks(new Rewriter() {
      @Override
      protected List<Inline> inline(Inline i) {
        if (i instanceof Inline.Image im && im.attr().get("asset") == null && org.bookbuild.figure.DataUri.isImage(im.src())) {
          return List.of(dataImage(im, ctx));
        }
        if (i instanceof Inline.Image im && im.src().matches(".*%[0-9A-Fa-f]{2}.*")
            && !im.src().matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
          String decoded = decoded(im, ctx);
          if (decoded != null) return List.of(new Inline.Image(im.pos(), im.attr(), decoded, im.alt()));
        }
        if (links != null && i instanceof Inline.Image im && im.src().matches("(?i)^https?://.*")) {
          for (String path : links.candidates(im.src())) {
            if (ctx.world().exists(path)) {
              return List.of(new Inline.Image(im.pos(), im.attr().with("remote", im.src()), "/" + path, im.alt()));
            }
          }
        }
        return List.of(i);
      }
    }.blocks(ch.blocks())), null);
  }

  /** The percent-decoded path when the file exists under it and not under the path as written; else null. */
  private static String decoded(Inline.Image im, Context ctx) {
    String file = im.pos().isKnown() ? im.pos().file() : "";
    try {
      if (ctx.world().exists(ctx.world().resolve(file, im.src()))) return null;
      String d = java.net.URLDecoder.decode(im.src().replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      return ctx.world().exists(ctx.world().resolve(file, d)) ? d : null;
    } catch (IllegalArgumentException | org.bookbuild.io.SandboxException e) {
      return null; // a malformed escape or a path outside the project: reported where the image is placed
    }
  }

  /** A data-address picture placed from the cache; one that cannot be decoded is an {@code image-data} error. */
  private static Inline dataImage(Inline.Image im, Context ctx) {
    String shown = im.src().length() > 40 ? im.src().substring(0, 40) + "\u2026" : im.src();
    try {
      org.bookbuild.figure.DataUri.Stored s = org.bookbuild.figure.DataUri.store(ctx.world(), im.src());
      if (s != null) {
        org.bookbuild.model.Attr a = im.attr().with("asset", s.file().toUri().toString());
        if (s.widthPt() > 0 && s.heightPt() > 0) {
          a = a.with("width-pt", String.format(java.util.Locale.ROOT, "%.2f", s.widthPt()))
              .with("height-pt", String.format(java.util.Locale.ROOT, "%.2f", s.heightPt()));
        }
        return new Inline.Image(im.pos(), a, s.file().getFileName().toString(), im.alt());
      }
      ctx.diags().error("image-data", im.pos(), "the picture inside this data address cannot be read: " + shown);
    } catch (java.io.IOException e) {
      ctx.diags().error("output-unwritable", im.pos(), "cannot write the picture of a data address: " + e.getMessage());
    }
    return new Inline.Problem(im.pos(), "unreadable embedded picture", shown);
  }
}
