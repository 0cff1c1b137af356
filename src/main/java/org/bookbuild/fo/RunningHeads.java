package org.bookbuild.fo;

/**
 * The static content of every page-sequence: running heads (chapter on left pages, section on right pages, folio on
 * the outer edge), the folio at the foot of a chapter's opening page, the draft line, and the footnote separator.
 * All of it is page furniture: {@code role="artifact"}, so the tagged PDF draws it as {@code /Artifact} marked content
 * (FOP: Pagination Header/Footer) with no structure element — a screen reader does not read "4 Chapter 1 Vectors" at
 * the top of every page. (FOP's converter state that such a region's {@code fo:retrieve-marker} leaves behind is put
 * back by render.ArtifactSafeLayout.)
 */
final class RunningHeads {
  private RunningHeads() {}

  static void write(Fo fo, org.bookbuild.model.Metadata meta) {
    Xml x = fo.xml();
    furniture(x, "head-odd");
    fo.block("header");
    retrieve(x, "section");
    x.start("fo:leader").end();
    fo.inline("folio");
    x.start("fo:page-number").end();
    x.end();
    x.end().end();

    furniture(x, "head-even");
    fo.block("header");
    fo.inline("folio");
    x.start("fo:page-number").end();
    x.end();
    x.start("fo:leader").end();
    retrieve(x, "chapter");
    x.end().end();

    furniture(x, "foot-first");
    fo.block("footer").attr("text-align", "end");
    fo.inline("folio");
    x.start("fo:page-number").end();
    x.end();
    x.end();
    draftLine(fo, meta.release());
    x.end();

    if (meta.release().draft()) {
      furniture(x, PageMasters.FOOT_PLAIN);
      draftLine(fo, meta.release());
      x.end();
    }

    furniture(x, "xsl-footnote-separator");
    fo.block("plain");
    x.start("fo:leader").attrs(fo.role("footnote.separator")).end();
    x.end().end();
  }

  /** Starts the static content of {@code flow}: an artifact, in no structure element. */
  private static void furniture(Xml x, String flow) {
    x.start("fo:static-content").attr("flow-name", flow).attr("role", "artifact");
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
