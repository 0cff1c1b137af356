package org.bookbuild.edition;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/** The painted paths of a PDF page (bounding box and colour), read with PDFBox: how tests find change bars. */
final class Bars {
  /** A painted path: page index, box in top-down page coordinates (like text positions), colour {@code #rrggbb}. */
  record PathBox(int page, float x0, float top, float x1, float bottom, String colour) {}

  static List<PathBox> paths(Path pdf) throws IOException {
    List<PathBox> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        PDPage page = doc.getPage(i);
        Engine e = new Engine(page, i, out);
        e.processPage(page);
      }
    }
    return out;
  }

  private static final class Engine extends org.bookbuild.check.GraphicsWalk {
    private final int index;
    private final float height;
    private final List<PathBox> out;
    private float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
    private final Point2D.Float current = new Point2D.Float();

    Engine(PDPage page, int index, List<PathBox> out) {
      super(page);
      this.index = index;
      this.height = page.getMediaBox().getHeight();
      this.out = out;
    }

    private void add(Point2D p) {
      minX = Math.min(minX, (float) p.getX());
      maxX = Math.max(maxX, (float) p.getX());
      minY = Math.min(minY, (float) p.getY());
      maxY = Math.max(maxY, (float) p.getY());
    }

    private void emit(boolean stroke) throws IOException {
      if (minX <= maxX) {
        int rgb = (stroke ? getGraphicsState().getStrokingColor() : getGraphicsState().getNonStrokingColor()).toRGB();
        out.add(new PathBox(index, minX, height - maxY, maxX, height - minY, String.format("#%06x", rgb & 0xffffff)));
      }
      reset();
    }

    private void reset() {
      minX = minY = Float.MAX_VALUE;
      maxX = maxY = -Float.MAX_VALUE;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      add(p0);
      add(p1);
      add(p2);
      add(p3);
    }

    @Override
    public void drawImage(PDImage pdImage) {}

    @Override
    public void clip(int windingRule) {}

    @Override
    public void moveTo(float x, float y) {
      current.setLocation(x, y);
      add(new Point2D.Float(x, y));
    }

    @Override
    public void lineTo(float x, float y) {
      current.setLocation(x, y);
      add(new Point2D.Float(x, y));
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      current.setLocation(x3, y3);
      add(new Point2D.Float(x3, y3));
    }

    @Override
    public Point2D getCurrentPoint() {
      return current;
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {
      reset();
    }

    @Override
    public void strokePath() throws IOException {
      emit(true);
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
      emit(false);
    }

    @Override
    public void fillAndStrokePath(int windingRule) throws IOException {
      emit(false);
    }

    @Override
    public void shadingFill(COSName shadingName) {}
  }
}
