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
  /** The foot region of pages without a folio there (used for the draft line). */
  static final String FOOT_PLAIN = "foot-plain";
  /** Sequence master for the back-of-book index: as {@link #CHAPTER}, with the body set in columns. */
  static final String COLUMNS = "chapter-columns";

  private PageMasters() {}

  static void write(Xml x, Style s) {
    x.start("fo:layout-master-set");
    String inner = "(" + s.page("margin-inner") + " + " + s.page("gutter") + ")";
    String outer = s.page("margin-outer");
    master(x, s, "p-blank", outer, inner, false, false, false);   // blank pages end a sequence: always verso
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

    String cols = s.pageSettings().containsKey("index-columns") ? s.page("index-columns") : "2";
    String gap = s.pageSettings().containsKey("column-gap") ? s.page("column-gap") : "12pt";
    columns(x, s, "p-first-c", inner, outer, false, true, true, cols, gap);
    columns(x, s, "p-odd-c", inner, outer, true, false, true, cols, gap);
    columns(x, s, "p-even-c", outer, inner, true, false, false, cols, gap);
    x.start("fo:page-sequence-master").attr("master-name", COLUMNS);
    x.start("fo:repeatable-page-master-alternatives");
    cond(x, "p-blank", "blank", null, null);
    cond(x, "p-first-c", null, "first", null);
    cond(x, "p-odd-c", null, null, "odd");
    cond(x, "p-even-c", null, null, "even");
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
    columns(x, s, name, left, right, header, footer, odd, null, null);
  }

  /**
   * Print geometry when a press asks for it (page settings {@code bleed-recto}/{@code bleed-verso} as "top right bottom
   * left", {@code crop-offset}, {@code crop-box}, set by {@code press.PressLayout}): FOP then writes MediaBox = trim +
   * bleed (+ crop offset), BleedBox and TrimBox on every page, the bleed on the outside edge of each side.
   */
  private static void print(Xml x, Style s, boolean recto) {
    java.util.Map<String, Object> p = s.pageSettings();
    Object bleed = p.get(recto ? "bleed-recto" : "bleed-verso");
    if (bleed == null) return;
    x.attr("fox:bleed", String.valueOf(bleed));
    if (p.containsKey("crop-offset")) x.attr("fox:crop-offset", String.valueOf(p.get("crop-offset")));
    if (p.containsKey("crop-box")) x.attr("fox:crop-box", String.valueOf(p.get("crop-box")));
  }

  /** A page master whose body has {@code columns} columns (null: one) separated by {@code gap}. */
  private static void columns(Xml x, Style s, String name, String left, String right, boolean header, boolean footer,
      boolean odd, String columns, String gap) {
    x.start("fo:simple-page-master").attr("master-name", name)
        .attr("page-width", s.page("width")).attr("page-height", s.page("height"))
        .attr("margin-top", s.page("margin-top")).attr("margin-bottom", s.page("margin-bottom"))
        .attr("margin-left", left).attr("margin-right", right);
    print(x, s, odd);
    x.start("fo:region-body").attr("margin-top", "(" + s.page("header-extent") + " + " + s.page("body-top") + ")")
        .attr("margin-bottom", "(" + s.page("footer-extent") + " + " + s.page("body-bottom") + ")")
        .attr("column-count", columns).attr("column-gap", gap).end();
    if (header) x.start("fo:region-before").attr("extent", s.page("header-extent")).attr("region-name", odd ? "head-odd" : "head-even").end();
    x.start("fo:region-after").attr("extent", s.page("footer-extent")).attr("region-name", footer ? "foot-first" : FOOT_PLAIN).end();
    x.end();
  }
}
