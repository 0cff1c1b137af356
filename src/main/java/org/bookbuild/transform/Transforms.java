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
      new org.bookbuild.transform.cite.CitationSyntax(),
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
    return apply(book, ctx, timings, null);
  }

  /**
   * @param memo what a resident process kept of each transform's work on each chapter (null: none): chapters whose
   *     result cannot have changed are taken from it
   */
  public static Book apply(Book book, Context ctx, org.bookbuild.diag.Timings timings, TransformMemo memo) {
    Book b = book;
    if (memo != null) memo.begin(ctx);
    for (int i = 0; i < LIST.size(); i++) {
      Transform t = LIST.get(i);
      long t0 = System.nanoTime();
      b = TransformMemo.apply(t, i, b, ctx, memo);
      if (timings != null) timings.addUp(t.getClass().getSimpleName(), System.nanoTime() - t0);
    }
    return b;
  }
}
