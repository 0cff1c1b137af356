package org.bookbuild.fo;

import org.bookbuild.model.Walk;

/** The PDF outline (bookmarks) mirroring parts, chapters and sections, from the {@link Outline}. */
final class Bookmarks {
  private Bookmarks() {}

  static void write(Xml x, Outline outline, String contentsId, String contentsTitle) {
    x.start("fo:bookmark-tree");
    x.start("fo:bookmark").attr("internal-destination", contentsId);
    x.element("fo:bookmark-title", contentsTitle);
    x.end();
    for (Outline.Entry e : outline.entries()) entry(x, e);
    x.end();
  }

  private static void entry(Xml x, Outline.Entry e) {
    x.start("fo:bookmark").attr("internal-destination", e.id()).attr("starting-state", e.level() == 0 ? "show" : "hide");
    String title = Walk.text(e.title());
    x.element("fo:bookmark-title", e.number().isEmpty() ? title : e.number() + " " + title);
    for (Outline.Entry c : e.children()) entry(x, c);
    x.end();
  }
}
