package org.bookbuild.parse.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 2 of issue 6: a notebook with every output type, built to PDF and inspected with PDFBox. */
class NotebookPdfTest {
  @TempDir Path dir;

  @Test
  void everyOutputTypeReachesThePage() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "nb.ipynb"),
        "nb.ipynb", NotebookTest.everyOutput()));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    StringBuilder text = new StringBuilder();
    int images = 0, paths = 0;
    try (PdfInspector pdf = PdfInspector.open(built.pdf()); PDDocument doc = Loader.loadPDF(built.pdf().toFile())) {
      for (int p = 0; p < pdf.pageCount(); p++) {
        text.append(pdf.text(p)).append('\n');
        for (PdfInspector.Image im : pdf.images(p)) if (im.width() == 300 && im.height() == 200) images++;
        paths += Paths.count(doc.getPage(p));
      }
    }
    String all = text.toString();
    assertEquals(1, images, "the PNG output is painted as an image");
    assertTrue(paths > 60, "SVG output and plotly figure drawn as vector paths, found " + paths);
    assertTrue(all.contains("Time in seconds") && all.contains("Wave form"), "plotly titles as text: " + all);
    // the y-axis title is set rotated; text extraction returns it in pieces
    assertTrue(all.replaceAll("\\s", "").contains("Amplitude"), "rotated y-axis title as text");
    assertTrue(all.contains("alpha") && all.contains("beta") && all.contains("-2.25") && all.contains("x & y"), "DataFrame as a table");
    assertTrue(all.contains("2 rows"));
    assertTrue(all.contains("ZeroDivisionError"));
    assertTrue(all.matches("(?s).*Figure 1\\.1\\.? ?A sine wave.*"), "labelled output is a numbered figure");
    assertTrue(all.contains("The wave is drawn in Figure 1.1"), "the labelled output is referable");
    assertFalse(all.contains("SECRET_INPUT"), "removed input not printed");
    assertFalse(all.contains("HIDDEN_CELL"), "hidden cell not printed");
    assertFalse(all.contains("REMOVED_OUTPUT"));
    assertTrue(built.fo().contains("fox:alt-text"), "images carry alt text");
  }

  /** Counts stroked and filled paths a page paints (vector drawing, including inside forms). */
  static final class Paths extends org.bookbuild.check.GraphicsWalk {
    int n;

    Paths(PDPage page) {
      super(page);
    }

    static int count(PDPage page) throws IOException {
      Paths p = new Paths(page);
      p.processPage(page);
      return p.n;
    }

    @Override public void strokePath() { n++; }
    @Override public void fillPath(int windingRule) { n++; }
    @Override public void fillAndStrokePath(int windingRule) { n++; }
  }
}
