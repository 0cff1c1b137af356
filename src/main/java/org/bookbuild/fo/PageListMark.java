package org.bookbuild.fo;

import org.bookbuild.model.Inline;

/**
 * The mark around an index entry's page numbers in the FO: an {@code fo:wrapper} with attributes in a namespace of
 * our own, which FOP ignores. Inside it each page number is one child element (a link holding an
 * {@code fo:page-number-citation}, in a bold {@code fo:inline} for a main entry) and the separators are text between
 * them. The per-chapter renderer ({@code render.FoSplit}) finds the mark, where the pages are known, and prints the
 * numbers deduplicated, in page order and with runs merged into ranges; the mark carries what it needs from the
 * style: the range dash and the fewest pages printed as a range.
 */
public final class PageListMark {
  private PageListMark() {}

  /** The namespace of the mark's attributes. */
  public static final String NS = "urn:bookbuild:fo";
  /** The mark: an attribute of the wrapper, its value what the list is ({@code index}). */
  public static final String ATTR = "bb:page-list";
  public static final String DASH = "bb:range-dash";
  public static final String MIN = "bb:range-min";
  /** The model's class for the span of an entry's page numbers, made by the index transform. */
  public static final String CLASS = org.bookbuild.transform.index.BackIndex.PAGES;

  /** Writes the span of an index entry's page numbers inside the mark. */
  static void write(Inline.Span s, Fo fo) {
    fo.xml().start("fo:wrapper").attr("xmlns:bb", NS).attr(ATTR, "index")
        .attr(DASH, fo.style().string("index.range-dash")).attr(MIN, fo.style().string("index.range-min"));
    fo.inlines(s.content());
    fo.xml().end();
  }
}
