package org.bookbuild.math;

import org.bookbuild.fo.Fo;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * Writes math into the FO. Until the jlatexmath FOP extension lands, formulas are set as their TeX source in the
 * code style so that nothing is lost.
 */
public final class MathFo {
  private MathFo() {}

  public static void inline(Fo fo, Inline.MathInline m) {
    fo.inline("inline.code");
    fo.xml().text(m.tex());
    fo.xml().end();
  }

  public static void display(Fo fo, Block.MathBlock m) {
    fo.block("code");
    fo.id(m.attr().id());
    fo.xml().text(m.tex() + (m.attr().get("number") == null ? "" : "   (" + m.attr().get("number") + ")"));
    fo.xml().end();
  }
}
