package org.bookbuild.fo;

/** The PDF outline (bookmarks) mirroring parts, chapters and sections, from the {@link Outline}. */
final class Bookmarks {
  private Bookmarks() {}

  /** @param fo gives titles as plain text with math in Unicode (a bookmark cannot draw a formula) */
  static void write(Xml x, Fo fo, Outline outline, String contentsId, String contentsTitle) {
    x.start("fo:bookmark-tree");
    x.start("fo:bookmark").attr("internal-destination", contentsId);
    x.element("fo:bookmark-title", contentsTitle);
    x.end();
    for (Outline.Entry e : outline.entries()) entry(x, fo, e);
    x.end();
  }

  private static void entry(Xml x, Fo fo, Outline.Entry e) {
    if (e.isLink()) return; // a toc's web link is in the contents, with its address; the outline holds the book's own places
    x.start("fo:bookmark").attr("internal-destination", e.id()).attr("starting-state", e.level() == 0 ? "show" : "hide");
    String title = fo.plainText(e.title());
    x.element("fo:bookmark-title", e.number().isEmpty() ? title : e.number() + " " + title);
    for (Outline.Entry c : e.children()) entry(x, fo, c);
    x.end();
  }
}
