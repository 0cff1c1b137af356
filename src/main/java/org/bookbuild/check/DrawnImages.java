package org.bookbuild.check;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Runs a page's content stream and records every raster image it actually paints (XObject or inline), including
 * those inside forms. Resource dictionaries alone would not do: FOP shares one among pages.
 */
final class DrawnImages extends PDFGraphicsStreamEngine {
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

  // Paths are irrelevant here; the engine needs these to walk the stream.
  @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}
  @Override public void clip(int windingRule) {}
  @Override public void moveTo(float x, float y) {}
  @Override public void lineTo(float x, float y) {}
  @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}
  @Override public Point2D getCurrentPoint() { return new Point2D.Float(); }
  @Override public void closePath() {}
  @Override public void endPath() {}
  @Override public void strokePath() {}
  @Override public void fillPath(int windingRule) {}
  @Override public void fillAndStrokePath(int windingRule) {}
  @Override public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {}
}
