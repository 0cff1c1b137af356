package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.fop.pdf.PDFName;
import org.apache.fop.pdf.PDFObject;
import org.bookbuild.diag.Diagnostics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished render leaves no PDF object of FOP's reachable from FOP's own constants: before {@link FopStatics}, the
 * page-label style {@code /D}, the structure types and the cross-reference stream's {@code /XRef} kept the parent they
 * were last put into, and through it the whole document just written (every page and the structure tree).
 */
class FopStaticsTest {
  @TempDir Path tmp;

  static final String FO = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\">"
      + "<fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"200pt\" page-height=\"200pt\">"
      + "<fo:region-body margin=\"10pt\"/></fo:simple-page-master></fo:layout-master-set>\n"
      + "<fo:page-sequence master-reference=\"p\" font-family=\"DejaVu Serif\" format=\"i\"><fo:flow flow-name=\"xsl-region-body\">"
      + "<fo:block role=\"H1\">Preface</fo:block><fo:block>Words before the book.</fo:block></fo:flow></fo:page-sequence>\n"
      + "<fo:page-sequence master-reference=\"p\" font-family=\"DejaVu Serif\" initial-page-number=\"1\">"
      + "<fo:flow flow-name=\"xsl-region-body\"><fo:block role=\"H1\">One</fo:block>"
      + "<fo:table><fo:table-body><fo:table-row><fo:table-cell><fo:block>cell</fo:block></fo:table-cell></fo:table-row>"
      + "</fo:table-body></fo:table><fo:block>The first chapter.</fo:block></fo:flow></fo:page-sequence>\n</fo:root>\n";

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void renderLeavesFopConstantsUnhooked(boolean perChapter) throws Exception {
    Renderer.Job job = FopCrashTest.job(FO, tmp, RenderSettings.DEFAULT.withPerChapter(perChapter).withCache(false));
    Renderer.render(job, new Diagnostics());
    List<PDFObject> constants = FopStatics.constants();
    // the names this render used are among those watched: page label styles /D and /r, structure types /P and /H1
    for (String n : List.of("D", "r", "P", "H1", "XRef")) {
      assertTrue(constants.stream().anyMatch(o -> o instanceof PDFName p && p.getName().equals(n)), n);
    }
    for (PDFObject o : constants) {
      assertNull(o.getParent(), o + " still has a parent");
      assertNull(o.getDocument(), o + " still has a document");
    }
  }
}
