package org.bookbuild.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Runs a page's content stream and records every raster image it actually paints (XObject or inline), including
 * those inside forms. Resource dictionaries alone would not do: FOP shares one among pages.
 */
final class DrawnImages extends GraphicsWalk {
  private final List<PdfInspector.Image> found = new ArrayList<>();

  private DrawnImages(PDPage page) {
    super(page);
  }

  static List<PdfInspector.Image> of(PDPage page) throws IOException {
    DrawnImages d = new DrawnImages(page);
    d.processPage(page);
    return d.found;
  }

  @Override
  public void drawImage(PDImage img) {
    String kind = img instanceof PDImageXObject ? "xobject" : "inline";
    found.add(new PdfInspector.Image(kind, img.getWidth(), img.getHeight(), img.getBitsPerComponent()));
  }

}
