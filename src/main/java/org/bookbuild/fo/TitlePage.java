package org.bookbuild.fo;

import org.bookbuild.model.Metadata;

/** The title page (recto): title, subtitle, authors with affiliations, edition, named edition and version. */
final class TitlePage {
  private TitlePage() {}

  static void write(Fo fo, Metadata m) {
    Xml x = fo.xml();
    fo.block("title.block");
    fo.block("title.title").text(m.title()).end();
    if (!m.subtitle().isEmpty()) fo.block("title.subtitle").text(m.subtitle()).end();
    for (Metadata.Author a : m.authors()) {
      fo.block("title.author").text(a.name()).end();
      if (!a.affiliation().isEmpty()) fo.block("title.affiliation").text(a.affiliation()).end();
    }
    if (!m.edition().isEmpty()) fo.block("title.edition").text(m.edition()).end();
    Metadata.Release r = m.release();
    if (!r.editionLine().isEmpty()) fo.block("title.edition-name").text(r.editionLine()).end();
    if (r.versioned()) {
      fo.block("title.version").text(fo.style().string("release.title", "version", r.version(), "commit", r.shortCommit(),
          "date", r.date())).end();
      if (r.draft()) fo.block("copyright.draft").text(fo.style().string("release.draft")).end();
    }
    x.end();
  }
}
