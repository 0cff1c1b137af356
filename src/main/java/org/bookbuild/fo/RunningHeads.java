package org.bookbuild.fo;

/**
 * The static content of every page-sequence: running heads (chapter on left pages, section on right pages, folio on
 * the outer edge), the folio at the foot of a chapter's opening page, and the footnote separator.
 */
final class RunningHeads {
  private RunningHeads() {}

  static void write(Fo fo, org.bookbuild.model.Metadata meta) {
    Xml x = fo.xml();
    x.start("fo:static-content").attr("flow-name", "head-odd");
    fo.block("header");
    retrieve(x, "section");
    x.start("fo:leader").end();
    fo.inline("folio");
    x.start("fo:page-number").end();
    x.end();
    x.end().end();

    x.start("fo:static-content").attr("flow-name", "head-even");
    fo.block("header");
    fo.inline("folio");
    x.start("fo:page-number").end();
    x.end();
    x.start("fo:leader").end();
    retrieve(x, "chapter");
    x.end().end();

    x.start("fo:static-content").attr("flow-name", "foot-first");
    fo.block("footer").attr("text-align", "end");
    fo.inline("folio");
    x.start("fo:page-number").end();
    x.end();
    x.end();
    draftLine(fo, meta.release());
    x.end();

    if (meta.release().draft()) {
      x.start("fo:static-content").attr("flow-name", PageMasters.FOOT_PLAIN);
      draftLine(fo, meta.release());
      x.end();
    }

    x.start("fo:static-content").attr("flow-name", "xsl-footnote-separator");
    fo.block("plain");
    x.start("fo:leader").attrs(fo.role("footnote.separator")).end();
    x.end().end();
  }

  /** A draft (uncommitted sources) says so at the foot of every page. */
  private static void draftLine(Fo fo, org.bookbuild.model.Metadata.Release r) {
    if (!r.draft()) return;
    fo.block("footer.draft").text(fo.style().string("release.draft-footer", "version", r.version(), "commit",
        r.shortCommit(), "date", r.date())).end();
  }

  private static void retrieve(Xml x, String marker) {
    x.start("fo:retrieve-marker").attr("retrieve-class-name", marker)
        .attr("retrieve-position", "first-including-carryover").attr("retrieve-boundary", "page-sequence").end();
  }
}
