package org.bookbuild.fo;

import org.bookbuild.model.Metadata;
import org.bookbuild.style.Style;

/** {@code fo:declarations}: the XMP metadata packet FOP merges into the PDF, and the release in the document information. */
public final class Declarations {
  private Declarations() {}

  public static void write(Xml x, Metadata meta, Style style) {
    x.start("fo:declarations");
    Xmp.write(x, meta, style);
    Metadata.Release r = meta.release();
    if (r.versioned()) {
      // custom entries of the document information dictionary (FOP's pdf:info extension)
      x.start("pdf:info").attr("xmlns:pdf", "http://xmlgraphics.apache.org/fop/extensions/pdf");
      x.start("pdf:name").attr("key", "Version").text(r.version()).end();
      if (!r.commit().isEmpty()) x.start("pdf:name").attr("key", "Commit").text(r.commit()).end();
      if (!r.edition().isEmpty()) x.start("pdf:name").attr("key", "Edition").text(r.edition()).end();
      if (r.draft()) x.start("pdf:name").attr("key", "Draft").text("true").end();
      x.end();
    }
    x.end();
  }
}
