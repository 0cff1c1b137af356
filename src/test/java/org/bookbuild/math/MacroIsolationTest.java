package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.fo.Xml;
import org.bookbuild.model.Inline;
import org.junit.jupiter.api.Test;

/** Issue 4, acceptance 5: two books with different macro tables in one JVM each get their own. */
class MacroIsolationTest {
  static String fo(MathContext ctx, String tex) {
    Xml x = new Xml();
    MathFo.inline(x, new Inline.MathInline(SourcePos.of("a.md", 1, 1), tex), ctx);
    return x.toString();
  }

  @Test
  void twoBooksInOneJvmKeepTheirOwnMacros() {
    Diagnostics d1 = new Diagnostics();
    Diagnostics d2 = new Diagnostics();
    MathContext book1 = new MathContext(Map.of("\\RR", "\\mathbb{R}", "\\norm", "\\left\\lVert #1 \\right\\rVert"), d1, null);
    MathContext book2 = new MathContext(Map.of("\\RR", "\\mathcal{R}"), d2, null);
    assertTrue(fo(book1, "x \\in \\RR").contains(">x \\in \\mathbb{R}<"));
    assertTrue(fo(book2, "x \\in \\RR").contains(">x \\in \\mathcal{R}<"));
    assertTrue(fo(book1, "\\norm{v}").contains("\\left\\Vert  v \\right\\Vert"));
    // \norm is only in the compatibility table for book 2 (one argument, \Vert delimiters): no leak of book 1's body.
    assertFalse(fo(book2, "\\norm{v}").contains("\\lVert"));
    // A \newcommand in one book's formula is not visible in the other.
    fo(book1, "\\newcommand{\\only}{q} \\only");
    String other = fo(book2, "\\only");
    assertEquals(1, d2.byRule("math-parse").size(), other);
    assertEquals(0, d1.byRule("math-parse").size());
    // jlatexmath's own global table was never touched: a fresh check of \only fails there too.
    assertNotNull(Typesetter.check("\\only", false));
  }
}
