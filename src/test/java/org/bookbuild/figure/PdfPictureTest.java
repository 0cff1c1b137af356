package org.bookbuild.figure;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Severity;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PDF named as an image (as in a real Jupyter Book course) prints as a picture, not as a FOP error. */
class PdfPictureTest {
  @TempDir Path dir;

  @Test
  void pdfFigurePrints() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("images"));
    try (PDDocument d = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(200, 100));
      d.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
        cs.setNonStrokingColor(0.2f, 0.4f, 0.7f);
        cs.addRect(10, 10, 180, 80);
        cs.fill();
      }
      d.save(dir.resolve("images/sketch.pdf").toFile());
    }
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", "title: PDF figures\nlicense: CC-BY-4.0\ntoc:\n  - file: a.md\n",
        "a.md", "# Sketches\n\n![a sketch](images/sketch.pdf)\n\n<img src='images/sketch.pdf' width=300>\n"));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    assertTrue(built.diags().all().stream().noneMatch(x -> x.severity() != Severity.INFO), built.diags().all().toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      int n = 0;
      for (int i = 0; i < pdf.pageCount(); i++) n += pdf.images(i).size();
      assertEquals(2, n, "both placements print the drawn page");
    }
  }
}
