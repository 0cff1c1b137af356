package org.bookbuild.finish;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The cover's page boxes (TrimBox inside the bleed, BleedBox = MediaBox) and, when asked for ({@code --guides}),
 * guide lines: the trim, the spine folds, each panel's safety zone and the barcode area, in thin magenta. Rectangles
 * are given from the page's top left, as the cover's FO has them.
 */
public record CoverMarks(double bleed, List<double[]> guides) implements FinishStep {
  @Override
  public void apply(PDDocument doc) throws IOException {
    PDPage page = doc.getPage(0);
    PDRectangle m = page.getMediaBox();
    page.setBleedBox(m);
    page.setTrimBox(new PDRectangle((float) (m.getLowerLeftX() + bleed), (float) (m.getLowerLeftY() + bleed),
        (float) (m.getWidth() - 2 * bleed), (float) (m.getHeight() - 2 * bleed)));
    if (guides.isEmpty()) return;
    try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
      cs.setStrokingColor(0f, 1f, 0f, 0f);
      cs.setLineWidth(0.5f);
      for (double[] r : guides) {
        cs.addRect((float) (m.getLowerLeftX() + r[0]), (float) (m.getUpperRightY() - r[1] - r[3]), (float) r[2], (float) r[3]);
        cs.stroke();
      }
    }
  }
}
