package org.bookbuild.fo;

import org.bookbuild.style.Style;

/**
 * Writes the layout-master-set: page masters for the title pages, plain pages, chapter openings, left and right text
 * pages (mirrored margins with the gutter on the binding side) and truly blank pages, and the page-sequence masters
 * that choose among them. All geometry comes from the style's {@code page} section.
 */
final class PageMasters {
  /** Sequence master for chapters: blank pages blank, first page without running head, then odd/even. */
  static final String CHAPTER = "chapter";
  /** Sequence master for title, copyright and part pages: no running heads, no folios. */
  static final String PLAIN = "plain";

  private PageMasters() {}

  static void write(Xml x, Style s) {
    x.start("fo:layout-master-set");
    String inner = "(" + s.page("margin-inner") + " + " + s.page("gutter") + ")";
    String outer = s.page("margin-outer");
    master(x, s, "p-blank", inner, outer, false, false, true);
    master(x, s, "p-plain", inner, outer, false, false, true);
    master(x, s, "p-first", inner, outer, false, true, true);
    master(x, s, "p-odd", inner, outer, true, false, true);
    master(x, s, "p-even", outer, inner, true, false, false);
    master(x, s, "p-plain-even", outer, inner, false, false, false);

    x.start("fo:page-sequence-master").attr("master-name", CHAPTER);
    x.start("fo:repeatable-page-master-alternatives");
    cond(x, "p-blank", "blank", null, null);
    cond(x, "p-first", null, "first", null);
    cond(x, "p-odd", null, null, "odd");
    cond(x, "p-even", null, null, "even");
    x.end().end();

    x.start("fo:page-sequence-master").attr("master-name", PLAIN);
    x.start("fo:repeatable-page-master-alternatives");
    cond(x, "p-plain", null, null, "odd");
    cond(x, "p-plain-even", null, null, "even");
    x.end().end();
    x.end();
  }

  private static void cond(Xml x, String ref, String blank, String position, String oddEven) {
    x.start("fo:conditional-page-master-reference").attr("master-reference", ref)
        .attr("blank-or-not-blank", blank).attr("page-position", position).attr("odd-or-even", oddEven).end();
  }

  /**
   * One page master. {@code left}/{@code right} are the side margins (inner and outer swap on even pages);
   * {@code header} adds the running-head region, {@code footer} the folio region of chapter openings.
   */
  private static void master(Xml x, Style s, String name, String left, String right, boolean header, boolean footer, boolean odd) {
    x.start("fo:simple-page-master").attr("master-name", name)
        .attr("page-width", s.page("width")).attr("page-height", s.page("height"))
        .attr("margin-top", s.page("margin-top")).attr("margin-bottom", s.page("margin-bottom"))
        .attr("margin-left", left).attr("margin-right", right);
    x.start("fo:region-body").attr("margin-top", "(" + s.page("header-extent") + " + " + s.page("body-top") + ")")
        .attr("margin-bottom", "(" + s.page("footer-extent") + " + " + s.page("body-bottom") + ")").end();
    if (header) x.start("fo:region-before").attr("extent", s.page("header-extent")).attr("region-name", odd ? "head-odd" : "head-even").end();
    if (footer) x.start("fo:region-after").attr("extent", s.page("footer-extent")).attr("region-name", "foot-first").end();
    x.end();
  }
}
