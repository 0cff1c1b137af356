package org.bookbuild.fo;

import org.bookbuild.model.Metadata;
import org.bookbuild.style.Style;

/** {@code fo:declarations}: the XMP metadata packet FOP merges into the PDF. */
final class Declarations {
  private Declarations() {}

  static void write(Xml x, Metadata meta, Style style) {
    x.start("fo:declarations");
    Xmp.write(x, meta, style);
    x.end();
  }
}
