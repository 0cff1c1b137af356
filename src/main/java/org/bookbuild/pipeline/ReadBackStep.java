package org.bookbuild.pipeline;

import org.bookbuild.check.ReadBack;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;

/**
 * The last step of every build: the finished PDF is read back ({@link ReadBack}) before it is written, and each fault a
 * viewer would meet becomes a {@code pdf-invalid} error naming its page; glyphs drawn as {@code .notdef} become one
 * {@code glyph-missing} warning per page and font. The PDF is still written, so the author can look at the page.
 */
final class ReadBackStep {
  private ReadBackStep() {}

  static void run(byte[] pdf, Diagnostics diags) {
    run(pdf, diags, null);
  }

  /** @param memo traces of content streams read back before in this process ({@code book watch}), or null */
  static void run(byte[] pdf, Diagnostics diags, ReadBack.Memo memo) {
    ReadBack.Report r = ReadBack.read(pdf, false, memo); // text past the trim: the gate and preflight (FOP's layout-overflow names such lines here)
    for (ReadBack.Problem p : r.problems()) {
      diags.report(Diagnostic.error("pdf-invalid", SourcePos.NONE, "the PDF does not read back: "
          + (p.page() > 0 ? "page " + p.page() + ": " : "") + p.message())
          .withHint("this is a bug in bookbuild, not in your sources: please report it with the page's source"));
    }
    for (ReadBack.Notdef n : r.notdefs()) {
      diags.warn("glyph-missing", SourcePos.NONE, "page " + n.page() + ": " + n.count() + " glyph"
          + (n.count() == 1 ? "" : "s") + " of font " + n.font() + " print as blank boxes (.notdef)");
    }
  }
}
