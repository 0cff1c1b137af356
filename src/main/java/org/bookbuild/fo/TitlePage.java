package org.bookbuild.fo;

import org.bookbuild.model.Metadata;

/** The title page (recto): title, subtitle, authors with affiliations, edition. */
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
    x.end();
  }
}
