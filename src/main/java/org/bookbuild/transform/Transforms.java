package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.model.Book;

/**
 * Stage 4: the ordered list of transforms. Per-chapter steps first, book-wide ones after; numbering must precede
 * label collection, which must precede reference resolution (tested in TransformsOrderTest).
 */
public final class Transforms {
  /** The transforms in the order they run. */
  public static final List<Transform> LIST = new ArrayList<>(List.of(
      new OwnImages(),
      new SubRefs(),
      new Abbreviations(),
      new ResolveFigures(),
      new FigureAltText(),
      new HeadingIds(),
      new SubFigures(),
      new Numbering(),
      new SubFigures.Numbers(),
      new EquationNumbers(),
      new PlaceSolutions(),
      new Embeds(),
      new org.bookbuild.transform.cite.Citations(),
      new org.bookbuild.transform.index.BackIndex(),
      new CollectLabels(),
      new ResolveRefs(),
      new SmartQuotes()));

  private Transforms() {}

  public static Book apply(Book book, Context ctx) {
    return apply(book, ctx, null);
  }

  /** @param timings hears each transform's time as {@code transform.<Name>} (null: not timed) */
  public static Book apply(Book book, Context ctx, org.bookbuild.diag.Timings timings) {
    Book b = book;
    for (Transform t : LIST) {
      long t0 = System.nanoTime();
      b = t.apply(b, ctx);
      if (timings != null) timings.addUp(t.getClass().getSimpleName(), System.nanoTime() - t0);
    }
    return b;
  }
}
