package org.bookbuild.finish;

import java.io.IOException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.function.PDFunctionType2;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;

/**
 * Crop and registration marks for an offset press, drawn in the slug between the BleedBox and the MediaBox (never
 * inside the bleed): at each trim corner a horizontal and a vertical line on the trim lines, and a registration target
 * at the middle of each side. They are drawn in the registration colour (Separation /All), so they print on every
 * plate.
 */
public record CropMarks(double gap, double width) implements FinishStep {
  /** 3 pt from the bleed, 0.25 pt lines: the usual offset marks. */
  public static final CropMarks OFFSET = new CropMarks(3, 0.25);

  @Override
  public void apply(PDDocument doc) throws IOException {
    PDSeparation all = registration();
    for (PDPage page : doc.getPages()) {
      PDRectangle m = page.getMediaBox(), b = page.getBleedBox(), t = page.getTrimBox();
      if (m.equals(b)) continue;   // no room outside the bleed
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        cs.setStrokingColor(new PDColor(new float[] {1}, all));
        cs.setLineWidth((float) width);
        // corners: vertical marks above/below the bleed on the trim's x, horizontal ones beside it on the trim's y
        for (float x : new float[] {t.getLowerLeftX(), t.getUpperRightX()}) {
          line(cs, x, b.getUpperRightY() + gap, x, m.getUpperRightY());
          line(cs, x, m.getLowerLeftY(), x, b.getLowerLeftY() - gap);
        }
        for (float y : new float[] {t.getLowerLeftY(), t.getUpperRightY()}) {
          line(cs, m.getLowerLeftX(), y, b.getLowerLeftX() - gap, y);
          line(cs, b.getUpperRightX() + gap, y, m.getUpperRightX(), y);
        }
        double cx = (t.getLowerLeftX() + t.getUpperRightX()) / 2, cy = (t.getLowerLeftY() + t.getUpperRightY()) / 2;
        double top = (b.getUpperRightY() + gap + m.getUpperRightY()) / 2, bottom = (m.getLowerLeftY() + b.getLowerLeftY() - gap) / 2;
        double left = (m.getLowerLeftX() + b.getLowerLeftX() - gap) / 2, right = (b.getUpperRightX() + gap + m.getUpperRightX()) / 2;
        double r = Math.min(6, Math.min(m.getUpperRightY() - b.getUpperRightY() - gap, b.getLowerLeftX() - m.getLowerLeftX() - gap) / 2 - 1);
        if (r > 1) {
          target(cs, cx, top, r);
          target(cs, cx, bottom, r);
          target(cs, left, cy, r);
          target(cs, right, cy, r);
        }
      }
    }
  }

  private static void line(PDPageContentStream cs, double x1, double y1, double x2, double y2) throws IOException {
    cs.moveTo((float) x1, (float) y1);
    cs.lineTo((float) x2, (float) y2);
    cs.stroke();
  }

  /** A circle with a cross through it, the registration target. */
  private static void target(PDPageContentStream cs, double x, double y, double r) throws IOException {
    double k = 0.5523 * r;
    cs.moveTo((float) (x + r), (float) y);
    cs.curveTo((float) (x + r), (float) (y + k), (float) (x + k), (float) (y + r), (float) x, (float) (y + r));
    cs.curveTo((float) (x - k), (float) (y + r), (float) (x - r), (float) (y + k), (float) (x - r), (float) y);
    cs.curveTo((float) (x - r), (float) (y - k), (float) (x - k), (float) (y - r), (float) x, (float) (y - r));
    cs.curveTo((float) (x + k), (float) (y - r), (float) (x + r), (float) (y - k), (float) (x + r), (float) y);
    cs.closeAndStroke();
    line(cs, x - r * 1.4, y, x + r * 1.4, y);
    line(cs, x, y - r * 1.4, x, y + r * 1.4);
  }

  /** The registration colour: a Separation named All whose tint prints 100 % on every CMYK plate. */
  static PDSeparation registration() {
    PDSeparation sep = new PDSeparation();
    sep.setColorantName("All");
    sep.setAlternateColorSpace(PDDeviceCMYK.INSTANCE);
    COSDictionary f = new COSDictionary();
    f.setInt(COSName.FUNCTION_TYPE, 2);
    f.setItem(COSName.DOMAIN, arr(0, 1));
    f.setItem(COSName.C0, arr(0, 0, 0, 0));
    f.setItem(COSName.C1, arr(1, 1, 1, 1));
    f.setItem(COSName.N, COSInteger.ONE);
    sep.setTintTransform(new PDFunctionType2(f));
    return sep;
  }

  private static COSArray arr(float... v) {
    COSArray a = new COSArray();
    for (float x : v) a.add(new COSFloat(x));
    return a;
  }
}
